import { expect } from 'vitest';
import { render } from 'vitest-browser-react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { loadPlaceTexts } from '../../../src/data/place-texts.ts';
import type { PlanFeature, TextedPlace } from '../../../src/data/types.ts';
import { App } from '../../../src/app/App.tsx';
import { useAppStore } from '../../../src/state/store.ts';
import { applyEarlyUrlState } from '../../../src/state/url-sync.ts';
import { INTERACTIVE_LAYERS, OUTLINE_LAYERS, PLAN_LAYERS, placeIdOf } from '../../../src/map-style/plan-layers.ts';
import { outlinedPlacesOf } from '../../../src/features/plan-map/outlined-places.ts';

// The mounted app's map, as the app hands it out (App's `onMap`).
let currentMap: MapLibreMap | null = null;
const waiters = new Set<(map: MapLibreMap) => void>();
function onMap(map: MapLibreMap | null) {
  currentMap = map;
  if (!map) return;
  for (const w of waiters) w(map);
  waiters.clear();
}

/** The mounted app's map, once its style has loaded; null before. */
export const getMapInstance = () => currentMap;

/** Resolves with the map once it exists. */
export function whenMap(): Promise<MapLibreMap> {
  return currentMap ? Promise.resolve(currentMap) : new Promise((resolve) => waiters.add(resolve));
}

let unmountCurrent: (() => Promise<void>) | null = null;

/**
 * Mounts the real app in a page-sized box, as a person opening `search` (a query string) would
 * see it: store, storage and URL start fresh (`keepStorage`: storage as the last app left it, as
 * after a reload or in a new tab).
 */
export async function mountApp(
  search = '',
  size = { width: 1366, height: 800 },
  { keepStorage = false }: { keepStorage?: boolean } = {},
) {
  await unmountCurrent?.();
  useAppStore.setState(useAppStore.getInitialState(), true);
  if (!keepStorage) localStorage.clear();
  history.replaceState(null, '', `${location.pathname}${search}`);
  const box = document.createElement('div');
  box.id = 'root';
  box.style.cssText = `width:${size.width}px;height:${size.height}px;position:relative;display:flex;flex-direction:column;`;
  document.body.replaceChildren(box);
  // As src/main.tsx does before the first render.
  applyEarlyUrlState();
  const screen = await render(<App onMap={onMap} />, { container: box });
  unmountCurrent = async () => {
    unmountCurrent = null;
    await screen.unmount();
  };
  return screen;
}

export async function unmountApp() {
  await unmountCurrent?.();
}

/** Resolves once the store holds the dataset. */
/** A place with its texts (its clauses' words, its notes), fetched as the panels fetch them. */
export async function textedPlace(id: string): Promise<TextedPlace> {
  const dataset = await datasetLoaded();
  const f = dataset.byId.get(id);
  if (!f) throw new Error(`no place ${id}`);
  return (await loadPlaceTexts(dataset, [f]))[0];
}

export async function datasetLoaded() {
  const deadline = Date.now() + 20_000;
  while (!useAppStore.getState().dataset) {
    if (Date.now() > deadline)
      throw new Error(`dataset did not load: ${useAppStore.getState().loadError ?? 'no error either'}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return useAppStore.getState().dataset!;
}

/** Every layer a place is drawn on: the tiles' points and areas, and the whole prefectures' outlines. */
export const PLACE_LAYERS = [...INTERACTIVE_LAYERS, PLAN_LAYERS.areaLine, OUTLINE_LAYERS.line];

/**
 * The ids of the places the map draws now on `layers` (those of them the map has): a tile
 * feature's id, or the place a basemap outline is (placeIdOf), as the app reads a click.
 */
export function drawnPlaceIds(map: MapLibreMap, layers: readonly string[] = PLACE_LAYERS): Set<string> {
  const present = layers.filter((id) => map.getLayer(id));
  if (!present.length) return new Set();
  const { byOutline } = outlinedPlacesOf(useAppStore.getState().dataset);
  const ids = new Set<string>();
  for (const f of map.queryRenderedFeatures({ layers: present })) {
    const id = placeIdOf(f, byOutline);
    if (id) ids.add(id);
  }
  return ids;
}

/** Waits until the map has drawn everything it has to draw (and the plan layer, once data are in). */
/** Whether the map still draws an earlier selection than the list shows (it follows a frame later). */
const mapLags = (map: MapLibreMap) => map.getContainer().getAttribute('aria-busy') === 'true';

export async function idleMap(opts: { plan?: boolean } = {}): Promise<MapLibreMap> {
  const map = await whenMap();
  const settled = () =>
    map.loaded() &&
    map.areTilesLoaded() &&
    !map.isMoving() &&
    (!opts.plan || (map.getLayer('plan-points') !== undefined && !mapLags(map)));
  for (let i = 0; i < 400 && !settled(); i++) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 100);
      map.once('idle', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
  if (!settled()) throw new Error('map did not settle');
  return getMapInstance() ?? map;
}

/**
 * Ids in the result list, in order, once it has caught up with the last filter or search (it
 * follows one render later and says so with aria-busy): none while it still shows the previous set.
 */
export function listedIds(): string[] {
  if (document.querySelector('section.results[aria-busy="true"]')) return [];
  return [...document.querySelectorAll<HTMLButtonElement>('[data-testid="result-list"] button.result')].map(
    (b) => b.dataset.id!,
  );
}

/** `listedIds` once the list has caught up with the last filter or search. */
export async function settledListIds(): Promise<string[]> {
  await expect.poll(() => document.querySelector('section.results[aria-busy="true"]')).toBeNull();
  return listedIds();
}

/**
 * The number of places the result list's heading gives, once the list has caught up. The list
 * builds its rows as the reader comes to them (ResultList's ROW_CHUNK), so its rows are not all
 * of them.
 */
export async function listedCount(): Promise<number> {
  await settledListIds();
  return Number((document.getElementById('results-heading')?.textContent ?? '').replace(/\D/g, ''));
}

/** The plan's point places grouped by their coordinates: "lng,lat" → ids, in data order. */
export function placesByPoint(features: readonly PlanFeature[]): Map<string, string[]> {
  const byPoint = new Map<string, string[]>();
  for (const f of features) {
    if (!f.point) continue;
    const key = f.point.join(',');
    byPoint.set(key, [...(byPoint.get(key) ?? []), f.id]);
  }
  return byPoint;
}

/** The point most places share, and their ids. */
export function busiestPoint(features: readonly PlanFeature[]): { lngLat: [number, number]; ids: string[] } {
  const [key, ids] = [...placesByPoint(features)].sort((a, b) => b[1].length - a[1].length)[0];
  const [lng, lat] = key.split(',').map(Number);
  return { lngLat: [lng, lat], ids };
}

/** A click on the map where `lngLat` is drawn now, as MapLibre reports a person's click. */
export function clickMapAt(map: MapLibreMap, lngLat: [number, number]): void {
  const point = map.project(lngLat);
  map.fire('click', { point, lngLat: map.unproject(point), originalEvent: new MouseEvent('click') });
}
