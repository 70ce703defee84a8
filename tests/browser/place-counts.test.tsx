// Where a tile would hold too many places (100,000 over China), the tile archive starts at a higher
// zoom (scripts/lib/plan-split.ts, planTileMinZoom) and the map counts the listed places below it:
// a bubble per grid cell. Fujian's archive starts at the map's own minimum zoom, so here the real
// archive and table are served as a national one would be: starting at zoom 6 (the archive's header
// and the table's `tiles.minzoom` say so, as the build writes both).
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import type { GeoJSONSource } from 'maplibre-gl';
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
} from '../../src/map-style/plan-layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import { datasetLoaded, idleMap, mountApp, settledListIds, unmountApp } from './support/app.tsx';
import { watchPage, type PageWatch } from './support/guards.ts';

const TILE_MIN_ZOOM = 6;
let watch: PageWatch | null = null;
let restoreFetch: (() => void) | null = null;
afterEach(async () => {
  watch?.stop();
  watch = null;
  await unmountApp();
  restoreFetch?.();
  restoreFetch = null;
});

/** Serves the table and the archive as starting at TILE_MIN_ZOOM; everything else as usual. */
function serveNational() {
  const original = window.fetch;
  const archivePath = new URL(planArchiveUrl, location.href).pathname;
  const tablePath = new URL(placesUrl, location.href).pathname;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === tablePath) {
      const table = (await (await original(placesUrl)).json()) as { tiles: { minzoom: number } };
      table.tiles.minzoom = TILE_MIN_ZOOM;
      return new Response(JSON.stringify(table), { headers: { 'Content-Type': 'application/geo+json' } });
    }
    if (path !== archivePath) return original(input, init);
    const response = await original(input, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const range = /bytes=(\d+)-/.exec(request.headers.get('range') ?? '');
    // PMTiles v3: the header's byte 100 is the archive's minimum zoom.
    const at = 100 - Number(range?.[1] ?? 0);
    if (at >= 0 && at < bytes.length) bytes[at] = TILE_MIN_ZOOM;
    return new Response(bytes, { status: response.status, headers: response.headers });
  };
  restoreFetch = () => {
    window.fetch = original;
  };
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
/** The number the result list's heading gives, once the list has caught up (it lists in windows). */
async function listedCount(): Promise<number> {
  await settledListIds();
  return Number((document.getElementById('results-heading')?.textContent ?? '').replace(/\D/g, ''));
}
const total = (features: { properties: CountProperties }[]) => features.reduce((n, f) => n + f.properties.count, 0);

test('below the first zoom of the tiles, bubbles count the listed places, filters and all; a click zooms in to the places', async () => {
  serveNational();
  watch = watchPage();
  await mountApp('?lang=en&map=5/25.8/118.3');
  const dataset = await datasetLoaded();
  expect(dataset.tileMinZoom).toBe(TILE_MIN_ZOOM);
  const map = await idleMap({ plan: true });
  expect(map.getZoom()).toBeLessThan(TILE_MIN_ZOOM);
  // No place is drawn from the tiles here; the bubbles are drawn, and they count every listed place.
  expect(map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points, PLAN_LAYERS.areaFill] })).toEqual([]);
  const drawn = map.queryRenderedFeatures({ layers: [countLayerIds(5).bubble] });
  expect(drawn.length).toBeGreaterThan(0);
  expect(total(await bubbles(5))).toBe(dataset.features.length);
  // Drawn at the mean of their places (Fujian's places: within Fujian, roughly).
  for (const b of drawn) {
    const [lng, lat] = (b.geometry as Point).coordinates;
    expect(lng).toBeGreaterThan(115);
    expect(lat).toBeLessThan(38);
  }
  // The legend says what the numbers are.
  await page.getByText('Legend', { exact: true }).click();
  await expect.element(page.getByTestId('legend-counts')).toHaveTextContent(/number in a blue circle counts/);

  // Only the view's level and those beside it are counted (at zoom 5: levels 4 and 5).
  expect(await bubbles(3)).toEqual([]);
  expect(total(await bubbles(4))).toBe(dataset.features.length);

  // An industry filter: the bubbles count what the list lists, at every level, also one zoomed
  // out to after the filter.
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Petrochemicals/ }).click();
  await expect.poll(() => useAppStore.getState().filters.industries).toEqual(['petrochemical']);
  const listed = await listedCount();
  expect(listed).toBeLessThan(dataset.features.length);
  for (const z of [4, 5]) await expect.poll(async () => total(await bubbles(z))).toBe(listed);
  map.jumpTo({ center: [118.3, 25.8], zoom: 3.5 });
  await expect.poll(async () => total(await bubbles(3))).toBe(listed);
  await idleMap({ plan: true });
  expect(map.queryRenderedFeatures({ layers: [countLayerIds(3).bubble] }).length).toBeGreaterThan(0);

  // Back to the whole set and zoomed out: a click on the biggest bubble zooms in to where places are drawn.
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect.poll(listedCount).toBe(dataset.features.length);
  map.jumpTo({ center: [118.3, 25.8], zoom: 5 });
  const biggest = (await bubbles(5)).sort((a, b) => b.properties.count - a.properties.count)[0];
  await idleMap({ plan: true });
  const point = map.project(biggest.geometry.coordinates as [number, number]);
  map.fire('click', { point, lngLat: map.unproject(point), originalEvent: new MouseEvent('click') });
  await expect.poll(() => map.getZoom(), { timeout: 10_000 }).toBeGreaterThanOrEqual(TILE_MIN_ZOOM);
  await idleMap({ plan: true });
  await expect
    .poll(() => map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points, PLAN_LAYERS.areaFill] }).length)
    .toBeGreaterThan(0);
  expect(map.queryRenderedFeatures({ layers: [countLayerIds(5).bubble] })).toEqual([]);
  expect(watch.errors).toEqual([]);
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
