// Parses the attribute table off the page's main thread, and sends it back packed, a big part per
// message (places-table-transfer.ts), so that the map and the page go on drawing meanwhile. The page
// downloads the bytes (the preloaded response: places-table.ts, vite.config.ts) and moves them
// here; a file that is not JSON is answered with fetchJson's message. It checks that the build's
// list order is sorted; the page decodes and checks the rest.
import { notJson, type DataFile } from './fetch-json.ts';
import { isBinaryTable } from './places-table-binary.ts';
import { packBinaryForPage, packForPage } from './places-table.ts';
import type { TableMessage } from './places-table-transfer.ts';

export type TableWorkerRequest = { bytes: ArrayBuffer; what: DataFile };
export type TableWorkerReply = TableMessage;

const reply = (message: TableWorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (e: MessageEvent<TableWorkerRequest>) => {
  // The form the app downloads needs no parsing: read in place (places-table-binary.ts).
  if (isBinaryTable(e.data.bytes)) {
    for (const { message, transfer } of packBinaryForPage(e.data.bytes)) reply(message, transfer);
    return;
  }
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(e.data.bytes));
  } catch {
    reply({ error: notJson(e.data.what).message });
    return;
  }
  // The list order is checked here, on the worker's thread: at 100,000 places 60 ms less on the page's.
  // In parts, each a message of its own: the page takes each in a task of its own.
  for (const { message, transfer } of packForPage(json)) reply(message, transfer);
};
