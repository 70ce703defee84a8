// Which places the current filters and search select. Pure functions shared by the list, the map
// filter expression, the planner's counts and the tests, so that all of them agree.
//
// At national scale (100k places) a filter toggle must not scan and sort everything again:
// `facetCounts` and `selectPlaces` run over an index built once per features array (value codes
// per place, and the list order), with exactly the results of the plain definitions
// (`matchesFilters`, the sort in `selectPlaces`). Feature arrays are never mutated once built.
import type { Dataset, Kind, PlanFeature } from './types.ts';
import { KIND_ORDER } from './types.ts';
import { rememberRows } from './place-columns.ts';

export interface Filters {
  industries: string[];
  kinds: Kind[];
  docs: string[];
  prefectures: string[];
}

export const EMPTY_FILTERS: Filters = { industries: [], kinds: [], docs: [], prefectures: [] };

export type FilterKey = keyof Filters;

const anyOf = (selected: string[], values: string[]) =>
  selected.length === 0 || selected.some((s) => values.includes(s));

/** A place matches when, for every filter that has a selection, it has one of the selected values. */
export function matchesFilters(f: PlanFeature, filters: Filters, except?: FilterKey): boolean {
  return (
    (except === 'industries' || anyOf(filters.industries, f.industryRollup)) &&
    (except === 'kinds' || filters.kinds.length === 0 || filters.kinds.includes(f.kind)) &&
    (except === 'docs' || anyOf(filters.docs, f.docs)) &&
    (except === 'prefectures' || anyOf(filters.prefectures, f.prefecture))
  );
}

export const FILTER_KEYS: readonly FilterKey[] = ['industries', 'kinds', 'docs', 'prefectures'];

const valuesOf = (f: PlanFeature, key: FilterKey): readonly string[] =>
  key === 'industries' ? f.industryRollup : key === 'kinds' ? [f.kind] : key === 'docs' ? f.docs : f.prefecture;

/** One filter's values per place: distinct value codes of place i are codes[start[i] .. start[i+1]). */
interface Column {
  values: string[];
  code: Map<string, number>;
  start: Uint32Array;
  codes: Uint32Array;
}

interface FeatureIndex {
  features: readonly PlanFeature[];
  /** Each filter's values per place, built when a filter, a count or a search first needs it. */
  columns: Partial<Record<FilterKey, Column>>;
  /** Place indices in list order (see `selectPlaces`), computed on first use. */
  order: number[] | null;
  /** Each place's position in `order`, by its index (a search's places are sorted by it). */
  position: Uint32Array | null;
  /** Each place's table row, by its index: a selection's rows without reading its places. */
  rowOf: Uint32Array | null;
  /** All places in list order: the selection when nothing is filtered or searched. */
  all: PlanFeature[] | null;
  /** The last pass/fail array per filter, for the selection it was computed for. */
  passed: Partial<Record<FilterKey, { selected: string[]; pass: Uint8Array }>>;
  /** Per filter and value code: the list positions (indices into `order`) of its places, ascending. */
  postings: Partial<Record<FilterKey, Uint32Array[]>>;
  /** Each filter's facet counts over every place (nothing else selected), once counted. */
  unfiltered: Partial<Record<FilterKey, Map<string, number>>>;
  /** Co-occurrence tables of two filters (`pairKey`), built ahead by `pairCountSteps`; null: too large to keep. */
  pairs: Partial<Record<string, PairTable | null>>;
}

/**
 * How many places have value x of filter a and value y of filter b (a before b in FILTER_KEYS),
 * at x · across + y, and the first such place (its index; −1: none). With one value of one filter
 * selected (the usual click), the other filters' counts are its row: no pass over its places.
 */
interface PairTable {
  across: number;
  count: Uint32Array;
  first: Int32Array;
}

/** The most cells a pair table may have (2 MB with both arrays); a larger pair is counted by scanning. */
const PAIR_CELLS_MAX = 1 << 18;

const pairKey = (a: number, b: number) => `${Math.min(a, b)}|${Math.max(a, b)}`;

const indexes = new WeakMap<readonly PlanFeature[], FeatureIndex>();

