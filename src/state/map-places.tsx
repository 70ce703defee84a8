// The map's selection (useMapPlacesPass), worked out once and read by every component that draws
// it, the legend included. Whether the map is behind the list is a context of its own: a click
// marks the map busy at once, and only what shows that re-renders then.
import { createContext, useContext, type ReactNode } from 'react';
import { useMapPlacesPass, type MapSelection } from './use-places.ts';

const MapPlacesContext = createContext<MapSelection | null>(null);
const MapCurrentContext = createContext<boolean | null>(null);

/** Around the map and its legend: children passed in do not re-render with it unless they read it. */
export function MapPlacesProvider({ children }: { children: ReactNode }) {
  const { selection, current } = useMapPlacesPass();
  return (
    <MapPlacesContext.Provider value={selection}>
      <MapCurrentContext.Provider value={current}>{children}</MapCurrentContext.Provider>
    </MapPlacesContext.Provider>
  );
}

/** The places the map draws now (one painted frame after the list); inside `MapPlacesProvider`. */
export function useMapPlaces(): MapSelection {
  const places = useContext(MapPlacesContext);
  if (!places) throw new Error('useMapPlaces is read outside MapPlacesProvider');
  return places;
}

/** Whether the map draws what the store selects now (false while it is a step behind). */
export function useMapPlacesCurrent(): boolean {
  const current = useContext(MapCurrentContext);
  if (current === null) throw new Error('useMapPlacesCurrent is read outside MapPlacesProvider');
  return current;
}
