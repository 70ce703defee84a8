/**
 * Whether this browser has WebGL at all. A cheap check: creating a context just to ask costs as much
 * as the map's own (on a machine without a GPU, a good part of a second), and whether a context can
 * really be made (a blocklisted GPU, a lost context) only shows when MapLibre tries, which MapView
 * catches.
 */
export function hasWebGL(): boolean {
  return typeof WebGL2RenderingContext !== 'undefined' || typeof WebGLRenderingContext !== 'undefined';
}
