// Parses the attribute table off the page's main thread, and sends it back packed
// (places-table-transfer.ts), so that the map and the page go on drawing meanwhile. The page
// downloads the bytes (the preloaded response: places-table.ts, vite.config.ts) and moves them
// here; a file that is not JSON is answered with fetchJson's message. The page decodes and checks
// the rest.
import { notJson, type DataFile } from './fetch-json.ts';
import { TEXT_FIELDS } from './places-table.ts';
import { packTable, type PackedTable } from './places-table-transfer.ts';

export type TableWorkerRequest = { bytes: ArrayBuffer; what: DataFile };
export type TableWorkerReply = { table: PackedTable } | { error: string };

const reply = (message: TableWorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as Worker).postMessage(message, transfer);

self.onmessage = (e: MessageEvent<TableWorkerRequest>) => {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(e.data.bytes));
  } catch {
    reply({ error: notJson(e.data.what).message });
    return;
  }
  const { table, transfer } = packTable(json, TEXT_FIELDS);
  reply({ table }, transfer);
};
