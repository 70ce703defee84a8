import { render } from 'vitest-browser-react';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { App } from '../../../src/app/App.tsx';
import { whenMap } from '../../../src/features/map/map-instance.ts';

/** Mounts the real app in a page-sized box, as a person would see it. */
export async function mountApp(size = { width: 1366, height: 800 }) {
  const box = document.createElement('div');
  box.id = 'root';
  box.style.cssText = `width:${size.width}px;height:${size.height}px;position:relative;`;
  document.body.replaceChildren(box);
  return render(<App />, { container: box });
}

/** Waits until the map has drawn everything it has to draw. */
export async function idleMap(): Promise<MapLibreMap> {
  const map = await whenMap();
  await new Promise<void>((resolve) => {
    const check = () => (map.loaded() && map.areTilesLoaded() && !map.isMoving() ? resolve() : map.once('idle', check));
    check();
  });
  return map;
}
