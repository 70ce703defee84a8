// An industry includes its sub-industries: the explorer's filter and the planner's counts at the
// industry level are the union of the places tagged with the industry itself and with any of its
// sub-industries — computed here from the tags alone, not from the roll-up under test.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { datasetFrom } from '../../src/data/load-dataset.ts';
import { EMPTY_FILTERS, facetCounts, matchesFilters } from '../../src/data/query.ts';
import { industryTree, rollupOf } from '../../src/data/taxonomy.ts';
import type { DocumentMeta, Industry, IndustryGroup, Region } from '../../src/data/types.ts';
import { countMatrix } from '../../src/features/planner/analysis.ts';
import { regionColumns } from '../../src/features/planner/columns.ts';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const taxonomy = read('data/industries.json') as { groups: IndustryGroup[]; industries: Industry[] };
const dataset = datasetFrom(
  read('data/places.json'),
  taxonomy,
  read('data/regions.json') as Region[],
  read('seeds/manifest.json') as DocumentMeta[],
);
const parents = taxonomy.industries.filter((i) => taxonomy.industries.some((c) => c.parent === i.id));
/** Places tagged with `id` or any industry below it, from the raw tags. */
const taggedWithin = (id: string): string[] => {
  const within = new Set([id]);
  for (let grew = true; grew;) {
    grew = false;
    for (const i of taxonomy.industries)
      if (i.parent && within.has(i.parent) && !within.has(i.id)) grew = within.add(i.id).size > 0;
  }
  return dataset.features.filter((f) => f.industries.some((t) => within.has(t))).map((f) => f.id);
};

describe('taxonomy roll-up', () => {
  test('the data have sub-industries that places are tagged with', () => {
    expect(parents.length).toBeGreaterThan(3);
    const subTagged = dataset.features.filter((f) =>
      f.industries.some((t) => taxonomy.industries.find((i) => i.id === t)?.parent),
    );
    expect(subTagged.length).toBeGreaterThan(5);
  });

  test.each(parents.map((p) => [p.id]))('filtering %s lists its places and its sub-industries\u2019 places', (id) => {
    const listed = dataset.features.filter((f) => matchesFilters(f, { ...EMPTY_FILTERS, industries: [id] }));
    expect(listed.map((f) => f.id).sort()).toEqual(taggedWithin(id).sort());
    expect(facetCounts(dataset.features, EMPTY_FILTERS, 'industries').get(id) ?? 0).toBe(listed.length);
  });

  test('a matrix row of an industry is the union of its sub-industries\u2019 rows and its own tags', () => {
    const columns = regionColumns(dataset, '350000', false);
    const matrix = countMatrix(dataset, columns, EMPTY_FILTERS);
    for (const p of parents) {
      const children = taxonomy.industries.filter((c) => c.parent === p.id).map((c) => c.id);
      for (const c of columns) {
        const union = new Set([
          ...(matrix.cells.get(`${p.id}|${c.key}`) ?? []),
          ...children.flatMap((ch) => matrix.cells.get(`${ch}|${c.key}`) ?? []),
        ]);
        const own = dataset.features.filter((f) => c.contains(f) && f.industries.includes(p.id)).map((f) => f.id);
        const expected = new Set([...own, ...children.flatMap((ch) => matrix.cells.get(`${ch}|${c.key}`) ?? [])]);
        expect([...(matrix.cells.get(`${p.id}|${c.key}`) ?? [])].sort()).toEqual([...expected].sort());
        expect(union.size).toBe(expected.size);
      }
    }
  });

  test('roll-up adds ancestors in taxonomy order and stops on a broken parent chain', () => {
    const rollup = rollupOf([
      { id: 'a', group: 'g', zh: '', zh_hant: '', en: '', pinyin: '' },
      { id: 'b', group: 'g', parent: 'a', zh: '', zh_hant: '', en: '', pinyin: '' },
      { id: 'c', group: 'g', parent: 'b', zh: '', zh_hant: '', en: '', pinyin: '' },
      { id: 'x', group: 'g', parent: 'y', zh: '', zh_hant: '', en: '', pinyin: '' },
      { id: 'y', group: 'g', parent: 'x', zh: '', zh_hant: '', en: '', pinyin: '' },
    ]);
    expect(rollup(['c'])).toEqual(['a', 'b', 'c']);
    expect(rollup(['x'])).toEqual(['x', 'y']);
    expect(rollup([])).toEqual([]);
  });

  test('the tree lists each industry before its sub-industries', () => {
    for (const g of taxonomy.groups) {
      const tree = industryTree(taxonomy.industries, g.id);
      expect(tree.length).toBe(taxonomy.industries.filter((i) => i.group === g.id).length);
      tree.forEach(({ industry, depth }, n) => {
        if (depth > 0) expect(tree.slice(0, n).some((r) => r.industry.id === industry.parent)).toBe(true);
      });
    }
  });

  test('the tree is built once per taxonomy and group (the filter panel asks on every filter)', () => {
    const [a, b] = taxonomy.groups;
    expect(industryTree(taxonomy.industries, a.id)).toBe(industryTree(taxonomy.industries, a.id));
    expect(industryTree(taxonomy.industries, b.id)).not.toBe(industryTree(taxonomy.industries, a.id));
    // Another taxonomy (a new dataset) gets its own tree, not the cached one.
    const other = taxonomy.industries.filter((i) => i.id !== industryTree(taxonomy.industries, a.id)[0].industry.id);
    expect(industryTree(other, a.id)).not.toEqual(industryTree(taxonomy.industries, a.id));
  });
});
