// The search index: every place's own words (names, aliases, the documents' wording) folded into
// one text, scanned per query word with one regular expression, and the words places share
// (industries with their synonyms, prefectures, counties) matched once per query and joined to their
// places by posting lists. Several words mean AND: each must match some field of the place.
//
// Why not a search library: MiniSearch and FlexSearch tokenize into words, and Chinese has none
// (a place name is matched inside 漳州台商投资区, an industry inside 汽车及零部件); their CJK modes
// index every character or n-gram, several times the memory, and the folding, term expansion and
// word-start rules below would still have to be written around them. A native regex scan of one
// folded string is as fast at 100,000 places (see the report in bench/ and tests/unit/search-*.ts).
import type { Dataset, Industry, PlanFeature } from '../types.ts';
import { makeFolder, type Folder, type SearchTables } from './fold.ts';
import { corrections, hanWord, latinWord, makeTermTable, queryWords, type QueryWord, type TermTable } from './terms.ts';

export type { SearchTables } from './fold.ts';

// Field markers in the index text: each field starts with one (never in folded text). A place's
// fields come in the order of their scores (names, aliases, initials, wording), so the first match
// in a place is in its best field.
const NAME = '\u0001';
const INITIALS = '\u0002';
const ALIAS = '\u0003';
const WORDING = '\u0004';

/** Scores of the places a word matches, by the best field it matches in. */
export const SCORE = { namePrefix: 6, name: 5, alias: 4, initials: 3, region: 2, industry: 1, wording: 1 } as const;

interface Entity {
  key: string;
  text: string;
}

export interface SearchIndex {
  dataset: Dataset;
  folder: Folder;
  terms: TermTable;
  ids: string[];
  /** All places' fields; place i is text.slice(starts[i], starts[i + 1]). */
  text: string;
  starts: Uint32Array;
  industries: Entity[];
  /** Place indices per industry id, for every industry a place has (rolled up). */
  industryPlaces: Map<string, number[]>;
  /** Prefectures (by code) and counties (by `county:` + code or name). */
  regions: Entity[];
  regionPlaces: Map<string, number[]>;
  /** Distinct Latin words of the index by first letter, for typo corrections; built on first need. */
  vocabulary: Map<string, string[]> | null;
}

export interface IndexBuilder {
  /** Adds the next place of `dataset.features`; false once all are in. */
  step: () => boolean;
  /** The index, completing it first. */
  finish: () => SearchIndex;
}

const initials = (syllables: string) =>
  syllables
    .split(' ')
    .map((s) => s[0] ?? '')
    .join('');

function entityText(folder: Folder, names: readonly (string | undefined)[], pinyin?: string): string {
  const seen = new Set<string>();
  let out = '';
  for (const n of names) {
    const v = n ? folder.text(n) : '';
    if (v && !seen.has(v)) {
      seen.add(v);
      out += NAME + v;
    }
  }
  if (pinyin) out += INITIALS + initials(folder.text(pinyin));
  return out;
}

const industryNames = (i: Industry) => [
  i.zh,
  i.zh_hant,
  i.en,
  i.pinyin,
  ...(i.synonyms?.zh ?? []),
  ...(i.synonyms?.zh_hant ?? []),
  ...(i.synonyms?.en ?? []),
];

/**
 * One place's own words as the index holds them: its names, aliases, the initials of its pinyin and
 * the documents' wording, each folded and marked with its field (names first). The build writes the
 * same for every place (search/place-words.ts), so that the app need not fold 100,000 places.
 */
export function placeSearchText(
  folder: Folder,
  f: Pick<PlanFeature, 'name_zh' | 'name_zh_hant' | 'name_en' | 'name_pinyin' | 'aliases_zh' | 'aliases_zh_hant' | 'aliases_en' | 'industries_text'>,
): string {
  const seen = new Set<string>();
  let segment = '';
  const field = (marker: string, value: string | undefined) => {
    const v = value ? folder.text(value) : '';
    if (!v || seen.has(v)) return;
    seen.add(v);
    segment += marker + v;
  };
  field(NAME, f.name_zh);
  field(NAME, f.name_zh_hant);
  field(NAME, f.name_en);
  field(NAME, f.name_pinyin);
  for (const a of [...(f.aliases_zh ?? []), ...(f.aliases_zh_hant ?? []), ...(f.aliases_en ?? [])]) field(ALIAS, a);
  segment += INITIALS + initials(folder.text(f.name_pinyin));
  for (const w of f.industries_text) field(WORDING, w);
  return segment;
}