/**
 * Per filter, a number per place (by index) naming its list of values: equal numbers, equal lists.
 * The attribute table has them already (its list codes); without them each place's list is looked
 * up by identity, which at 100,000 places costs more than the rest of the index.
 */
export type ListIds = Record<FilterKey, Int32Array>;
const listIdsOf = new WeakMap<readonly PlanFeature[], ListIds>();

/** Hands the index the table's list codes for `features` (load-dataset.ts), before its first use. */
export function shareListIds(features: readonly PlanFeature[], ids: ListIds): void {
  if (FILTER_KEYS.every((k) => ids[k].length === features.length)) listIdsOf.set(features, ids);
}

function buildColumn(features: readonly PlanFeature[], key: FilterKey, ids?: Int32Array): Column {
  const code = new Map<string, number>();
  const values: string[] = [];
  const start = new Uint32Array(features.length + 1);
  const codeOf = (v: string) => {
    let c = code.get(v);
    if (c === undefined) {
      c = values.length;
      code.set(v, c);
      values.push(v);
    }
    return c;
  };
  const codesOf = (f: PlanFeature) => {
    const list = key === 'kinds' ? [f.kind] : valuesOf(f, key);
    return [...new Set(list)].map(codeOf);
  };
  // Places share their lists (one array per distinct list, places-table.ts): each is coded once.
  const byId: (number[] | undefined)[] = [];
  const coded = new Map<readonly string[] | string, number[]>();
  const perPlace = new Array<number[]>(features.length);
  let total = 0;
  for (let i = 0; i < features.length; i++) {
    const f = features[i];
    let out: number[] | undefined;
    if (ids) out = byId[ids[i]] ??= codesOf(f);
    else {
      const list = key === 'kinds' ? f.kind : valuesOf(f, key);
      out = coded.get(list);
      if (!out) coded.set(list, (out = codesOf(f)));
    }
    perPlace[i] = out;
    start[i] = total;
    total += out.length;
  }
  start[features.length] = total;
  const codes = new Uint32Array(total);
  for (let i = 0; i < features.length; i++) {
    const out = perPlace[i];
    for (let j = 0, at = start[i]; j < out.length; j++) codes[at + j] = out[j];
  }
  return { values, code, start, codes };
}

function indexOf(features: readonly PlanFeature[]): FeatureIndex {
  let ix = indexes.get(features);
  if (!ix) {
    ix = { features, columns: {}, order: null, position: null, rowOf: null, all: null, passed: {}, postings: {}, unfiltered: {}, pairs: {} };
    indexes.set(features, ix);
  }
  return ix;
}

