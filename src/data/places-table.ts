// The attribute table (data/places.json): every place of the first view as columns, not as one
// GeoJSON feature each. Fields that repeat (kinds, counties, documents, industry sets…) are codes
// into one list of strings and one list of lists, so the file is a third of the GeoJSON's size,
// parses in a fraction of its time, and the places it becomes share their arrays (at 100,000
// places: far less to parse, to allocate and to collect). Written by the build
// (scripts/lib/plan-split.ts, `placesTable`), read by the app (load-dataset.ts); the format is
// defined here once, with its encoder and decoder. DATA.md describes it.
import type { Clause, DocumentMeta, Kind, PlanFeature, Precision } from './types.ts';
import {
  isPackedLists,
  LIST_ORDER_SORTED,
  packTable,
  tableMessages,
  type PackedLists,
  type TableMessage,
} from './places-table-transfer.ts';
import { BinaryTableError, readPlacesTableBinary } from './places-table-binary.ts';
import { KIND_ORDER } from './types.ts';
import { isListOrder, listOrderOf, type ListIds } from './query.ts';

export const PLACES_TABLE_FORMAT = 'fujian-plan-places';
export const PLACES_TABLE_VERSION = 2;

/** A place as the build hands it to the encoder: its properties, box and origin (DATA.md). */
export interface TableRecord {
  properties: Record<string, unknown>;
  bbox: [number, number, number, number];
  /** The point of a point place; null for an area. */
  point: [number, number] | null;
  /** Where distances are measured from: the point, or an area's centroid. */
  origin: [number, number];
}

/** Properties held as one string each (`name_*`, `id`): the table's text columns. */
export const TEXT_FIELDS = ['id', 'name_zh', 'name_zh_hant', 'name_en', 'name_pinyin'] as const;
/** Properties held as a code into `strings` (-1: absent, for the optional ones). */
const CODE_FIELDS = ['kind', 'precision', 'province'] as const;
const OPTIONAL_CODE_FIELDS = ['county', 'county_name', 'county_name_en', 'parent', 'outline'] as const;
/** Properties held as a code into `lists` (-1: absent, for the optional ones). */
const LIST_FIELDS = ['industries', 'industries_text', 'children', 'prefecture', 'docs'] as const;
const OPTIONAL_LIST_FIELDS = ['aliases_zh', 'aliases_zh_hant', 'aliases_en'] as const;
/** Numbers per clause in the `sources` column: doc (string code), start, end, industries (list code), wording (string code or -1). */
const CLAUSE_WIDTH = 5;

type Columns = Record<(typeof TEXT_FIELDS)[number], string[]> &
  Record<(typeof CODE_FIELDS | typeof OPTIONAL_CODE_FIELDS | typeof LIST_FIELDS | typeof OPTIONAL_LIST_FIELDS)[number], number[]> & {
    /** [west, south, east, north] per row. */
    bbox: number[];
    /** [lng, lat] per row: the point, or an area's centroid. */
    origin: number[];
    /** 1 for an area (no point), 0 for a point. */
    area: number[];
    /** Row i's clauses are sources[sources_at[i] … sources_at[i + 1]), CLAUSE_WIDTH numbers each. */
    sources_at: number[];
    sources: number[];
    /** The rows in list order (query.ts, `listOrderOf`), so that the app need not sort 100,000 names. */
    list_order: number[];
  };

export interface PlacesTable {
  format: typeof PLACES_TABLE_FORMAT;
  version: typeof PLACES_TABLE_VERSION;
  rows: number;
  /** The places' texts: `files[k]` holds rows k·chunk … (data/texts/). */
  texts: { chunk: number; files: string[] };
  /** The tile archive's first zoom (scripts/lib/plan-split.ts, planTileMinZoom). */
  tiles: { minzoom: number };
  strings: string[];
  /** As written; packed where a worker parsed the file (places-table-transfer.ts). */
  lists: number[][] | PackedLists;
  columns: Columns;
}

/** Every column a table has (`list_order` may be missing: the app then sorts). */
const REQUIRED_COLUMNS = [
  ...TEXT_FIELDS,
  ...CODE_FIELDS,
  ...OPTIONAL_CODE_FIELDS,
  ...LIST_FIELDS,
  ...OPTIONAL_LIST_FIELDS,
  'bbox',
  'origin',
  'area',
  'sources_at',
  'sources',
] as const;

