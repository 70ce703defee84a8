// What the first view reads, and what a panel fetches later: the map's places come from a tile
// archive (data/plan.pmtiles) read by range requests; the list, search and details from the
// attribute table; a place's clauses and notes from its text file (data/texts/). A missing or
// truncated archive leaves the map short of its places: the map pane says so, and everything that
// reads the attribute table keeps working. A text file that cannot be fetched: the panel says so.
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import { planArchiveUrl } from '../../src/data/plan-archive.ts';
import { PLAN_LABEL_MINZOOM } from '../../src/map-style/plan-layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import {
  datasetLoaded,
  drawnPlaceIds,
  idleMap,
  listedIds,
  mountApp,
  settledListIds,
  unmountApp,
} from './support/app.tsx';
import { answerTable } from './support/table-fetch.ts';
import { watchPage, type PageWatch } from './support/guards.ts';
import { afterFirstView, FIRST_VIEW_MARK, NO_FIRST_VIEW_MARK } from '../../src/lib/after-first-view.ts';

let watch: PageWatch | null = null;
let restoreFetch: (() => void) | null = null;
afterEach(async () => {
  watch?.stop();
  watch = null;
  await unmountApp();
  restoreFetch?.();
  restoreFetch = null;
});

const archivePath = new URL(planArchiveUrl, location.href).pathname;

/** Answers the archive's requests with `answer` (the real file's bytes in hand); every other request as usual. */
function serveArchive(answer: (bytes: Uint8Array, request: Request) => Response) {
  const original = window.fetch;
  let whole: Promise<Uint8Array> | null = null;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== archivePath) return original(input, init);
    whole ??= original(planArchiveUrl).then(async (r) => new Uint8Array(await r.arrayBuffer()));
    return answer(await whole, request);
  };
  restoreFetch = () => {
    window.fetch = original;
  };
}

/** What a static host answers for a file of these bytes: the range asked for, 416 past the end. */
function byteServing(bytes: Uint8Array, request: Request): Response {
  const m = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') ?? '');
  if (!m) return new Response(bytes.slice(), { status: 200 });
  const start = Number(m[1]);
  const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
  if (start >= bytes.length) return new Response(null, { status: 416 });
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': String(end - start + 1) },
  });
}

/** Where the tiles start (PMTiles v3 header, bytes 56–63). */
const tileDataOffset = (bytes: Uint8Array) => Number(new DataView(bytes.buffer).getBigUint64(56, true));

const mapError = () => document.querySelector('.map-pane [data-testid="map-layer-error"]');

/** Search, the list and the detail panel, which read the attribute table, still work. */
async function listSearchAndDetailsWork() {
  const dataset = await datasetLoaded();
  await expect
    .element(page.getByRole('heading', { name: new RegExp(`\\b${dataset.features.length}\\b`) }))
    .toBeVisible();
  await page.getByRole('searchbox').fill('Gulei');
  await expect.poll(() => listedIds()).toContain('gulei-taiwan-petrochemical-park');
  const first = (await settledListIds())[0];
  await page.getByTestId('result-list').getByRole('button').first().click();
  await expect.poll(() => useAppStore.getState().selectedId).toBe(first);
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  await expect.element(page.getByTestId('detail-panel')).toHaveTextContent(/Gulei/);
}

// First in this file: the texts a page has fetched once are kept (the earlier tests open Gulei).
test("a place's clause file that cannot be fetched: the panel says so and shows the rest; another try succeeds", async () => {
  const original = window.fetch;
  let refuse = true;
  window.fetch = async (input, init) => {
    const url = new Request(input, init).url;
    if (refuse && /\/texts\/[^/]+\.json$/.test(new URL(url).pathname))
      return new Response('Not found', { status: 404 });
    return original(input, init);
  };
  try {
    watch = watchPage();
    await mountApp('?lang=en&sel=gulei-taiwan-petrochemical-park');
    await datasetLoaded();
    const panel = page.getByTestId('detail-panel');
    await expect
      .element(panel.getByRole('heading', { name: 'Gulei Taiwan Petrochemical Industrial Park' }))
      .toBeVisible();
    await expect.element(panel.getByRole('alert')).toHaveTextContent(/The clauses could not be loaded: .*HTTP 404/);
    // What the attribute table holds is there: kind, industries, the number of clauses.
    await expect.element(panel.getByText('Planned industries')).toBeVisible();
    expect(panel.element().querySelectorAll('.clause-card').length).toBe(0);
    expect(watch.errors.filter((e) => !e.startsWith('console.error'))).toEqual([]);

    // The network is back: "Retry" fetches the clauses.
    refuse = false;
    await panel.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => panel.element().querySelectorAll('.clause-card').length).toBeGreaterThan(0);
  } finally {
    window.fetch = original;
  }
});

test('a tile request whose connection drops once is tried again: places drawn, no message', async () => {
  let dropped = 0;
  serveArchive((bytes, request) => {
    const m = /bytes=(\d+)-/.exec(request.headers.get('range') ?? '');
    // The first request into the tile data fails as a dropped connection does (fetch rejects).
    if (m && Number(m[1]) >= tileDataOffset(bytes) && dropped === 0) {
      dropped++;
      throw new TypeError('Failed to fetch');
    }
    return byteServing(bytes, request);
  });
  watch = watchPage();
  await mountApp('?lang=en');
  const map = await idleMap({ plan: true });
  await expect
    .poll(() => map.queryRenderedFeatures({ layers: ['plan-points', 'plan-area-fill'] }).length)
    .toBeGreaterThan(50);
  expect(dropped).toBe(1);
  expect(mapError()).toBeNull();
  expect(watch.errors).toEqual([]);
});

