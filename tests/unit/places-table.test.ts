// The attribute table's columns (src/data/places-table.ts): what the build encodes the app decodes
// to the same places; a damaged row is left out with its reason and the rest load; a file that is
// not such a table, or whose columns do not match its rows, is refused with a message that says why.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { datasetFrom } from '../../src/data/load-dataset.ts';
import {
  decodePlacesTable,
  decodePlacesTableInSlices,
  listOrderIsSorted,
  packForPage,
  PLACES_TABLE_VERSION,
  type PlacesTable,
} from '../../src/data/places-table.ts';
import { rollupOf } from '../../src/data/taxonomy.ts';
import { tableReceiver } from '../../src/data/places-table-transfer.ts';
import { EMPTY_FILTERS, listOrderOf, selectPlaces } from '../../src/data/query.ts';
import { documents, readJson, realDataset, regions, searchTables, taxonomy } from '../support/dataset.ts';
import { buildSearchIndex, placeSearchText } from '../../src/data/search/index.ts';
import { placeWordsOf } from '../../src/data/search/place-words.ts';
import { makeFolder } from '../../src/data/search/fold.ts';

const committed = () => readJson<PlacesTable>('data/places.json');
const load = (table: unknown) => datasetFrom(table, taxonomy, regions, documents);
/** The table as the page gets it from the worker that parses it (places-table.worker.ts). */
const viaWorker = (table: unknown) => {
  const receiver = tableReceiver();
  let done: { table: unknown } | null = null;
  for (const { message, transfer } of packForPage(structuredClone(table)))
    done = receiver.take(structuredClone(message, { transfer }));
  return done!.table;
};

