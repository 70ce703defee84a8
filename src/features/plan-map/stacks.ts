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

/**
 * Each place's shared point, by row: the index of the point among the dataset's shared points, or -1
 * where no other place has that point. Once per features array: a selection then only counts.
 */
const sharedPoints = new WeakMap<readonly PlanFeature[], { of: Int32Array; coordinates: [number, number][] }>();
function sharedPointsOf(all: readonly PlanFeature[]) {
  let shared = sharedPoints.get(all);
  if (!shared) {
    const byKey = new Map<string, PlanFeature[]>();
    let rows = 0;
    for (const f of all) {
      if (f.row >= rows) rows = f.row + 1;
      if (!f.point) continue;
      const key = keyOf(f.point);
      const list = byKey.get(key);
      if (list) list.push(f);
      else byKey.set(key, [f]);
    }
    shared = { of: new Int32Array(rows).fill(-1), coordinates: [] };
    for (const list of byKey.values()) {
      if (list.length < 2) continue;
      for (const f of list) shared.of[f.row] = shared.coordinates.length;
      shared.coordinates.push(list[0].point!);
    }
    sharedPoints.set(all, shared);
  }
  return shared;
}

/** A badge for each point two or more of `places` share (`all`: the dataset's places). */
export function pointStacks(
  places: readonly PlanFeature[],
  all: readonly PlanFeature[] = places,
): FeatureCollection<Point, StackProperties> {
  const shared = sharedPointsOf(all);
  const byPoint = new Map<number, string[]>();
  for (const f of places) {
    const k = shared.of[f.row];
    if (k < 0) continue;
    const ids = byPoint.get(k);
    if (ids) ids.push(f.id);
    else byPoint.set(k, [f.id]);
  }
  const features: Feature<Point, StackProperties>[] = [];
  for (const [k, ids] of byPoint) {
    if (ids.length < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: shared.coordinates[k] },
      properties: { count: ids.length, ids },
    });
  }
  return { type: 'FeatureCollection', features };
}
