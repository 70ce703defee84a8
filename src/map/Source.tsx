// A declared source: added when mounted, its data replaced only when they change (GeoJSON), removed
// (with the layers that use it) on unmount. Children (its layers) render once it exists.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GeoJSONSource, GeoJSONSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { useMap } from './MapProvider.tsx';

export function Source({
  id,
  spec,
  children,
}: {
  id: string;
  /** Read when the source is added; later only a new GeoJSON `data` is sent (setData). */
  spec: GeoJSONSourceSpecification | VectorSourceSpecification;
  children?: ReactNode;
}) {
  const map = useMap();
  const [added, setAdded] = useState(false);
  const sentData = useRef<GeoJSONSourceSpecification['data'] | null>(null);
  const data = spec.type === 'geojson' ? spec.data : null;

  useEffect(() => {
    if (!map) return;
    map.addSource(id, spec);
    sentData.current = data;
    // Its layers may only mount once MapLibre has the source: a second render, once per map.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAdded(true);
    return () => {
      setAdded(false);
      sentData.current = null;
      // The map may already be gone (unmounting the whole app): then there is nothing to remove.
      if (!map.style) return;
      // By the layers' ids: getStyle() would serialize the whole style to find them.
      for (const layerId of map.getLayersOrder()) if (map.getLayer(layerId)?.source === id) map.removeLayer(layerId);
      if (map.getSource(id)) map.removeSource(id);
    };
    // The spec is read once; `data` updates are the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, id]);

  useEffect(() => {
    if (!map || !added || data === null || sentData.current === data) return;
    (map.getSource(id) as GeoJSONSource | undefined)?.setData(data);
    sentData.current = data;
  }, [map, id, added, data]);

  return added ? <>{children}</> : null;
}
