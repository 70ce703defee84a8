// The app's fetch of the attribute table (data/places.bin), answered by a test: held back, or
// replaced by a table of thousands of places made of real rows. Every other request goes through.
import tableUrl from '../../../data/places.bin?url';
import placesUrl from '../../../data/places.json?url';
import type { PlacesTable } from '../../../src/data/places-table.ts';
import { encodePlacesTableBinary } from '../../../src/data/places-table-binary.ts';

/** The path the app fetches the attribute table from. */
export const tablePath = (): string => new URL(tableUrl, location.href).pathname;

/**
 * A table as the app downloads it (the binary form of the JSON one, places-table-binary.ts); with
 * `length`, its Content-Length as a static host sends it (without: as a host that compresses on the fly).
 */
export function tableResponse(table: PlacesTable, { length = false } = {}): Response {
  const bytes = encodePlacesTableBinary(table);
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/octet-stream',
      ...(length ? { 'Content-Length': String(bytes.byteLength) } : {}),
    },
  });
}

/** Answers the table's requests with `answer` until the returned function is called. */
export function answerTable(
  answer: (original: typeof window.fetch, request: Request) => Promise<Response>,
): () => void {
  const original = window.fetch;
  const path = tablePath();
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    return new URL(request.url).pathname === path ? answer(original, request) : original(request);
  };
  return () => {
    window.fetch = original;
  };
}

/** Holds the table back until `release` (the file then arrives as usual); `restore` undoes it. */
export function holdTable(): { release: () => void; restore: () => void } {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const restore = answerTable(async (original, request) => {
    await held;
    return original(request);
  });
  return {
    release,
    restore: () => {
      release();
      restore();
    },
  };
}

/**
 * Serves the real table `copies` times over (for what only shows at that size: counts of 1,000 and
 * more). Copy 0 keeps the real ids; copy k's ids end in `-copy-k`.
 */
export function serveRepeatedTable(copies: number, { length = false } = {}): () => void {
  return answerTable(async (original) => {
    const t = (await (await original(placesUrl)).json()) as PlacesTable;
    const c = t.columns as unknown as Record<string, unknown[]>;
    const out: Record<string, unknown[]> = {};
    for (const [k, v] of Object.entries(c)) {
      if (k === 'list_order' || k === 'sources_at') continue;
      out[k] = Array.from({ length: copies }, (_, copy) =>
        k === 'id' ? (v as string[]).map((id) => (copy ? `${id}-copy-${copy}` : id)) : v,
      ).flat();
    }
    const at = c.sources_at as number[];
    const total = at[at.length - 1];
    out.sources_at = [
      0,
      ...Array.from({ length: copies }, (_, copy) => at.slice(1).map((a) => a + copy * total)).flat(),
    ];
    const table = { ...t, rows: t.rows * copies, columns: out };
    return tableResponse(table as unknown as PlacesTable, { length });
  });
}