test('the intact archive (served by ranges, as a static host does): places drawn, no message', async () => {
  const ranges: string[] = [];
  serveArchive((bytes, request) => {
    ranges.push(request.headers.get('range') ?? 'whole file');
    return byteServing(bytes, request);
  });
  await mountApp('?lang=en');
  const map = await idleMap({ plan: true });
  await expect
    .poll(() => map.queryRenderedFeatures({ layers: ['plan-points', 'plan-area-fill'] }).length)
    .toBeGreaterThan(50);
  expect(mapError()).toBeNull();
  // The map asked for parts of the file, never the whole.
  expect(ranges.length).toBeGreaterThan(1);
  expect(ranges.every((r) => /^bytes=\d+-\d+$/.test(r))).toBe(true);
});

test.each([
  ['missing (HTTP 404)', () => new Response('Not found', { status: 404 })],
  // Cut 1 KB into the tile data: the header and directories are whole, the tiles are not.
  [
    'truncated',
    (bytes: Uint8Array, request: Request) => byteServing(bytes.slice(0, tileDataOffset(bytes) + 1024), request),
  ],
] as const)('a %s archive: the map pane says so; search, the list and details keep working', async (_, answer) => {
  serveArchive(answer);
  watch = watchPage();
  await mountApp('?lang=en');
  await expect.poll(mapError, { timeout: 15_000 }).not.toBeNull();
  expect(mapError()!.getAttribute('role')).toBe('alert');
  expect(mapError()!.textContent).toContain("The map's planned places could not be loaded.");
  expect(mapError()!.textContent).toContain(
    'Search, the list of places, place details and the document reader still work.',
  );
  await listSearchAndDetailsWork();
  // The failure is reported, not thrown: nothing uncaught.
  expect(watch.errors.filter((e) => !e.startsWith('console.error'))).toEqual([]);
});

test('an attribute table cut short: the list says the file is damaged; the map still draws every place from its tiles', async () => {
  // The bytes as a download broken off halfway would leave them (places-table-binary.ts).
  restoreFetch = answerTable(async (original, request) => {
    const bytes = await (await original(request)).arrayBuffer();
    return new Response(bytes.slice(0, Math.floor(bytes.byteLength / 2)));
  });
  watch = watchPage();
  await mountApp('?lang=en');
  await expect.poll(() => useAppStore.getState().loadError).toMatch(/plan data file is damaged \(cut short/);
  await expect.element(page.getByRole('alert').filter({ hasText: /plan data file is damaged/ })).toBeVisible();
  const map = await idleMap({ plan: true });
  expect(drawnPlaceIds(map).size).toBeGreaterThan(0);
  expect(watch.errors.filter((e) => !e.startsWith('console.error'))).toEqual([]);
});

test('in 繁體 the message is in Traditional characters', async () => {
  serveArchive(() => new Response('Not found', { status: 404 }));
  await mountApp('?lang=zh-Hant');
  await expect.poll(mapError, { timeout: 15_000 }).not.toBeNull();
  expect(mapError()!.textContent).toContain('地圖上的規劃地點無法載入');
});

test.each([
  ['en', 'Gulei Taiwan Petrochemical Industrial Park'],
  ['zh-Hant', '古雷臺灣石化工業園'],
] as const)(
  'below the label zoom, where the tiles carry no names, the chosen place is still named on the map (%s)',
  async (lang, name) => {
    // A link with its own view: the map stays at zoom 6.5 and does not fly to the place.
    await mountApp(`?lang=${lang}&sel=gulei-taiwan-petrochemical-park&map=6.5/24.5/118`);
    const map = await idleMap({ plan: true });
    expect(map.getZoom()).toBeLessThan(PLAN_LABEL_MINZOOM);
    await expect
      .poll(() => map.queryRenderedFeatures({ layers: ['plan-selected-label'] }).map((f) => f.properties.id))
      .toEqual(['gulei-taiwan-petrochemical-park']);
    // The tile features at this zoom have no names; the label's text is the app's own.
    const feature = map.queryRenderedFeatures({ layers: ['plan-selected-label'] })[0];
    expect(feature.properties.name_en).toBeUndefined();
    expect(map.getLayoutProperty('plan-selected-label', 'text-field')).toBe(name);
  },
);

test("tiles that cannot be had: what waits for the map's first view goes ahead at once (the map will draw none)", async () => {
  performance.clearMarks(FIRST_VIEW_MARK);
  performance.clearMarks(NO_FIRST_VIEW_MARK);
  serveArchive(() => new Response('Not found', { status: 404 }));
  let started = false;
  const stop = afterFirstView(() => (started = true));
  try {
    await mountApp('?lang=en');
    await expect.poll(() => mapError(), { timeout: 10_000 }).not.toBeNull();
    // Not after afterFirstView's 5 s fallback: the failed tiles said there will be no first view.
    await expect.poll(() => started, { timeout: 2000 }).toBe(true);
    expect(performance.getEntriesByName(NO_FIRST_VIEW_MARK).length).toBeGreaterThan(0);
    expect(performance.getEntriesByName(FIRST_VIEW_MARK)).toHaveLength(0);
  } finally {
    stop();
  }
});
