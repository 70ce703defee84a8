import { useEffect, useRef, useState } from 'react';
import {
  LngLatBounds,
  Map as MapLibreMap,
  NavigationControl,
  Popup,
  ScaleControl,
  setWorkerUrl,
  type MapGeoJSONFeature,
  type MapMouseEvent,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a separate, self-contained file: ship it as an asset and tell MapLibre where it is
// (its own default URL does not survive bundling).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { PlanFeature } from '../../data/types.ts';
import { translate, useI18n } from '../../i18n/use-i18n.ts';
import { applyEarlyUrlState } from '../../app/url-sync.ts';
import { useAppStore } from '../../state/store.ts';
import { useDeferredPlaces } from '../../state/use-places.ts';
import { basemapStyle, FUJIAN_BOUNDS, labelField } from './basemap-style.ts';
import { setMapInstance } from './map-instance.ts';
import {
  INTERACTIVE_LAYERS,
  labelText,
  PLAN_LAYERS,
  PLAN_SOURCE,
  planFilter,
  planLayers,
  planSource,
} from './plan-layers.ts';
import { hasWebGL } from './webgl.ts';
import { USER_LAYER_IDS, USER_SOURCE, userLayers, userPopupContent } from './user-layer.ts';
import { choroplethColor, choroplethCounts } from '../../data/choropleth.ts';

setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);

const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

function boundsOf(features: PlanFeature[]): LngLatBounds | null {
  if (features.length === 0) return null;
  // Plain numbers: a national result set has tens of thousands of places.
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bbox } of features) {
    if (bbox[0] < w) w = bbox[0];
    if (bbox[1] < s) s = bbox[1];
    if (bbox[2] > e) e = bbox[2];
    if (bbox[3] > n) n = bbox[3];
  }
  return new LngLatBounds([w, s], [e, n]);
}

/** Whether the map already shows all of `b` at about the scale a fit would choose. */
function alreadyFits(map: MapLibreMap, b: LngLatBounds, options: { padding: number; maxZoom: number }): boolean {
  const view = map.getBounds();
  if (!view.contains(b.getSouthWest()) || !view.contains(b.getNorthEast())) return false;
  const camera = map.cameraForBounds(b, options);
  return camera?.zoom !== undefined && camera.zoom - map.getZoom() < 0.5;
}

