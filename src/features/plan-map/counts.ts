// Below the tile archive's first zoom (a tile there would hold too many places to draw: see
// scripts/lib/plan-split.ts, planTileMinZoom) the map counts the listed places instead: one bubble
// per grid cell with how many listed places lie in it, at the mean of their positions. The counts
// come from the selection the list shows, so they always add up to the list's count.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlanFeature } from '../../data/types.ts';
import { originColumns, rowCount, rowsOf } from '../../data/place-columns.ts';

export interface CountProperties {
  /** The zoom level this bubble is for (the layers of that level draw it). */
  z: number;
  count: number;
  /** `count` as the reader's language writes it. */
  label: string;
  /** The bounding box of the cell's places (a click zooms to it). */
  west: number;
  south: number;
  east: number;
  north: number;
}

/**
 * A cell's side on the screen, in CSS pixels: 2^(z+3) cells across MapLibre's 512-pixel world at
 * zoom z, so that the cells of one zoom nest exactly in those of the zoom below (four in one).
 */
export const COUNT_CELL_PX = 64;
/** The finest grid there is: zoom 10's (the archive's last zoom). */
const FINEST_ZOOM = 10;
const cellsAcross = (z: number) => 2 ** (z + 3);

/** What a count reads of a place: its row (the cache's key) and where it counts. */
type Counted = Pick<PlanFeature, 'row' | 'origin'>;

const finestCells = new WeakMap<readonly Counted[], Float64Array>();
/**
 * Each place's cell at FINEST_ZOOM (column · cells + row), by its row; once per features array
 * (about 30 ms at 100,000 places: `prepareCountCells` does it in idle time, before the first filter).
 */
function finestCellOf(all: readonly Counted[]): Float64Array {
  let cellOf = finestCells.get(all);
  if (!cellOf) {
    cellOf = new Float64Array(rowCount(all));
    const cells = cellsAcross(FINEST_ZOOM);
    for (const f of all) {
      const [lng, lat] = f.origin;
      const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
      const x = (lng + 180) / 360;
      const y = 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
      const cx = Math.min(cells - 1, Math.max(0, Math.floor(x * cells)));
      const cy = Math.min(cells - 1, Math.max(0, Math.floor(y * cells)));
      cellOf[f.row] = cx * cells + cy;
    }
    finestCells.set(all, cellOf);
  }
  return cellOf;
}

/**
 * Works out every place's cell and position ahead of the first count, and with `zoom` that zoom's
 * grid (idle time after the first view, a step each).
 */
export function prepareCountCells(all: readonly Counted[], zoom?: number): void {
  finestCellOf(all);
  originColumns(all);
  if (zoom === undefined || zoom > FINEST_ZOOM) return;
  levelOf(all, zoom);
  // Zooms come coarsest first: each links its cells to the level below, where that is prepared.
  if (levels.get(all)?.has(zoom - 1)) parentsOf(all, zoom);
}

/** No bubbles: the count source's data while the map draws the tile archive's. */
export const NO_COUNTS: FeatureCollection<Point, CountProperties> = { type: 'FeatureCollection', features: [] };

/**
 * One zoom level's grid: each row's cell there, numbered densely (the cells some place lies in),
 * and scratch sums per cell that a count fills and clears again (no allocation per toggle).
 */
interface Level {
  cellOf: Int32Array;
  count: Uint32Array;
  lng: Float64Array;
  lat: Float64Array;
  west: Float64Array;
  south: Float64Array;
  east: Float64Array;
  north: Float64Array;
}

const levels = new WeakMap<readonly Counted[], Map<number, Level>>();

/** Zoom z's grid of `all`'s places: once per features array and zoom (`prepareCountCells` does the view's ahead). */
function levelOf(all: readonly Counted[], z: number): Level {
  let byZoom = levels.get(all);
  if (!byZoom) levels.set(all, (byZoom = new Map()));
  let level = byZoom.get(z);
  if (!level) {
    const finestOf = finestCellOf(all);
    const finest = cellsAcross(FINEST_ZOOM);
    const shift = 2 ** (FINEST_ZOOM - z);
    const across = cellsAcross(z);
    const dense = new Map<number, number>();
    const cellOf = new Int32Array(finestOf.length);
    for (let row = 0; row < finestOf.length; row++) {
      const c = finestOf[row];
      const key = Math.floor(Math.floor(c / finest) / shift) * across + Math.floor((c % finest) / shift);
      let d = dense.get(key);
      if (d === undefined) dense.set(key, (d = dense.size));
      cellOf[row] = d;
    }
    const cells = dense.size;
    level = {
      cellOf,
      count: new Uint32Array(cells),
      lng: new Float64Array(cells),
      lat: new Float64Array(cells),
      west: new Float64Array(cells),
      south: new Float64Array(cells),
      east: new Float64Array(cells),
      north: new Float64Array(cells),
    };
    byZoom.set(z, level);
  }
  return level;
}

/**
 * Sums `rows` into a level's cells: count, position sums and bounding box. Returns the cells in
 * the order the rows first reach them; their sums stay in `level` until the caller sets their
 * counts back to 0.
 */
