// Reference page 1, "the limit for this stack": MapLibre alone, no React, no app code. It draws the
// same data with the same style as the app: the app's basemap style and plan layer declarations,
// rewritten to read the raw GeoJSON properties (the app flattens them first), and hands MapLibre
// the data URL so that its worker fetches and parses it.
import type { FilterSpecification, LayerSpecification } from 'maplibre-gl';
import { PLAN_LAYER_SLOT, PLAN_SOURCE, planLayers, type PlanLayerId } from '../../src/map-style/plan-layers.ts';
import { KIND_ORDER } from '../../src/data/types.ts';
import { basemapMap } from './maplibre-map.ts';
import { DATA_URL, markIdle } from './shared.ts';

const FLATTENED = new Set(['area', 'approx', 'rank', 'ind', 'docs', 'pref']);
const KIND_RANK = ['match', ['get', 'kind'], ...KIND_ORDER.flatMap((k, i) => [k, i]), 99];

/** The app's layer expressions over its flattened properties, as expressions over the raw data. */
function raw(e: unknown): unknown {
  if (e !== null && typeof e === 'object' && !Array.isArray(e)) {
    return Object.fromEntries(Object.entries(e).map(([k, v]) => [k, raw(v)]));
  }
  if (!Array.isArray(e)) return e;
  switch (JSON.stringify(e)) {
    case '["==",["get","area"],true]':
      return ['!=', ['geometry-type'], 'Point'];
    case '["==",["get","area"],false]':
      return ['==', ['geometry-type'], 'Point'];
    case '["==",["get","approx"],true]':
      return ['==', ['get', 'precision'], 'approximate_area'];
    case '["get","rank"]':
      return KIND_RANK;
  }
  if (e[0] === 'get' && FLATTENED.has(e[1] as string)) throw new Error(`unmapped app property ${String(e[1])}`);
  return e.map(raw);
}

// The app reads its layer from vector tiles; this page hands MapLibre the GeoJSON itself.
const fromGeoJSON = ({ 'source-layer': _tiles, ...layer }: LayerSpecification & { 'source-layer'?: string }) => layer;
const layers = planLayers(['all'], 'zh-Hans').map((l) => raw(fromGeoJSON(l)) as LayerSpecification);
const baseFilter = new Map(layers.map((l) => [l.id, (l as { filter?: FilterSpecification }).filter]));

const map = basemapMap();
map.on('load', () => {
  // buffer 32: the margin the app's GeoJSON layer used (circles of up to 12 px plus a 3 px stroke).
  map.addSource(PLAN_SOURCE, { type: 'geojson', data: DATA_URL, promoteId: 'id', buffer: 32 });
  for (const layer of layers) map.addLayer(layer, PLAN_LAYER_SLOT[layer.id as PlanLayerId]);
});
map.on('idle', () => markIdle(Boolean(map.getSource(PLAN_SOURCE)) && map.isSourceLoaded(PLAN_SOURCE)));

const selected = new Set<string>();
window.__bench = {
  drawn: () => new Set(map.queryRenderedFeatures({ layers: layers.map((l) => l.id) }).map((f) => f.properties.id)).size,
  toggleIndustry(id) {
    if (!selected.delete(id)) selected.add(id);
    const only: FilterSpecification | null = selected.size
      ? (['any', ...[...selected].map((s) => ['in', s, ['get', 'industries']])] as FilterSpecification)
      : null;
    for (const [layer, base] of baseFilter) {
      map.setFilter(layer, (only ? ['all', base ?? true, only] : base) as FilterSpecification);
    }
    performance.mark('map:filter');
  },
};
