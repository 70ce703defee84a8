// The plan's places on the map: one source, its layers filtered by the current selection, hover
// and selection states, the camera following results and choices. Declared on the shared map
// (src/map); nothing here knows of the planner or of a person's own layer.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { NavigationControl, ScaleControl, type ExpressionSpecification, type MapMouseEvent } from 'maplibre-gl';
import { GlobalState } from '../../map/GlobalState.tsx';
import { Layer } from '../../map/Layer.tsx';
import { useMap } from '../../map/MapProvider.tsx';
import { Popup } from '../../map/Popup.tsx';
import { syncMapSize } from '../../map/map-size.ts';
import { Source } from '../../map/Source.tsx';
import { registerPmtilesProtocol } from '../../map/pmtiles-protocol.ts';
import { planArchiveUrl } from '../../data/plan-archive.ts';
import { CLICK_PRIORITY, useControl, useLayoutProperty, useMapClick, useMapEvent } from '../../map/hooks.ts';
import { BASEMAP_LABEL_LAYERS, labelField, PREFECTURE_SOURCE, SLOTS } from '../../map-style/basemap-style.ts';
import {
  COUNT_SOURCE,
  countLayerIds,
  countLayers,
  INTERACTIVE_LAYERS,
  OUTLINE_LAYER_SLOT,
  type OutlineLayerId,
  outlineLayers,
  placeIdOf,
  PLAN_LAYER_SLOT,
  PLAN_LAYERS,
  PLAN_SOURCE,
  PLAN_SOURCE_LAYER,
  type PlanLayerId,
  planFilter,
  SEARCH_HITS_STATE,
  searchHitsState,
  planLayers,
  planSource,
  selectedLayers,
  SELECTED_SOURCE,
  placePointsData,
  STACK_LAYERS,
  STACK_SOURCE,
  stackLayers,
  TILE_COUNT_LAYERS,
  tileCountLayers,
} from '../../map-style/plan-layers.ts';
import { ShortlistToggle } from '../../components/ShortlistToggle.tsx';
import { useAppStore } from '../../state/store.ts';
import { useI18n } from '../../state/use-i18n.ts';
import { useMapPlaces, useMapPlacesCurrent } from '../../state/map-places.tsx';
import { alreadyFits, fitTarget, flyToPlace, prepareFit } from './camera.ts';
import { pointStacks } from './stacks.ts';
import { NO_COUNTS, placeCounts, prepareCountCells, warmCounts } from './counts.ts';
import { FIRST_VIEW_MARK, inIdleAfterFirstView, noFirstView } from '../../lib/after-first-view.ts';
import { PLAN_MAP_MIN_ZOOM } from './map-options.ts';
import { listedOutlines, outlinedPlacesOf } from './outlined-places.ts';
import type { Dataset } from '../../data/types.ts';
import type { MapSelection } from '../../state/use-places.ts';
import { EMPTY_FILTERS, selectPlaces } from '../../data/query.ts';
import { formatInteger } from '../../i18n/format.ts';
import './plan-map.css';

// The plan layer's source is a `pmtiles://` URL (once per page, before any map asks for it).
registerPmtilesProtocol();

/** Zoom buttons, scale bar, and a map that does not rotate. */
export function MapControls() {
  const map = useMap();
  useControl(() => new NavigationControl({ showCompass: false }), 'top-right');
  useControl(() => new ScaleControl({ unit: 'metric' }), 'bottom-left');
  useEffect(() => {
    map?.touchZoomRotate.disableRotation();
  }, [map]);
  return null;
}

/** Basemap labels in the reader's language. */
function BasemapLabels() {
  const { lang } = useI18n();
  const field = useMemo(() => labelField(lang), [lang]);
  useLayoutProperty(BASEMAP_LABEL_LAYERS[0], 'text-field', field);
  useLayoutProperty(BASEMAP_LABEL_LAYERS[1], 'text-field', field);
  return null;
}

