// Where the map looks: the result set after a filter or search, the place chosen.
import { LngLatBounds, type Map as MapLibreMap } from 'maplibre-gl';
import type { PlanFeature } from '../../data/types.ts';

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
  if (f.geometry.type === 'Point') map.flyTo({ center: [w, s], zoom: Math.max(map.getZoom(), 9), duration: 700 });
  else map.fitBounds([w, s, e, n], { padding: 48, maxZoom: 11, duration: 700 });
}
