// Where the map looks: the result set after a filter or search, the place chosen.
import { LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import type { Filters } from '../../data/query.ts';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import { FUJIAN_BOUNDS } from '../../map-style/basemap-style.ts';

export function boundsOf(features: PlanFeature[]): LngLatBounds | null {
  if (features.length === 0) return null;
  // Plain numbers: a national result set has tens of thousands of places.
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bbox } of features) {
    if (bbox[0] < w) w = bbox[0];
    if (bbox[1] < s) s = bbox[1];
    if (bbox[2] > e) e = bbox[2];
    if (bbox[3] > n) n = bbox[3];
  }
  return new LngLatBounds([w, s], [e, n]);
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
    if (outlines.length) return boundsOf(outlines);
  }
  return boundsOf(places);
}
