// MapLibre's labels are drawn on a 2D canvas; the page makes its first 2D canvas context at
// start-up, before any map, so that the first view does not wait for the GPU process to set one
// up (src/map/glyph-canvas.ts).
import { afterEach, expect, test } from 'vitest';
import { GLYPH_CANVAS_MARK, warmGlyphCanvas } from '../../src/map/glyph-canvas.ts';
import { BASEMAP_LABEL_LAYERS } from '../../src/map-style/basemap-style.ts';
import { idleMap, mountApp, unmountApp } from './support/app.tsx';

afterEach(() => unmountApp());

test("the labels' canvas is warmed once, when the map's code loads, before the first map is made", async () => {
  const marks = () => performance.getEntriesByName(GLYPH_CANVAS_MARK);
  // Loading the app's code (support/app.tsx imports it) warmed it: no map exists yet.
  expect(marks()).toHaveLength(1);
  const before = performance.now();
  await mountApp('?lang=zh-Hans');
  const map = await idleMap();
  expect(marks()[0].startTime).toBeLessThan(before);
  // The map draws its labels all the same.
  expect(map.queryRenderedFeatures({ layers: [...BASEMAP_LABEL_LAYERS] }).length).toBeGreaterThan(0);
  // Once per page.
  warmGlyphCanvas();
  expect(marks()).toHaveLength(1);
});
