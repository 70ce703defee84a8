// The MapLibre map both MapLibre reference pages start from (the bare page and the empty map): the
// app's embedded basemap, its controls, the view and size from the query string. One definition,
// so that the empty map is the same map as the bare page's, less the places.
import { Map as MapLibreMap, NavigationControl, ScaleControl, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { basemapStyle } from '../../src/map-style/basemap-style.ts';
import { initialView, mapElement } from './shared.ts';

setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);

export function basemapMap(): MapLibreMap {
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
  return map;
}
