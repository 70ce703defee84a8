// The attribute table on its way from the worker that parses it (places-table.worker.ts) to the
// page. Parsing 35 MB of JSON at 100,000 places holds the page's main thread for half a second;
// sending the parsed object back would hold it longer (structured clone rebuilds every array and
// string one by one). So the worker sends the columns as a few flat values instead: numbers as
// typed arrays (moved, not copied), each text column and the vocabulary as one string with the
// ends of its parts. The page cuts them up again and decodes the result as it would the JSON
// (places-table.ts): packing keeps everything the decoder checks, so a damaged file is refused, or
// its damaged rows are left out, with the same messages either way.

/** Strings as one: string k is text.slice(ends[k - 1] ?? 0, ends[k]). */
interface PackedStrings {
  packed: 'strings';
  text: string;
  ends: Uint32Array;
}

/**
 * Lists of numbers as one: list k is values[at[k] … at[k + 1]). The decoder reads them packed
 * (at 100,000 places there are about as many lists, and rebuilding each as an array costs more
 * than the rest of unpacking).
 */
export interface PackedLists {
  packed: 'lists';
  at: Uint32Array;
  values: Int32Array;
}

/**
 * Numbers: whole numbers (codes, offsets) as 32-bit integers, which the decoder indexes with
 * quickly; else as doubles, where what is not a number is NaN (the decoder refuses both alike).
 */
interface PackedNumbers {
  packed: 'numbers';
  values: Int32Array | Float64Array;
}

type Packed = PackedStrings | PackedLists | PackedNumbers;

/**
 * Set on a table the worker parsed (unpackTable) when the worker found its list order sorted
 * (places-table.ts, `listOrderIsSorted`), so the page does not check it again on its main thread. A
 * symbol: no file can set it.
 */
export const LIST_ORDER_SORTED = Symbol('list order sorted, as checked by the worker');

/**
 * The table with its big parts packed; a part that is not what the format says is sent as it is,
 * and so is a file that is not a JSON object at all (`raw`).
 */
export type PackedTable =
  | { raw: unknown }
  | {
      /** Everything but the three big parts, as parsed. */
      rest: Record<string, unknown>;
      /** The worker found `list_order` sorted. */
      listOrderSorted?: boolean;
      strings: unknown;
      lists: unknown;
      columns: unknown;
    };

/** Packed by packTable: typed arrays, which no JSON file can hold (a file's look-alike is not). */
function isPacked(v: unknown): v is Packed {
  if (typeof v !== 'object' || v === null) return false;
  const p = v as Partial<Record<string, unknown>>;
  if (p.packed === 'strings') return typeof p.text === 'string' && p.ends instanceof Uint32Array;
  if (p.packed === 'lists') return p.at instanceof Uint32Array && p.values instanceof Int32Array;
  if (p.packed === 'numbers') return p.values instanceof Int32Array || p.values instanceof Float64Array;
  return false;
}

export const isPackedLists = (v: unknown): v is PackedLists => isPacked(v) && v.packed === 'lists';

function packStrings(values: readonly unknown[]): PackedStrings | null {
  const ends = new Uint32Array(values.length);
  let end = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'string') return null;
    end += v.length;
    ends[i] = end;
  }
  return { packed: 'strings', text: values.join(''), ends };
}

const isInt32 = (v: unknown): v is number => typeof v === 'number' && (v | 0) === v && !Object.is(v, -0);

function packNumbers(values: readonly unknown[]): PackedNumbers {
  if (values.every(isInt32)) return { packed: 'numbers', values: Int32Array.from(values) };
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    out[i] = typeof v === 'number' ? v : NaN;
  }
  return { packed: 'numbers', values: out };
}

function packLists(lists: readonly unknown[]): PackedLists | null {
  const at = new Uint32Array(lists.length + 1);
  let n = 0;
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k];
    if (!Array.isArray(list)) return null;
    at[k] = n;
    n += list.length;
  }
  at[lists.length] = n;
  // A value that is not a whole number is -1, which no list may hold (the decoder refuses it).
  const values = new Int32Array(n);
  for (let k = 0; k < lists.length; k++) {
    const list = lists[k] as unknown[];
    for (let j = 0; j < list.length; j++) {
      const v = list[j];
      values[at[k] + j] = isInt32(v) ? v : -1;
    }
  }
  return { packed: 'lists', at, values };
}

/**
 * The parsed JSON of a table, packed for postMessage (what each message moves: tableMessages). Text
 * columns (strings by the format) are packed as strings where every value is one, else sent as
 * they are; every other column as numbers.
 */
