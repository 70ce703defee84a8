// Which places the current filters and search select. Pure functions shared by the list, the map
// filter expression, the planner's counts and the tests, so that all of them agree.
import type { Dataset, Kind, PlanFeature } from './types.ts';
import { KIND_ORDER } from './types.ts';

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
    (except === 'industries' || anyOf(filters.industries, f.industries)) &&
    (except === 'kinds' || filters.kinds.length === 0 || filters.kinds.includes(f.kind)) &&
    (except === 'docs' || anyOf(filters.docs, f.docs)) &&
    (except === 'prefectures' || anyOf(filters.prefectures, f.prefecture))
  );
}

/** Counts, for each value of one filter, the places that would match if it were selected. */
export function facetCounts(features: PlanFeature[], filters: Filters, key: FilterKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    if (!matchesFilters(f, filters, key)) continue;
    const values = key === 'industries' ? f.industries : key === 'kinds' ? [f.kind] : key === 'docs' ? f.docs : f.prefecture;
    for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}

// ---- search ----

/** Lower case, full-width to half-width, no spaces or joiners: "Gu Lei" ~ "gulei", "ＬＥＤ" ~ "led". */
export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s'’·\-–—_,.，。、（）()]/g, '');
}

export interface SearchEntry {
  id: string;
  names: string[];
  industries: string[];
}

const initials = (syllables: string) =>
  syllables
    .split(' ')
    .map((s) => s[0] ?? '')
    .join('');

export function buildSearchIndex(dataset: Dataset): SearchEntry[] {
  return dataset.features.map((f) => {
    const industries = f.industries.flatMap((id) => {
      const ind = dataset.industryById.get(id);
      return ind ? [ind.zh, ind.zh_hant, ind.en, ind.pinyin, initials(ind.pinyin)] : [id];
    });
    return {
      id: f.id,
      names: [f.name_zh, f.name_zh_hant, f.name_en, f.name_pinyin, initials(f.name_pinyin)].map(normalize),
      industries: [...industries, ...f.industries_text].map(normalize),
    };
  });
}

/** Scores each matching place: a name that starts with the query > a name containing it > an industry. */
export function searchScores(index: SearchEntry[], query: string): Map<string, number> | null {
  const q = normalize(query);
  if (!q) return null;
  const scores = new Map<string, number>();
  for (const e of index) {
    let score = 0;
    if (e.names.some((n) => n.startsWith(q))) score = 3;
    else if (e.names.some((n) => n.includes(q))) score = 2;
    else if (e.industries.some((n) => n.includes(q))) score = 1;
    if (score) scores.set(e.id, score);
  }
  return scores;
}

const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));

/** The places shown in the list and on the map, best first. */
export function selectPlaces(
  dataset: Dataset,
  filters: Filters,
  scores: Map<string, number> | null,
): PlanFeature[] {
  const out = dataset.features.filter((f) => matchesFilters(f, filters) && (!scores || scores.has(f.id)));
  return out.sort(
    (a, b) =>
      (scores ? (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) : 0) ||
      a.province.localeCompare(b.province) ||
      (kindRank.get(a.kind) ?? 99) - (kindRank.get(b.kind) ?? 99) ||
      a.name_pinyin.localeCompare(b.name_pinyin),
  );
}
