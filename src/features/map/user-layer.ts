import type { LayerSpecification } from 'maplibre-gl';

export const USER_SOURCE = 'user-layer';
export const USER_LAYER_IDS = ['user-fill', 'user-line', 'user-points'];
const COLOR = '#0b7a75';

export function userLayers(): LayerSpecification[] {
  const type = ['geometry-type'] as const;
  return [
    {
      id: 'user-fill',
      type: 'fill',
      source: USER_SOURCE,
      filter: ['==', type, 'Polygon'],
      paint: { 'fill-color': COLOR, 'fill-opacity': 0.25 },
    },
    {
      id: 'user-line',
      type: 'line',
      source: USER_SOURCE,
      filter: ['in', type, ['literal', ['Polygon', 'LineString']]],
      paint: { 'line-color': COLOR, 'line-width': 2 },
    },
    {
      id: 'user-points',
      type: 'circle',
      source: USER_SOURCE,
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

/** A popup body for one of the person's features: their own values, always as text. */
export function userPopupContent(layerName: string, properties: Record<string, unknown>): HTMLElement {
  const box = document.createElement('div');
  const title = document.createElement('p');
  title.className = 'popup__title';
  title.textContent = layerName;
  const dl = document.createElement('dl');
  dl.className = 'popup__props';
  for (const [k, v] of Object.entries(properties ?? {}).slice(0, 12)) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = typeof v === 'string' ? v : JSON.stringify(v);
    dl.append(dt, dd);
  }
  box.append(title, dl);
  return box;
}