/** The map's view in the store (and so in the URL). */
function ViewSync() {
  useMapEvent('moveend', (_e, map) => {
    const c = map.getCenter();
    useAppStore.getState().setView({ lng: c.lng, lat: c.lat, zoom: map.getZoom() });
  });
  return null;
}

/**
 * A tile archive that is missing or damaged (a failed download, a truncated file): the map pane
 * says so, once, and the list, search and details, which read the attribute table, go on working.
 */
function PlanLayerErrors() {
  const setMapLayerError = useAppStore((s) => s.setMapLayerError);
  useMapEvent('error', (e) => {
    const { sourceId, error } = e as unknown as { sourceId?: string; error?: Error };
    if (sourceId !== PLAN_SOURCE) return;
    console.error('The plan tiles could not be read:', error?.message ?? error);
    setMapLayerError(true);
    // What waits for the places' first view (the search index, the offline copy) need not.
    noFirstView();
  });
  return null;
}

/** Marks for the benchmark and for anyone profiling: every idle, and the first with the plan drawn. */
function PerformanceMarks() {
  const planDrawn = useRef(false);
  useMapEvent('idle', (_e, map) => {
    performance.mark('map:idle');
    if (!planDrawn.current && map.getSource(PLAN_SOURCE) && map.isSourceLoaded(PLAN_SOURCE)) {
      planDrawn.current = true;
      performance.mark(FIRST_VIEW_MARK);
      // Two animation frames later the browser has shown it (drawing can lag behind the idle).
      requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('map:first-painted')));
      document.documentElement.dataset.mapReady = 'true';
    }
  });
  return null;
}

interface Chooser {
  lngLat: [number, number];
  ids: string[];
}

/** Places that share one point (several at a county seat): the person chooses one. */
function PlaceChooser({ chooser, onClose }: { chooser: Chooser; onClose: () => void }) {
  const i18n = useI18n();
  const dataset = useAppStore((s) => s.dataset);
  const select = useAppStore((s) => s.select);
  return (
    <Popup lngLat={chooser.lngLat} onClose={onClose} options={{ closeButton: true, maxWidth: '280px' }}>
      <p className="popup__title">{i18n.t('placesHere', { n: chooser.ids.length })}</p>
      <ul className="popup__list">
        {chooser.ids.map((id) => {
          const f = dataset?.byId.get(id);
          if (!f) return null;
          return (
            <li key={id}>
              <button
                type="button"
                onClick={() => {
                  onClose();
                  select(id);
                }}
              >
                {i18n.featureName(f)}
              </button>
              <ShortlistToggle id={id} name={i18n.featureName(f)} />
            </li>
          );
        })}
      </ul>
    </Popup>
  );
}

/** Hover, click and the chooser on the plan layers. */
function PlanInteractions() {
  const [chooser, setChooser] = useState<Chooser | null>(null);
  const hovered = useRef<string | null>(null);
  const { byOutline } = outlinedPlacesOf(useAppStore((s) => s.dataset));
  const top = (e: MapMouseEvent) =>
    e.target.queryRenderedFeatures(e.point, { layers: INTERACTIVE_LAYERS.filter((id) => e.target.getLayer(id)) });
  const topId = (e: MapMouseEvent) => {
    const hit = top(e)[0];
    return hit ? placeIdOf(hit, byOutline) : null;
  };

  useMapEvent('mousemove', (e, map) => {
    const id = topId(e);
    if (id !== hovered.current) {
      hovered.current = id;
      useAppStore.getState().hover(id);
    }
    map.getCanvas().style.cursor = id ? 'pointer' : '';
  });
  useMapEvent('mouseout', () => {
    hovered.current = null;
    useAppStore.getState().hover(null);
  });
  useMapClick((e, map) => {
    setChooser(null);
    // A count badge sits beside its dot: a click on it lists the places there.
    const badge = map.getLayer(STACK_LAYERS.badge)
      ? map.queryRenderedFeatures(e.point, { layers: [STACK_LAYERS.badge] })[0]
      : undefined;
    if (badge) {
      const raw = badge.properties.ids as string | string[];
      const ids = typeof raw === 'string' ? (JSON.parse(raw) as string[]) : raw;
      setChooser({ lngLat: [e.lngLat.lng, e.lngLat.lat], ids });
      return true;
    }
    const hits = top(e);
    const points = [
      ...new Set(hits.filter((h) => h.layer.id === PLAN_LAYERS.points).map((h) => h.properties.id as string)),
    ];
    if (points.length > 1) {
      setChooser({ lngLat: [e.lngLat.lng, e.lngLat.lat], ids: points });
      return true;
    }
    const id = hits[0] ? placeIdOf(hits[0], byOutline) : null;
    if (id) useAppStore.getState().select(id);
    return id !== null;
  }, CLICK_PRIORITY.base);
  const close = useCallback(() => setChooser(null), []);
  return chooser ? <PlaceChooser chooser={chooser} onClose={close} /> : null;
}

