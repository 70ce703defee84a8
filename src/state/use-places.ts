import { useMemo } from 'react';
import { buildSearchIndex, searchScores, selectPlaces } from '../data/query.ts';
import type { Dataset, PlanFeature } from '../data/types.ts';
import { useAppStore } from './store.ts';

const indexCache = new WeakMap<Dataset, ReturnType<typeof buildSearchIndex>>();

export function searchIndexOf(dataset: Dataset) {
  let index = indexCache.get(dataset);
  if (!index) {
    index = buildSearchIndex(dataset);
    indexCache.set(dataset, index);
  }
  return index;
}

/** The places the current filters and search select, and the ids the search alone matched. */
export function usePlaces(): { places: PlanFeature[]; searchIds: string[] | null } {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const query = useAppStore((s) => s.query);
  return useMemo(() => {
    if (!dataset) return { places: [], searchIds: null };
    const scores = searchScores(searchIndexOf(dataset), query);
    return { places: selectPlaces(dataset, filters, scores), searchIds: scores ? [...scores.keys()] : null };
  }, [dataset, filters, query]);
}
