// The indexed filter path (facetCounts, allFacetCounts, selectPlaces) gives exactly what the plain
// definitions give, on the real dataset and on a synthetic one of the benchmark.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { generate, rng } from '../../bench/generate.ts';
import { placesTable } from '../../scripts/lib/plan-split.ts';
import { datasetFrom } from '../../src/data/load-dataset.ts';
import {
  allFacetCounts,
  EMPTY_FILTERS,
  facetCounts,
  FILTER_KEYS,
  matchesFilters,
  prepareFilterIndex,
  pairCountSteps,
  selectPlaces,
  warmFilterPath,
  type FilterKey,
  type Filters,
} from '../../src/data/query.ts';
import { plainForm } from '../../src/data/search/fold.ts';
import { buildSearchIndex, matchQuery, searchScores, type SearchTables } from '../../src/data/search/index.ts';
import type { Dataset, DocumentMeta, Industry, IndustryGroup, PlanFeature, Region } from '../../src/data/types.ts';
import { KIND_ORDER } from '../../src/data/types.ts';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const load = (table: unknown) =>
  datasetFrom(
    table,
    read('data/industries.json') as { groups: IndustryGroup[]; industries: Industry[] },
    read('data/regions.json') as Region[],
    read('seeds/manifest.json') as DocumentMeta[],
  );

