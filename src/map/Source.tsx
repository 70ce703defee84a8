// A declared source: added when mounted, its data replaced only when they change, removed (with
// the layers that use it) on unmount. Children (its layers) render once it exists.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GeoJSONSource, GeoJSONSourceSpecification } from 'maplibre-gl';
import { useMap } from './MapProvider.tsx';

export function Source({
  id,
  spec,
  children,
}: {
  id: string;
  /** Read when the source is added; later only a new `data` is sent (setData). */
  spec: GeoJSONSourceSpecification;
  children?: ReactNode;
}) {
  const map = useMap();
  const [added, setAdded] = useState(false);
  const sentData = useRef<GeoJSONSourceSpecification['data'] | null>(null);

  useEffect(() => {
    if (!map) return;
    map.addSource(id, spec);
    sentData.current = spec.data;
    // Its layers may only mount once MapLibre has the source: a second render, once per map.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setAdded(true);
    return () => {
      setAdded(false);
      sentData.current = null;
      // The map may already be gone (unmounting the whole app): then there is nothing to remove.
      if (!map.style) return;
      for (const layer of map.getStyle()?.layers ?? [])
        if ('source' in layer && layer.source === id) map.removeLayer(layer.id);
      if (map.getSource(id)) map.removeSource(id);
    };
    // The spec is read once; `data` updates are the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, id]);

  useEffect(() => {
    if (!map || !added || sentData.current === spec.data) return;
    (map.getSource(id) as GeoJSONSource | undefined)?.setData(spec.data);
    sentData.current = spec.data;
  }, [map, id, added, spec.data]);

  return added ? <>{children}</> : null;
}