describe('the attribute table', () => {
  test('places share one array per distinct list (industries, documents, prefectures), read-only', () => {
    const { features } = realDataset();
    const byList = new Map<string, string[]>();
    for (const f of features) {
      const key = f.docs.join('|');
      const seen = byList.get(key);
      if (seen) expect(f.docs).toBe(seen);
      else byList.set(key, f.docs);
    }
    expect(byList.size).toBeLessThan(features.length / 4);
  });

  test('is a fraction of the GeoJSON table it replaced (the same rows as features, one line per column)', () => {
    const text = readFileSync('data/places.json', 'utf8');
    expect(text.split('\n').length).toBeLessThan(60);
    // Each string of the table's vocabulary is stored once.
    const { strings } = committed();
    expect(new Set(strings).size).toBe(strings.length);
  });

  test("the build's list order is the list's; a list order that is wrong is not trusted", () => {
    const sorted = (table: unknown) => selectPlaces(load(table), EMPTY_FILTERS, null).map((f) => f.id);
    const expected = sorted({ ...committed(), columns: { ...committed().columns, list_order: undefined } });
    const table = committed();
    expect(table.columns.list_order.map((row) => table.columns.id[row])).toEqual(expected);
    expect(sorted(table)).toEqual(expected);
    const reversed = committed();
    reversed.columns.list_order.reverse();
    expect(sorted(reversed)).toEqual(expected);
    const repeated = committed();
    repeated.columns.list_order[5] = repeated.columns.list_order[4];
    expect(sorted(repeated)).toEqual(expected);
  });

  test("the build's folded search words (data/search-words.json) are what the app would fold itself, also when a row is left out", () => {
    const dataset = realDataset();
    const file = readJson('data/search-words.json');
    const words = placeWordsOf(dataset.features, file);
    expect(words).not.toBeNull();
    const given = buildSearchIndex(dataset, searchTables, words);
    const computed = buildSearchIndex(dataset, searchTables);
    expect(given.text).toBe(computed.text);
    expect([...given.starts]).toEqual([...computed.starts]);
    const folder = makeFolder(searchTables);
    dataset.features.forEach((f, i) =>
      expect(words!.text.slice(words!.starts[i], words!.starts[i + 1])).toBe(placeSearchText(folder, f)),
    );
    const damaged = committed();
    damaged.columns.kind[7] = -3;
    const partial = load(damaged);
    expect(partial.features).toHaveLength(damaged.rows - 1);
    const partialWords = placeWordsOf(partial.features, file);
    expect(buildSearchIndex(partial, searchTables, partialWords).text).toBe(
      buildSearchIndex(partial, searchTables).text,
    );
    // Without the search tables (they failed to load) the app folds as it searches: as typed.
    expect(buildSearchIndex(dataset, null, words).text).toBe(buildSearchIndex(dataset, null).text);
    // A place that claims another's row (made up in the app) gets no words from the file.
    expect(placeWordsOf([...dataset.features, { ...dataset.features[3], id: 'made-up' }], file)).toBeNull();
    // A file that does not fit the table (another build's) is not used.
    expect(placeWordsOf(dataset.features, { ...(file as object), rows: 3 })).toBeNull();
    expect(placeWordsOf(dataset.features, { type: 'FeatureCollection' })).toBeNull();
  });

  test.each([
    [
      'an unknown kind',
      (t: PlacesTable): void => {
        t.columns.kind[3] = t.strings.indexOf('350000');
      },
      'unknown kind',
    ],
    [
      'a missing name',
      (t: PlacesTable): void => {
        t.columns.name_en[3] = '';
      },
      'name_en missing',
    ],
    [
      'a code past the lists',
      (t: PlacesTable): void => {
        t.columns.industries[3] = (t.lists as number[][]).length + 5;
      },
      'industries is not a value of the table',
    ],
    [
      'a duplicate id',
      (t: PlacesTable): void => {
        t.columns.id[3] = t.columns.id[2];
      },
      'duplicate id',
    ],
    [
      'a box with west east of east',
      (t: PlacesTable): void => {
        t.columns.bbox[12] = 200;
      },
      'no usable bounding box',
    ],
    [
      'a clause that ends before it starts',
      (t: PlacesTable): void => {
        t.columns.sources[t.columns.sources_at[3] + 2] = 0;
      },
      'a source clause is malformed',
    ],
    [
      'a clause of an unknown document',
      (t: PlacesTable): void => {
        t.columns.sources[t.columns.sources_at[3]] = t.strings.indexOf('350000');
      },
      'a source clause is malformed',
    ],
  ] as const)('a row with %s is left out with its reason; every other row loads', (_, damage, reason) => {
    const table = committed();
    const id = table.columns.id[3];
    damage(table);
    const dataset = load(table);
    // The same through the worker's packing, to the same places.
    const packed = load(viaWorker(table));
    expect(packed.problems).toEqual(dataset.problems);
    expect(packed.features).toEqual(dataset.features);
    expect(dataset.problems).toEqual([`${table.columns.id[3] || id}: ${reason}`]);
    expect(dataset.features).toHaveLength(table.rows - 1);
    expect(dataset.features.map((f) => f.id)).toEqual(
      realDataset()
        .features.map((f) => f.id)
        .filter((_, i) => i !== 3),
    );
  });

  test.each([
    [
      'a GeoJSON FeatureCollection',
      (): unknown => ({ type: 'FeatureCollection', features: [] }),
      /The plan data file is damaged \(format: /,
    ],
    ['a newer version', (): unknown => ({ ...committed(), version: PLACES_TABLE_VERSION + 1 }), /damaged \(version: /],
    [
      'a column cut short (a truncated file re-joined)',
      (): unknown => {
        const t = committed();
        t.columns.name_en = t.columns.name_en.slice(0, 10);
        return t;
      },
      /damaged \(column name_en has 10 values for 185 rows\)/,
    ],
    [
      'a column missing',
      (): unknown => {
        const t = committed() as unknown as { columns: Record<string, unknown> };
        delete t.columns.bbox;
        return t;
      },
      /damaged \(column bbox is missing\)/,
    ],
    ['no file content at all', (): unknown => null, /damaged/],
  ] as const)('%s is refused with a message in English and Chinese', (_, make, message) => {
    expect(() => load(make())).toThrow(message);
    expect(() => load(make())).toThrow(/规划数据文件已损坏/);
    expect(() => load(viaWorker(make()))).toThrow(message);
  });

  test('decoded in slices (a pause between them, as the page does), the table gives the same places and problems', async () => {
    const documentById = new Map(documents.map((d) => [d.doc, d]));
    const rollup = rollupOf(taxonomy.industries);
    const table = committed();
    table.columns.kind[120] = -3;
    let pauses = 0;
    const sliced = await decodePlacesTableInSlices(
      viaWorker(table),
      documentById,
      rollup,
      async () => void pauses++,
      50,
    );
    expect(pauses).toBe(Math.ceil(table.rows / 50) - 1);
    const whole = decodePlacesTable(table, documentById, rollup);
    expect(sliced.problems).toEqual(whole.problems);
    expect(sliced.problems).toHaveLength(1);
    expect(sliced.features).toEqual(whole.features);
    expect(sliced.listOrder).toEqual(whole.listOrder);
  });

  test("the worker checks the build's list order, so the page need not; where it does not hold the page sorts", () => {
    const table = committed();
    expect(listOrderIsSorted(table)).toBe(true);
    const direct = load(table);
    const fromWorker = load(viaWorker(table));
    // Only the worker's own check counts: a file read on the page is checked there.
    expect(fromWorker.listOrderSorted).toBe(true);
    expect(direct.listOrderSorted).toBe(false);
    const order = (d: typeof direct) => selectPlaces(d, EMPTY_FILTERS, null).map((f) => f.id);
    expect(order(fromWorker)).toEqual(order(direct));

    // Two neighbours swapped: not sorted, and the page's list is in list order all the same.
    const swapped = committed();
    const o = swapped.columns.list_order;
    [o[10], o[11]] = [o[11], o[10]];
    expect(listOrderIsSorted(swapped)).toBe(false);
    const resorted = load(viaWorker(swapped));
    expect(resorted.listOrderSorted).toBe(false);
    expect(order(resorted)).toEqual(order(direct));

    // What the check cannot read is not vouched for, and does not throw.
    const noOrder = committed() as unknown as { columns: Record<string, unknown> };
    delete noOrder.columns.list_order;
    expect(listOrderIsSorted(noOrder)).toBe(false);
    expect(listOrderIsSorted({ ...committed(), strings: 'x' })).toBe(false);
    expect(listOrderIsSorted(null)).toBe(false);
    expect(listOrderIsSorted([1, 2])).toBe(false);
  });

  test('an order the worker found sorted is taken as it is; one that does not list each place once is not', () => {
    const { features } = realDataset();
    const sorted = listOrderOf(features);
    const reversed = [...sorted].reverse();
    // Checked as sorted: not compared again (the page would sort it otherwise).
    expect(listOrderOf(features, reversed, true)).toEqual(reversed);
    expect(listOrderOf(features, reversed, false)).toEqual(sorted);
    // A place twice (and one missing) is sorted anew, whoever checked it.
    const twice = [...sorted];
    twice[1] = twice[0];
    expect(listOrderOf(features, twice, true)).toEqual(sorted);
    expect(listOrderOf(features, sorted.slice(1), true)).toEqual(sorted);
  });

  test('the worker sends the table a big part per message (the page takes each in a task of its own), then the rest', () => {
    const messages = packForPage(committed());
    const parts = messages.flatMap(({ message }) => ('part' in message ? [message.part] : []));
    // The vocabulary, the lists and every column alone; the last message is the rest.
    expect(parts.map((p) => p.key || p.part)).toEqual(['strings', 'lists', ...Object.keys(committed().columns)]);
    expect('table' in messages.at(-1)!.message).toBe(true);
    expect(messages.slice(0, -1).every(({ message }) => 'part' in message)).toBe(true);
    // A text column's typed arrays move with its own message only.
    const nameEn = messages.find(({ message }) => 'part' in message && message.part.key === 'name_en')!;
    expect(nameEn.transfer).toHaveLength(1);
    const receiver = tableReceiver();
    const taken = messages.map(({ message, transfer }) => receiver.take(structuredClone(message, { transfer })));
    expect(taken.slice(0, -1).every((t) => t === null)).toBe(true);
    expect(load(taken.at(-1)!.table).features).toEqual(realDataset().features);
    // What the worker says went wrong is the page's error.
    expect(() => tableReceiver().take({ error: 'The plan data file is damaged (not valid JSON).' })).toThrow(
      /not valid JSON/,
    );
    // Not an object at all: one message, refused by the decoder as before.
    const raw = packForPage([1, 2]);
    expect(raw).toHaveLength(1);
    expect(() => load(tableReceiver().take(raw[0].message)!.table)).toThrow(/damaged/);
  });

  test("the worker's packing gives the decoder the same table: every place, its arrays shared, in list order", () => {
    const direct = realDataset();
    const packed = load(viaWorker(committed()));
    expect(packed.problems).toEqual([]);
    expect(packed.features).toEqual(direct.features);
    expect(packed.listOrder).toEqual(direct.listOrder);
    const byList = new Map<string, string[]>();
    for (const f of packed.features) {
      const seen = byList.get(f.docs.join('|'));
      if (seen) expect(f.docs).toBe(seen);
      else byList.set(f.docs.join('|'), f.docs);
    }
    // Values the format does not allow are refused as they are without the packing.
    const odd = committed() as unknown as { columns: Record<string, unknown[]>; lists: unknown[] };
    odd.columns.kind[4] = 'point';
    odd.columns.bbox[9] = null;
    odd.columns.name_zh[6] = 7;
    expect(load(viaWorker(odd)).problems).toEqual(load(odd).problems);
    expect(load(odd).problems).toHaveLength(3);
    const oddList = committed() as unknown as { lists: unknown[] };
    oddList.lists[2] = [0.5];
    expect(() => load(viaWorker(oddList))).toThrow(/lists: a list names a value the table lacks/);
    // A file's look-alike of the packed form is not taken for it.
    const lookAlike = { ...committed(), lists: { packed: 'lists', at: [0, 1], values: [0] } };
    expect(() => load(lookAlike)).toThrow(/damaged \(lists: expected an array\)/);
    expect(() => load(viaWorker(lookAlike))).toThrow(/damaged \(lists: expected an array\)/);
    const lookAlikeColumn = committed() as unknown as { columns: Record<string, unknown> };
    lookAlikeColumn.columns.kind = { packed: 'numbers', values: (lookAlikeColumn.columns.kind as number[]).slice() };
    expect(() => load(viaWorker(lookAlikeColumn))).toThrow(/damaged \(column kind has undefined values/);
    oddList.lists[2] = 'x';
    expect(() => load(viaWorker(oddList))).toThrow(/lists: a list names a value the table lacks/);
    expect(() => load(oddList)).toThrow(/lists: a list names a value the table lacks/);
  });
});