/** One filter's column of the index (the list alone, unfiltered, needs none). */
function columnOf(ix: FeatureIndex, key: FilterKey): Column {
  return (ix.columns[key] ??= buildColumn(ix.features, key, listIdsOf.get(ix.features)?.[key]));
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * Which places pass one filter (1) and which do not (0); `null` when the filter has no selection,
 * so that every place passes. Toggling one filter leaves the others' arrays cached.
 */
function passArray(ix: FeatureIndex, key: FilterKey, selected: readonly string[]): Uint8Array | null {
  if (selected.length === 0) return null;
  const cached = ix.passed[key];
  if (cached && sameList(cached.selected, selected)) return cached.pass;
  const pass = new Uint8Array(ix.features.length);
  ix.passed[key] = { selected: [...selected], pass };
  // From the posting lists once the list order is known: a pass over the places selected, not
  // over every place's values.
  if (ix.order) {
    const order = ix.order;
    for (const p of positionsOf(ix, key, selected)) pass[order[p]] = 1;
    return pass;
  }
  const { values, code, start, codes } = columnOf(ix, key);
  const flags = new Uint8Array(values.length);
  for (const v of selected) {
    const c = code.get(v);
    if (c !== undefined) flags[c] = 1;
  }
  for (let i = 0; i < pass.length; i++) {
    for (let j = start[i], end = start[i + 1]; j < end; j++) {
      if (flags[codes[j]]) {
        pass[i] = 1;
        break;
      }
    }
  }
  return pass;
}

/**
 * Facet counts for several filters in one pass: a place counts for filter k when it matches every
 * other filter (`matchesFilters(f, filters, k)`). Map order is the order values first count, as
 * in a plain scan of `features`.
 */
function countFacets(
  features: readonly PlanFeature[],
  filters: Filters,
  keys: readonly FilterKey[],
): Record<FilterKey, Map<string, number>> {
  const ix = indexOf(features);
  const active = FILTER_KEYS.map((_, k) => k).filter((k) => filters[FILTER_KEYS[k]].length > 0);
  const out = {} as Record<FilterKey, Map<string, number>>;
  /** Whether filter k counts over every place: nothing else is selected. */
  const overAll = (k: number) => active.length === 0 || (active.length === 1 && active[0] === k);
  // A filter that is the only one selected counts over every place, as with nothing selected: those
  // counts are kept from the first view (most toggles leave one filter on). Only the places that
  // pass it are then counted for the others.
  const counted = keys.filter((key) => {
    const kept = overAll(FILTER_KEYS.indexOf(key)) ? ix.unfiltered[key] : undefined;
    if (kept) out[key] = kept;
    return !kept;
  });
  const wanted = counted.map((key) => {
    const k = FILTER_KEYS.indexOf(key);
    const { values, start, codes } = columnOf(ix, key);
    return { k, values, start, codes, counts: new Uint32Array(values.length), first: [] as number[] };
  });
  if (!wanted.length) return out;
  const count = (i: number, w: (typeof wanted)[number]) => {
    for (let j = w.start[i], end = w.start[i + 1]; j < end; j++) {
      const c = w.codes[j];
      if (w.counts[c]++ === 0) w.first.push(c);
    }
  };
  const only = active.length === 1 ? active[0] : -1;
  const onlyValues = only >= 0 ? filters[FILTER_KEYS[only]] : [];
  const x = onlyValues.length === 1 ? columnOf(ix, FILTER_KEYS[only]).code.get(onlyValues[0]) : undefined;
  const tables = x === undefined ? [] : wanted.map((w) => (w.k === only ? null : ix.pairs[pairKey(only, w.k)]));
  if (x !== undefined && tables.every(Boolean)) {
    // One value of one filter (the usual click), its co-occurrence tables built ahead: each other
    // filter's counts are the value's row, in the order a scan of the places meets them.
    wanted.forEach((w, t) => pairRow(ix, tables[t]!, only, x, w));
    return finish(ix, wanted, out, overAll);
  }
  if (only >= 0 && ix.order && wanted.every((w) => w.k !== only)) {
    // One filter on, its own counts kept (the usual toggle): the others count just the places it
    // selects, from its posting lists, in data order as the plain scan meets them.
    const order = ix.order;
    const positions = positionsOf(ix, FILTER_KEYS[only], filters[FILTER_KEYS[only]]);
    const selected = new Uint32Array(positions.length);
    for (let j = 0; j < positions.length; j++) selected[j] = order[positions[j]];
    selected.sort();
    for (const i of selected) for (const w of wanted) count(i, w);
  } else {
    const pass = FILTER_KEYS.map((k) => passArray(ix, k, filters[k]));
    for (let i = 0; i < features.length; i++) {
      let failed = -1;
      let failures = 0;
      for (const k of active) {
        if (!pass[k]![i]) {
          failed = k;
          if (++failures > 1) break;
        }
      }
      if (failures > 1) continue;
      for (const w of wanted) if (failures !== 1 || failed === w.k) count(i, w);
    }
  }
  return finish(ix, wanted, out, overAll);
}

/** One filter's counts while they are summed: per value code, and the codes in the order first counted. */
interface Tally {
  k: number;
  values: string[];
  counts: Uint32Array;
  first: number[];
}

function finish(
  ix: FeatureIndex,
  wanted: readonly Tally[],
  out: Record<FilterKey, Map<string, number>>,
  overAll: (k: number) => boolean,
): Record<FilterKey, Map<string, number>> {
  for (const w of wanted) {
    const key = FILTER_KEYS[w.k];
    out[key] = new Map(w.first.map((c) => [w.values[c], w.counts[c]]));
    if (overAll(w.k)) ix.unfiltered[key] = out[key];
  }
  return out;
}

/**
 * Fills `w` (filter w.k's counts) from the places having value x of filter `only`: the pair
 * table's row, its values ordered by the first place having both (and, within one place, in
 * that place's order), as a scan in data order counts them.
 */
function pairRow(ix: FeatureIndex, table: PairTable, only: number, x: number, w: Tally): void {
  const n = w.values.length;
  const at = only < w.k ? (y: number) => x * table.across + y : (y: number) => y * table.across + x;
  const firstOf = new Int32Array(n);
  for (let y = 0; y < n; y++) {
    const c = at(y);
    if (table.count[c] === 0) continue;
    w.counts[y] = table.count[c];
    firstOf[y] = table.first[c];
    w.first.push(y);
  }
  const { start, codes } = columnOf(ix, FILTER_KEYS[w.k]);
  const inPlace = (i: number, y: number) => {
    for (let j = start[i]; j < start[i + 1]; j++) if (codes[j] === y) return j;
    return -1;
  };
  w.first.sort((a, b) => firstOf[a] - firstOf[b] || inPlace(firstOf[a], a) - inPlace(firstOf[b], b));
}

/** Filter a's and b's co-occurrence table (a before b), or null where it would be too large. */
function buildPairTable(ix: FeatureIndex, a: FilterKey, b: FilterKey): PairTable | null {
  const A = columnOf(ix, a);
  const B = columnOf(ix, b);
  const across = B.values.length;
  if (A.values.length * across > PAIR_CELLS_MAX) return null;
  const count = new Uint32Array(A.values.length * across);
  const first = new Int32Array(count.length).fill(-1);
  for (let i = 0; i < ix.features.length; i++) {
    for (let ja = A.start[i], ea = A.start[i + 1]; ja < ea; ja++) {
      const row = A.codes[ja] * across;
      for (let jb = B.start[i], eb = B.start[i + 1]; jb < eb; jb++) {
        const c = row + B.codes[jb];
        if (count[c]++ === 0) first[c] = i;
      }
    }
  }
  return { across, count, first };
}

/**
 * The steps that build the filters' co-occurrence tables, one table each (idle time after the
 * first view: at 100,000 places each is a pass over the places' codes, 1–5 ms). A click on one
 * value of a filter then counts the others from a row.
 */
export function pairCountSteps(dataset: Dataset): (() => void)[] {
  const ix = indexOf(dataset.features);
  return FILTER_KEYS.flatMap((a, i) =>
    FILTER_KEYS.slice(i + 1).map((b, j) => () => {
      ix.pairs[pairKey(i, i + 1 + j)] ??= buildPairTable(ix, a, b);
    }),
  );
}

/** Counts, for each value of one filter, the places that would match if it were selected (read-only: may be kept). */
export function facetCounts(features: PlanFeature[], filters: Filters, key: FilterKey): Map<string, number> {
  return countFacets(features, filters, [key])[key];
}

/** `facetCounts` for all four filters at once (one pass over the places; read-only maps). */
export function allFacetCounts(features: PlanFeature[], filters: Filters): Record<FilterKey, Map<string, number>> {
  return countFacets(features, filters, FILTER_KEYS);
}

const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));

