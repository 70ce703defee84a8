// The coverage report: every sentence of every document that names a place the dataset knows together
// with an industry term must be cited by a feature or reviewed in sources/coverage-reviewed.yaml with a
// reason. Pure: the caller passes texts, features, taxonomy and the reviewed list.
import type { FeatureCollection, Geometry } from 'geojson';
import { z } from 'zod';
import type { FeaturePropertiesT, IndustriesOutT } from './schema.ts';

export const ReviewedFile = z.array(
  z.strictObject({
    doc: z.string().regex(/^\d{3}_[0-9a-f]{16}$/),
    sentence: z.string().min(4, 'the sentence, or a prefix of it that tells it apart'),
    reason: z.string().min(3),
  }),
);
export type ReviewedT = z.infer<typeof ReviewedFile>;

export interface Sentence {
  doc: string;
  start: number;
  end: number;
  text: string;
}

export interface Candidate extends Sentence {
  places: string[];
  terms: string[];
  status: 'cited' | 'reviewed' | 'open';
}

export interface CoverageCounts {
  candidates: number;
  cited: number;
  reviewed: number;
  open: number;
}

export interface CoverageReport {
  totals: CoverageCounts;
  documents: Record<string, CoverageCounts>;
}

export interface CoverageInput {
  texts: Record<string, string>;
  /** Part of a document to read (a text printed twice is read once); whole text when absent. */
  scopes: Record<string, { start: number; end: number } | undefined>;
  features: FeatureCollection<Geometry, FeaturePropertiesT>;
  industries: IndustriesOutT;
  /** Names of prefectures and counties of the boundary data (福州市, 漳浦县, …). */
  adminNames: string[];
  reviewed: ReviewedT;
}

export interface CoverageOutput {
  report: CoverageReport;
  candidates: Candidate[];
  /** Open sentences and review entries that match nothing: the check fails on any. */
  errors: string[];
}

const REVIEWED_FILE = 'sources/coverage-reviewed.yaml';

/** Sentences end at 。；！？ and line breaks; the delimiter is not part of the sentence. */
export function splitSentences(doc: string, text: string, scope = { start: 0, end: text.length }): Sentence[] {
  const out: Sentence[] = [];
  const re = /[^。；！？\n]+/g;
  re.lastIndex = scope.start;
  for (let m = re.exec(text); m && m.index < scope.end; m = re.exec(text)) {
    let start = m.index;
    let end = Math.min(m.index + m[0].length, scope.end);
    while (start < end && /\s/.test(text[start])) start++;
    while (end > start && /\s/.test(text[end - 1])) end--;
    if (end > start) out.push({ doc, start, end, text: text.slice(start, end) });
  }
  return out;
}

// Short forms that are ordinary words or other places' parts, never read as a county's name alone.
// 平和 occurs in 水平和, 三元 in 三元催化; neither county is named in the documents.
const AMBIGUOUS_SHORT_NAMES = new Set(['市中', '市南', '市北', '河东', '河口', '平原', '东港', '平和', '三元']);

/** 福州市 → 福州, 漳浦县 → 漳浦 (documents write both); one-character stems are kept whole (沙县). */
export function placeNameForms(name: string): string[] {
  const stem = name.replace(/(市|县|区)$/, '');
  return stem.length >= 2 && stem !== name && !AMBIGUOUS_SHORT_NAMES.has(stem) ? [name, stem] : [name];
}

/** A term matcher: Chinese terms match as substrings; Latin ones (LED, IC) as whole words, case kept. */
function termMatcher(term: string): (text: string) => boolean {
  if (/^[\x20-\x7e]+$/.test(term)) {
    const re = new RegExp(`(?<![A-Za-z])${term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z])`);
    return (text) => re.test(text);
  }
  return (text) => text.includes(term);
}

export function computeCoverage(input: CoverageInput): CoverageOutput {
  const places = new Set<string>();
  for (const f of input.features.features) {
    places.add(f.properties.name_zh);
    for (const a of f.properties.aliases_zh ?? []) places.add(a);
  }
  for (const n of input.adminNames) for (const form of placeNameForms(n)) places.add(form);
  const placeList = [...places].sort();

  const termSet = new Set<string>();
  for (const i of input.industries.industries) {
    for (const t of [i.zh, i.zh_hant, i.en, ...i.synonyms.zh, ...i.synonyms.zh_hant, ...i.synonyms.en]) termSet.add(t);
  }
  // English labels and synonyms only matter where the Chinese text writes them in Latin letters.
  const terms = [...termSet].sort().map((t) => ({ term: t, test: termMatcher(t) }));

  const citations = new Map<string, { start: number; end: number }[]>();
  for (const f of input.features.features)
    for (const s of f.properties.sources) {
      const list = citations.get(s.doc) ?? [];
      list.push({ start: s.start, end: s.end });
      citations.set(s.doc, list);
    }

  const candidates: Candidate[] = [];
  for (const doc of Object.keys(input.texts).sort()) {
    const text = input.texts[doc];
    const cited = citations.get(doc) ?? [];
    for (const s of splitSentences(doc, text, input.scopes[doc])) {
      const named = placeList.filter((p) => s.text.includes(p));
      if (named.length === 0) continue;
      // An industry word inside a name (台商投资区, 石化工业园) is part of the name, not a plan for it.
      let rest = s.text;
      for (const p of [...named].sort((a, b) => b.length - a.length)) rest = rest.split(p).join('\u3000');
      const found = terms.filter((t) => t.test(rest)).map((t) => t.term);
      if (found.length === 0) continue;
      const isCited = cited.some((c) => c.start < s.end && s.start < c.end);
      candidates.push({ ...s, places: named, terms: found, status: isCited ? 'cited' : 'open' });
    }
  }

  const errors: string[] = [];
  input.reviewed.forEach((r, i) => {
    const where = `${REVIEWED_FILE}: [${i}] (${r.doc}, «${r.sentence.slice(0, 20)}»)`;
    const matches = candidates.filter((c) => c.doc === r.doc && c.text.startsWith(r.sentence));
    const open = matches.filter((c) => c.status !== 'cited');
    if (matches.length === 0) {
      errors.push(`${where}: matches no sentence that names a place and an industry; remove it`);
    } else if (open.length === 0) {
      errors.push(`${where}: the sentence is cited by a feature now; remove the review`);
    } else if (new Set(open.map((c) => c.text)).size > 1) {
      errors.push(`${where}: the prefix matches ${open.length} different sentences; quote more of it`);
    } else for (const c of open) c.status = 'reviewed';
  });
  for (const c of candidates.filter((x) => x.status === 'open')) {
    errors.push(
      `${c.doc} [${c.start}, ${c.end}): names ${c.places.join('、')} with ${c.terms.slice(0, 4).join('、')} but no feature cites it and ${REVIEWED_FILE} does not review it: «${c.text}»`,
    );
  }

  const count = (list: Candidate[]): CoverageCounts => ({
    candidates: list.length,
    cited: list.filter((c) => c.status === 'cited').length,
    reviewed: list.filter((c) => c.status === 'reviewed').length,
    open: list.filter((c) => c.status === 'open').length,
  });
  const documents: Record<string, CoverageCounts> = {};
  for (const doc of Object.keys(input.texts).sort()) documents[doc] = count(candidates.filter((c) => c.doc === doc));
  return { report: { totals: count(candidates), documents }, candidates, errors };
}
