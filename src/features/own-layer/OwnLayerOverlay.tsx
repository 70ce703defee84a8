// A person's own sites on the map, over the plan layer; a click shows the feature's own values.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Layer } from '../../map/Layer.tsx';
import { useMap } from '../../map/MapProvider.tsx';
import { syncMapSize } from '../../map/map-size.ts';
import { Popup } from '../../map/Popup.tsx';
import { Source } from '../../map/Source.tsx';
import { CLICK_PRIORITY, useMapClick } from '../../map/hooks.ts';
import { OWN_LAYER_IDS, OWN_SOURCE, ownLayers } from '../../map-style/own-layer.ts';
import type { UserLayer } from '../../data/types.ts';
import { useAppStore } from '../../state/store.ts';
import './own-layer.css';

const LAYERS = ownLayers();
// Each loaded file gets its own source: a new file replaces the source rather than patching it.
const layerKeys = new WeakMap<object, number>();
let nextKey = 0;
const keyOf = (layer: object) => {
  if (!layerKeys.has(layer)) layerKeys.set(layer, ++nextKey);
  return layerKeys.get(layer)!;
};

interface Shown {
  lngLat: [number, number];
  properties: Record<string, unknown>;
}

/** The feature's own properties, always as text. */
function OwnFeaturePopup({ shown, layerName, onClose }: { shown: Shown; layerName: string; onClose: () => void }) {
  return (
    <Popup lngLat={shown.lngLat} onClose={onClose} options={{ maxWidth: '300px' }}>
      <p className="popup__title">{layerName}</p>
      <dl className="popup__props">
        {Object.entries(shown.properties ?? {})
          .slice(0, 12)
          .map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{typeof v === 'string' ? v : JSON.stringify(v)}</dd>
            </div>
          ))}
      </dl>
    </Popup>
  );
}

/** One loaded file: its source, layers and popup (keyed by the file, so a new one starts afresh). */
function OwnLayerSource({ layer }: { layer: UserLayer }) {
  const map = useMap();
  const [shown, setShown] = useState<Shown | null>(null);
  const spec = useMemo(() => ({ type: 'geojson' as const, data: layer.collection }), [layer]);

  // A new layer is shown whole.
  useEffect(() => {
    if (!map) return;
    syncMapSize(map);
    map.fitBounds(layer.bbox, { padding: 48, maxZoom: 11, duration: 600 });
  }, [map, layer]);

  // Drawn over the plan: a click on a site of the person's own opens its popup and nothing else.
  useMapClick((e, m) => {
    const hit = m.queryRenderedFeatures(e.point, { layers: OWN_LAYER_IDS.filter((id) => m.getLayer(id)) })[0];
    if (!hit) return false;
    setShown({ lngLat: [e.lngLat.lng, e.lngLat.lat], properties: hit.properties });
    return true;
  }, CLICK_PRIORITY.overlay);
  const close = useCallback(() => setShown(null), []);

  return (
    <Source id={OWN_SOURCE} spec={spec}>
      {LAYERS.map((l) => (
        <Layer key={l.id} spec={l} />
      ))}
      {shown && <OwnFeaturePopup shown={shown} layerName={layer.name} onClose={close} />}
    </Source>
  );
}

/** A person's own layer, when they have loaded one. */
export function OwnLayerOverlay() {
  const userLayer = useAppStore((s) => s.userLayer);
  return userLayer ? <OwnLayerSource key={keyOf(userLayer)} layer={userLayer} /> : null;
}