const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How the list sorts names: pinyin in lower case without tone marks or diaeresis (lü → lu), by code
 * units (the pinyin is Latin letters, digits and spaces; no collation needed, and none to differ
 * between browsers).
 */
export const pinyinSortKey = (pinyin: string): string =>
  // Nearly every name is plain already: no new string for it (100,000 names at national scale).
  /^[a-z0-9 ]*$/.test(pinyin) ? pinyin : pinyin.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');

/** What the list sorts a place by, read by its index: from places, or from a table's columns. */
export interface ListSortFields {
  province(i: number): string;
  kind(i: number): string;
  pinyin(i: number): string;
}

/** Compares places a and b in list order, given their pinyin sort keys. */
function compareInList(fields: ListSortFields, a: number, b: number, keyA: string, keyB: string): number {
  const pa = fields.province(a);
  const pb = fields.province(b);
  return (
    byCodeUnits(pa, pb) ||
    (kindRank.get(fields.kind(a) as Kind) ?? 99) - (kindRank.get(fields.kind(b) as Kind) ?? 99) ||
    byCodeUnits(keyA, keyB) ||
    byCodeUnits(fields.pinyin(a), fields.pinyin(b)) ||
    a - b
  );
}

/**
 * Whether `given` holds each of 0 … n − 1 once, in list order (or, with `sorted` false, in any
 * order): the build's order, checked in one pass, each place's key computed once as it is reached.
 */
