// Folding: the one spelling search compares. Applied alike to the index and to what a person types,
// so that every spelling of a query (简体, 繁體, 台/臺, full-width, upper case, ü or u) reads the same.
//
// Folding works character by character (one UTF-16 unit to one, for Han characters), so a folded
// substring is the fold of the substring: what matters for substring search over text without
// word boundaries, and for highlighting (positions carry over).

/** data/search-terms.json as the build writes it (scripts/lib/search-terms.ts). */
export interface SearchTables {
  /** (from, to) character pairs, concatenated: Traditional and variant characters to Simplified. */
  fold: string;
  /** Taiwan terms, and the mainland term a query containing one is also searched with. */
  terms: { cn: string; tw: string[] }[];
}

export interface Folder {
  /** Folds one code unit of Han text (identity where the table has nothing). */
  char: (c: string) => string;
  /** Folds a whole text: see `foldText`. */
  text: (text: string) => string;
}

// Printable ASCII and the CJK Unified Ideographs are unchanged by NFKC, and they are nearly all of
// the data: only other text needs normalize().
const NFKC_STABLE = /^[ -~\u4e00-\u9fff]*$/;
const LATIN_MARKS = /[\u00c0-\u024f]/;
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const SPACE_BESIDE_HAN = / (?=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])|(?<=[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]) /g;

/** Lower case, compatibility forms (full-width) to plain ones, Latin accents dropped (ü → u). */
export function plainForm(text: string): string {
  let s = NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
  s = s.toLowerCase();
  if (LATIN_MARKS.test(s)) s = s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return s;
}

// Text made only of printable ASCII, CJK Unified Ideographs (and Extension A), and punctuation
// that is a separator however it is normalized: folded in one pass over its code units. Anything
// else (full-width letters, accents, compatibility ideographs) takes the general path.
const FAST = /^[\x20-\x7e\u00b7\u2010-\u2027\u3000-\u3003\u3008-\u3011\u3014-\u301f\u3400-\u4dbf\u4e00-\u9fff\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65]*$/;
const isHanCode = (c: number) => (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);

export function makeFolder(tables: SearchTables | null): Folder {
  const map = new Map<string, string>();
  const table = new Uint16Array(0x10000);
  const pairs = tables?.fold ?? '';
  for (let i = 0; i + 1 < pairs.length; i += 2) {
    map.set(pairs[i], pairs[i + 1]);
    table[pairs.charCodeAt(i)] = pairs.charCodeAt(i + 1);
  }
  // One character class of every folded character: replace() then touches only those.
  const keys = [...map.keys()].join('').replace(/[\\\]^-]/g, '\\$&');
  const foldable = keys ? new RegExp(`[${keys}]`, 'g') : null;
  const char = (c: string) => map.get(c) ?? c;

  const general = (text: string) => {
    let s = plainForm(text);
    if (foldable) s = s.replace(foldable, char);
    // Runs of anything but letters and digits become one space between Latin words and vanish
    // beside Han characters: 汽车、零部件 reads 汽车零部件, "Gu Lei" reads "gu lei".
    return s.replace(SEPARATORS, ' ').replace(SPACE_BESIDE_HAN, '').trim();
  };

  // The same result as `general` for FAST text, without regular expressions or normalization.
  const fast = (text: string) => {
    const out: number[] = [];
    let pending = false;
    let lastHan = false;
    for (let i = 0; i < text.length; i++) {
      let c = text.charCodeAt(i);
      let han = false;
      if (c >= 0x41 && c <= 0x5a) c += 0x20;
      if (isHanCode(c)) {
        han = true;
        c = table[c] || c;
      } else if (!((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39))) {
        pending = true;
        continue;
      }
      if (pending && out.length && !han && !lastHan) out.push(0x20);
      pending = false;
      lastHan = han;
      out.push(c);
    }
    let s = '';
    for (let i = 0; i < out.length; i += 4096) s += String.fromCharCode(...out.slice(i, i + 4096));
    return s;
  };

  return { char, text: (text) => (FAST.test(text) ? fast(text) : general(text)) };
}

/**
 * A display text folded as `Folder.text` folds it, with, for each folded unit, the index of the
 * original unit it came from: to find a folded match in what the row shows.
 */
export function foldWithPositions(folder: Folder, text: string): { folded: string; from: number[] } {
  const units: string[] = [];
  const from: number[] = [];
  let pendingSpace = -1;
  for (let i = 0; i < text.length; i++) {
    const plain = plainForm(text[i]);
    for (const u of plain) {
      const c = folder.char(u);
      if (/[\p{L}\p{N}]/u.test(c)) {
        if (pendingSpace >= 0 && units.length && !HAN.test(units[units.length - 1]) && !HAN.test(c)) {
          units.push(' ');
          from.push(pendingSpace);
        }
        pendingSpace = -1;
        units.push(c);
        from.push(i);
      } else if (pendingSpace < 0) pendingSpace = i;
    }
  }
  return { folded: units.join(''), from };
}