const KNOWN_FIELDS = new Set<string>([
  ...TEXT_FIELDS,
  ...CODE_FIELDS,
  ...OPTIONAL_CODE_FIELDS,
  ...LIST_FIELDS,
  ...OPTIONAL_LIST_FIELDS,
  'sources',
]);
const KNOWN_CLAUSE_FIELDS = new Set(['doc', 'start', 'end', 'industries', 'wording']);

/** The table of `records` (the build's; an unknown field is an error, never silently dropped). */
export function encodePlacesTable(
  records: readonly TableRecord[],
  meta: { texts: PlacesTable['texts']; tiles: PlacesTable['tiles'] },
): PlacesTable {
  const strings: string[] = [];
  const stringCode = new Map<string, number>();
  const code = (s: unknown): number => {
    if (typeof s !== 'string') throw new Error(`not a string: ${JSON.stringify(s)}`);
    let c = stringCode.get(s);
    if (c === undefined) stringCode.set(s, (c = strings.push(s) - 1));
    return c;
  };
  const lists: number[][] = [];
  const listCode = new Map<string, number>();
  const list = (values: unknown): number => {
    if (!Array.isArray(values)) throw new Error(`not a list: ${JSON.stringify(values)}`);
    const codes = values.map(code);
    const key = codes.join(',');
    let c = listCode.get(key);
    if (c === undefined) listCode.set(key, (c = lists.push(codes) - 1));
    return c;
  };
  const columns = Object.fromEntries(REQUIRED_COLUMNS.map((k) => [k, [] as unknown[]])) as unknown as Columns;
  columns.sources_at.push(0);
  for (const { properties: p, bbox, point, origin } of records) {
    const unknown = Object.keys(p).filter((k) => !KNOWN_FIELDS.has(k));
    if (unknown.length) throw new Error(`${String(p.id)}: fields the table has no column for: ${unknown.join(', ')}`);
    for (const k of TEXT_FIELDS) {
      if (typeof p[k] !== 'string') throw new Error(`${String(p.id)}: ${k} is not a string`);
      columns[k].push(p[k] as string);
    }
    for (const k of CODE_FIELDS) columns[k].push(code(p[k]));
    for (const k of OPTIONAL_CODE_FIELDS) columns[k].push(p[k] === undefined ? -1 : code(p[k]));
    for (const k of LIST_FIELDS) columns[k].push(list(p[k]));
    for (const k of OPTIONAL_LIST_FIELDS) columns[k].push(p[k] === undefined ? -1 : list(p[k]));
    columns.bbox.push(...bbox);
    columns.origin.push(...origin);
    columns.area.push(point ? 0 : 1);
    for (const c of p.sources as Record<string, unknown>[]) {
      const unknownClause = Object.keys(c).filter((k) => !KNOWN_CLAUSE_FIELDS.has(k));
      if (unknownClause.length) throw new Error(`${String(p.id)}: clause fields without a column: ${unknownClause.join(', ')}`);
      columns.sources.push(
        code(c.doc),
        c.start as number,
        c.end as number,
        list(c.industries),
        c.wording === undefined ? -1 : code(c.wording),
      );
    }
    columns.sources_at.push(columns.sources.length);
  }
  columns.list_order = listOrderOf(records.map((r) => r.properties) as unknown as PlanFeature[]);
  return {
    format: PLACES_TABLE_FORMAT,
    version: PLACES_TABLE_VERSION,
    rows: records.length,
    texts: meta.texts,
    tiles: meta.tiles,
    strings,
    lists,
    columns,
  };
}

