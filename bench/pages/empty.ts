// Reference page 3, the floor: the same map as the others — the app's embedded basemap, its
// controls, the same size and view — with no places at all. What any page with places costs above
// this is the cost of its places.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../../src/map-style/basemap-style.ts';
import { initialView, mapElement, markIdle } from './shared.ts';

setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);

const view = initialView();
const map = new MapLibreMap({
  container: mapElement(),
  style: basemapStyle('zh-Hans'),
  center: [view.lng, view.lat],
  zoom: view.zoom,
  localIdeographFontFamily: '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  attributionControl: { compact: true, customAttribution: 'Natural Earth · echarts map data' },
  maxBounds: [95, 10, 140, 48],
  minZoom: 3,
  dragRotate: false,
  pitchWithRotate: false,
});
map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
// Nothing to wait for but the basemap: the first idle is the whole first view.
map.on('idle', () => markIdle(true));
