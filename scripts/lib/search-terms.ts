// data/search-terms.json: what search folds and expands, from sources/search-terms.yaml and OpenCC.
//   fold:  pairs of characters (from, to), concatenated: every Traditional or variant character and
//          the Simplified character search reads it as. Derived from OpenCC's own tables (Taiwan with
//          phrases and Hong Kong to mainland), one character at a time, so that folding a string is
//          folding each character: a substring of a folded text is the fold of a substring.
//   terms: Taiwan terms and the mainland term to search for as well (curated, sources/search-terms.yaml).
import * as OpenCC from 'opencc-js';
import { z } from 'zod';

const Term = z.object({ cn: z.string().min(1), tw: z.array(z.string().min(1)).min(1) }).strict();
export const SearchTermsIn = z.object({ terms: z.array(Term) }).strict();
export interface SearchTermsOut {
  fold: string;
  terms: { cn: string; tw: string[] }[];
}

// The CJK Unified Ideographs, their Extension A and the compatibility block: all the Basic
// Multilingual Plane has of Han characters (the documents have nothing outside it).
const HAN_RANGES: [number, number][] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
];

/** Traditional/variant → Simplified, one BMP character to one, resolved to a fixed point. */
export function foldPairs(): [string, string][] {
  const converters = [OpenCC.Converter({ from: 'twp', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  const map = new Map<string, string>();
  for (const [lo, hi] of HAN_RANGES) {
    for (let cp = lo; cp <= hi; cp++) {
      const c = String.fromCharCode(cp);
      for (const convert of converters) {
        const to = convert(c);
        if (to !== c && to.length === 1) {
          map.set(c, to);
          break;
        }
      }
    }
  }
  const resolve = (c: string) => {
    let to = c;
    for (let i = 0; i < 4 && map.has(to); i++) to = map.get(to)!;
    return to;
  };
  return [...map.keys()].flatMap((c): [string, string][] => (resolve(c) === c ? [] : [[c, resolve(c)]]));
}

export function buildSearchTerms(input: unknown): { errors: string[]; out?: SearchTermsOut } {
  const parsed = SearchTermsIn.safeParse(input);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => `sources/search-terms.yaml: ${i.path.join('.')}: ${i.message}`),
    };
  }
  return {
    errors: [],
    out: {
      fold: foldPairs()
        .map(([a, b]) => a + b)
        .join(''),
      terms: parsed.data.terms,
    },
  };
}
