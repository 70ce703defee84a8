import type { Map as MapLibreMap } from 'maplibre-gl';

// The one live map, for code that must talk to it imperatively (fit bounds, tests' queries).
let current: MapLibreMap | null = null;
const waiters = new Set<(map: MapLibreMap) => void>();

export function setMapInstance(map: MapLibreMap | null): void {
  current = map;
  if (map) for (const w of waiters) w(map);
  if (map) waiters.clear();
}

export const getMapInstance = () => current;

/** Resolves with the map once it exists. */
export function whenMap(): Promise<MapLibreMap> {
  return current ? Promise.resolve(current) : new Promise((resolve) => waiters.add(resolve));
}
