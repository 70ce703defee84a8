// `pmtiles://` URLs: MapLibre reads tiles from a PMTiles archive by HTTP range requests, through the
// archive format's own reader (the `pmtiles` package, by its authors). Registered once per page.
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol('pmtiles', new Protocol().tile);
}