/** The imperative MapLibre map behind one thin component; it reads the store and writes events to it. */
export function MapView() {
  const container = useRef<HTMLDivElement>(null);
  const [map, setMap] = useState<MapLibreMap | null>(null);
  const [ready, setReady] = useState(false);
  const [failure, setFailure] = useState<string | null>(() => (hasWebGL() ? null : 'no-webgl'));
  const { t, lang } = useI18n();
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const selectedId = useAppStore((s) => s.selectedId);
  const hoverId = useAppStore((s) => s.hoverId);
  const fitRequest = useAppStore((s) => s.fitRequest);
  const mode = useAppStore((s) => s.mode);
  const choropleth = useAppStore((s) => s.planner.choropleth);
  const userLayer = useAppStore((s) => s.userLayer);
  // The map follows a click one render later (see useDeferredPlaces): the click itself only
  // updates the checkbox and the list.
  const { places, searchIds, current, filters: mapFilters } = useDeferredPlaces();
  const fitted = useRef(0);

  // Create the map once.
  useEffect(() => {
    if (failure || !container.current) return;
    // A link's own view must be in the store before the map exists. App applies the early URL state
    // in its effect, which React runs after this (its child's) effect: apply it here too.
    applyEarlyUrlState();
    const { view, lang: initialLang } = useAppStore.getState();
    let m: MapLibreMap;
    try {
      m = new MapLibreMap({
        container: container.current,
        style: basemapStyle(initialLang),
        ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : { bounds: FUJIAN_BOUNDS }),
        fitBoundsOptions: { padding: 20 },
        localIdeographFontFamily: LOCAL_CJK_FONTS,
        attributionControl: { compact: true, customAttribution: 'Natural Earth · echarts map data' },
        maxBounds: [95, 10, 140, 48],
        minZoom: 3,
        dragRotate: false,
        pitchWithRotate: false,
        // Labels appear at once instead of fading in over 300 ms: every faded frame is a full
        // repaint, which a machine without a GPU pays for in full (see README, Performance).
        fadeDuration: 0,
      });
    } catch {
      // WebGL exists but no context could be made (blocklisted GPU, lost context).
      queueMicrotask(() => setFailure('no-webgl'));
      return;
    }
    m.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    m.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-left');
    m.touchZoomRotate.disableRotation();
    m.on('load', () => setReady(true));
    // Marks for the benchmark and for anyone profiling: every idle, and the first idle with the
    // plan layer drawn.
    let planDrawn = false;
    m.on('idle', () => {
      performance.mark('map:idle');
      if (!planDrawn && m.getSource(PLAN_SOURCE) && m.isSourceLoaded(PLAN_SOURCE)) {
        planDrawn = true;
        performance.mark('map:first-idle');
        // Two animation frames later the browser has shown it (drawing can lag behind the idle).
        requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('map:first-painted')));
        document.documentElement.dataset.mapReady = 'true';
      }
    });
    m.on('moveend', () => {
      const c = m.getCenter();
      useAppStore.getState().setView({ lng: c.lng, lat: c.lat, zoom: m.getZoom() });
    });
    setMap(m);
    setMapInstance(m);
    return () => {
      setMapInstance(null);
      setMap(null);
      setReady(false);
      m.remove();
    };
  }, [failure]);

  // Add the plan layer once the style and the data are both there.
  useEffect(() => {
    if (!map || !ready || !dataset || map.getSource(PLAN_SOURCE)) return;
    map.addSource(PLAN_SOURCE, planSource(dataset));
    const s = useAppStore.getState();
    for (const layer of planLayers(planFilter(s.filters, null), s.lang)) map.addLayer(layer, 'province-labels');

    let hovered: string | null = null;
    const topFeatures = (e: MapMouseEvent): MapGeoJSONFeature[] =>
      map.queryRenderedFeatures(e.point, { layers: INTERACTIVE_LAYERS });
    const onMove = (e: MapMouseEvent) => {
      const id = (topFeatures(e)[0]?.properties.id as string | undefined) ?? null;
      if (id !== hovered) {
        hovered = id;
        useAppStore.getState().hover(id);
      }
      map.getCanvas().style.cursor = id ? 'pointer' : '';
    };
    const onLeave = () => {
      hovered = null;
      useAppStore.getState().hover(null);
    };
    let popup: Popup | null = null;
    const onClick = (e: MapMouseEvent) => {
      popup?.remove();
      const hits = topFeatures(e);
      const points = [
        ...new Set(hits.filter((h) => h.layer.id === PLAN_LAYERS.points).map((h) => h.properties.id as string)),
      ];
      if (points.length > 1) {
        // Places that share one point (e.g. several at a county seat): let the person choose.
        popup = new Popup({ closeButton: true, maxWidth: '280px' })
          .setLngLat(e.lngLat)
          .setDOMContent(choiceList(points))
          .addTo(map);
        return;
      }
      const id = (hits[0]?.properties.id as string | undefined) ?? null;
      if (id) useAppStore.getState().select(id);
    };
    const choiceList = (ids: string[]) => {
      const { dataset: ds, lang: l } = useAppStore.getState();
      const box = document.createElement('div');
      const title = document.createElement('p');
      title.className = 'popup__title';
      title.textContent = translate('placesHere', { n: ids.length });
      const list = document.createElement('ul');
      list.className = 'popup__list';
      for (const id of ids) {
        const f = ds?.byId.get(id);
        if (!f) continue;
        const item = document.createElement('li');
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = l === 'en' ? f.name_en : l === 'zh-Hant' ? f.name_zh_hant : f.name_zh;
        button.addEventListener('click', () => {
          popup?.remove();
          useAppStore.getState().select(id);
        });
        item.append(button);
        list.append(item);
      }
      box.append(title, list);
      return box;
    };
    map.on('mousemove', onMove);
    map.on('mouseout', onLeave);
    map.on('click', onClick);
  }, [map, ready, dataset]);

  // Filters and search change only the layer filters (MapLibre's worker applies them to the tiles it
  // already has); the data are never sent again.
  useEffect(() => {
    if (!map || !ready || !map.getSource(PLAN_SOURCE)) return;
    const filter = planFilter(mapFilters, searchIds);
    // Built here, not typed by a person: skip the style validator (a search can list 100,000 ids).
    const NO_VALIDATION = { validate: false };
    const isArea = ['==', ['get', 'area'], true];
    const isPoint = ['==', ['get', 'area'], false];
    map.setFilter(PLAN_LAYERS.areaFill, ['all', isArea, filter] as never, NO_VALIDATION);
    map.setFilter(PLAN_LAYERS.areaLine, ['all', isArea, filter] as never, NO_VALIDATION);
    map.setFilter(
      `${PLAN_LAYERS.areaLine}-approx`,
      ['all', isArea, ['==', ['get', 'approx'], true], filter] as never,
      NO_VALIDATION,
    );
    map.setFilter(PLAN_LAYERS.points, ['all', isPoint, filter] as never, NO_VALIDATION);
    map.setFilter(PLAN_LAYERS.labels, ['all', isPoint, filter] as never, NO_VALIDATION);
    // For the benchmark: the next `map:idle` after this mark has the new filter drawn.
    performance.mark('map:filter');
  }, [map, ready, dataset, mapFilters, searchIds]);

  // The view fits the result set when filters or search change: once per request, as soon as the
  // selection has caught up with it.
  useEffect(() => {
    if (!map || !ready || fitRequest === fitted.current || !current) return;
    fitted.current = fitRequest;
    const b = boundsOf(places);
    const fit = { padding: 48, maxZoom: 10 };
    // A result set the view already shows whole is not worth a camera move (nor the new tiles).
    if (b && !alreadyFits(map, b, fit)) map.fitBounds(b, { ...fit, duration: 600 });
  }, [map, ready, fitRequest, current, places]);

  // Hover and selection states.
  useEffect(() => {
    if (!map || !ready || !hoverId || !map.getSource(PLAN_SOURCE)) return;
    map.setFeatureState({ source: PLAN_SOURCE, id: hoverId }, { hover: true });
    return () => {
      if (map.getSource(PLAN_SOURCE)) map.setFeatureState({ source: PLAN_SOURCE, id: hoverId }, { hover: false });
    };
  }, [map, ready, dataset, hoverId]);

  useEffect(() => {
    if (!map || !ready || !selectedId || !dataset || !map.getSource(PLAN_SOURCE)) return;
    map.setFeatureState({ source: PLAN_SOURCE, id: selectedId }, { selected: true });
    const f = dataset.byId.get(selectedId);
    if (f && useAppStore.getState().flyToSelection) {
      const [w, s, e, n] = f.bbox;
      if (f.geometry.type === 'Point') map.flyTo({ center: [w, s], zoom: Math.max(map.getZoom(), 9), duration: 700 });
      else map.fitBounds([w, s, e, n], { padding: 48, maxZoom: 11, duration: 700 });
    }
    return () => {
      if (map.getSource(PLAN_SOURCE)) map.setFeatureState({ source: PLAN_SOURCE, id: selectedId }, { selected: false });
    };
  }, [map, ready, dataset, selectedId]);

  // Planner choropleth: prefectures shaded by the number of places planning the chosen industry.
  useEffect(() => {
    if (!map || !ready || !map.getLayer('choropleth-fill')) return;
    const on = mode === 'planner' && choropleth !== null && dataset !== null;
    // Only a real change of visibility: any layout change makes MapLibre re-tile the layer's whole
    // source, and this effect also runs on every filter change (the counts follow the filters).
    const show = (layer: string, visible: boolean) => {
      const value = visible ? 'visible' : 'none';
      if (map.getLayer(layer) && (map.getLayoutProperty(layer, 'visibility') ?? 'visible') !== value)
        map.setLayoutProperty(layer, 'visibility', value);
    };
    show('choropleth-fill', on);
    // Plan areas would hide the shading: while it shows, only their outlines and the points stay.
    show(PLAN_LAYERS.areaFill, !on);
    if (on)
      map.setPaintProperty(
        'choropleth-fill',
        'fill-color',
        choroplethColor(choroplethCounts(dataset, choropleth, filters)),
      );
  }, [map, ready, mode, choropleth, dataset, filters]);

  // A person's own layer, over the plan layer.
  useEffect(() => {
    if (!map || !ready) return;
    for (const id of USER_LAYER_IDS) if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(USER_SOURCE)) map.removeSource(USER_SOURCE);
    if (!userLayer) return;
    map.addSource(USER_SOURCE, { type: 'geojson', data: userLayer.collection });
    for (const layer of userLayers()) map.addLayer(layer);
    map.fitBounds(userLayer.bbox, { padding: 48, maxZoom: 11, duration: 600 });
    let popup: Popup | null = null;
    const onClick = (e: MapMouseEvent) => {
      const hit = map.queryRenderedFeatures(e.point, { layers: USER_LAYER_IDS.filter((id) => map.getLayer(id)) })[0];
      if (!hit) return;
      popup?.remove();
      popup = new Popup({ maxWidth: '300px' })
        .setLngLat(e.lngLat)
        .setDOMContent(userPopupContent(userLayer.name, hit.properties))
        .addTo(map);
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
      popup?.remove();
    };
  }, [map, ready, userLayer]);

  // Labels follow the language.
  useEffect(() => {
    if (!map || !ready) return;
    for (const id of ['province-labels', 'prefecture-labels'])
      map.setLayoutProperty(id, 'text-field', labelField(lang));
    if (map.getLayer(PLAN_LAYERS.labels)) map.setLayoutProperty(PLAN_LAYERS.labels, 'text-field', labelText(lang));
  }, [map, ready, lang]);

  if (failure) {
    return (
      <div className="map map--unavailable" role="status" data-testid="no-webgl">
        <p>
          <strong>{t('noWebGL')}</strong>
        </p>
        <p>{t('noWebGLDetail')}</p>
      </div>
    );
  }
  return <div ref={container} className="map" data-testid="map" role="region" aria-label={t('mapLabel')} />;
}