/** Why `json` is not a table at all (its header and the kinds of its parts), or null. */
function headerProblem(json: unknown): string | null {
  const t = json as Partial<Record<keyof PlacesTable, unknown>> | null;
  if (typeof t !== 'object' || t === null || Array.isArray(t)) return 'not a JSON object';
  if (t.format !== PLACES_TABLE_FORMAT) return `format: expected "${PLACES_TABLE_FORMAT}"`;
  if (t.version !== PLACES_TABLE_VERSION) return `version: expected ${PLACES_TABLE_VERSION}, found ${String(t.version)}`;
  if (!Number.isInteger(t.rows) || (t.rows as number) < 0) return 'rows: expected a count';
  const texts = t.texts as PlacesTable['texts'] | undefined;
  if (texts !== undefined && !(Number.isInteger(texts?.chunk) && texts.chunk > 0 && Array.isArray(texts.files)))
    return 'texts: expected { chunk, files }';
  const tiles = t.tiles as PlacesTable['tiles'] | undefined;
  if (tiles !== undefined && !(Number.isInteger(tiles?.minzoom) && tiles.minzoom >= 0 && tiles.minzoom <= 22))
    return 'tiles: expected { minzoom } from 0 to 22';
  if (!Array.isArray(t.strings)) return 'strings: expected an array';
  if (!Array.isArray(t.lists) && !isPackedLists(t.lists)) return 'lists: expected an array';
  if (typeof t.columns !== 'object' || t.columns === null || Array.isArray(t.columns)) return 'columns: expected an object';
  return null;
}

const FILTER_KEYS_OF_TABLE = ['industries', 'kinds', 'docs', 'prefectures'] as const;

/** Raised when the file as a whole cannot be read (its rows are reported one by one instead). */
export class TableError extends Error {}

/** What the reader is told of a table that cannot be read at all, and why (`detail`). */
export const damagedTableMessage = (detail: string): string =>
  `The plan data file is damaged (${detail}). 规划数据文件已损坏（${detail}）。`;

const isCode = (c: unknown, size: number): c is number => Number.isInteger(c) && (c as number) >= 0 && (c as number) < size;

/** What a table decodes to. */
export interface DecodedTable {
  features: PlanFeature[];
  /** The places by id (built while checking that ids are unique). */
  byId: Map<string, PlanFeature>;
  problems: string[];
  table: PlacesTable;
  listOrder: number[] | null;
  /** The table's worker found the list order sorted (`listOrderIsSorted`): the page need not check. */
  listOrderSorted: boolean;
  /** The table's list codes per place, for the filter index (query.ts, `shareListIds`). */
  listIds: ListIds;
}

/** Rows decoded between two pauses of `decodePlacesTableInSlices` (about 40 ms at 100,000 rows). */
const ROWS_PER_SLICE = 10_000;

/**
 * The places of a table, each checked: a row that cannot be read is left out and reported (the
 * others load); a file that is not a table at all, or whose columns do not match its row count,
 * raises TableError. Places share their arrays (one per distinct list): read-only.
 */
export function decodePlacesTable(
  json: unknown,
  documents: ReadonlyMap<string, DocumentMeta>,
  /** The roll-up of an industry list (taxonomy.ts), computed once per distinct list. */
  rollup: (ids: string[]) => string[],
): DecodedTable {
  const steps = decodeSteps(json, documents, rollup);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * decodePlacesTable, with a pause (`pause`, a turn of the event loop) after each ROWS_PER_SLICE
 * rows: at 100,000 rows the page, and the map drawing its first view, are not held for the whole.
 * The same checks and the same result.
 */
export async function decodePlacesTableInSlices(
  json: unknown,
  documents: ReadonlyMap<string, DocumentMeta>,
  rollup: (ids: string[]) => string[],
  pause: () => Promise<void>,
  rowsPerSlice = ROWS_PER_SLICE,
): Promise<DecodedTable> {
  const steps = decodeSteps(json, documents, rollup, rowsPerSlice);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await pause();
  }
}

