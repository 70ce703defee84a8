// The one MapLibre map, handed out through context (in the manner of react-map-gl's MapProvider and
// useMap): any component under the provider can declare sources and layers on it, wherever it
// sits in the page (the planner's panels mount their own overlays this way).
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Map as MapLibreMap } from 'maplibre-gl';

interface MapContextValue {
  map: MapLibreMap | null;
  setMap: (map: MapLibreMap | null) => void;
}

const MapContext = createContext<MapContextValue | null>(null);

export function MapProvider({
  children,
  onMap,
}: {
  children: ReactNode;
  /** Told when the map is ready (its style loaded) and when it goes (for tests and tools). */
  onMap?: (map: MapLibreMap | null) => void;
}) {
  const [map, setMapState] = useState<MapLibreMap | null>(null);
  // A stable setter: the map is not created anew when a parent passes a new `onMap`.
  const onMapRef = useRef(onMap);
  useEffect(() => {
    onMapRef.current = onMap;
  }, [onMap]);
  const setMap = useCallback((m: MapLibreMap | null) => {
    setMapState(m);
    onMapRef.current?.(m);
  }, []);
  return <MapContext.Provider value={{ map, setMap }}>{children}</MapContext.Provider>;
}

function useMapContext(): MapContextValue {
  const value = useContext(MapContext);
  if (!value) throw new Error('useMap: no <MapProvider> above this component');
  return value;
}

/** The map once its style has loaded; null before (and without WebGL). */
export function useMap(): MapLibreMap | null {
  return useMapContext().map;
}

/** For <MapCanvas> only: registers the map it owns. */
export function useSetMap(): (map: MapLibreMap | null) => void {
  return useMapContext().setMap;
}