/**
 * Where a place's feature state lives: the tiles' feature, or for a whole prefecture the basemap's
 * outline of it (by code).
 */
function stateTarget(dataset: Dataset | null, id: string) {
  const code = dataset?.byId.get(id)?.outline;
  return code ? { source: PREFECTURE_SOURCE, id: code } : { source: PLAN_SOURCE, sourceLayer: PLAN_SOURCE_LAYER, id };
}

/** Hover and selection as feature states; the camera moves to a chosen place. */
function PlanStates() {
  const map = useMap();
  const dataset = useAppStore((s) => s.dataset);
  const hoverId = useAppStore((s) => s.hoverId);
  const selectedId = useAppStore((s) => s.selectedId);

  useEffect(() => {
    if (!map || !hoverId) return;
    const target = stateTarget(dataset, hoverId);
    if (!map.getSource(target.source)) return;
    map.setFeatureState(target, { hover: true });
    return () => {
      if (map.style && map.getSource(target.source)) map.setFeatureState(target, { hover: false });
    };
  }, [map, dataset, hoverId]);

  useEffect(() => {
    if (!map || !selectedId || !dataset) return;
    const target = stateTarget(dataset, selectedId);
    if (!map.getSource(target.source)) return;
    map.setFeatureState(target, { selected: true });
    const f = dataset.byId.get(selectedId);
    if (f && useAppStore.getState().flyToSelection) flyToPlace(map, f);
    return () => {
      if (map.style && map.getSource(target.source)) map.setFeatureState(target, { selected: false });
    };
  }, [map, dataset, selectedId]);
  return null;
}

/** How a filter's result set is fitted: room around it, and no closer than a city. */
const FIT = { padding: 48, maxZoom: 10 };

/**
 * The view fits the result set when filters or search change: once per request, as soon as the
 * (deferred) selection has caught up with it.
 */
function FitResults() {
  const map = useMap();
  const fitRequest = useAppStore((s) => s.fitRequest);
  const { places, filters, searchIds, dataset } = useMapPlaces();
  const current = useMapPlacesCurrent();
  const fitted = useRef(0);
  useEffect(() => {
    if (!dataset || !map) return;
    // The check that the view already fits runs MapLibre's camera code, which nothing before the
    // first filter runs: cold, it took 5–11 ms of that click's main thread at 100,000 places (CPU
    // profile). Asked once of the view itself, it changes nothing.
    return inIdleAfterFirstView(
      () => prepareFit(dataset),
      () => alreadyFits(map, map.getBounds(), FIT),
    );
  }, [dataset, map]);
  useEffect(() => {
    if (!map || fitRequest === fitted.current || !current || !dataset) return;
    fitted.current = fitRequest;
    const b = fitTarget(dataset, places, filters, searchIds);
    syncMapSize(map);
    // A result set the view already shows whole is not worth a camera move (nor the new tiles).
    if (b && !alreadyFits(map, b, FIT)) map.fitBounds(b, { ...FIT, duration: 600 });
  }, [map, fitRequest, current, places, dataset, filters, searchIds]);
  return null;
}

