// Reference page 2, "what many map sites use": Leaflet with `L.geoJSON`, the same data, the same
// colours as the app's style, on the canvas renderer (`preferCanvas`, Leaflet's own advice for many
// features; its default SVG renderer is slower still). Filtering rebuilds the layer through
// L.geoJSON's `filter` option.
import * as L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection } from 'geojson';
import { KIND_COLORS } from '../../src/map-style/kind-colors.ts';
import type { Kind } from '../../src/data/types.ts';
import { BASEMAP_URL, DATA_URL, initialView, mapElement, markIdle } from './shared.ts';

const view = initialView();
const renderer = new URLSearchParams(location.search).get('renderer') === 'svg' ? 'svg' : 'canvas';
// Leaflet's zoom counts 256 px tiles, MapLibre's 512 px tiles: the same scale is one level more.
const map = L.map(mapElement(), {
  preferCanvas: renderer === 'canvas',
  zoomSnap: 0,
  center: [view.lat, view.lng],
  zoom: view.zoom + 1,
  maxBounds: [
    [10, 95],
    [48, 140],
  ],
  minZoom: 4,
});
L.control.scale({ imperial: false }).addTo(map);

const getJson = async (url: string) => (await (await fetch(url)).json()) as FeatureCollection;
/** After the next frame: the canvas renderer draws in an animation frame, then the page paints. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

interface PlanProps {
  kind: Kind;
  precision: string;
  industries: string[];
}
const propsOf = (f: Feature | undefined) => (f?.properties ?? {}) as PlanProps;

const selected = new Set<string>();
const matches = (f: Feature) => selected.size === 0 || propsOf(f).industries.some((i) => selected.has(i));

async function main() {
  const [land, provinces, prefectures, labels, data] = await Promise.all(
    ['land', 'provinces', 'prefectures', 'labels'].map((n) => getJson(BASEMAP_URL(n))).concat(getJson(DATA_URL)),
  );
  L.geoJSON(land, { style: { stroke: false, fillColor: '#ece8df', fillOpacity: 1 } }).addTo(map);
  L.geoJSON(provinces, {
    style: (f) => ({
      color: '#7d7263',
      weight: 0.9,
      fillColor: f?.properties?.code === '350000' ? '#fbf9f3' : '#e6e2d8',
      fillOpacity: 1,
    }),
  }).addTo(map);
  L.geoJSON(prefectures, { style: { color: '#a0917b', weight: 0.5, dashArray: '3 2', fill: false } }).addTo(map);

  const areas = L.geoJSON(undefined, {
    filter: (f) => f.geometry.type !== 'Point' && matches(f),
    style: (f) => {
      const { kind, precision } = propsOf(f);
      return {
        color: KIND_COLORS[kind],
        weight: kind === 'prefecture' ? 0.6 : 1.2,
        opacity: 0.9,
        fillColor: KIND_COLORS[kind],
        fillOpacity: kind === 'prefecture' ? 0.05 : precision === 'approximate_area' ? 0.08 : 0.18,
      };
    },
  }).addTo(map);
  const points = L.geoJSON(undefined, {
    filter: (f) => f.geometry.type === 'Point' && matches(f),
    pointToLayer: (f, at) =>
      L.circleMarker(at, {
        radius: 4.5,
        color: '#fff',
        weight: 1.5,
        opacity: 1,
        fillColor: KIND_COLORS[propsOf(f).kind],
        fillOpacity: 1,
      }),
  }).addTo(map);
  const draw = () => {
    areas.clearLayers().addData(data);
    points.clearLayers().addData(data);
  };
  draw();

  // Province names above everything, as the style's province-labels layer (drawn below zoom 7.5).
  for (const f of labels.features) {
    if (f.properties?.level !== 'province' || f.geometry.type !== 'Point') continue;
    const [lng, lat] = f.geometry.coordinates;
    const label = document.createElement('span');
    label.textContent = String(f.properties.name);
    L.marker([lat, lng], {
      interactive: false,
      icon: L.divIcon({ className: 'province-label', html: label, iconSize: [0, 0] }),
    }).addTo(map);
  }

  await painted();
  markIdle(true);

  window.__bench = {
    drawn: () => areas.getLayers().length + points.getLayers().length,
    toggleIndustry(id) {
      if (!selected.delete(id)) selected.add(id);
      draw();
      performance.mark('map:filter');
      void painted().then(() => markIdle(true));
    },
  };
}
void main();
