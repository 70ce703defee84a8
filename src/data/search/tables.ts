// The folding table and term list (data/search-terms.json, about 24 KB) load as their own chunk,
// beside the dataset, so the first view's script does not carry them.
import type { SearchTables } from './fold.ts';

let installed: SearchTables | null = null;
let loading: Promise<SearchTables | null> | null = null;

/** The tables, once loaded (null before: search then compares text as typed, without folding). */
export const searchTables = (): SearchTables | null => installed;

/** Sets the tables directly (Node tests and tools, which read the JSON themselves). */
export function installSearchTables(tables: SearchTables): void {
  installed = tables;
}

export function loadSearchTables(): Promise<SearchTables | null> {
  loading ??= import('../../../data/search-terms.json').then(
    (m) => (installed = m.default as SearchTables),
    () => null,
  );
  return loading;
}