/** The decoder, as steps of ROWS_PER_SLICE rows (a generator yields between them). */
function* decodeSteps(
  json: unknown,
  documents: ReadonlyMap<string, DocumentMeta>,
  rollup: (ids: string[]) => string[],
  rowsPerSlice = ROWS_PER_SLICE,
): Generator<void, DecodedTable> {
  const problem = headerProblem(json);
  if (problem) throw new TableError(problem);
  const table = json as PlacesTable;
  const { rows, strings, columns } = table;
  // The lists as parsed, or packed by the worker that parsed them (places-table-transfer.ts).
  const packedLists = isPackedLists(table.lists) ? table.lists : null;
  const lists = packedLists ? { length: packedLists.at.length - 1 } : (table.lists as number[][]);
  const listAt = packedLists
    ? (c: number) => packedLists.values.subarray(packedLists.at[c], packedLists.at[c + 1])
    : (c: number) => (table.lists as number[][])[c];
  const lengths: Record<string, number> = { bbox: 4 * rows, origin: 2 * rows, sources_at: rows + 1 };
  for (const k of REQUIRED_COLUMNS) {
    const column = (columns as Record<string, unknown[] | undefined>)[k];
    if (!column) throw new TableError(`column ${k} is missing`);
    if (k !== 'sources' && column.length !== (lengths[k] ?? rows))
      throw new TableError(`column ${k} has ${column.length} values for ${rows} rows`);
  }
  if (!strings.every((v) => typeof v === 'string')) throw new TableError('strings: a value is not a string');
  const listsOk = packedLists
    ? packedLists.values.every((c) => isCode(c, strings.length))
    : (table.lists as unknown[]).every((l) => Array.isArray(l) && l.every((c) => isCode(c, strings.length)));
  if (!listsOk) throw new TableError('lists: a list names a value the table lacks');

  // Each distinct list once: its strings, and (for industries) its roll-up.
  const listStrings: (string[] | undefined)[] = new Array(lists.length);
  const stringsOf = (c: number) => {
    let out = listStrings[c];
    if (!out) {
      const codes = listAt(c);
      out = listStrings[c] = new Array<string>(codes.length);
      for (let j = 0; j < codes.length; j++) out[j] = strings[codes[j]];
    }
    return out;
  };
  const rollups: (string[] | undefined)[] = new Array(lists.length);
  const rollupOfList = (c: number) => (rollups[c] ??= rollup(stringsOf(c)));
  const kindOk = new Map<number, boolean>();
  const isKind = (c: unknown) =>
    isCode(c, strings.length) && (kindOk.get(c) ?? kindOk.set(c, KIND_ORDER.includes(strings[c] as Kind)).get(c)!);
  const docsOk = new Map<number, boolean>();
  const docsKnown = (c: number) =>
    docsOk.get(c) ?? docsOk.set(c, stringsOf(c).every((d) => documents.has(d))).get(c)!;

  // The columns each row is checked against, looked up once (not per row). The checks are indexed
  // loops without destructuring or temporary arrays: at 100,000 rows they run on the first view.
  const textColumns = TEXT_FIELDS.map((k) => columns[k]);
  const codeColumns = OPTIONAL_CODE_FIELDS.map((k) => columns[k]);
  const listColumns = [...LIST_FIELDS, ...OPTIONAL_LIST_FIELDS].map((k) => columns[k]);
  const firstOptionalList = LIST_FIELDS.length;
  const firstBad = (i: number): string | null => {
    for (let k = 0; k < codeColumns.length; k++) {
      const c = codeColumns[k][i];
      if (c !== -1 && !isCode(c, strings.length)) return OPTIONAL_CODE_FIELDS[k];
    }
    for (let k = 0; k < listColumns.length; k++) {
      const c = listColumns[k][i];
      if (!isCode(c, lists.length) && !(k >= firstOptionalList && c === -1))
        return k < firstOptionalList ? LIST_FIELDS[k] : OPTIONAL_LIST_FIELDS[k - firstOptionalList];
    }
    return null;
  };
  const { bbox, origin, area, sources_at: at, sources } = columns;
  const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  /** Why row i cannot be read (its clauses apart), or null. */
  const rowProblem = (i: number, seen: ReadonlyMap<string, unknown>): string | null => {
    for (let k = 0; k < textColumns.length; k++) {
      const v = textColumns[k][i];
      if (typeof v !== 'string' || v.length === 0) return `${TEXT_FIELDS[k]} missing`;
    }
    if (seen.has(columns.id[i])) return 'duplicate id';
    if (!isKind(columns.kind[i])) return 'unknown kind';
    if (!isCode(columns.precision[i], strings.length) || !isCode(columns.province[i], strings.length))
      return 'precision or province missing';
    const bad = firstBad(i);
    if (bad) return `${bad} is not a value of the table`;
    if (!docsKnown(columns.docs[i])) return 'cites an unknown document';
    const w = bbox[4 * i];
    const s = bbox[4 * i + 1];
    const e = bbox[4 * i + 2];
    const n = bbox[4 * i + 3];
    if (!finite(w) || !finite(s) || !finite(e) || !finite(n) || w > e || s > n) return 'no usable bounding box';
    if (!finite(origin[2 * i]) || !finite(origin[2 * i + 1])) return 'no usable position';
    const from = at[i];
    const to = at[i + 1];
    if (!Number.isInteger(from) || !Number.isInteger(to) || to <= from || (to - from) % CLAUSE_WIDTH || to > sources.length)
      return 'no source clause';
    return null;
  };
  const documentCodeOk = new Map<number, boolean>();
  const isDocument = (c: number) =>
    documentCodeOk.get(c) ??
    documentCodeOk.set(c, isCode(c, strings.length) && documents.has(strings[c])).get(c)!;
  /** Row i's clauses, or null where one is malformed. */
  const clausesOf = (i: number): Clause[] | null => {
    const clauses: Clause[] = [];
    for (let j = at[i]; j < at[i + 1]; j += CLAUSE_WIDTH) {
      const doc = sources[j];
      const start = sources[j + 1];
      const end = sources[j + 2];
      const industries = sources[j + 3];
      const wording = sources[j + 4];
      if (!isDocument(doc)) return null;
      if (!Number.isInteger(start) || !Number.isInteger(end) || end <= start) return null;
      if (!isCode(industries, lists.length) || (wording !== -1 && !isCode(wording, strings.length))) return null;
      clauses.push({
        doc: strings[doc],
        start,
        end,
        industries: stringsOf(industries),
        industryRollup: rollupOfList(industries),
        wording: wording === -1 ? undefined : strings[wording],
      });
    }
    return clauses;
  };
  const optionalString = (c: number) => (c === -1 ? undefined : strings[c]);
  const optionalList = (c: number) => (c === -1 ? undefined : stringsOf(c));

  const problems: string[] = [];
  const features: PlanFeature[] = [];
  const byId = new Map<string, PlanFeature>();
  const listIds: ListIds = {
    industries: new Int32Array(rows),
    kinds: new Int32Array(rows),
    docs: new Int32Array(rows),
    prefectures: new Int32Array(rows),
  };
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % rowsPerSlice === 0) yield;
    const id = columns.id[i];
    const problem = rowProblem(i, byId);
    const clauses = problem ? null : clausesOf(i);
    if (problem || !clauses) {
      problems.push(`${typeof id === 'string' && id ? id : `row ${i + 1}`}: ${problem ?? 'a source clause is malformed'}`);
      continue;
    }
    const o: [number, number] = [origin[2 * i], origin[2 * i + 1]];
    // One literal, in the order of the stored record (data/features.geojson); an optional field
    // that is absent is undefined (JSON leaves it out, as the stored file does).
    const place: PlanFeature = {
      id,
      name_zh: columns.name_zh[i],
      name_zh_hant: columns.name_zh_hant[i],
      name_en: columns.name_en[i],
      name_pinyin: columns.name_pinyin[i],
      aliases_zh: optionalList(columns.aliases_zh[i]),
      aliases_zh_hant: optionalList(columns.aliases_zh_hant[i]),
      aliases_en: optionalList(columns.aliases_en[i]),
      kind: strings[columns.kind[i]] as Kind,
      industries: stringsOf(columns.industries[i]),
      industries_text: stringsOf(columns.industries_text[i]),
      parent: optionalString(columns.parent[i]),
      children: stringsOf(columns.children[i]),
      province: strings[columns.province[i]],
      prefecture: stringsOf(columns.prefecture[i]),
      county: optionalString(columns.county[i]),
      county_name: optionalString(columns.county_name[i]),
      county_name_en: optionalString(columns.county_name_en[i]),
      precision: strings[columns.precision[i]] as Precision,
      outline: optionalString(columns.outline[i]),
      docs: stringsOf(columns.docs[i]),
      sources: clauses,
      industryRollup: rollupOfList(columns.industries[i]),
      point: area[i] === 1 ? null : o,
      origin: o,
      bbox: [bbox[4 * i], bbox[4 * i + 1], bbox[4 * i + 2], bbox[4 * i + 3]],
      row: i,
    };
    const k = features.push(place) - 1;
    byId.set(id, place);
    listIds.industries[k] = columns.industries[i];
    listIds.kinds[k] = columns.kind[i];
    listIds.docs[k] = columns.docs[i];
    listIds.prefectures[k] = columns.prefecture[i];
  }
  for (const key of FILTER_KEYS_OF_TABLE) listIds[key] = listIds[key].subarray(0, features.length);
  // The build's list order, as indices of `features` (rows left out are left out of it too).
  let listOrder: number[] | null = null;
  // An array, or a typed array where the table came from the worker (places-table-transfer.ts).
  const given = (columns as Partial<Columns>).list_order as ArrayLike<number> | undefined;
  if ((Array.isArray(given) || ArrayBuffer.isView(given)) && given.length === rows) {
    const indexOfRow = new Int32Array(rows).fill(-1);
    features.forEach((f, k) => (indexOfRow[f.row] = k));
    listOrder = [];
    for (let j = 0; j < given.length; j++) {
      const row = given[j];
      if (Number.isInteger(row) && indexOfRow[row] >= 0) listOrder.push(indexOfRow[row]);
    }
  }
  const listOrderSorted = listOrder !== null && (json as Record<symbol, unknown>)[LIST_ORDER_SORTED] === true;
  return { features, byId, problems, table, listOrder, listOrderSorted, listIds };
}