export function isListOrder(given: ArrayLike<number>, n: number, fields: ListSortFields, sorted = true): boolean {
  if (given.length !== n) return false;
  const seen = new Uint8Array(n);
  let previousKey = '';
  for (let j = 0; j < n; j++) {
    const i = given[j];
    if (!Number.isInteger(i) || i < 0 || i >= n || seen[i]) return false;
    seen[i] = 1;
    if (!sorted) continue;
    const key = pinyinSortKey(fields.pinyin(i));
    if (j > 0 && compareInList(fields, given[j - 1], i, previousKey, key) >= 0) return false;
    previousKey = key;
  }
  return true;
}

/**
 * Place indices in list order: province, kind (KIND_ORDER), pinyin (`pinyinSortKey`, then as
 * written), ties in data order (a stable sort). `given`: the build's order (places-table.ts), used
 * when it holds; `givenSorted`: the table's worker has already checked that it is sorted
 * (places-table.worker.ts), so only that it lists each place once is checked here.
 */
export function listOrderOf(
  features: readonly PlanFeature[],
  given?: readonly number[] | null,
  givenSorted = false,
): number[] {
  const fields: ListSortFields = {
    province: (i) => features[i].province,
    kind: (i) => features[i].kind,
    pinyin: (i) => features[i].name_pinyin,
  };
  if (given && isListOrder(given, features.length, fields, !givenSorted)) return [...given];
  const key = features.map((f) => pinyinSortKey(f.name_pinyin));
  return features.map((_, i) => i).sort((a, b) => compareInList(fields, a, b, key[a], key[b]));
}

/**
 * The places shown in the list and on the map, best first: by search score, then province, kind
 * and pinyin name; ties keep the data's order. (Filtering the pre-sorted list, then a stable sort
 * by score, gives exactly that order.) Callers must not change the array they get.
 */
export function selectPlaces(
  dataset: Dataset,
  filters: Filters,
  /**
   * A search (its `QueryMatch`): each place's score by its index in `dataset.features` (0: not
   * matched), and the indices of the places it scored, ascending, so that a search costs what it
   * matched, not a pass over every place; null: no search.
   */
  search: { best: Uint8Array; hits: Uint32Array } | null,
): PlanFeature[] {
  const features = dataset.features;
  const ix = indexOf(features);
  const order = orderOf(ix, dataset);
  const active = FILTER_KEYS.filter((k) => filters[k].length > 0);
  if (!search && active.length === 0) {
    const rowOf = ix.rowOf!;
    return (ix.all ??= rememberRows(
      order.map((i) => features[i]),
      Uint32Array.from(order, (i) => rowOf[i]),
    ));
  }
  if (!search) {
    // Filters only: the union of the selected values' posting lists for each filter, intersected
    // across filters; cost follows the places selected, not all places.
    const sets = active.map((k) => positionsOf(ix, k, filters[k])).sort((a, b) => a.length - b.length);
    let positions = sets[0];
    for (const other of sets.slice(1)) {
      const member = new Uint8Array(order.length);
      for (const p of other) member[p] = 1;
      positions = positions.filter((p) => member[p] === 1);
    }
    const out = new Array<PlanFeature>(positions.length);
    const rows = new Uint32Array(positions.length);
    const rowOf = ix.rowOf!;
    for (let j = 0; j < positions.length; j++) {
      const i = order[positions[j]];
      out[j] = features[i];
      rows[j] = rowOf[i];
    }
    // The map's counts and fit read the selection's rows: at 100,000 places, reading each place's
    // row back from its object costs more than the selection itself.
    return rememberRows(out, rows);
  }
  // The matched places the filters pass, sorted by score (best first), then list position: one
  // number each, the score above the position's 32 bits (exact in a double).
  const pass = active.map((k) => passArray(ix, k, filters[k])!);
  const { best: scores, hits } = search;
  const position = ix.position!;
  const keys = new Float64Array(hits.length);
  let n = 0;
  for (let h = 0; h < hits.length; h++) {
    const i = hits[h];
    let passes = scores[i] > 0;
    for (let k = 0; passes && k < pass.length; k++) passes = pass[k][i] === 1;
    if (passes) keys[n++] = (255 - scores[i]) * POSITION_SPAN + position[i];
  }
  const sorted = keys.subarray(0, n).sort();
  const out = new Array<PlanFeature>(n);
  const rows = new Uint32Array(n);
  const rowOf = ix.rowOf!;
  for (let j = 0; j < n; j++) {
    const i = order[sorted[j] % POSITION_SPAN];
    out[j] = features[i];
    rows[j] = rowOf[i];
  }
  return rememberRows(out, rows);
}

