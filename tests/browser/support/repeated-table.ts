// The real attribute table with each row repeated (new ids): a dataset of thousands of places made
// of real rows, for what only shows at that size (counts of 1,000 and more).
import placesUrl from '../../../data/places.json?url';
import type { PlacesTable } from '../../../src/data/places-table.ts';

/**
 * Serves the table `copies` times over to the app's fetch until the returned function is called.
 * Copy 0 keeps the real ids; copy k's ids end in `-copy-k`.
 */
export function serveRepeatedTable(copies: number): () => void {
  const original = window.fetch;
  const tablePath = new URL(placesUrl, location.href).pathname;
  window.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== tablePath) return original(input, init);
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
    return new Response(JSON.stringify(table), { headers: { 'Content-Type': 'application/json' } });
  };
  return () => {
    window.fetch = original;
  };
}
