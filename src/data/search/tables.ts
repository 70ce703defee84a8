// The folding table and term list (data/search-terms.json, about 24 KB gzip) are data, fetched as
// JSON beside the dataset: the first view's script does not carry them, and JSON parses faster
// than the same table as a script.
import searchTermsUrl from '../../../data/search-terms.json?url';
import { fetchJson } from '../fetch-json.ts';
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
  // Without them search still works, comparing text as typed (no folding).
  loading ??= fetchJson<SearchTables>(searchTermsUrl, { en: 'search tables', zh: '搜索词表' }).then(
    (tables) => (installed = tables),
    () => null,
  );
  return loading;
}
