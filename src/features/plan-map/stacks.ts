// Points that several listed places share (a county seat holding five export bases): one count
// badge each, drawn by the stack layers of src/map-style/plan-layers.ts.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlanFeature } from '../../data/types.ts';

export interface StackProperties {
  count: number;
  /** The places at this point, in list order. */
  ids: string[];
}

/** Same point = same coordinates to about a metre (1e-5°): the data place stacked points identically. */
const keyOf = ([lon, lat]: number[]) => `${Math.round(lon * 1e5)},${Math.round(lat * 1e5)}`;

export function pointStacks(places: readonly PlanFeature[]): FeatureCollection<Point, StackProperties> {
  const byPoint = new Map<string, { coordinates: number[]; ids: string[] }>();
  for (const f of places) {
    if (!f.point) continue;
    const key = keyOf(f.point);
    const stack = byPoint.get(key);
    if (stack) stack.ids.push(f.id);
    else byPoint.set(key, { coordinates: f.point, ids: [f.id] });
  }
  const features: Feature<Point, StackProperties>[] = [];
  for (const { coordinates, ids } of byPoint.values()) {
    if (ids.length < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates },
      properties: { count: ids.length, ids },
    });
  }
  return { type: 'FeatureCollection', features };
}
