// Below the tile archive's first zoom (a tile there would hold too many places to draw: see
// scripts/lib/plan-split.ts, planTileMinZoom) the map counts the listed places instead: one bubble
// per grid cell with how many listed places lie in it, at the mean of their positions. The counts
// come from the selection the list shows, so they always add up to the list's count.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { PlanFeature } from '../../data/types.ts';

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
    let rows = 0;
    for (const f of all) if (f.row >= rows) rows = f.row + 1;
    cellOf = new Float64Array(rows);
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

/** Works out every place's cell ahead of the first count (idle time after the first view). */
export function prepareCountCells(all: readonly Counted[]): void {
  finestCellOf(all);
}

/** No bubbles: the count source's data while the map draws the tile archive's. */
export const NO_COUNTS: FeatureCollection<Point, CountProperties> = { type: 'FeatureCollection', features: [] };

/** Sums over the places of one cell. */
interface Cell {
  count: number;
  lng: number;
  lat: number;
  west: number;
  south: number;
  east: number;
  north: number;
}

const merge = (into: Cell, c: Cell) => {
  into.count += c.count;
  into.lng += c.lng;
  into.lat += c.lat;
  if (c.west < into.west) into.west = c.west;
  if (c.east > into.east) into.east = c.east;
  if (c.south < into.south) into.south = c.south;
  if (c.north > into.north) into.north = c.north;
};

/**
 * One bubble per occupied cell, for each zoom from `fromZoom` up to but not including `toZoom`, of
 * `places` (the selection; `all`: every place of the dataset, whose cells are cached). One pass
 * over the places fills the finest cells needed; each coarser level merges four cells into one.
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
  const cellOf = finestCellOf(all);
  const top = Math.min(toZoom - 1, FINEST_ZOOM);
  const finest = cellsAcross(FINEST_ZOOM);
  const shift = 2 ** (FINEST_ZOOM - top);
  let level = new Map<number, Cell>();
  const across = cellsAcross(top);
  for (const f of places) {
    const c = cellOf[f.row];
    const key = Math.floor(Math.floor(c / finest) / shift) * across + Math.floor((c % finest) / shift);
    const [lng, lat] = f.origin;
    const cell = level.get(key);
    if (cell) {
      cell.count++;
      cell.lng += lng;
      cell.lat += lat;
      if (lng < cell.west) cell.west = lng;
      if (lng > cell.east) cell.east = lng;
      if (lat < cell.south) cell.south = lat;
      if (lat > cell.north) cell.north = lat;
    } else level.set(key, { count: 1, lng, lat, west: lng, east: lng, south: lat, north: lat });
  }
  for (let z = top; z >= fromZoom; z--) {
    for (const { count, lng, lat, west, south, east, north } of level.values()) {
      features.push({
        type: 'Feature',
        // The mean, kept inside the box (a sum of equal values divided back can round past them).
        geometry: {
          type: 'Point',
          coordinates: [Math.min(east, Math.max(west, lng / count)), Math.min(north, Math.max(south, lat / count))],
        },
        properties: { z, count, label: format(count), west, south, east, north },
      });
    }
    if (z === fromZoom) break;
    // Four cells of zoom z make one of zoom z − 1.
    const coarse = new Map<number, Cell>();
    const from = cellsAcross(z);
    const to = cellsAcross(z - 1);
    for (const [key, cell] of level) {
      const k = Math.floor(Math.floor(key / from) / 2) * to + Math.floor((key % from) / 2);
      const into = coarse.get(k);
      if (into) merge(into, cell);
      else coarse.set(k, { ...cell });
    }
    level = coarse;
  }
  return { type: 'FeatureCollection', features };
}
