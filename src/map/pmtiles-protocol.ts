// `pmtiles://` URLs: MapLibre reads tiles from a PMTiles archive by HTTP range requests, through the
// archive format's own reader (the `pmtiles` package, by its authors). Registered once per page.
import { addProtocol } from 'maplibre-gl';
import { Protocol } from 'pmtiles';

let registered = false;

export function registerPmtilesProtocol(): void {
  if (registered) return;
  registered = true;
  const protocol = new Protocol();
  addProtocol('pmtiles', async (params, abort) => {
    try {
      return await protocol.tile(params, abort);
    } catch (e) {
      // A dropped connection ("Failed to fetch") is tried once more before the map pane reports
      // the archive unreadable; an HTTP error or a damaged archive fails the same way again.
      if (e instanceof TypeError && !abort.signal.aborted) return protocol.tile(params, abort);
      throw e;
    }
  });
}
