import { useEffect, useRef, useState } from 'react';
import { Map as MapLibreMap, NavigationControl, ScaleControl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useAppStore } from '../../state/store.ts';
import { basemapStyle, FUJIAN_BOUNDS, labelField } from './basemap-style.ts';
import { setMapInstance } from './map-instance.ts';
import { hasWebGL } from './webgl.ts';

const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The imperative MapLibre map behind one thin component; everything else reads the store. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibreMap | null>(null);
  const lang = useAppStore((s) => s.lang);
  const [failure, setFailure] = useState<string | null>(() => (hasWebGL() ? null : 'no-webgl'));

  useEffect(() => {
    if (failure || !container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({
        container: container.current,
        style: basemapStyle(useAppStore.getState().lang),
        bounds: FUJIAN_BOUNDS,
        fitBoundsOptions: { padding: 20 },
        localIdeographFontFamily: LOCAL_CJK_FONTS,
        attributionControl: { compact: true, customAttribution: 'Natural Earth · echarts map data' },
        maxBounds: [95, 10, 140, 48],
        minZoom: 3,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      // WebGL exists but a context could not be made (blocklisted GPU, lost context).
      queueMicrotask(() => setFailure('no-webgl'));
      return;
    }
    map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    map.touchZoomRotate.disableRotation();
    mapRef.current = map;
    setMapInstance(map);
    return () => {
      setMapInstance(null);
      mapRef.current = null;
      map.remove();
    };
  }, [failure]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const apply = () => {
      for (const id of ['province-labels', 'prefecture-labels']) {
        if (map.getLayer(id)) map.setLayoutProperty(id, 'text-field', labelField(lang));
      }
    };
    if (map.isStyleLoaded()) apply();
    else map.once('load', apply);
  }, [lang]);

  if (failure) {
    return (
      <div className="map map--unavailable" role="status">
        <p>
          <strong>地图需要 WebGL · The map needs WebGL.</strong>
        </p>
        <p>
          此浏览器无法创建 WebGL，地图无法显示；搜索、列表、详情和原文阅读仍可使用。 This browser cannot create a WebGL
          context, so the map cannot be drawn. Search, the list, place details and the document reader still work.
        </p>
      </div>
    );
  }
  return <div ref={container} className="map" data-testid="map" />;
}
