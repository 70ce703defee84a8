// The places that are whole prefectures (`outline`), which the map draws from the basemap's
// outlines rather than the tiles (src/map-style/plan-layers.ts, outlineLayers): which they are, and
// which of them a selection lists, in the terms of the list's own selection (src/data/query.ts).
import { matchesFilters, type Filters } from '../../data/query.ts';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import type { OutlinedPlace } from '../../map-style/plan-layers.ts';

export interface OutlinedPlaces {
  places: (PlanFeature & OutlinedPlace)[];
  /** Prefecture code → the place that is that prefecture. */
  byOutline: ReadonlyMap<string, string>;
}

const NONE: OutlinedPlaces = { places: [], byOutline: new Map() };
const known = new WeakMap<Dataset, OutlinedPlaces>();

/** A dataset's whole-prefecture places, found once per dataset (one pass over its places). */
export function outlinedPlacesOf(dataset: Dataset | null): OutlinedPlaces {
  if (!dataset) return NONE;
  let out = known.get(dataset);
  if (!out) {
    const places = dataset.features.filter((f): f is PlanFeature & OutlinedPlace => f.outline !== undefined);
    const byOutline = new Map<string, string>();
    // One place per prefecture (the build checks it); a second is not drawn from the outline.
    for (const p of places) if (!byOutline.has(p.outline)) byOutline.set(p.outline, p.id);
    out = { places: places.filter((p) => byOutline.get(p.outline) === p.id), byOutline };
    known.set(dataset, out);
  }
  return out;
}

/**
 * The prefectures whose places the selection lists: those that match the filters and, while a
 * search is on (`searchIds`, the ids it matched), were matched by it — as the list selects.
 */
export function listedOutlines(
  outlined: OutlinedPlaces,
  filters: Filters,
  searchIds: readonly string[] | null,
): string[] {
  if (!outlined.places.length) return [];
  let found: Set<string> | null = null;
  if (searchIds) {
    const ids = new Set(outlined.byOutline.values());
    found = new Set();
    for (const id of searchIds) if (ids.has(id)) found.add(id);
  }
  return outlined.places.filter((p) => matchesFilters(p, filters) && (!found || found.has(p.id))).map((p) => p.outline);
}
