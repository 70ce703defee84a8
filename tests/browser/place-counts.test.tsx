// Where a tile would hold too many places (100,000 over China), the tile archive starts at a higher
// zoom (scripts/lib/plan-split.ts, planTileMinZoom) and the map counts the listed places below it:
// a bubble per grid cell. Fujian's archive starts at the map's own minimum zoom, so here the real
// archive and table are served as a national one would be: starting at zoom 6 (the archive's header
// and the table's `tiles.minzoom` say so, as the build writes both).
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import placesUrl from '../../data/places.json?url';
import { planArchiveUrl } from '../../src/data/plan-archive.ts';
import type { CountProperties } from '../../src/features/plan-map/counts.ts';
import {
  COUNT_SOURCE,
  countLayerIds,
  HIGHLIGHT_LAYERS,
  PLAN_LAYERS,
  SELECTED_LAYERS,
  TILE_COUNT_LAYERS,
} from '../../src/map-style/plan-layers.ts';
import type { PlacesTable } from '../../src/data/places-table.ts';
import { tablePath, tableResponse } from './support/table-fetch.ts';
import { NATIONAL_ARCHIVE, NATIONAL_FIRST_ZOOM } from './support/national.ts';
import { useAppStore } from '../../src/state/store.ts';
import { datasetLoaded, drawnPlaceIds, idleMap, listedCount, mountApp, unmountApp } from './support/app.tsx';
import { watchPage, type PageWatch } from './support/guards.ts';

const TILE_MIN_ZOOM = NATIONAL_FIRST_ZOOM;
let watch: PageWatch | null = null;
let restoreFetch: (() => void) | null = null;
afterEach(async () => {
  watch?.stop();
  watch = null;
  await unmountApp();
  restoreFetch?.();
  restoreFetch = null;
});

/** What a static host answers for a file of these bytes: the range asked for. */
function byteServing(bytes: Uint8Array, request: Request): Response {
  const m = /bytes=(\d+)-(\d*)/.exec(request.headers.get('range') ?? '');
  if (!m) return new Response(bytes.slice(), { status: 200 });
  const start = Number(m[1]);
  const end = Math.min(m[2] ? Number(m[2]) : bytes.length - 1, bytes.length - 1);
  return new Response(bytes.slice(start, end + 1), {
    status: 206,
    headers: { 'Content-Range': `bytes ${start}-${end}/${bytes.length}`, 'Content-Length': String(end - start + 1) },
  });
}

/**
 * Serves Fujian's places as a national archive would hold them (tests/browser/setup/national-archive.ts:
 * places from TILE_MIN_ZOOM, count bubbles below) and the table saying so; `table` changes the
 * table (a damaged row) or refuses it (null); everything else as usual.
 */
function serveNational(table: (t: PlacesTable) => PlacesTable | null = (t) => t) {
  const original = window.fetch;
  const archivePath = new URL(planArchiveUrl, location.href).pathname;
  let national: Promise<Uint8Array> | null = null;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === tablePath()) {
      const given = table((await (await original(placesUrl)).json()) as PlacesTable);
      if (!given) return new Response('not found', { status: 404 });
      given.tiles.minzoom = TILE_MIN_ZOOM;
      return tableResponse(given);
    }
    if (path !== archivePath) return original(input, init);
    national ??= original(`/${NATIONAL_ARCHIVE}`).then(async (r) => {
      if (!r.ok) throw new Error(`${NATIONAL_ARCHIVE}: HTTP ${r.status} (the browser tests' global setup builds it)`);
      return new Uint8Array(await r.arrayBuffer());
    });
    return byteServing(await national, request);
  };
  restoreFetch = () => {
    window.fetch = original;
  };
}

/** The tile archive's bubbles drawn now, each once (a bubble near a tile's edge is in both tiles). */
function tileBubbles(map: MapLibreMap) {
  const seen = new Map<string, { count: number; coordinates: [number, number] }>();
  for (const f of map.queryRenderedFeatures({ layers: [TILE_COUNT_LAYERS.bubble] })) {
    const p = f.properties as CountProperties;
    seen.set([p.z, p.west, p.south, p.east, p.north].join(), {
      count: p.count,
      coordinates: (f.geometry as Point).coordinates as [number, number],
    });
  }
  return [...seen.values()];
}

/** The count bubbles of zoom level z, as the map's count source holds them now. */
async function bubbles(z: number) {
  const map = await idleMap({ plan: true });
  const data = (await (map.getSource(COUNT_SOURCE) as GeoJSONSource).getData()) as FeatureCollection<
    Point,
    CountProperties
  >;
  return data.features.filter((f) => f.properties.z === z);
}
const total = (features: { properties: CountProperties }[]) => features.reduce((n, f) => n + f.properties.count, 0);

