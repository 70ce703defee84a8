// The planner's choropleth as style: classes of counts, their colours, the layer that shades the
// basemap's prefecture outlines. Counting is in src/data/choropleth.ts.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { PREFECTURE_SOURCE } from './basemap-style.ts';

export const CHOROPLETH_LAYER = 'choropleth-fill';

const RAMP = ['#fde0c5', '#facba6', '#f59e72', '#e8704f', '#b4432f'];

export interface ChoroplethClass {
  from: number;
  to: number;
  color: string;
  label: string;
}

/** Up to five classes of whole numbers from 1 to max. */
export function choroplethClasses(max: number): ChoroplethClass[] {
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

/** The shading layer for counts per prefecture code. */
export function choroplethLayer(counts: Map<string, number>): LayerSpecification {
  return {
    id: CHOROPLETH_LAYER,
    type: 'fill',
    source: PREFECTURE_SOURCE,
    layout: { visibility: 'visible' },
    paint: { 'fill-color': choroplethColor(counts), 'fill-opacity': 0.85 },
  };
}

export const COMPARED_REGIONS_LAYER = 'compared-regions';

/** The prefectures being compared, outlined (basemap outlines, property `code`). */
export function comparedRegionsLayer(codes: string[]): LayerSpecification {
  return {
    id: COMPARED_REGIONS_LAYER,
    type: 'line',
    source: PREFECTURE_SOURCE,
    filter: codes.length ? ['in', ['get', 'code'], ['literal', codes]] : ['boolean', false],
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#b4432f', 'line-width': 3.5, 'line-opacity': 0.9 },
  };
}
