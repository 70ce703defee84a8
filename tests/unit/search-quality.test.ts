// The search quality set (tests/support/search-queries.yaml) over the real data: prints recall
// and precision, overall and per category, and holds the acceptance lines.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildSearchIndex, searchScores, type SearchTables } from '../../src/data/search/index.ts';
import { readJson as read, realDataset } from '../support/dataset.ts';

const dataset = realDataset();
const index = buildSearchIndex(dataset, read('data/search-terms.json') as SearchTables);
const set = parse(readFileSync('tests/support/search-queries.yaml', 'utf8')) as {
  queries: { query: string; category: string; why: string; expected: string[] }[];
  pairs: string[][];
};
const found = (query: string) => [...(searchScores(index, query)?.keys() ?? [])].sort();

interface Tally {
  queries: number;
  expected: number;
  returned: number;
  hits: number;
}
const tally = (): Tally => ({ queries: 0, expected: 0, returned: 0, hits: 0 });
const pct = (a: number, b: number) => (b === 0 ? '  —  ' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);

describe('the search quality set', () => {
  const results = set.queries.map((q) => {
    const got = found(q.query);
    const hits = got.filter((id) => q.expected.includes(id));
    return { ...q, got, hits, missed: q.expected.filter((id) => !got.includes(id)) };
  });
  const overall = tally();
  const byCategory = new Map<string, Tally>();
  for (const r of results) {
    const t = byCategory.get(r.category) ?? tally();
    byCategory.set(r.category, t);
    for (const x of [t, overall]) {
      x.queries++;
      x.expected += r.expected.length;
      x.returned += r.got.length;
      x.hits += r.hits.length;
    }
  }

  test('has at least 60 queries, each with places the data have', () => {
    expect(set.queries.length).toBeGreaterThanOrEqual(60);
    for (const q of set.queries)
      for (const id of q.expected) expect(dataset.byId.has(id), `${q.query}: ${id}`).toBe(true);
  });

  test('recall ≥ 95 % overall (recall and precision printed per category)', () => {
    const line = (name: string, t: Tally) =>
      `${name.padEnd(14)} ${String(t.queries).padStart(3)} queries  recall ${pct(t.hits, t.expected)}  precision ${pct(t.hits, t.returned)}`;
    const report = [
      ...[...byCategory].map(([name, t]) => line(name, t)),
      line('overall', overall),
      '',
      'queries below full recall or precision:',
      ...results
        .filter((r) => r.missed.length || r.got.length > r.hits.length)
        .map(
          (r) =>
            `  ${r.query}: recall ${pct(r.hits.length, r.expected.length)}, precision ${pct(r.hits.length, r.got.length)}` +
            (r.missed.length ? `; missed ${r.missed.join(' ')}` : '') +
            (r.got.length > r.hits.length ? `; also ${r.got.filter((id) => !r.expected.includes(id)).join(' ')}` : ''),
        ),
    ];
    console.log(`search quality set\n${report.join('\n')}`);
    expect(overall.hits / overall.expected).toBeGreaterThanOrEqual(0.95);
  });

  test('no query where places are expected returns nothing', () => {
    const empty = results.filter((r) => r.expected.length > 0 && r.got.length === 0).map((r) => r.query);
    expect(empty).toEqual([]);
  });

  test.each(set.pairs.map((p) => [p.join(' = '), p] as const))(
    'spellings of one query give the same places: %s',
    (_, spellings) => {
      const first = found(spellings[0]);
      expect(first.length).toBeGreaterThan(0);
      for (const s of spellings.slice(1)) expect(found(s), s).toEqual(first);
    },
  );
});