/** The list order (and each place's position in it): once per dataset, with its first selection. */
function orderOf(ix: FeatureIndex, dataset: Dataset): number[] {
  if (!ix.order) {
    ix.order = listOrderOf(dataset.features, dataset.listOrder, dataset.listOrderSorted);
    ix.position = new Uint32Array(dataset.features.length);
    for (let j = 0; j < ix.order.length; j++) ix.position[ix.order[j]] = j;
    ix.rowOf = new Uint32Array(dataset.features.length);
    for (let i = 0; i < dataset.features.length; i++) ix.rowOf[i] = dataset.features[i].row;
  }
  return ix.order;
}

/**
 * Builds what the first filter click reads: each filter's posting lists (which make a click cost
 * only what it selects), in idle time after the first view (the first view need not wait for
 * them; a click before that builds its own filter's).
 */
export function prepareFilterIndex(dataset: Dataset): void {
  const ix = indexOf(dataset.features);
  orderOf(ix, dataset);
  for (const k of FILTER_KEYS) positionsOf(ix, k, []);
}

/**
 * Runs one filter's selection and facet counts once, for its first value, and drops the answers:
 * idle time after the first view, a step per filter (FilterPanel). Their loops run over tens of
 * thousands of places, and V8 runs a function's first passes in its interpreter and baseline code,
 * several times slower than the code it optimises once they are hot: at 100k places the first
 * click's selection took 1.5–8 ms cold, 0.6–0.9 ms after this (one industry, 14,552 places).
 */
export function warmFilterPath(dataset: Dataset, key: FilterKey): void {
  const { values } = columnOf(indexOf(dataset.features), key);
  if (!values.length) return;
  const filters = { ...EMPTY_FILTERS, [key]: [values[0]] };
  selectPlaces(dataset, filters, null);
  allFacetCounts(dataset.features, filters);
}

/** Above every list position: a search's sort key is (255 − score) · POSITION_SPAN + position. */
const POSITION_SPAN = 2 ** 32;

/** List positions of the places having any of `selected` for one filter, ascending. */
function positionsOf(ix: FeatureIndex, key: FilterKey, selected: readonly string[]): Uint32Array {
  const { code, start, codes, values } = columnOf(ix, key);
  const order = ix.order!;
  let postings = ix.postings[key];
  if (!postings) {
    const sizes = new Uint32Array(values.length);
    for (let j = 0; j < codes.length; j++) sizes[codes[j]]++;
    postings = Array.from(sizes, (n) => new Uint32Array(n));
    const filled = new Uint32Array(values.length);
    for (let p = 0; p < order.length; p++) {
      const i = order[p];
      for (let j = start[i]; j < start[i + 1]; j++) postings[codes[j]][filled[codes[j]]++] = p;
    }
    ix.postings[key] = postings;
  }
  const lists = [...new Set(selected)].flatMap((v) => {
    const c = code.get(v);
    return c === undefined ? [] : [postings[c]];
  });
  if (lists.length <= 1) return lists[0] ?? new Uint32Array(0);
  const member = new Uint8Array(order.length);
  let n = 0;
  for (const list of lists) {
    for (const p of list) {
      if (!member[p]) {
        member[p] = 1;
        n++;
      }
    }
  }
  const out = new Uint32Array(n);
  for (let p = 0, j = 0; j < n; p++) if (member[p]) out[j++] = p;
  return out;
}
