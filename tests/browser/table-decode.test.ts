// The attribute table is decoded on the page in slices (src/data/load-dataset.ts, places-table.ts).
// Between two slices the page's waiting tasks go first: MapLibre's tiles from its worker, its
// frames. A pause that jumped the queue (scheduler.yield) held the map's first view back by 0.7 s
// at 100,000 places.
import { expect, test } from 'vitest';
import placesUrl from '../../data/places.json?url';
import industriesJson from '../../data/industries.json';
import manifestJson from '../../seeds/manifest.json';
import { LARGE_TABLE_BYTES, loadDataset, pageTurn } from '../../src/data/load-dataset.ts';
import { FIRST_VIEW_MARK } from '../../src/lib/after-first-view.ts';
import { serveRepeatedTable, tablePath } from './support/table-fetch.ts';
import { decodePlacesTableInSlices } from '../../src/data/places-table.ts';
import { rollupOf } from '../../src/data/taxonomy.ts';
import type { DocumentMeta, Industry } from '../../src/data/types.ts';

test('between two slices of the decode, a task that was already waiting (a message, as a tile is) runs first', async () => {
  const table: unknown = await (await fetch(placesUrl)).json();
  const documents = new Map((manifestJson as DocumentMeta[]).map((d) => [d.doc, d]));
  const rollup = rollupOf((industriesJson as { industries: Industry[] }).industries);
  const events: string[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => events.push('waiting task');
  // Queued before the decode starts, as MapLibre's worker's tiles arrive while the table decodes.
  channel.port2.postMessage(null);
  let pauses = 0;
  const decoded = await decodePlacesTableInSlices(
    table,
    documents,
    rollup,
    async () => {
      events.push(`pause ${++pauses}`);
      await pageTurn();
    },
    20,
  );
  channel.port1.close();
  expect(decoded.features.length).toBeGreaterThan(100);
  expect(pauses).toBeGreaterThan(2);
  expect(events.slice(0, 2)).toEqual(['pause 1', 'waiting task']);
});

// A national table is taken in after the map's first view, so that it does not compete with the
// map for the page's cores (load-dataset.ts, LARGE_TABLE_BYTES); a small one at once.
const settledWithin = async (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

test('the real table is read at once, before any first view of the map', async () => {
  performance.clearMarks(FIRST_VIEW_MARK);
  const dataset = await loadDataset();
  expect(dataset.features.length).toBeGreaterThan(100);
  expect(performance.getEntriesByName(FIRST_VIEW_MARK)).toHaveLength(0);
});

const COPIES = 40;
for (const length of [true, false])
  test(`a table over ${LARGE_TABLE_BYTES} bytes (${length ? 'its length given' : 'no length given'}) is read only after the map's first view`, async () => {
    performance.clearMarks(FIRST_VIEW_MARK);
    const real = (await loadDataset()).features.length;
    const restore = serveRepeatedTable(COPIES, { length });
    try {
      const size = (await (await fetch(tablePath())).arrayBuffer()).byteLength;
      expect(size).toBeGreaterThan(LARGE_TABLE_BYTES);
      const loading = loadDataset();
      expect(await settledWithin(loading, 1500)).toBe(false);
      performance.mark(FIRST_VIEW_MARK);
      const dataset = await loading;
      expect(dataset.features.length).toBe(COPIES * real);
    } finally {
      restore();
      performance.clearMarks(FIRST_VIEW_MARK);
    }
  });
