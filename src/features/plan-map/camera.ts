// Where the map looks: the result set after a filter or search, the place chosen.
import { LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import { EMPTY_FILTERS, selectPlaces, type Filters } from '../../data/query.ts';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { FUJIAN_BOUNDS } from '../../map-style/basemap-style.ts';
import { bboxColumn, rowsOf } from '../../data/place-columns.ts';

/** The bounding box of `features`, rows of `all` (the dataset's places, whose boxes are cached by row). */
export function boundsOf(features: readonly PlanFeature[], all: readonly PlanFeature[]): LngLatBounds | null {
  if (features.length === 0) return null;
  // Typed numbers: a national result set has tens of thousands of places.
  const rows = rowsOf(features);
  const box = bboxColumn(all);
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let j = 0; j < rows.length; j++) {
    const at = 4 * rows[j];
    if (box[at] < w) w = box[at];
    if (box[at + 1] < s) s = box[at + 1];
    if (box[at + 2] > e) e = box[at + 2];
    if (box[at + 3] > n) n = box[at + 3];
  }
  return new LngLatBounds([w, s], [e, n]);
}

/**
 * Works out the places' boxes ahead of the first fit (idle time after the first view), and fits
 * the whole list once: the first fit then runs optimised code (see query.ts, warmFilterPath). The
 * list's own selection, whose rows the legend reads too, rather than a copy of every row for this.
 */
export function prepareFit(dataset: Dataset): void {
  boundsOf(selectPlaces(dataset, EMPTY_FILTERS, null), dataset.features);
}

/** Whether the map already shows all of `b` at about the scale a fit would choose. */
export function alreadyFits(map: MapLibreMap, b: LngLatBounds, options: { padding: number; maxZoom: number }): boolean {
  const view = map.getBounds();
  if (!view.contains(b.getSouthWest()) || !view.contains(b.getNorthEast())) return false;
  const camera = map.cameraForBounds(b, options);
  return camera?.zoom !== undefined && camera.zoom - map.getZoom() < 0.5;
}

/** Moves to one place: a point at a readable zoom, an area fitted. */
export function flyToPlace(map: MapLibreMap, f: PlanFeature): void {
  const [w, s, e, n] = f.bbox;
  if (f.point) map.flyTo({ center: f.point, zoom: Math.max(map.getZoom(), 9), duration: 700 });
  else map.fitBounds([w, s, e, n], { padding: 48, maxZoom: 11, duration: 700 });
}

/**
 * Where to look after a filter or search: nothing chosen → the start view (Fujian); prefectures
 * chosen → those prefectures (not every place that reaches into them, like the FTZ spanning
 * Fuzhou and Xiamen); otherwise the result set.
 */
export function fitTarget(
  dataset: Dataset,
  places: PlanFeature[],
  filters: Filters,
  searchIds: string[] | null,
): LngLatBounds | null {
  const nothingChosen = searchIds === null && Object.values(filters).every((v) => v.length === 0);
  if (nothingChosen) return new LngLatBounds(FUJIAN_BOUNDS);
  if (filters.prefectures.length && places.length) {
    const chosen = new Set(filters.prefectures);
    const outlines = dataset.features.filter((f) => f.kind === 'prefecture' && f.prefecture.some((c) => chosen.has(c)));
    if (outlines.length) return boundsOf(outlines, dataset.features);
  }
  return boundsOf(places, dataset.features);
}
