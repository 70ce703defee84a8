// The places' own words folded for search (names, aliases, pinyin initials, the documents'
// wording: `placeSearchText`), as the build folds them with data/search-terms.json:
// data/search-words.json, one string for all rows of the attribute table. Folding 100,000 places
// in the browser took about two seconds of the main thread; with this file the search index only
// joins its posting lists. Fetched after the first view (the first view does not search); until it
// is in, or if it cannot be had, the app folds the words itself, with the same result. Loaded by
// load-dataset.ts (`loadPlaceWords`).
import type { PlanFeature } from '../types.ts';
import type { Folder } from './fold.ts';
import { placeSearchText } from './index.ts';

export const SEARCH_WORDS_FORMAT = 'fujian-plan-search-words';

/** data/search-words.json: row i's words are text.slice(starts[i], starts[i + 1]). */
export interface SearchWordsFile {
  format: typeof SEARCH_WORDS_FORMAT;
  rows: number;
  text: string;
  starts: number[];
}

/** The places' words as the index holds them: feature i's are text.slice(starts[i], starts[i + 1]). */
export interface PlaceWords {
  text: string;
  starts: number[];
}

type Words = Parameters<typeof placeSearchText>[1];

/** The file for the table's rows (the build's; `folder` from data/search-terms.json). */
export function searchWordsFile(rows: readonly Words[], folder: Folder): SearchWordsFile {
  const parts = rows.map((r) => placeSearchText(folder, r));
  const starts = [0];
  for (const p of parts) starts.push(starts[starts.length - 1] + p.length);
  return { format: SEARCH_WORDS_FORMAT, rows: rows.length, text: parts.join(''), starts };
}

/**
 * The words of the dataset's places from the file, or null when the file does not fit the table
 * (another build's, damaged): the app then folds them itself.
 */
export function placeWordsOf(features: readonly PlanFeature[], json: unknown): PlaceWords | null {
  const file = json as Partial<SearchWordsFile> | null;
  if (!file || file.format !== SEARCH_WORDS_FORMAT || typeof file.text !== 'string' || !Array.isArray(file.starts))
    return null;
  const { text, starts, rows } = file as SearchWordsFile;
  if (!Number.isInteger(rows) || starts.length !== rows + 1 || starts[rows] !== text.length) return null;
  for (let k = 0; k <= rows; k++) if (!Number.isInteger(starts[k]) || (k > 0 && starts[k] < starts[k - 1])) return null;
  // Each place has its own row of the table (a place made up in the app has none: fold them all).
  const seen = new Uint8Array(rows);
  for (const f of features) {
    if (!Number.isInteger(f.row) || f.row < 0 || f.row >= rows || seen[f.row]) return null;
    seen[f.row] = 1;
  }
  // All rows loaded, in order: the file's string is the index's, not copied.
  if (features.length === rows && features.every((f, i) => f.row === i)) return { text, starts };
  const parts = features.map((f) => text.slice(starts[f.row], starts[f.row + 1]));
  const out = [0];
  for (const p of parts) out.push(out[out.length - 1] + p.length);
  return { text: parts.join(''), starts: out };
}