function sumCells(rows: Uint32Array, level: Level, lngOf: Float64Array, latOf: Float64Array): number[] {
  const { cellOf, count, lng, lat, west, south, east, north } = level;
  const touched: number[] = [];
  for (let j = 0; j < rows.length; j++) {
    const row = rows[j];
    const c = cellOf[row];
    const x = lngOf[row];
    const y = latOf[row];
    if (count[c]++ === 0) {
      touched.push(c);
      lng[c] = west[c] = east[c] = x;
      lat[c] = south[c] = north[c] = y;
      continue;
    }
    lng[c] += x;
    lat[c] += y;
    if (x < west[c]) west[c] = x;
    if (x > east[c]) east[c] = x;
    if (y < south[c]) south[c] = y;
    if (y > north[c]) north[c] = y;
  }
  return touched;
}

/** Runs of the summing loop over every place that `warmCounts` makes ahead of the first filter. */
const WARM_RUNS = 3;

/**
 * Counts `places` (every place, say) a few times over zooms `fromZoom` to `toZoom` (exclusive: the
 * grids the map counts on, prepared) and throws the bubbles away (about 10 ms at 100,000 places,
 * in idle time). Otherwise a filter's count is the loops' first run, which V8 interprets: 4–9 ms
 * per zoom level in the benchmark's toggle at 100,000 places, against 1.0–1.5 ms once compiled.
 */
export function warmCounts(
  places: readonly Counted[],
  all: readonly Counted[],
  fromZoom: number,
  toZoom: number,
): void {
  for (let k = 0; k < WARM_RUNS; k++) placeCounts(places, all, fromZoom, toZoom, String);
}

const parents = new WeakMap<Level, Int32Array>();

/**
 * For each occupied cell of zoom z's grid, the cell of zoom z − 1's that holds it (the grids nest:
 * four cells in one); once per features array and zoom.
 */
function parentsOf(all: readonly Counted[], z: number): Int32Array {
  const level = levelOf(all, z);
  let parentOf = parents.get(level);
  if (!parentOf) {
    const up = levelOf(all, z - 1).cellOf;
    parentOf = new Int32Array(level.count.length);
    for (let row = 0; row < up.length; row++) parentOf[level.cellOf[row]] = up[row];
    parents.set(level, parentOf);
  }
  return parentOf;
}

/**
 * Adds the sums of a finer level's `touched` cells into the level below (`parentOf`: the finer
 * cell's cell there). Returns the cells it reached, in the order the finer ones first reach them,
 * which is the order the rows first reach them.
 */
function mergeCells(finer: Level, touched: number[], parentOf: Int32Array, level: Level): number[] {
  const { count, lng, lat, west, south, east, north } = level;
  const reached: number[] = [];
  for (const f of touched) {
    const c = parentOf[f];
    if (count[c] === 0) {
      reached.push(c);
      count[c] = finer.count[f];
      lng[c] = finer.lng[f];
      lat[c] = finer.lat[f];
      west[c] = finer.west[f];
      south[c] = finer.south[f];
      east[c] = finer.east[f];
      north[c] = finer.north[f];
      continue;
    }
    count[c] += finer.count[f];
    lng[c] += finer.lng[f];
    lat[c] += finer.lat[f];
    if (finer.west[f] < west[c]) west[c] = finer.west[f];
    if (finer.east[f] > east[c]) east[c] = finer.east[f];
    if (finer.south[f] < south[c]) south[c] = finer.south[f];
    if (finer.north[f] > north[c]) north[c] = finer.north[f];
  }
  return reached;
}

/**
 * One bubble per occupied cell, for each zoom from `fromZoom` up to but not including `toZoom`
 * (the finest first), of `places` (the selection; `all`: every place of the dataset, whose grids
 * are cached). One pass over the selection's rows fills the finest zoom's grid; each coarser one
 * adds up the cells of the zoom above it (at 100,000 places there are a few thousand cells to a
 * selection's tens of thousands of rows).
 */
export function placeCounts(
  places: readonly Counted[],
  all: readonly Counted[],
  fromZoom: number,
  toZoom: number,
  format: (n: number) => string,
): FeatureCollection<Point, CountProperties> {
  const features: Feature<Point, CountProperties>[] = [];
  if (toZoom <= fromZoom) return { type: 'FeatureCollection', features };
  const rows = rowsOf(places);
  const origin = originColumns(all);
  const finest = Math.min(toZoom - 1, FINEST_ZOOM);
  let level = levelOf(all, finest);
  let touched = sumCells(rows, level, origin.lng, origin.lat);
  for (let z = finest; z >= fromZoom; z--) {
    if (z < finest) {
      const finer = level;
      const finerTouched = touched;
      level = levelOf(all, z);
      touched = mergeCells(finer, finerTouched, parentsOf(all, z + 1), level);
      // The finer level's sums are read: its cells are cleared for the next count.
      for (const c of finerTouched) finer.count[c] = 0;
    }
    const { count, lng, lat, west, south, east, north } = level;
    for (const c of touched) {
      const n = count[c];
      const [w, s, e, nn] = [west[c], south[c], east[c], north[c]];
      features.push({
        type: 'Feature',
        // The mean, kept inside the box (a sum of equal values divided back can round past them).
        geometry: {
          type: 'Point',
          coordinates: [Math.min(e, Math.max(w, lng[c] / n)), Math.min(nn, Math.max(s, lat[c] / n))],
        },
        properties: { z, count: n, label: format(n), west: w, south: s, east: e, north: nn },
      });
    }
  }
  for (const c of touched) level.count[c] = 0;
  return { type: 'FeatureCollection', features };
}