/**
 * Whether the map draws every place's count bubbles from the tile archive (below the places' first
 * zoom): while nothing narrows the list, including before the attribute table is in (the first view
 * does not wait for it), unless the link narrows it once the table is. Not where the table left
 * damaged rows out: the tiles would count them, the list does not.
 */
function useTileCounts({ searchIds, filters, dataset }: MapSelection): boolean {
  const linkNarrows = useAppStore((s) => s.linkNarrows);
  const narrowed = searchIds !== null || Object.values(filters).some((v) => v.length > 0);
  if (narrowed) return false;
  // Once the table is in: only where places start above the map's first zoom (there is something
  // to count), and every row loaded.
  return dataset ? dataset.tileMinZoom > PLAN_MAP_MIN_ZOOM && dataset.problems.length === 0 : !linkNarrows;
}

const NO_PLACES: ExpressionSpecification = ['boolean', false];

/**
 * Whether the map waits for the table to apply the link: a link that filters or searches is
 * applied once the table is in, and until then no place is drawn, rather than every place (the
 * search box already shows the link's words). A table that cannot be had applies nothing: the
 * tiles' places are drawn then, beside the message why.
 */
function useWaitingForLink(dataset: Dataset | null): boolean {
  const linkNarrows = useAppStore((s) => s.linkNarrows);
  const tableFailed = useAppStore((s) => s.loadError !== null);
  return linkNarrows && !dataset && !tableFailed;
}

/**
 * The map pane says while it still draws the previous selection, as the list does (or nothing,
 * waiting for the table to apply the link). A component of its own: the click's render, which
 * makes the map busy, re-renders only this.
 */
function MapBusy() {
  const map = useMap();
  const current = useMapPlacesCurrent();
  const waiting = useWaitingForLink(useAppStore((s) => s.dataset));
  useEffect(() => {
    map?.getContainer().setAttribute('aria-busy', String(!current || waiting));
  }, [map, current, waiting]);
  return null;
}

/**
 * The plan layers. Filters and search change only the layer filters (MapLibre's worker applies
 * them to the tiles it already has); the data are never sent again. The map follows a click one
 * render and one painted frame later (useMapPlaces): the click itself only updates the checkbox,
 * and the list is on the screen before the map redraws.
 */
function PlanLayers() {
  const { lang } = useI18n();
  const shown = useMapPlaces();
  const { searchIds, filters } = shown;
  const searching = searchIds !== null;
  const waiting = useWaitingForLink(shown.dataset);
  const selection = useMemo(
    () => (waiting ? NO_PLACES : planFilter(filters, searching)),
    [waiting, filters, searching],
  );
  const hits = useMemo(() => (searchIds ? searchHitsState(searchIds) : null), [searchIds]);
  const narrowed = searching || Object.values(filters).some((v) => v.length > 0);
  const tileCounts = useTileCounts(shown);
  const layers = useMemo(
    () => [...planLayers(selection, lang, { narrowed }), ...(tileCounts ? tileCountLayers() : [])],
    [selection, lang, narrowed, tileCounts],
  );
  // The whole prefectures among the places, from the basemap's outlines: the same selection, in
  // the list's terms (the tiles do not hold them).
  const outlined = outlinedPlacesOf(shown.dataset);
  const listedCodes = useMemo(
    () => (waiting ? [] : listedOutlines(outlined, filters, searchIds)),
    [waiting, outlined, filters, searchIds],
  );
  const minzoom = shown.dataset?.tileMinZoom ?? 0;
  const outlines = useMemo(
    () => outlineLayers(outlined.places, listedCodes, { narrowed, minzoom }),
    [outlined, listedCodes, narrowed, minzoom],
  );
  // The tiles are drawn from the start: the map does not wait for the attribute table.
  const source = useMemo(() => planSource(new URL(planArchiveUrl, window.location.href).href), []);
  useEffect(() => {
    // For the benchmark: the next `map:idle` after this mark has the new selection drawn.
    performance.mark('map:filter');
  }, [selection, hits]);
  if (!source) return null;
  return (
    <>
      {outlines.map((layer) => (
        <Layer key={layer.id} spec={layer} beforeId={OUTLINE_LAYER_SLOT[layer.id as OutlineLayerId]} />
      ))}
      <Source id={PLAN_SOURCE} spec={source}>
        {/* Before the layers: their filters read it. */}
        <GlobalState name={SEARCH_HITS_STATE} value={hits} />
        {layers.map((layer) => (
          <Layer key={layer.id} spec={layer} beforeId={PLAN_LAYER_SLOT[layer.id as PlanLayerId]} />
        ))}
        <PlanStates />
      </Source>
    </>
  );
}