/** An index built a place at a time (the app does it in idle slices: src/state/use-places.ts). */
export function createIndexBuilder(
  dataset: Dataset,
  tables: SearchTables | null,
  /** The places' words as the build folded them (search/place-words.ts); null: fold them here. */
  words: { text: string; starts: number[] } | null = null,
): IndexBuilder {
  const folder = makeFolder(tables);
  const parts: string[] = [];
  const starts: number[] = [0];
  const industryPlaces = new Map<string, number[]>();
  const regionPlaces = new Map<string, number[]>();
  const counties = new Map<string, Entity>();
  let length = 0;
  let added = 0;
  let index: SearchIndex | null = null;
  // The places' own words as the build folded them (with these tables; without them the query is
  // not folded either): then only the shared words' posting lists are built here.
  const given = tables ? words : null;
  const post = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };

  const add = (f: PlanFeature, i: number) => {
    const segment = given ? '' : placeSearchText(folder, f);
    if (!given) {
      parts.push(segment);
      length += segment.length;
      starts.push(length);
    }
    added++;
    for (const id of f.industryRollup) post(industryPlaces, id, i);
    for (const code of f.prefecture) post(regionPlaces, code, i);
    if (f.county_name || f.county) {
      const key = `county:${f.county ?? f.county_name}`;
      if (!counties.has(key)) counties.set(key, { key, text: entityText(folder, [f.county_name, f.county_name_en]) });
      post(regionPlaces, key, i);
    }
  };

  const step = () => {
    const i = added;
    const f = dataset.features[i];
    if (!f) return false;
    add(f, i);
    return true;
  };

  return {
    step,
    finish: () => {
      if (index) return index;
      while (step());
      const prefectures = [...new Set(dataset.features.flatMap((f) => f.prefecture))].flatMap((code) => {
        const r = dataset.regionByCode.get(code);
        return r ? [{ key: code, text: entityText(folder, [r.name_zh, r.name_zh_hant, r.name_en]) }] : [];
      });
      index = {
        dataset,
        folder,
        terms: makeTermTable(folder, tables),
        ids: dataset.features.map((f) => f.id),
        text: given ? given.text : parts.join(''),
        starts: given ? Uint32Array.from(given.starts) : Uint32Array.from(starts),
        industries: dataset.industries.map((ind) => ({
          key: ind.id,
          text: entityText(folder, industryNames(ind), ind.pinyin),
        })),
        industryPlaces,
        regions: [...prefectures, ...counties.values()],
        regionPlaces,
        vocabulary: null,
      };
      parts.length = 0;
      return index;
    },
  };
}

export function buildSearchIndex(
  dataset: Dataset,
  tables: SearchTables | null,
  words: { text: string; starts: number[] } | null = null,
): SearchIndex {
  return createIndexBuilder(dataset, tables, words).finish();
}

/** What one query matched: per place its score, and the words and industries that matched. */
export interface QueryMatch {
  query: string;
  folder: Folder;
  /** The words, each with the spellings that were searched (after typo corrections and splits). */
  words: QueryWord[];
  /** Industries whose names or synonyms a word matched. */
  industries: Set<string>;
  /** Each place's score by its index in the dataset's features (0: not matched). */
  best: Uint8Array;
  /** The indices of the places it matched, ascending: what follows a search costs what it matched. */
  hits: Uint32Array;
  /** How many places matched. */
  count: number;
}

/** The indices of the places `best` scores, ascending (one pass over every place: for rarer paths). */
const hitsOf = (best: Uint8Array): Uint32Array => {
  let n = 0;
  for (let i = 0; i < best.length; i++) if (best[i]) n++;
  const hits = new Uint32Array(n);
  for (let i = 0, j = 0; i < best.length; i++) if (best[i]) hits[j++] = i;
  return hits;
};

const entityHits = (entities: readonly Entity[], word: QueryWord) =>
  entities.filter((e) => {
    word.pattern.lastIndex = 0;
    return word.pattern.test(e.text);
  });