// The definitions as they were before the index: a scan per call, a full sort per selection.
function plainFacetCounts(features: PlanFeature[], filters: Filters, key: FilterKey): Map<string, number> {
  const counts = new Map<string, number>();
  for (const f of features) {
    if (!matchesFilters(f, filters, key)) continue;
    const values =
      key === 'industries' ? f.industryRollup : key === 'kinds' ? [f.kind] : key === 'docs' ? f.docs : f.prefecture;
    for (const v of new Set(values)) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return counts;
}
const kindRank = new Map(KIND_ORDER.map((k, i) => [k, i]));
const codeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
// Pinyin as the list sorts it: lower case, no tone marks or diaeresis.
const plainKey = (pinyin: string) =>
  [...pinyin.toLowerCase().normalize('NFD')].filter((c) => !/\p{M}/u.test(c)).join('');
function plainSelect(dataset: Dataset, filters: Filters, scores: Map<string, number> | null): PlanFeature[] {
  const out = dataset.features.filter((f) => matchesFilters(f, filters) && (!scores || scores.has(f.id)));
  return out.sort(
    (a, b) =>
      (scores ? (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) : 0) ||
      codeUnits(a.province, b.province) ||
      (kindRank.get(a.kind) ?? 99) - (kindRank.get(b.kind) ?? 99) ||
      codeUnits(plainKey(a.name_pinyin), plainKey(b.name_pinyin)) ||
      codeUnits(a.name_pinyin, b.name_pinyin),
  );
}

// Plain text for search as defined: NFKC on every string, lower case, Latin accents dropped.
const plainNormalize = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC');
const tables = read('data/search-terms.json') as SearchTables;

test('plainForm skips NFKC only where it changes nothing', () => {
  const samples = [
    'Gu Lei',
    'ＬＥＤ',
    '石化',
    '﨑',
    '㈱',
    'Cafe',
    'ﬁber',
    '①号',
    'gu lei',
    'lu you',
    '（综合）',
    '\t tab',
    '丽', // U+4E3D, stable
    '麗', // U+9E97, stable; its compatibility twin (U+F9AD) is not
    '\uF9AD',
  ];
  for (const s of samples) expect(plainForm(s)).toBe(plainNormalize(s));
  // Accented Latin loses its accents whichever way it is composed.
  expect(plainForm('gǔ léi lǜ')).toBe('gu lei lu');
  expect(plainForm('Cafe\u0301')).toBe('cafe');
});

/** Random filter combinations over the values present (and one value no place has). */
function randomFilters(dataset: Dataset, seed: number, count: number): Filters[] {
  const r = rng(seed);
  const pool: Record<FilterKey, string[]> = {
    industries: [...dataset.industryById.keys(), 'no-such-industry'],
    kinds: [...KIND_ORDER],
    docs: [...dataset.documentById.keys()],
    prefectures: [...new Set(dataset.features.flatMap((f) => f.prefecture)), '999900'],
  };
  const out: Filters[] = [EMPTY_FILTERS];
  for (let i = 0; i < count; i++) {
    const f = { ...EMPTY_FILTERS } as Filters;
    for (const k of FILTER_KEYS) {
      const n = r.weighted([
        [0, 5],
        [1, 3],
        [2, 2],
        [3, 1],
      ] as const);
      (f[k] as string[]) = Array.from({ length: n }, () => r.pick(pool[k]));
    }
    out.push(f);
  }
  return out;
}

const datasets: [string, () => Dataset][] = [
  ['the real dataset', () => load(read('data/places.json'))],
  // Through the same build step as the real data: the app reads the attribute table.
  ['a synthetic dataset of 2,000 places', () => load(placesTable(generate(2000, 7), tables).table)],
];

describe.each(datasets)('the filter index on %s', (_, make) => {
  const dataset = make();
  const combos = randomFilters(dataset, 11, 60);

  test('facet counts equal a plain scan, values in the same order', () => {
    expect(dataset.problems).toEqual([]);
    for (const filters of combos) {
      const all = allFacetCounts(dataset.features, filters);
      for (const key of FILTER_KEYS) {
        const plain = [...plainFacetCounts(dataset.features, filters, key)];
        expect([...facetCounts(dataset.features, filters, key)]).toEqual(plain);
        expect([...all[key]]).toEqual(plain);
      }
    }
  });

  test("the table's list codes index the places as their own lists do", () => {
    // A copy of the array has no list codes shared with it: its index is built from the lists.
    const copy = [...dataset.features];
    for (const filters of combos)
      for (const key of FILTER_KEYS)
        expect([...facetCounts(copy, filters, key)]).toEqual([...facetCounts(dataset.features, filters, key)]);
  });

  test('the selection equals filter-then-sort, with and without a search', () => {
    const index = buildSearchIndex(dataset, tables);
    const queries = ['', '区', '港', 'fu', '石化', 'gang', 'kaifa', '厦门 港', '漳州汽车', 'xiamen port'];
    for (const [i, filters] of combos.entries()) {
      const query = queries[i % queries.length];
      const scores = searchScores(index, query);
      const ids = (xs: PlanFeature[]) => xs.map((f) => f.id);
      const match = matchQuery(index, query);
      const expected = ids(plainSelect(dataset, filters, scores));
      expect(ids(selectPlaces(dataset, filters, match))).toEqual(expected);
      if (match) expect([...match.hits]).toEqual([...match.best.keys()].filter((i) => match.best[i] > 0));
    }
  });

  test('with one filter on, the other filters count the places it selects (from its posting lists) as a plain scan does', () => {
    // A prepared index (the list order known), whose unfiltered counts are kept: the usual toggle.
    const places = [...dataset.features];
    prepareFilterIndex({ ...dataset, features: places });
    allFacetCounts(places, EMPTY_FILTERS);
    let checked = 0;
    for (const key of FILTER_KEYS) {
      const values = [...plainFacetCounts(places, EMPTY_FILTERS, key).keys()];
      for (const selected of [values.slice(0, 1), values.slice(1, 3), values.slice(-1)]) {
        if (!selected.length) continue;
        const filters = { ...EMPTY_FILTERS, [key]: selected };
        const all = allFacetCounts(places, filters);
        for (const other of FILTER_KEYS) expect([...all[other]]).toEqual([...plainFacetCounts(places, filters, other)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  test("with the filters' co-occurrence tables built, one value of one filter counts the others as a plain scan does, in its order", () => {
    const places = [...dataset.features];
    const prepared = { ...dataset, features: places };
    prepareFilterIndex(prepared);
    for (const step of pairCountSteps(prepared)) step();
    let checked = 0;
    for (const key of FILTER_KEYS) {
      const values = [...plainFacetCounts(places, EMPTY_FILTERS, key).keys()];
      const some = [...new Set([values[0], values[1], values[Math.floor(values.length / 2)], values.at(-1)])];
      for (const value of [...some.filter((v) => v !== undefined), 'no-such-value']) {
        const filters = { ...EMPTY_FILTERS, [key]: [value] };
        const all = allFacetCounts(places, filters);
        for (const other of FILTER_KEYS) expect([...all[other]]).toEqual([...plainFacetCounts(places, filters, other)]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(12);
  });

  test('the filter index prepared ahead (idle time after the first view) selects and counts as one built by the clicks', () => {
    // Two copies of the places: each its own index, one prepared before any selection.
    const ahead = { ...dataset, features: [...dataset.features] };
    const byClicks = { ...dataset, features: [...dataset.features] };
    prepareFilterIndex(ahead);
    // And each filter's path run once ahead (its answers dropped): nothing it leaves behind may
    // change what the clicks get.
    for (const key of FILTER_KEYS) warmFilterPath(ahead, key);
    for (const filters of combos) {
      const ids = (d: Dataset) => selectPlaces(d, filters, null).map((f) => f.id);
      expect(ids(ahead)).toEqual(ids(byClicks));
      for (const key of FILTER_KEYS)
        expect([...facetCounts(ahead.features, filters, key)]).toEqual([
          ...facetCounts(byClicks.features, filters, key),
        ]);
    }
  });
});