/** The chosen place over all others (its dot and its name), where it is a point. */
function SelectedPlace() {
  const i18n = useI18n();
  const selectedId = useAppStore((s) => s.selectedId);
  const dataset = useAppStore((s) => s.dataset);
  const place = selectedId ? dataset?.byId.get(selectedId) : undefined;
  const name = place ? i18n.featureName(place) : '';
  const layers = useMemo(() => selectedLayers(name), [name]);
  const spec = useMemo(
    () =>
      place?.point
        ? { type: 'geojson' as const, data: placePointsData([place], (p) => ({ id: p.id, kind: p.kind })) }
        : null,
    [place],
  );
  if (!spec) return null;
  return (
    <Source id={SELECTED_SOURCE} spec={spec}>
      {layers.map((layer) => (
        <Layer key={layer.id} spec={layer} beforeId={SLOTS.markers} />
      ))}
    </Source>
  );
}

/** A count badge where several listed places share a point. */
function Stacks() {
  const map = useMap();
  const { places, dataset } = useMapPlaces();
  const tileMinZoom = dataset?.tileMinZoom ?? 0;
  // Below the tiles' first zoom there are no dots to badge: nothing is computed or sent there.
  const [zoom, setZoom] = useState<number | null>(null);
  useMapEvent('zoomend', (_e, m) => setZoom(m.getZoom()));
  const zoomedIn = (zoom ?? map?.getZoom() ?? 0) >= tileMinZoom;
  const style = useMemo(() => stackLayers(tileMinZoom), [tileMinZoom]);
  const spec = useMemo(
    () => (zoomedIn ? { type: 'geojson' as const, data: pointStacks(places, dataset?.features ?? places) } : null),
    [places, dataset, zoomedIn],
  );
  if (!spec) return null;
  return (
    <Source id={STACK_SOURCE} spec={spec}>
      {style.map((layer) => (
        <Layer key={layer.id} spec={layer} beforeId={SLOTS.markers} />
      ))}
    </Source>
  );
}

/**
 * Below the tile archive's first zoom (too many places for a tile there), a bubble per grid cell
 * counts the listed places in it; a click zooms to them. Nothing is added where the archive starts
 * at the map's own minimum zoom (Fujian's places).
 */
