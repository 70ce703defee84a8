// A person's own layer (their file of sites) as style: one teal colour, drawn over the plan.
import type { LayerSpecification } from 'maplibre-gl';

export const OWN_SOURCE = 'user-layer';
export const OWN_LAYERS = { fill: 'user-fill', line: 'user-line', points: 'user-points' } as const;
export const OWN_LAYER_IDS: string[] = Object.values(OWN_LAYERS);
const COLOR = '#0b7a75';
export const OWN_LAYER_COLOR = COLOR;

export function ownLayers(): LayerSpecification[] {
  const type = ['geometry-type'] as const;
  return [
    {
      id: OWN_LAYERS.fill,
      type: 'fill',
      source: OWN_SOURCE,
      filter: ['==', type, 'Polygon'],
      paint: { 'fill-color': COLOR, 'fill-opacity': 0.25 },
    },
    {
      id: OWN_LAYERS.line,
      type: 'line',
      source: OWN_SOURCE,
      filter: ['in', type, ['literal', ['Polygon', 'LineString']]],
      paint: { 'line-color': COLOR, 'line-width': 2 },
    },
    {
      id: OWN_LAYERS.points,
      type: 'circle',
      source: OWN_SOURCE,
      filter: ['==', type, 'Point'],
      paint: {
        'circle-color': '#fff',
        'circle-radius': 5,
        'circle-stroke-color': COLOR,
        'circle-stroke-width': 3,
      },
    },
  ] as LayerSpecification[];
}
