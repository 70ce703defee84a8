// The places' numbers that a filter's map work reads (where each place counts, its bounding box), as
// typed arrays by table row, and a selection as its rows. At 100,000 places a count or a fit reads
// these for every listed place on every toggle: a pass over a typed array, not a walk through tens
// of thousands of objects.
import type { PlanFeature } from './types.ts';

/** Where each place counts (`origin`), by row: NaN for a row no place has. */
export interface OriginColumns {
  lng: Float64Array;
  lat: Float64Array;
}

const rowCount = (all: readonly Pick<PlanFeature, 'row'>[]) => {
  let rows = 0;
  for (const f of all) if (f.row >= rows) rows = f.row + 1;
  return rows;
};

const origins = new WeakMap<readonly Pick<PlanFeature, 'row'>[], OriginColumns>();

/** The places' `origin`s by row: once per features array. */
export function originColumns(all: readonly Pick<PlanFeature, 'row' | 'origin'>[]): OriginColumns {
  let columns = origins.get(all);
  if (!columns) {
    const rows = rowCount(all);
    columns = { lng: new Float64Array(rows).fill(NaN), lat: new Float64Array(rows).fill(NaN) };
    for (const f of all) {
      columns.lng[f.row] = f.origin[0];
      columns.lat[f.row] = f.origin[1];
    }
    origins.set(all, columns);
  }
  return columns;
}

const boxes = new WeakMap<readonly Pick<PlanFeature, 'row'>[], Float64Array>();

/** The places' bounding boxes by row, four numbers each (west, south, east, north): once per features array. */
export function bboxColumn(all: readonly Pick<PlanFeature, 'row' | 'bbox'>[]): Float64Array {
  let column = boxes.get(all);
  if (!column) {
    column = new Float64Array(4 * rowCount(all)).fill(NaN);
    for (const f of all) column.set(f.bbox, 4 * f.row);
    boxes.set(all, column);
  }
  return column;
}

const selections = new WeakMap<readonly Pick<PlanFeature, 'row'>[], Uint32Array>();

/**
 * The rows of a selection, in its order (a place listed twice, twice): once per selection array,
 * shared by the map's counts and its fit. Selections are never changed once made (query.ts).
 */
export function rowsOf(places: readonly Pick<PlanFeature, 'row'>[]): Uint32Array {
  let rows = selections.get(places);
  if (!rows) {
    rows = new Uint32Array(places.length);
    for (let j = 0; j < places.length; j++) rows[j] = places[j].row;
    selections.set(places, rows);
  }
  return rows;
}
