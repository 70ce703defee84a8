// The planner choropleth's numbers (its colours are in src/map-style/choropleth.ts).
import { facetCounts, type Filters } from './query.ts';
import type { Dataset } from './types.ts';

/** Places per prefecture that plan the industry: the explorer's count for (prefecture, industry). */
export function choroplethCounts(dataset: Dataset, industry: string, filters: Filters): Map<string, number> {
  return facetCounts(dataset.features, { ...filters, industries: [industry], prefectures: [] }, 'prefectures');
}
