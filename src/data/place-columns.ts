// The places' numbers that a filter's map work reads (where each place counts, its bounding box, its kind), as
// typed arrays by table row, and a selection as its rows. At 100,000 places a count or a fit reads
// these for every listed place on every toggle: a pass over a typed array, not a walk through tens
// of thousands of objects.
import { KIND_ORDER, type Kind, type PlanFeature } from './types.ts';

/** Where each place counts (`origin`), by row: NaN for a row no place has. */
export interface OriginColumns {
  lng: Float64Array;
  lat: Float64Array;
}

/** How many rows the places span: one more than the last row. */
export const rowCount = (all: readonly Pick<PlanFeature, 'row'>[]) => {
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

/** Records a new selection's rows, worked out with it (see query.ts's selectPlaces); returns the selection. */
export function rememberRows<T extends readonly Pick<PlanFeature, 'row'>[]>(places: T, rows: Uint32Array): T {
  selections.set(places, rows);
  return places;
}

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

/** Each place's kind by row: its index in KIND_ORDER, with AREA where it has no point (drawn as an area). */
interface KindColumn {
  code: Uint8Array;
  /** Every kind the places have, and every kind some of them draw as an area: bit k for KIND_ORDER[k]. */
  kinds: number;
  areaKinds: number;
}

const AREA = 0x80;
const NO_KIND = 0x7f;
const kindColumns = new WeakMap<readonly Pick<PlanFeature, 'row'>[], KindColumn>();
const kindIndex = new Map(KIND_ORDER.map((k, i) => [k, i]));

function kindColumn(all: readonly Pick<PlanFeature, 'row' | 'kind' | 'point'>[]): KindColumn {
  let column = kindColumns.get(all);
  if (!column) {
    column = { code: new Uint8Array(rowCount(all)).fill(NO_KIND), kinds: 0, areaKinds: 0 };
    for (const f of all) {
      const k = kindIndex.get(f.kind);
      if (k === undefined) continue;
      column.code[f.row] = k | (f.point ? 0 : AREA);
      column.kinds |= 1 << k;
      if (!f.point) column.areaKinds |= 1 << k;
    }
    kindColumns.set(all, column);
  }
  return column;
}

/**
 * The kinds among `places` (rows of `all`), and those of them some place draws as an area: what
 * the legend shows. The pass stops once every kind of `all` is found, as it is early in a large set.
 */
export function kindsOf(
  places: readonly Pick<PlanFeature, 'row'>[],
  all: readonly Pick<PlanFeature, 'row' | 'kind' | 'point'>[],
): { present: Set<Kind>; areaKinds: Set<Kind> } {
  const { code, kinds: allKinds, areaKinds: allAreas } = kindColumn(all);
  const rows = rowsOf(places);
  let kinds = 0;
  let areas = 0;
  for (let j = 0; j < rows.length && (kinds !== allKinds || areas !== allAreas); j++) {
    const c = code[rows[j]];
    if (c === NO_KIND) continue;
    kinds |= 1 << (c & ~AREA);
    if (c & AREA) areas |= 1 << (c & ~AREA);
  }
  const set = (mask: number) => new Set(KIND_ORDER.filter((_, k) => mask & (1 << k)));
  return { present: set(kinds), areaKinds: set(areas) };
}
