// MapLibre draws the labels' glyphs itself, on a 2D canvas (TinySDF; there is no glyph server:
// map-style/basemap-style.ts), made when the first label is laid out. In Chromium a page's first
// 2D canvas context waits for the GPU process to set up a command buffer for it, and at that
// moment of the first view the GPU process is busy linking the map's shaders and drawing its
// tiles: traced at 100,000 places, a 190 ms wait on the main thread (10 ms before the map starts;
// medians of 8 runs, first-idle 3226 → 2953 ms). So a small context is made and drawn on once,
// at start-up, before the map exists.

/** Set once the canvas has been warmed (also for anyone profiling). */
export const GLYPH_CANVAS_MARK = 'map:glyph-canvas-warmed';

/** Makes and draws on a small 2D canvas once per page; where there is none to make, nothing. */
export function warmGlyphCanvas(): void {
  if (typeof OffscreenCanvas !== 'function' || performance.getEntriesByName(GLYPH_CANVAS_MARK).length) return;
  try {
    // As MapLibre's TinySDF asks for its canvas.
    const context = new OffscreenCanvas(32, 32).getContext('2d', { willReadFrequently: true });
    if (!context) return;
    context.font = '24px sans-serif';
    context.fillText('福', 0, 24);
    context.getImageData(0, 0, 1, 1);
    performance.mark(GLYPH_CANVAS_MARK);
  } catch {
    // No 2D canvas here: MapLibre will make its own when it draws labels, as before.
  }
}
