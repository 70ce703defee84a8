// The map's size can lag its container's: MapLibre hears of a new size from a ResizeObserver, a
// frame or more after the layout changed (a panel that opens beside the map). A camera computed
// for the old size (a fit to places) is wrong for the new one, and a resize keeps the center and
// zoom, not the fitted places. So a fit first takes the container's size.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Makes the map take its container's size now if it has not yet (before a fit). */
export function syncMapSize(map: MapLibreMap): void {
  const container = map.getContainer();
  const canvas = map.getCanvas();
  if (container.clientWidth !== canvas.clientWidth || container.clientHeight !== canvas.clientHeight) map.resize();
}
