// The search's parts: folding, word patterns, the committed tables, highlighting and why a row matched.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { buildSearchTerms } from '../../scripts/lib/search-terms.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';
import { foldWithPositions, makeFolder } from '../../src/data/search/fold.ts';
import { highlight, matchedIndustries } from '../../src/data/search/highlight.ts';
import { buildSearchIndex, matchQuery, searchScores, type SearchTables } from '../../src/data/search/index.ts';
import { latinWord, singular, withinOneEdit } from '../../src/data/search/terms.ts';
import { readJson as read, realDataset } from '../support/dataset.ts';

const tables = read('data/search-terms.json') as SearchTables;
const folder = makeFolder(tables);
const dataset = realDataset();
const index = buildSearchIndex(dataset, tables);
const ids = (q: string) => [...(searchScores(index, q)?.keys() ?? [])].sort();

test('data/search-terms.json is what `npm run data` builds from sources/search-terms.yaml and OpenCC', () => {
  const built = buildSearchTerms(parse(readFileSync('sources/search-terms.yaml', 'utf8')));
  expect(built.errors).toEqual([]);
  expect(formatJson(built.out)).toBe(readFileSync('data/search-terms.json', 'utf8'));
});

describe('folding', () => {
  test('reads Traditional and variant characters as Simplified', () => {
    expect(folder.text('臺灣 台灣 台湾')).toBe('台湾台湾台湾');
    expect(folder.text('裏裡里')).toBe('里里里');
    expect(folder.text('著着')).toBe(folder.text('着着'));
    expect(folder.text('汽車及零部件')).toBe('汽车及零部件');
    expect(folder.text('ＧＵＬＥＩ  Gǔ-Léi')).toBe('gulei gu lei');
  });

  test('folds Han text a character at a time: the fold of a concatenation is the concatenation of folds', () => {
    const han = fc.string({ unit: fc.integer({ min: 0x4e00, max: 0x9fff }).map((c) => String.fromCharCode(c)) });
    fc.assert(fc.property(han, han, (a, b) => folder.text(a + b) === folder.text(a) + folder.text(b)));
  });

  test('the one-pass path for plain text gives what the definition gives', () => {
    const pairs = new Map<string, string>();
    for (let i = 0; i < tables.fold.length; i += 2) pairs.set(tables.fold[i], tables.fold[i + 1]);
    // The definition: NFKC, lower case, no accents, characters folded, separators as in fold.ts.
    const defined = (t: string) =>
      [
        ...t
          .normalize('NFKC')
          .toLowerCase()
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, ''),
      ]
        .map((c) => pairs.get(c) ?? c)
        .join('')
        .replace(/[^\p{L}\p{N}]+/gu, ' ')
        .replace(/ (?=\p{Script=Han})|(?<=\p{Script=Han}) /gu, '')
        .trim();
    const unit = fc.constantFrom(...'aZ9 -,.·—、，。（）《》！臺台灣湾裏裡著着汽車车Ｇé①﨑'.split(''));
    fc.assert(fc.property(fc.string({ unit, maxLength: 12 }), (t) => folder.text(t) === defined(t)));
  });

  test('keeps, for a display text, where each folded unit came from', () => {
    const text = 'Gulei (臺灣) Park, Fu Zhou';
    const { folded, from } = foldWithPositions(folder, text);
    expect(folded).toBe(folder.text(text));
    expect(folded).toBe('gulei台湾park fu zhou');
    expect(from[folded.indexOf('台')]).toBe(7);
    expect(from[folded.indexOf('park')]).toBe(11);
    expect(from[folded.indexOf('zhou')]).toBe(text.indexOf('Zhou'));
  });
});

describe('Latin words', () => {
  const matches = (word: string, text: string) => {
    const w = latinWord(word);
    w.pattern.lastIndex = 0;
    return w.pattern.test(folder.text(text));
  };
  test('short words match whole words only', () => {
    expect(matches('car', 'car parts')).toBe(true);
    expect(matches('car', 'cars')).toBe(true);
    expect(matches('car', 'low carbon')).toBe(false);
    expect(matches('ic', 'IC design')).toBe(true);
    expect(matches('ic', 'Pacific')).toBe(false);
  });
  test('longer words match the start of a word, and pinyin across syllables', () => {
    expect(matches('electr', 'Consumer electronics')).toBe(true);
    expect(matches('tronics', 'electronics')).toBe(false);
    expect(matches('gulei', 'zhang zhou gu lei')).toBe(true);
    expect(matches('chip', 'long chi pian qu')).toBe(false);
  });
  test('plurals', () => {
    expect(singular('batteries')).toBe('battery');
    expect(singular('ships')).toBe('ship');
    expect(singular('bus')).toBe('bus');
    expect(matches('ships', 'ship repair')).toBe(true);
    expect(matches('ships', 'shipping')).toBe(false);
  });
  test('one edit', () => {
    expect(withinOneEdit('electornics', 'electronics')).toBe(true);
    expect(withinOneEdit('logistcs', 'logistics')).toBe(true);
    expect(withinOneEdit('softwear', 'software')).toBe(false);
  });
});

describe('queries over the real data', () => {
  test('several words mean AND across fields', () => {
    const zhangzhou = ids('漳州');
    const auto = ids('汽車');
    expect(ids('漳州 汽車')).toEqual(zhangzhou.filter((id) => auto.includes(id)));
    expect(ids('漳州 汽車').length).toBeGreaterThan(0);
  });
  test('a Taiwan term finds what the mainland term finds', () => {
    for (const [tw, cn] of [
      ['軟體', '软件'],
      ['積體電路', '集成电路'],
    ]) {
      for (const id of ids(cn)) expect(ids(tw)).toContain(id);
    }
  });
  test('a name that starts with the query ranks first', () => {
    const scores = searchScores(index, 'gulei')!;
    const best = Math.max(...scores.values());
    expect(scores.get('gulei-taiwan-petrochemical-park')).toBe(best);
  });
});

describe('why a row matched', () => {
  test('marks the matched words in the text shown, in any script', () => {
    const match = matchQuery(index, '臺灣 石化');
    const segments = highlight(match, '古雷台湾石化工业园');
    expect(segments.filter((s) => s.marked).map((s) => s.text)).toEqual(['台湾石化']);
    expect(
      highlight(matchQuery(index, 'car'), 'Low-carbon cars')
        .filter((s) => s.marked)
        .map((s) => s.text),
    ).toEqual(['cars']);
  });
  test('names the industries the query matched, also beyond the first few', () => {
    const longyan = dataset.byId.get('longyan')!;
    const matched = matchedIndustries(dataset, longyan, matchQuery(index, '汽車'));
    expect(matched).toContain('auto-parts');
    expect(longyan.industries.indexOf('auto-parts')).toBeGreaterThanOrEqual(3);
    expect(matched.every((id) => longyan.industries.includes(id))).toBe(true);
  });
});
