// The attribute table as the app downloads it (data/places.bin): the same table as data/places.json
// (places-table.ts), in a form that needs no parsing. At 100,000 places the JSON is 36 MB, and
// parsing it took its worker about a second of CPU while the map drew its first view on the same
// two cores. Here the numbers are typed arrays read in place, and each text column is one UTF-8
// run decoded in one call. The file reads straight into the packed form the worker sends the page
// (places-table-transfer.ts), so the page decodes and checks it exactly as it does the JSON.
//
// Layout (little-endian): the 4 bytes "FJPT", a uint32 header length, the header (UTF-8 JSON: the
// table's small fields and where each part lies), then the parts, each at a multiple of 8 bytes.
import type { PlacesTable } from './places-table.ts';
import type { PackedLists, PackedTable } from './places-table-transfer.ts';

const MAGIC = [0x46, 0x4a, 0x50, 0x54]; // "FJPT"
const ALIGN = 8;

/** Where a part lies in the file, and how to read it. */
type PartSpec =
  /** Strings as one: `ends` (uint32, in UTF-16 units of the decoded text), then the UTF-8 text. */
  | { type: 'strings'; offset: number; count: number; bytes: number }
  /** Lists of codes: `at` (uint32, count + 1), then the values (int32). */
  | { type: 'lists'; offset: number; count: number; values: number }
  /** Whole numbers, in the narrowest signed width that holds them (1, 2 or 4 bytes). */
  | { type: 'int'; offset: number; count: number; width: 1 | 2 | 4 }
  /** Other numbers, as doubles: the JSON's values exactly. */
  | { type: 'f64'; offset: number; count: number };

interface Header {
  /** The table's fields other than its strings, lists and columns (format, version, rows, …). */
  rest: Record<string, unknown>;
  strings: PartSpec;
  lists: PartSpec;
  columns: Record<string, PartSpec>;
  /** The parts' length in bytes: a file cut short anywhere, even in padding, is known as such. */
  bytes: number;
}

/** Raised for bytes that are not such a file, or that are cut short. */
export class BinaryTableError extends Error {}

const isWhole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && !Object.is(v, -0);

function widthOf(values: readonly number[]): 1 | 2 | 4 | null {
  let min = 0;
  let max = 0;
  for (const v of values) {
    if (!isWhole(v) || v < -0x80000000 || v > 0x7fffffff) return null;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return min >= -0x80 && max <= 0x7f ? 1 : min >= -0x8000 && max <= 0x7fff ? 2 : 4;
}

/**
 * The table (as the build writes it to places.json) in this form. Text columns are those whose
 * values are all strings; every other column is numbers. A part that is neither is an error: the
 * build writes only what it can read back.
 */
export function encodePlacesTableBinary(table: PlacesTable): Uint8Array<ArrayBuffer> {
  const { strings, lists, columns: byName, ...rest } = table;
  if (!Array.isArray(lists)) throw new Error('lists: expected the lists as written');
  const columns = byName as unknown as Record<string, readonly (string | number)[]>;
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const put = (bytes: Uint8Array) => {
    const offset = size;
    chunks.push(bytes);
    size += bytes.byteLength;
    const pad = (ALIGN - (size % ALIGN)) % ALIGN;
    if (pad) {
      chunks.push(new Uint8Array(pad));
      size += pad;
    }
    return offset;
  };
  const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const stringsPart = (values: readonly string[]): PartSpec => {
    const ends = new Uint32Array(values.length);
    let end = 0;
    values.forEach((v, k) => (ends[k] = end += v.length));
    const offset = put(bytesOf(ends));
    const text = encoder.encode(values.join(''));
    put(text);
    return { type: 'strings', offset, count: values.length, bytes: text.byteLength };
  };
  const numbersPart = (name: string, values: readonly number[]): PartSpec => {
    const width = widthOf(values);
    if (width === null) {
      if (!values.every((v) => typeof v === 'number')) throw new Error(`column ${name}: not all numbers`);
      return { type: 'f64', offset: put(bytesOf(Float64Array.from(values))), count: values.length };
    }
    const typed = width === 1 ? Int8Array.from(values) : width === 2 ? Int16Array.from(values) : Int32Array.from(values);
    return { type: 'int', offset: put(bytesOf(typed)), count: values.length, width };
  };
  const at = new Uint32Array(lists.length + 1);
  lists.forEach((l, k) => (at[k + 1] = at[k] + l.length));
  const listValues = Int32Array.from(lists.flat());
  const listsOffset = put(bytesOf(at));
  put(bytesOf(listValues));
  const header: Header = {
    rest,
    strings: stringsPart(strings),
    lists: { type: 'lists', offset: listsOffset, count: lists.length, values: listValues.length },
    columns: Object.fromEntries(
      Object.entries(columns).map(([name, values]) => [
        name,
        values.every((v) => typeof v === 'string')
          ? stringsPart(values as string[])
          : numbersPart(name, values as number[]),
      ]),
    ),
    bytes: size,
  };
  // The parts' offsets count from the end of the header (padded), so the header is written last.
  const head = encoder.encode(JSON.stringify(header));
  const headPad = (ALIGN - ((8 + head.byteLength) % ALIGN)) % ALIGN;
  const out = new Uint8Array(8 + head.byteLength + headPad + size);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.byteLength, true);
  out.set(head, 8);
  let p = 8 + head.byteLength + headPad;
  for (const c of chunks) {
    out.set(c, p);
    p += c.byteLength;
  }
  return out;
}

