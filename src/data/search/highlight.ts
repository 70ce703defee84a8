// Why a place matched, in what its row shows: the matched words marked in a text, and the
// industries a query matched (by name, synonym or the documents' wording).
import type { Dataset, PlanFeature } from '../types.ts';
import { foldWithPositions } from './fold.ts';
import type { QueryMatch } from './index.ts';

export interface Segment {
  text: string;
  marked: boolean;
}

/** `text` cut into plain and marked runs: marked where a word of the query matches (folded). */
export function highlight(match: QueryMatch | null, text: string): Segment[] {
  if (!match || match.words.length === 0 || !text) return [{ text, marked: false }];
  const { folded, from } = foldWithPositions(match.folder, text);
  const marked = new Uint8Array(text.length);
  let any = false;
  for (const w of match.words) {
    const re = w.pattern;
    re.lastIndex = 0;
    for (let m = re.exec(folded); m; m = re.exec(folded)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const start = from[m.index];
      const end = from[m.index + m[0].length - 1] + 1;
      for (let i = start; i < end; i++) marked[i] = 1;
      any = true;
    }
  }
  if (!any) return [{ text, marked: false }];
  const out: Segment[] = [];
  for (let i = 0; i < text.length; ) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    out.push({ text: text.slice(i, j), marked: marked[i] === 1 });
    i = j;
  }
  return out;
}

/** `id` and the industries it belongs to. */
function withAncestors(dataset: Dataset, id: string): string[] {
  const out: string[] = [];
  for (let at: string | undefined = id, depth = 0; at && depth < 8; depth++) {
    out.push(at);
    at = dataset.industryById.get(at)?.parent;
  }
  return out;
}

/**
 * The place's own industries that the query matched: by the industry's (or a broader industry's)
 * names and synonyms, or by the wording of a clause that plans it for this place.
 */
export function matchedIndustries(dataset: Dataset, f: PlanFeature, match: QueryMatch | null): string[] {
  if (!match || match.words.length === 0) return [];
  const hit = new Set<string>();
  for (const id of f.industries) if (withAncestors(dataset, id).some((a) => match.industries.has(a))) hit.add(id);
  for (const clause of f.sources) {
    if (!clause.wording) continue;
    const folded = match.folder.text(clause.wording);
    const found = match.words.some((w) => {
      w.pattern.lastIndex = 0;
      return w.pattern.test(folded);
    });
    if (found) for (const id of clause.industries) if (f.industries.includes(id)) hit.add(id);
  }
  return f.industries.filter((id) => hit.has(id));
}
