// A declared property of the map's global state (expressions read it with ['global-state', name]):
// set when mounted and whenever its value changes, reset to the style's default on unmount.
import { useEffect } from 'react';
import { useMap } from './MapProvider.tsx';

export function GlobalState({ name, value }: { name: string; value: unknown }) {
  const map = useMap();
  useEffect(() => {
    if (!map) return;
    map.setGlobalStateProperty(name, value);
  }, [map, name, value]);
  useEffect(() => {
    if (!map) return;
    return () => {
      // The map may already be gone (unmounting the whole app).
      if (map.style) map.setGlobalStateProperty(name, null);
    };
  }, [map, name]);
  return null;
}