/** Best score per place for one word (0: no match), the places it matched, and the industries. */
function scoreWord(
  ix: SearchIndex,
  word: QueryWord,
): { best: Uint8Array; hits: Uint32Array; industries: string[]; any: boolean } {
  const { text, starts } = ix;
  const n = starts.length - 1;
  const best = new Uint8Array(n);
  // Each place once, as its first score is set: the scan finds them in ascending order.
  const found: number[] = [];
  let any = false;
  const re = word.pattern;
  const atStart = new RegExp(re.source, 'y');
  re.lastIndex = 0;
  let place = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const p = m.index;
    while (starts[place + 1] <= p) place++;
    const end = starts[place + 1];
    let k = p - 1;
    while (k > 0 && text.charCodeAt(k) > 4) k--;
    const marker = text[k];
    let score: number = marker === NAME ? SCORE.name : marker === ALIAS ? SCORE.alias : marker === INITIALS ? SCORE.initials : SCORE.wording;
    if (marker === NAME) {
      // Does one of the place's names start with the word?
      for (let at = k; at >= 0 && at < end && text[at] === NAME; at = text.indexOf(NAME, at + 1)) {
        atStart.lastIndex = at + 1;
        if (atStart.test(text)) {
          score = SCORE.namePrefix;
          break;
        }
        if (at + 1 >= end) break;
      }
    }
    best[place] = score;
    found.push(place);
    any = true;
    // The first match in a place is in its best field: go on to the next place.
    re.lastIndex = end;
  }
  const scanned = found.length;
  const raise = (places: number[] | undefined, score: number) => {
    for (const i of places ?? []) {
      any = true;
      if (!best[i]) found.push(i);
      if (best[i] < score) best[i] = score;
    }
  };
  for (const r of entityHits(ix.regions, word)) raise(ix.regionPlaces.get(r.key), SCORE.region);
  const industries = entityHits(ix.industries, word).map((e) => e.key);
  for (const id of industries) raise(ix.industryPlaces.get(id), SCORE.industry);
  const hits = Uint32Array.from(found);
  // Places of a region or an industry come in their lists' order, after the scan's.
  if (found.length > scanned) hits.sort();
  return { best, hits, industries, any };
}

/** Whether a prefecture's or county's name starts with `text` (厦门 of 厦门市). */
const isPlaceWord = (ix: SearchIndex, text: string) => ix.regions.some((r) => r.text.includes(NAME + text));

/** The index's distinct Latin words of 4 letters or more, by first letter (built on first need). */
function vocabularyOf(ix: SearchIndex): Map<string, string[]> {
  if (!ix.vocabulary) {
    const words = new Set<string>();
    // Matched in each text on its own: a joined copy would stay alive through the slices.
    for (const t of [ix.text, ...ix.industries.map((e) => e.text), ...ix.regions.map((e) => e.text)]) {
      for (const w of t.match(/[a-z][a-z0-9]{3,}/g) ?? []) words.add(w);
    }
    ix.vocabulary = new Map();
    for (const w of words) {
      const list = ix.vocabulary.get(w[0]);
      if (list) list.push(w);
      else ix.vocabulary.set(w[0], [w]);
    }
  }
  return ix.vocabulary;
}

interface WordResult {
  words: QueryWord[];
  best: Uint8Array;
  hits: Uint32Array;
  industries: string[];
}

const combine = (
  results: { best: Uint8Array; hits: Uint32Array; industries: string[] }[],
  words: QueryWord[],
): WordResult => {
  // One word: its scores are the answer (a copy would cost a pass over every place).
  if (results.length === 1)
    return { words, best: results[0].best, hits: results[0].hits, industries: results[0].industries };
  // Every word must match: only the places of the word that matched fewest can.
  const fewest = results.reduce((a, b) => (b.hits.length < a.hits.length ? b : a));
  const best = new Uint8Array(results[0].best.length);
  const found: number[] = [];
  for (const i of fewest.hits) {
    let sum = 0;
    for (const r of results) {
      if (!r.best[i]) {
        sum = 0;
        break;
      }
      sum += r.best[i];
    }
    if (!sum) continue;
    best[i] = Math.min(255, sum);
    found.push(i);
  }
  return { words, best, hits: Uint32Array.from(found), industries: results.flatMap((r) => r.industries) };
};

