// Shared by the planner's choropleth tab and the map that shades it.
import type { ExpressionSpecification } from 'maplibre-gl';
import { facetCounts, type Filters } from './query.ts';
import type { Dataset } from './types.ts';

/** Places per prefecture that plan the industry: the explorer's count for (prefecture, industry). */
export function choroplethCounts(dataset: Dataset, industry: string, filters: Filters): Map<string, number> {
  return facetCounts(dataset.features, { ...filters, industries: [industry], prefectures: [] }, 'prefectures');
}

const RAMP = ['#fde0c5', '#facba6', '#f59e72', '#e8704f', '#b4432f'];

/** Up to five classes of whole numbers from 1 to max. */
export function choroplethClasses(max: number): { from: number; to: number; color: string; label: string }[] {
  if (max <= 0) return [];
  const n = Math.min(5, max);
  const out = [];
  for (let k = 0; k < n; k++) {
    const from = Math.floor((k * max) / n) + 1;
    const to = Math.floor(((k + 1) * max) / n);
    out.push({
      from,
      to,
      color: RAMP[Math.round((k * (RAMP.length - 1)) / Math.max(1, n - 1))],
      label: from === to ? `${from}` : `${from}–${to}`,
    });
  }
  return out;
}

/** A fill-color expression over the basemap's prefecture outlines (property `code`). */
export function choroplethColor(counts: Map<string, number>): ExpressionSpecification {
  const classes = choroplethClasses(Math.max(0, ...counts.values()));
  const stops: (string | number)[] = [];
  for (const [code, n] of counts) {
    const c = classes.find((k) => n >= k.from && n <= k.to);
    if (c) stops.push(code, c.color);
  }
  return (stops.length
    ? ['match', ['get', 'code'], ...stops, 'rgba(0,0,0,0)']
    : ['literal', 'rgba(0,0,0,0)']) as unknown as ExpressionSpecification;
}