/** Whether `bytes` start as this form does (else they may be the JSON form, or another file). */
export const isBinaryTable = (bytes: ArrayBuffer): boolean =>
  bytes.byteLength >= 8 && MAGIC.every((b, k) => new Uint8Array(bytes, 0, 4)[k] === b);

/**
 * The file read into the packed table the worker sends the page (places-table-transfer.ts): the
 * numbers as typed arrays (whole numbers widened to int32, as the decoder indexes them), strings
 * and lists packed. Throws BinaryTableError where the bytes are not such a file or are cut short;
 * what they hold is checked by the page's decoder, as for the JSON.
 */
export function readPlacesTableBinary(bytes: ArrayBuffer): Exclude<PackedTable, { raw: unknown }> {
  if (!isBinaryTable(bytes)) throw new BinaryTableError('not a plan data table');
  const headLength = new DataView(bytes).getUint32(4, true);
  if (8 + headLength > bytes.byteLength) throw new BinaryTableError('cut short in its header');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes, 8, headLength))) as Header;
  } catch {
    throw new BinaryTableError('its header is not readable');
  }
  if (typeof header !== 'object' || header === null || typeof header.columns !== 'object' || header.columns === null)
    throw new BinaryTableError('its header is not readable');
  const base = 8 + headLength + ((ALIGN - ((8 + headLength) % ALIGN)) % ALIGN);
  if (base + header.bytes !== bytes.byteLength)
    throw new BinaryTableError(`cut short or padded: ${bytes.byteLength} bytes where the header says ${base + header.bytes}`);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const view = <T>(make: (buffer: ArrayBuffer, offset: number, length: number) => T, spec: PartSpec, offset: number, length: number, unit: number): T => {
    const start = base + offset;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || start + length * unit > bytes.byteLength)
      throw new BinaryTableError(`cut short (a ${spec.type} part ends past the file)`);
    return make(bytes, start, length);
  };
  const u8 = (b: ArrayBuffer, o: number, n: number) => new Uint8Array(b, o, n);
  const u32 = (b: ArrayBuffer, o: number, n: number) => new Uint32Array(b, o, n);
  // Each part is copied out of the file's buffer (slice, from): the worker moves each part's buffer
  // with its own message, and moving a view of the shared one would detach every other part.
  const read = (spec: PartSpec | undefined): unknown => {
    if (typeof spec !== 'object' || spec === null) throw new BinaryTableError('a part is not described');
    switch (spec.type) {
      case 'strings': {
        const ends = view(u32, spec, spec.offset, spec.count, 4).slice();
        const textAt = spec.offset + spec.count * 4 + ((ALIGN - ((spec.count * 4) % ALIGN)) % ALIGN);
        let text: string;
        try {
          text = decoder.decode(view(u8, spec, textAt, spec.bytes, 1));
        } catch (e) {
          if (e instanceof BinaryTableError) throw e;
          throw new BinaryTableError('a text is not UTF-8');
        }
        if (spec.count > 0 && ends[spec.count - 1] !== text.length) throw new BinaryTableError('a text part does not add up');
        return { packed: 'strings', text, ends };
      }
      case 'lists': {
        const at = view(u32, spec, spec.offset, spec.count + 1, 4).slice();
        const valuesAt = spec.offset + (spec.count + 1) * 4 + ((ALIGN - (((spec.count + 1) * 4) % ALIGN)) % ALIGN);
        const values = view((b, o, n) => new Int32Array(b, o, n), spec, valuesAt, spec.values, 4).slice();
        if (at[spec.count] !== values.length) throw new BinaryTableError('the lists do not add up');
        return { packed: 'lists', at, values } satisfies PackedLists;
      }
      case 'int': {
        const make: ((b: ArrayBuffer, o: number, n: number) => ArrayLike<number>) | undefined = {
          1: (b: ArrayBuffer, o: number, n: number) => new Int8Array(b, o, n),
          2: (b: ArrayBuffer, o: number, n: number) => new Int16Array(b, o, n),
          4: (b: ArrayBuffer, o: number, n: number) => new Int32Array(b, o, n),
        }[spec.width];
        if (!make) throw new BinaryTableError('a number part has no width');
        return { packed: 'numbers', values: Int32Array.from(view(make, spec, spec.offset, spec.count, spec.width)) };
      }
      case 'f64':
        return { packed: 'numbers', values: view((b, o, n) => new Float64Array(b, o, n), spec, spec.offset, spec.count, 8).slice() };
      default:
        throw new BinaryTableError('a part of an unknown type');
    }
  };
  return {
    rest: header.rest,
    strings: read(header.strings),
    lists: read(header.lists),
    columns: Object.fromEntries(Object.entries(header.columns).map(([name, spec]) => [name, read(spec)])),
  };
}