/**
 * One word of the query, with the fall-backs when it matches nothing: a Latin word of 5 letters or
 * more is read as the index's words one edit away (a typo), and Han text typed without a space
 * between a place and an industry (漳州汽车) is read as the two words it splits into.
 */
function matchWord(ix: SearchIndex, word: QueryWord): WordResult | null {
  const direct = scoreWord(ix, word);
  if (direct.any && !word.han) return { words: [word], ...direct };
  if (!direct.any && !word.han && word.text.length >= 5 && /^[a-z]+$/.test(word.text)) {
    // Typos after the first letter: a word's first letter is rarely the one mistyped, and it cuts
    // the words to compare by about twenty.
    const fixes = corrections(word.text, vocabularyOf(ix).get(word.text[0]) ?? []);
    if (fixes.length) {
      const fixed = latinWord(word.text, fixes);
      const r = scoreWord(ix, fixed);
      if (r.any) return { words: [fixed], ...r };
    }
  }
  if (word.han && word.text.length >= 4) {
    // A place word and the rest (厦门软件: 厦门 + 软件) is read both ways, as typed and split; any
    // other split only when the text as typed matches nothing.
    const splits: WordResult[] = direct.any ? [{ words: [word], ...direct }] : [];
    for (let at = 2; at <= word.text.length - 2; at++) {
      const head = word.text.slice(0, at);
      if (direct.any && !isPlaceWord(ix, head)) continue;
      const left = hanWord(head, ix.terms);
      const right = hanWord(word.text.slice(at), ix.terms);
      const l = scoreWord(ix, left);
      if (!l.any) continue;
      const r = scoreWord(ix, right);
      if (!r.any) continue;
      const both = combine([l, r], [left, right]);
      if (both.hits.length) splits.push(both);
    }
    if (splits.length) {
      const best = new Uint8Array(direct.best.length);
      for (const s of splits) for (const i of s.hits) best[i] = Math.max(best[i], s.best[i]);
      return {
        words: splits.flatMap((s) => s.words),
        best,
        hits: hitsOf(best),
        industries: splits.flatMap((s) => s.industries),
      };
    }
  }
  if (direct.any) return { words: [word], ...direct };
  return null;
}

// The last two answers per index: the list asks for the query it shows, which lags one render
// behind the query the map and counts ask for while someone types.
const lastMatches = new WeakMap<SearchIndex, QueryMatch[]>();

/** What `query` matches; null when it has no words. */
export function matchQuery(ix: SearchIndex, query: string): QueryMatch | null {
  const recent = lastMatches.get(ix) ?? [];
  const cached = recent.find((m) => m.query === query);
  if (cached) return cached;
  const words = queryWords(ix.folder, ix.terms, query);
  if (words.length === 0) return null;
  const results: WordResult[] = [];
  for (const w of words) {
    const r = matchWord(ix, w);
    if (!r) {
      results.length = 0;
      break;
    }
    results.push(r);
  }
  const match: QueryMatch = {
    query,
    folder: ix.folder,
    words,
    industries: new Set(),
    best: new Uint8Array(ix.ids.length),
    hits: new Uint32Array(0),
    count: 0,
  };
  if (results.length) {
    const all = combine(results, results.flatMap((r) => r.words));
    match.words = all.words;
    match.industries = new Set(all.industries);
    match.best = all.best;
    match.hits = all.hits;
    match.count = all.hits.length;
  }
  lastMatches.set(ix, [match, ...recent.slice(0, 1)]);
  return match;
}

/** Scores each matching place (higher first: a name starting with the words > a name > …); null for no words. */
export function searchScores(ix: SearchIndex, query: string): Map<string, number> | null {
  const match = matchQuery(ix, query);
  if (!match) return null;
  const scores = new Map<string, number>();
  for (const i of match.hits) scores.set(ix.ids[i], match.best[i]);
  return scores;
}

/** The ids of the places a match scored, in the dataset's order. */
export function matchedIds(ix: SearchIndex, match: QueryMatch): string[] {
  const ids = new Array<string>(match.hits.length);
  for (let j = 0; j < ids.length; j++) ids[j] = ix.ids[match.hits[j]];
  return ids;
}

/** Whether a query has any words to search for. */
export function hasQueryWords(query: string): boolean {
  return /[\p{L}\p{N}]/u.test(query);
}