function PlaceCounts() {
  const map = useMap();
  const shown = useMapPlaces();
  const { places, dataset } = shown;
  const tileMinZoom = dataset?.tileMinZoom ?? 0;
  const layers = useMemo(() => countLayers(PLAN_MAP_MIN_ZOOM, tileMinZoom), [tileMinZoom]);
  // Only the view's zoom level and the two beside it are counted (a zoom gesture goes on drawing
  // the next level while the new ones are counted at its end): at 100,000 places the finer levels
  // hold most of the bubbles, and every filter recounts them.
  const [zoom, setZoom] = useState<number | null>(null);
  useMapEvent('zoomend', (_e, m) => setZoom(Math.floor(m.getZoom())));
  const level = zoom ?? Math.floor(map?.getZoom() ?? PLAN_MAP_MIN_ZOOM);
  const from = Math.max(PLAN_MAP_MIN_ZOOM, Math.min(level, tileMinZoom - 1) - 1);
  const to = Math.min(tileMinZoom, Math.max(level, PLAN_MAP_MIN_ZOOM) + 2);
  const tileCounts = useTileCounts(shown);
  const counting = dataset !== null && tileMinZoom > PLAN_MAP_MIN_ZOOM;
  // Once the first view is drawn, in idle time: every place's cell is worked out, and the source
  // and its layers are added (empty while the map draws the archive's bubbles), so that the first
  // filter only sends its counts. Before, they would hold back the first view.
  const [prepared, setPrepared] = useState(false);
  useEffect(() => {
    if (!dataset || !counting) return;
    // The cells first, then each zoom's grid, a step each, then the count's loop is run warm.
    const zooms = Array.from({ length: tileMinZoom - PLAN_MAP_MIN_ZOOM }, (_, i) => PLAN_MAP_MIN_ZOOM + i);
    return inIdleAfterFirstView(
      () => prepareCountCells(dataset.features),
      ...zooms.map((z) => () => prepareCountCells(dataset.features, z)),
      // Two zooms where there are two: the finest is summed from the rows, the other from its cells.
      () =>
        warmCounts(
          selectPlaces(dataset, EMPTY_FILTERS, null),
          dataset.features,
          PLAN_MAP_MIN_ZOOM,
          Math.min(tileMinZoom, PLAN_MAP_MIN_ZOOM + 2),
        ),
      () => setPrepared(true),
    );
  }, [dataset, counting, tileMinZoom]);
  const spec = useMemo(
    () =>
      dataset && counting && (prepared || !tileCounts)
        ? {
            type: 'geojson' as const,
            data: tileCounts ? NO_COUNTS : placeCounts(places, dataset.features, from, to, formatInteger),
          }
        : null,
    [places, dataset, counting, prepared, from, to, tileCounts],
  );
  // The bubbles drawn now: this source's, or the tile archive's (useTileCounts).
  const bubbles = useMemo(
    () => [...layers.filter((l) => l.type === 'circle').map((l) => l.id), TILE_COUNT_LAYERS.bubble],
    [layers],
  );
  const computed = spec !== null && !tileCounts;
  useMapEvent('mousemove', (e, map) => {
    if (!computed && !tileCounts) return;
    const present = bubbles.filter((id) => map.getLayer(id));
    if (present.length && map.queryRenderedFeatures(e.point, { layers: present }).length)
      map.getCanvas().style.cursor = 'pointer';
  });
  useMapClick((e, map) => {
    if (!computed && !tileCounts) return false;
    const z = Math.floor(map.getZoom());
    const ids = [countLayerIds(z).bubble, TILE_COUNT_LAYERS.bubble].filter((id) => map.getLayer(id));
    const hit = ids.length ? map.queryRenderedFeatures(e.point, { layers: ids })[0] : undefined;
    if (!hit) return false;
    const { west, south, east, north } = hit.properties as { west: number; south: number; east: number; north: number };
    // To the cell's places, and at least two zoom levels in, or to where the tiles begin (where
    // each place is drawn) if that is nearer.
    const camera = map.cameraForBounds([west, south, east, north], { padding: 48, maxZoom: 10 });
    map.easeTo({
      center: camera?.center ?? e.lngLat,
      zoom: Math.max(camera?.zoom ?? 0, Math.min(tileMinZoom, z + 2)),
      duration: 500,
    });
    return true;
  }, CLICK_PRIORITY.base + 1);
  if (!spec) return null;
  return (
    <Source id={COUNT_SOURCE} spec={spec}>
      {/* Over the basemap's labels: a bubble stands for places the map does not draw one by one. */}
      {layers.map((layer) => (
        <Layer key={layer.id} spec={layer} />
      ))}
    </Source>
  );
}

export function PlanMap() {
  return (
    <>
      <MapControls />
      <BasemapLabels />
      <ViewSync />
      <PerformanceMarks />
      <PlanLayerErrors />
      <PlanLayers />
      <MapBusy />
      <SelectedPlace />
      <Stacks />
      <PlanInteractions />
      {/* After the plan's hover handler, which resets the cursor on every move. */}
      <PlaceCounts />
      <FitResults />
    </>
  );
}
