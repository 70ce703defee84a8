// The map's selection (useMapPlacesPass), worked out once and read by every component that draws
// it, the legend included.
import { createContext, useContext, type ReactNode } from 'react';
import { useMapPlacesPass, type DeferredPlaces } from './use-places.ts';

const MapPlacesContext = createContext<DeferredPlaces | null>(null);

/** Around the map and its legend: children passed in do not re-render with it unless they read it. */
export function MapPlacesProvider({ children }: { children: ReactNode }) {
  return <MapPlacesContext.Provider value={useMapPlacesPass()}>{children}</MapPlacesContext.Provider>;
}

/** The places the map draws now (one painted frame after the list); inside `MapPlacesProvider`. */
export function useMapPlaces(): DeferredPlaces {
  const places = useContext(MapPlacesContext);
  if (!places) throw new Error('useMapPlaces is read outside MapPlacesProvider');
  return places;
}