/**
 * What the table's worker posts the page (places-table.worker.ts), message by message: the parsed
 * table packed, with whether its list order is sorted.
 */
export function packForPage(json: unknown): { message: TableMessage; transfer: ArrayBuffer[] }[] {
  return tableMessages(packTable(json, TEXT_FIELDS, listOrderIsSorted(json)));
}

/**
 * What the table's worker posts the page for the binary form (places-table-binary.ts): read as it
 * is packed already, with whether its list order is sorted. Bytes that are not such a file, or are
 * cut short, are answered with the message the page shows.
 */
export function packBinaryForPage(bytes: ArrayBuffer): { message: TableMessage; transfer: ArrayBuffer[] }[] {
  let packed: ReturnType<typeof readPlacesTableBinary>;
  try {
    packed = readPlacesTableBinary(bytes);
  } catch (e) {
    if (e instanceof BinaryTableError) return [{ message: { error: damagedTableMessage(e.message) }, transfer: [] }];
    throw e;
  }
  return tableMessages({ ...packed, listOrderSorted: packedListOrderIsSorted(packed) });
}

/** listOrderIsSorted, for a table read packed (places-table-binary.ts): the same check. */
function packedListOrderIsSorted(t: ReturnType<typeof readPlacesTableBinary>): boolean {
  try {
    const columns = t.columns as Record<string, { packed?: string; values?: ArrayLike<number>; text?: string; ends?: Uint32Array }>;
    const strings = t.strings as { text: string; ends: Uint32Array };
    const { list_order: order, province, kind, name_pinyin: pinyin } = columns;
    const text = (p: { text?: string; ends?: Uint32Array }, k: number) =>
      p.text!.slice(k > 0 ? p.ends![k - 1] : 0, p.ends![k]);
    const rows = t.rest.rows;
    if (!Number.isInteger(rows) || strings?.ends === undefined || pinyin?.ends === undefined) return false;
    if (!order?.values || !province?.values || !kind?.values) return false;
    return isListOrder(order.values, rows as number, {
      province: (i) => text(strings, province.values![i]),
      kind: (i) => text(strings, kind.values![i]),
      pinyin: (i) => text(pinyin, i),
    });
  } catch {
    return false;
  }
}

/**
 * Whether a parsed table's `list_order` column lists its rows sorted as the list sorts them
 * (query.ts, `listOrderOf`), by its own columns; false for anything it cannot read. Where it holds
 * for every row it holds for the rows the decoder keeps (the comparison is a total order). The
 * table's worker checks it, so that the page need not (places-table.worker.ts).
 */
export function listOrderIsSorted(json: unknown): boolean {
  try {
    const { rows, strings, columns } = json as PlacesTable;
    const { list_order: order, province, kind, name_pinyin: pinyin } = columns;
    if (!Number.isInteger(rows) || !Array.isArray(strings) || ![order, province, kind, pinyin].every(Array.isArray))
      return false;
    const text = (v: unknown) => (typeof v === 'string' ? v : String(v));
    return isListOrder(order, rows, {
      province: (i) => text(strings[province[i]]),
      kind: (i) => text(strings[kind[i]]),
      pinyin: (i) => text(pinyin[i]),
    });
  } catch {
    return false;
  }
}