test('below the first zoom of the tiles, bubbles count the listed places, filters and all; a click zooms in to the places', async () => {
  serveNational();
  watch = watchPage();
  // A view of every place (Fujian's and Shandong's).
  await mountApp('?lang=en&map=4.3/30.5/119.5');
  const dataset = await datasetLoaded();
  expect(dataset.tileMinZoom).toBe(TILE_MIN_ZOOM);
  let map = await idleMap({ plan: true });
  expect(map.getZoom()).toBeLessThan(TILE_MIN_ZOOM);
  // No place is drawn from the tiles here. Nothing narrows the list: the archive's bubbles count
  // every place, and the map computes none of its own (its count source, added in idle time after
  // the first view so that a filter only sends counts, holds none).
  expect(map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points, PLAN_LAYERS.areaFill] })).toEqual([]);
  // Nor from the basemap's outlines (the whole prefectures): they are counted as the others are.
  expect([...drawnPlaceIds(map)]).toEqual([]);
  const own = map.getSource(COUNT_SOURCE) as GeoJSONSource | undefined;
  expect(own ? ((await own.getData()) as FeatureCollection).features : []).toEqual([]);
  const fromTiles = tileBubbles(map);
  expect(fromTiles.length).toBeGreaterThan(0);
  expect(fromTiles.reduce((n, b) => n + b.count, 0)).toBe(dataset.features.length);
  // Drawn at the mean of their places (Fujian's places: within Fujian, roughly).
  for (const b of fromTiles) {
    const [lng, lat] = b.coordinates;
    expect(lng).toBeGreaterThan(115);
    expect(lat).toBeLessThan(38);
  }
  // The legend says what the numbers are.
  await page.getByText('Legend', { exact: true }).click();
  await expect.element(page.getByTestId('legend-counts')).toHaveTextContent(/number in a blue circle counts/);

  map.jumpTo({ center: [118.3, 25.8], zoom: 5 });
  map = await idleMap({ plan: true });
  // An industry filter: the map counts what the list lists, at every level, also one zoomed out to
  // after the filter; only the view's level and those beside it (at zoom 5: levels 4 and 5).
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Petrochemicals/ }).click();
  await expect.poll(() => useAppStore.getState().filters.industries).toEqual(['petrochemical']);
  const listed = await listedCount();
  expect(listed).toBeLessThan(dataset.features.length);
  for (const z of [4, 5]) await expect.poll(async () => total(await bubbles(z))).toBe(listed);
  expect(await bubbles(3)).toEqual([]);
  await idleMap({ plan: true });
  expect(map.getLayer(TILE_COUNT_LAYERS.bubble)).toBeUndefined();
  map.jumpTo({ center: [118.3, 25.8], zoom: 3.5 });
  await expect.poll(async () => total(await bubbles(3))).toBe(listed);
  await idleMap({ plan: true });
  expect(map.queryRenderedFeatures({ layers: [countLayerIds(3).bubble] }).length).toBeGreaterThan(0);

  // Back to the whole set (the archive's bubbles again) and zoomed out: a click on the biggest
  // bubble zooms in to where places are drawn.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(listedCount).toBe(dataset.features.length);
  // The map follows the list a frame later, and fits the whole set: then to a view of every place.
  await expect.poll(() => map.getLayer(TILE_COUNT_LAYERS.bubble)).toBeDefined();
  await idleMap({ plan: true });
  map.jumpTo({ center: [119.5, 30.5], zoom: 4.3 });
  await idleMap({ plan: true });
  await expect
    .poll(() => tileBubbles(map).reduce((n, b) => n + b.count, 0), { timeout: 5000 })
    .toBe(dataset.features.length);
  map.jumpTo({ center: [118.3, 25.8], zoom: 5 });
  await idleMap({ plan: true });
  const biggest = tileBubbles(map).sort((a, b) => b.count - a.count)[0];
  const point = map.project(biggest.coordinates);
  map.fire('click', { point, lngLat: map.unproject(point), originalEvent: new MouseEvent('click') });
  await expect.poll(() => map.getZoom(), { timeout: 10_000 }).toBeGreaterThanOrEqual(TILE_MIN_ZOOM);
  await idleMap({ plan: true });
  await expect.poll(() => drawnPlaceIds(map).size).toBeGreaterThan(0);
  expect(tileBubbles(map)).toEqual([]);
  expect(watch.errors).toEqual([]);
});

