// What a query's words mean: each word becomes one pattern that matches every spelling of it in
// folded text (fold.ts). Han words match anywhere (Chinese has no word boundaries) and also with a
// Taiwan term replaced by the mainland one; Latin words match at the start of a word, a short one
// (3 letters or fewer: car, IC) only as the whole word, with or without a plural ending.
import { HAN, plainForm, type Folder, type SearchTables } from './fold.ts';

export interface QueryWord {
  /** The word, folded. */
  text: string;
  han: boolean;
  /** The folded strings searched for (the word, its mainland form, its singular, …). */
  alternatives: string[];
  /** Matches any alternative in folded text (global: callers reset lastIndex). */
  pattern: RegExp;
}

export interface TermTable {
  /** Folded Taiwan term → folded mainland terms. */
  mainland: Map<string, string[]>;
}

export function makeTermTable(folder: Folder, tables: SearchTables | null): TermTable {
  const mainland = new Map<string, string[]>();
  for (const { cn, tw } of tables?.terms ?? []) {
    const to = folder.text(cn);
    for (const t of tw) {
      const from = folder.text(t);
      if (!from || from === to) continue;
      mainland.set(from, [...(mainland.get(from) ?? []), to]);
    }
  }
  return { mainland };
}

// Words that join others in an English query and are not searched for themselves.
const STOP_WORDS = new Set(['and', 'of', 'the', 'in', 'for', 'with', 'or', 'to']);
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
const MAX_ALTERNATIVES = 16;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** English singular: batteries → battery, boxes → box, chips → chip, ICs → ic (bus stays bus). */
export function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (/(ss|x|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.length > 2 && word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * The pattern for one Latin spelling after its first letter, from the start of a word. Pinyin is
 * written a syllable at a time (gu lei), so a space may fall between any two letters, but then the
 * match must end where a word ends: gulei ~ "gu lei", while chip does not match "chi pian".
 */
function latinRest(word: string, wholeWord: boolean): string {
  const end = '(?:e?s)?(?![a-z0-9])';
  const letters = [...word.slice(1)].map(escape);
  const joined = `${letters.join('')}${wholeWord ? end : ''}`;
  return letters.length === 0 ? joined : `${joined}| ?${letters.join(' ?')}${end}`;
}

/**
 * One pattern for several spellings, each group led by its first letter as a literal: the regular
 * expression engine then skips ahead to that letter (about ten times faster than a pattern that
 * starts with a look-behind), and checks the word start behind it.
 */
function latinPattern(spellings: { word: string; whole: boolean }[], initials: string | null): RegExp {
  const groups = new Map<string, string[]>();
  for (const { word, whole } of spellings) {
    const first = escape(word[0]);
    groups.set(first, [...(groups.get(first) ?? []), latinRest(word, whole)]);
  }
  const parts = [...groups].map(([first, rests]) => {
    const ini = initials && escape(initials[0]) === first ? `|(?<=\u0002${first})${initials.slice(1)}` : '';
    return `${first}(?:(?<![a-z0-9]${first})(?:${rests.join('|')})${ini})`;
  });
  if (initials && !groups.has(initials[0])) parts.push(`${initials[0]}(?<=\u0002${initials[0]})${initials.slice(1)}`);
  return new RegExp(parts.join('|'), 'g');
}

/**
 * Latin spellings of a word: as typed (from the start of a word; whole words only when short), and
 * its singular as a whole word (ships: ship or ships, not shipping).
 */
export function latinWord(text: string, spellings?: string[]): QueryWord {
  const parts: { word: string; whole: boolean }[] = [];
  let alternatives: string[];
  if (spellings) {
    // Corrections of a typo: words of the index, whole.
    alternatives = [...new Set(spellings)];
    parts.push(...alternatives.map((word) => ({ word, whole: true })));
  } else {
    const one = singular(text);
    alternatives = one === text ? [text] : [text, one];
    parts.push({ word: text, whole: text.length <= 3 });
    if (one !== text) parts.push({ word: one, whole: true });
  }
  // Pinyin initials (xm for 厦门…) only from the start of a name's initials.
  const initials = /^[a-z]{2,}$/.test(text) ? text : null;
  return { text, han: false, alternatives, pattern: latinPattern(parts, initials) };
}

/** A Han word and its spellings with each Taiwan term it contains read as the mainland term. */
export function hanWord(text: string, terms: TermTable): QueryWord {
  let alternatives = [text];
  for (const [from, tos] of terms.mainland) {
    if (!text.includes(from)) continue;
    for (const s of alternatives.slice()) {
      for (const to of tos) {
        if (alternatives.length < MAX_ALTERNATIVES && s.includes(from)) alternatives.push(s.split(from).join(to));
      }
    }
  }
  alternatives = [...new Set(alternatives)];
  return { text, han: true, alternatives, pattern: new RegExp(alternatives.map(escape).join('|'), 'g') };
}

/** The words of a query, folded: split at spaces and punctuation, and where Han meets Latin. */
export function queryWords(folder: Folder, terms: TermTable, query: string): QueryWord[] {
  const words: QueryWord[] = [];
  const seen = new Set<string>();
  // Split where the person put a space or punctuation first: folding joins Han text across them.
  for (const part of plainForm(query).split(/[^\p{L}\p{N}]+/u)) {
    for (const run of folder.text(part).match(HAN_RUN) ?? []) {
      if (seen.has(run)) continue;
      seen.add(run);
      if (HAN.test(run)) words.push(hanWord(run, terms));
      else if (!STOP_WORDS.has(run)) words.push(latinWord(run));
    }
  }
  return words;
}

/**
 * Whether `a` is within one edit (a letter changed, added, dropped, or two neighbours swapped) of
 * the first `bLength` letters of `b`. Compares code units in place: it runs over the whole
 * vocabulary at every keystroke of a typo.
 */
export function withinOneEdit(a: string, b: string, bLength = b.length): boolean {
  const al = a.length;
  const bl = bLength;
  if (al - bl > 1 || bl - al > 1) return false;
  let i = 0;
  while (i < al && i < bl && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === al || i === bl) return true;
  const same = (x: number, y: number) => {
    if (al - x !== bl - y) return false;
    for (; x < al; x++, y++) if (a.charCodeAt(x) !== b.charCodeAt(y)) return false;
    return true;
  };
  return (
    same(i + 1, i + 1) || // changed
    same(i + 1, i) || // a has one more
    same(i, i + 1) || // b has one more
    (a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i) && same(i + 2, i + 2)) // swapped
  );
}

/** Words of `vocabulary` one edit from `word` (whole, or as the start of a longer word). */
export function corrections(word: string, vocabulary: readonly string[], limit = 24): string[] {
  const out: string[] = [];
  for (const v of vocabulary) {
    if (v.length < word.length - 1) continue;
    if (withinOneEdit(word, v) || (v.length > word.length && withinOneEdit(word, v, word.length))) {
      out.push(v);
      if (out.length >= limit) break;
    }
  }
  return out;
}
