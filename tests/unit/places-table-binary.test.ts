// The attribute table as the app downloads it (data/places.bin, src/data/places-table-binary.ts):
// the same table as data/places.json, so the same places reach the app; bytes cut short, or not
// such a file at all, are refused with the message the page shows.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { datasetFrom } from '../../src/data/load-dataset.ts';
import { packBinaryForPage, type PlacesTable } from '../../src/data/places-table.ts';
import { encodePlacesTableBinary, isBinaryTable, readPlacesTableBinary } from '../../src/data/places-table-binary.ts';
import { tableReceiver, unpackTable } from '../../src/data/places-table-transfer.ts';
import { documents, readJson, realDataset, regions, taxonomy } from '../support/dataset.ts';

const committed = () => readJson<PlacesTable>('data/places.json');
const load = (table: unknown) => datasetFrom(table, taxonomy, regions, documents);
const bufferOf = (bytes: Uint8Array) =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
/** The bytes as the page gets them from the worker (places-table.worker.ts), message by message. */
const viaWorker = (bytes: ArrayBuffer) => {
  const receiver = tableReceiver();
  let done: { table: unknown } | null = null;
  for (const { message, transfer } of packBinaryForPage(bytes.slice(0)))
    done = receiver.take(structuredClone(message, { transfer }));
  return done!.table;
};

describe('the binary attribute table', () => {
  test('data/places.bin is the committed places.json, encoded (the build writes both from one table)', () => {
    const file = readFileSync(resolve(import.meta.dirname, '../../data/places.bin'));
    expect(Buffer.from(encodePlacesTableBinary(committed())).equals(file)).toBe(true);
  });

  test('read on the page or through the worker, it gives the places the JSON gives, in list order', () => {
    const bytes = bufferOf(encodePlacesTableBinary(committed()));
    expect(isBinaryTable(bytes)).toBe(true);
    const direct = realDataset();
    for (const table of [unpackTable(readPlacesTableBinary(bytes)), viaWorker(bytes)]) {
      const d = load(table);
      expect(d.problems).toEqual([]);
      expect(d.features).toEqual(direct.features);
      expect(d.listOrder).toEqual(direct.listOrder);
    }
    // The worker checked the order, as it does for the JSON.
    expect(load(viaWorker(bytes)).listOrderSorted).toBe(true);
  });

  test('numbers keep their exact values: whole numbers of any width, coordinates as doubles', () => {
    const table = committed();
    const columns = table.columns as unknown as Record<string, number[]>;
    columns.sources[1] = 70_000; // wider than 16 bits
    columns.origin[0] = 118.123456789012;
    const read = unpackTable(readPlacesTableBinary(bufferOf(encodePlacesTableBinary(table)))) as PlacesTable;
    const out = read.columns as unknown as Record<string, ArrayLike<number>>;
    expect(Array.from(out.sources)).toEqual(columns.sources);
    expect(out.origin[0]).toBe(118.123456789012);
    expect(Array.from(out.bbox)).toEqual(columns.bbox);
    expect(Array.from(out.list_order)).toEqual(columns.list_order);
    expect(read.strings).toEqual(table.strings);
    expect(read.columns.name_zh_hant).toEqual(table.columns.name_zh_hant);
  });

  test('a damaged row is left out with its reason, as in the JSON', () => {
    const table = committed();
    (table.columns as unknown as Record<string, number[]>).kind[4] = 9999;
    const d = load(viaWorker(bufferOf(encodePlacesTableBinary(table))));
    expect(d.problems).toEqual(load(table).problems);
    expect(d.problems).toHaveLength(1);
    expect(d.features).toHaveLength(realDataset().features.length - 1);
  });

  test('bytes cut short anywhere, or that are another file, are refused with a message that says so', () => {
    const bytes = bufferOf(encodePlacesTableBinary(committed()));
    for (const end of [6, 40, Math.floor(bytes.byteLength / 3), bytes.byteLength - 1]) {
      const cut = bytes.slice(0, end);
      const message = packBinaryForPage(cut)[0].message;
      expect(message).toEqual({
        error: expect.stringMatching(/^The plan data file is damaged \(.+\)\. 规划数据文件已损坏/),
      });
      expect(() => tableReceiver().take(message)).toThrow(/damaged/);
    }
    const json = new TextEncoder().encode(JSON.stringify(committed()));
    expect(isBinaryTable(bufferOf(json))).toBe(false);
    expect(packBinaryForPage(bufferOf(json))[0].message).toEqual({
      error: expect.stringMatching(/not a plan data table/),
    });
    // A header that is not JSON.
    const broken = new Uint8Array(bytes.slice(0));
    broken[9] = 0x7b; // '{' twice
    broken[8] = 0x7b;
    expect(packBinaryForPage(broken.buffer)[0].message).toEqual({
      error: expect.stringMatching(/header is not readable/),
    });
  });
});