test('below the first zoom of the tiles, the map counts every place before the table is in, and without it', async () => {
  const rows = ((await (await fetch(placesUrl)).json()) as PlacesTable).rows;
  serveNational(() => null);
  watch = watchPage();
  await mountApp('?lang=en&map=4.3/30.5/119.5');
  await expect.poll(() => useAppStore.getState().loadError).toMatch(/plan data could not be downloaded \(HTTP 404\)/);
  const map = await idleMap({ plan: true });
  const fromTiles = tileBubbles(map);
  expect(fromTiles.length).toBeGreaterThan(0);
  expect(fromTiles.reduce((n, b) => n + b.count, 0)).toBe(rows);
  // The list says why it is empty.
  await expect.element(page.getByRole('alert').filter({ hasText: /could not be downloaded/ })).toBeVisible();
});

test('a table that left a damaged row out, or a link that filters: the map counts the listed places itself', async () => {
  serveNational((t) => {
    t.columns.kind[3] = -3;
    return t;
  });
  watch = watchPage();
  await mountApp('?lang=en&map=5/25.8/118.3');
  const dataset = await datasetLoaded();
  expect(dataset.problems).toHaveLength(1);
  await idleMap({ plan: true });
  await expect.poll(async () => total(await bubbles(5))).toBe(dataset.features.length);
  const map = await idleMap({ plan: true });
  expect(map.getLayer(TILE_COUNT_LAYERS.bubble)).toBeUndefined();
  await unmountApp();
  restoreFetch?.();

  serveNational();
  await mountApp('?lang=en&map=5/25.8/118.3&ind=petrochemical');
  await datasetLoaded();
  const listed = await listedCount();
  await expect.poll(async () => total(await bubbles(5))).toBe(listed);
  expect((await idleMap({ plan: true })).getLayer(TILE_COUNT_LAYERS.bubble)).toBeUndefined();
});

test('below the first zoom of the tiles, a link to a chosen place shows its dot and its name', async () => {
  serveNational();
  watch = watchPage();
  const id = 'gulei-taiwan-petrochemical-park';
  // A link with its own view: the map stays there (no flight to the place).
  await mountApp(`?lang=en&map=5/25.8/118.3&sel=${id}`);
  const dataset = await datasetLoaded();
  expect(dataset.byId.get(id)?.point).not.toBeNull();
  const map = await idleMap({ plan: true });
  expect(map.getZoom()).toBeLessThan(TILE_MIN_ZOOM);
  expect(map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points] })).toEqual([]);
  await expect
    .poll(() => map.queryRenderedFeatures({ layers: [SELECTED_LAYERS.point] }).map((f) => f.properties.id))
    .toEqual([id]);
  const label = map.queryRenderedFeatures({ layers: [SELECTED_LAYERS.label] });
  expect(label.length).toBe(1);
  expect(watch.errors).toEqual([]);
});

test("below the first zoom of the tiles, the planner still rings a cell's point places", async () => {
  serveNational();
  watch = watchPage();
  await mountApp('?lang=zh-Hans&mode=planner&tab=plans');
  const dataset = await datasetLoaded();
  await expect.element(page.getByTestId('plans')).toBeVisible();
  // The first cell of the across-plans table with point places.
  const cells = [...document.querySelectorAll<HTMLButtonElement>('[data-testid="plans"] button[aria-label]')].filter(
    (b) => /: [1-9]\d*$/.test(b.getAttribute('aria-label')!),
  );
  let points: string[] = [];
  for (const cell of cells) {
    cell.click();
    const detail = page.getByTestId('cell-detail');
    // This cell's detail: its industry, its document and as many places as its number.
    const [industry, rest] = cell.getAttribute('aria-label')!.split(' · ');
    const [doc, n] = rest.split(/: (?=\d+$)/);
    await expect.element(detail).toHaveTextContent(industry);
    await expect.element(detail).toHaveTextContent(doc);
    const rows = () => [...detail.element().querySelectorAll<HTMLLIElement>(':scope > ul > li[data-id]')];
    await expect.poll(() => rows().length).toBe(Number(n));
    const ids = rows().map((li) => li.dataset.id!);
    points = ids.filter((id) => dataset.byId.get(id)!.point);
    if (points.length) break;
  }
  expect(points.length).toBeGreaterThan(0);
  const map = await idleMap({ plan: true });
  map.jumpTo({ center: [118.3, 25.8], zoom: 5 });
  await idleMap({ plan: true });
  expect(map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points] })).toEqual([]);
  await expect
    .poll(() =>
      [...new Set(map.queryRenderedFeatures({ layers: [HIGHLIGHT_LAYERS.points] }).map((f) => f.properties.id))].sort(),
    )
    .toEqual(points.sort());
  expect(watch.errors).toEqual([]);
});