export function packTable(json: unknown, textColumns: readonly string[], listOrderSorted = false): PackedTable {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return { raw: json };
  const { strings, lists, columns, ...rest } = json as Record<string, unknown>;
  const packed = { rest, strings, lists, columns, listOrderSorted };
  if (Array.isArray(strings)) packed.strings = packStrings(strings) ?? strings;
  if (Array.isArray(lists)) packed.lists = packLists(lists) ?? lists;
  if (typeof columns === 'object' && columns !== null && !Array.isArray(columns)) {
    const out: Record<string, unknown> = {};
    for (const [k, column] of Object.entries(columns as Record<string, unknown>)) {
      if (!Array.isArray(column)) out[k] = column;
      else if (textColumns.includes(k)) out[k] = packStrings(column) ?? column;
      else out[k] = packNumbers(column);
    }
    packed.columns = out;
  }
  return packed;
}

/**
 * One big part of a packed table, in a message of its own (tableMessages): at 100,000 places a text
 * column is megabytes, and the page takes each part in a task of its own, between which the map's
 * tasks run, instead of one task of a quarter of a second for the whole.
 */
export interface TablePart {
  part: 'strings' | 'lists' | 'column';
  /** The column's name (for a column). */
  key: string;
  value: unknown;
}

/** What the worker posts, in order: the table's big parts, then the rest (`table`), or an error. */
export type TableMessage = { part: TablePart } | { table: PackedTable } | { error: string };

/** The typed arrays' buffers in a packed value, to be moved with its message. */
function buffersOf(v: unknown): ArrayBuffer[] {
  if (!isPacked(v)) return [];
  return Object.values(v)
    .filter((x): x is ArrayBufferView => ArrayBuffer.isView(x))
    .map((x) => x.buffer as ArrayBuffer);
}

/** A packed table as messages: each big part alone, then the rest. */
export function tableMessages(table: PackedTable): { message: TableMessage; transfer: ArrayBuffer[] }[] {
  if ('raw' in table) return [{ message: { table }, transfer: [] }];
  const out: { message: TableMessage; transfer: ArrayBuffer[] }[] = [];
  const send = (part: TablePart) => out.push({ message: { part }, transfer: buffersOf(part.value) });
  const { strings, lists, columns, ...rest } = table;
  if (strings !== undefined) send({ part: 'strings', key: '', value: strings });
  if (lists !== undefined) send({ part: 'lists', key: '', value: lists });
  const byColumn = typeof columns === 'object' && columns !== null && !Array.isArray(columns);
  if (byColumn) for (const [key, value] of Object.entries(columns)) send({ part: 'column', key, value });
  // Columns that are not an object go as they are, for the decoder to refuse.
  out.push({ message: { table: { ...rest, strings: undefined, lists: undefined, columns: byColumn ? {} : columns } }, transfer: [] });
  return out;
}

/**
 * The page's side of tableMessages: `take` each message in turn; each part is unpacked as it comes
 * (in its own task), and the last message gives the table as unpackTable would.
 */
export function tableReceiver(): { take: (message: TableMessage) => { table: unknown } | null } {
  const parts: { strings?: unknown; lists?: unknown; columns: Record<string, unknown> } = { columns: {} };
  return {
    take(message) {
      if ('error' in message) throw new Error(message.error);
      if ('part' in message) {
        const { part, key, value } = message.part;
        if (part === 'column') parts.columns[key] = unpack(value);
        else parts[part] = unpack(value);
        return null;
      }
      const table = message.table;
      if ('raw' in table) return { table: table.raw };
      return {
        table: unpackTable({
          ...table,
          strings: parts.strings ?? table.strings,
          lists: parts.lists ?? table.lists,
          // Columns that were not an object came in the last message, as they were.
          columns: Object.keys(parts.columns).length ? parts.columns : table.columns,
        }),
      };
    },
  };
}

function unpack(v: unknown): unknown {
  if (!isPacked(v)) return v;
  if (v.packed === 'numbers') return v.values;
  if (v.packed === 'strings') {
    const out = new Array<string>(v.ends.length);
    for (let k = 0, start = 0; k < v.ends.length; k++) {
      out[k] = v.text.slice(start, v.ends[k]);
      start = v.ends[k];
    }
    return out;
  }
  return v;
}

/**
 * The table as the decoder reads it (decodePlacesTable): number columns are typed arrays, the lists
 * stay packed, the rest is as parsed. What was not an object comes back as it was.
 */
export function unpackTable(packed: PackedTable): unknown {
  if ('raw' in packed) return packed.raw;
  const { rest, strings, lists, columns, listOrderSorted } = packed;
  const out: Record<string | symbol, unknown> = { ...rest };
  if (listOrderSorted) out[LIST_ORDER_SORTED] = true;
  // A part the file lacks stays absent (the decoder says which).
  if (strings !== undefined) out.strings = unpack(strings);
  if (lists !== undefined) out.lists = unpack(lists);
  if (typeof columns === 'object' && columns !== null && !Array.isArray(columns))
    out.columns = Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, unpack(c)]));
  else if (columns !== undefined) out.columns = columns;
  return out;
}
