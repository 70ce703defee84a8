// The coverage check: a sentence that names a known place with an industry term must be cited by a
// feature or reviewed; the committed data/coverage.json is what the check computes, with none open.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { loadInput } from '../../scripts/build-data.ts';
import { splitSentences } from '../../scripts/lib/coverage.ts';
import { coverageOf, loadReviewed } from '../../scripts/lib/coverage-check.ts';
import { buildDataset, type DatasetInput } from '../../scripts/lib/dataset.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';

const DOC = '900_0000000000000000';
// Sentence 1 is cited below; sentence 2 names 漳州 with 物流 and nobody cites it; sentence 3 has no place.
const TEXT = '古雷半岛重点发展石油化工。\n漳州要加快发展现代物流；支持发展物流！';
const boundaries = {
  counties: JSON.parse(readFileSync('data/boundaries/counties.geojson', 'utf8')),
  prefectures: JSON.parse(readFileSync('data/boundaries/prefectures.geojson', 'utf8')),
};

function input(): DatasetInput {
  return {
    manifest: [
      {
        doc: DOC,
        title_zh: '测试规划',
        title_en: 'Test plan',
        issuer_zh: '测试',
        issuer_en: 'Test',
        issued: '2011-01-01',
        period: { start: 2011, end: 2015 },
        province: '350000',
        condition: 'synthetic',
      },
    ],
    texts: { [DOC]: TEXT },
    taxonomy: {
      groups: [{ id: 'g', zh: '组', en: 'Group' }],
      industries: [
        { id: 'petrochemical', group: 'g', zh: '石油化工', en: 'Petrochemicals' },
        { id: 'logistics', group: 'g', zh: '物流', en: 'Logistics' },
      ],
    },
    records: [
      {
        path: 'sources/records/test.yaml',
        data: {
          doc: DOC,
          features: [
            {
              id: 'gulei-park',
              name_zh: '古雷半岛',
              name_en: 'Gulei Peninsula',
              kind: 'specialised_park',
              prefecture: '漳州市',
              location: { point: [117.6, 23.78], county: '漳州市/漳浦县' },
              precision: 'point_site',
              sources: [{ quote: '古雷半岛重点发展石油化工', industries: ['petrochemical'] }],
            },
          ],
        },
      },
    ],
    translations: [
      {
        path: 'sources/translations/test.yaml',
        data: {
          doc: DOC,
          clauses: [{ quote: '古雷半岛重点发展石油化工', en: 'Gulei Peninsula focuses on petrochemicals' }],
          notes: {},
        },
      },
    ],
    ...boundaries,
  };
}

function coverage(reviewed: unknown) {
  const inp = input();
  const built = buildDataset(inp);
  expect(built.errors).toEqual([]);
  return coverageOf(inp, built, reviewed);
}

describe('coverage', () => {
  test('splits sentences at 。；！？ and line breaks, with offsets into the text', () => {
    const sentences = splitSentences(DOC, TEXT);
    expect(sentences.map((s) => s.text)).toEqual([
      '古雷半岛重点发展石油化工',
      '漳州要加快发展现代物流',
      '支持发展物流',
    ]);
    for (const s of sentences) expect(TEXT.slice(s.start, s.end)).toBe(s.text);
  });

  test('an unreviewed sentence that names a place with an industry fails the check, with doc, offsets and text', () => {
    const out = coverage([]);
    const start = TEXT.indexOf('漳州');
    expect(out.errors).toEqual([
      `${DOC} [${start}, ${start + 11}): names 漳州 with 物流 but no feature cites it and sources/coverage-reviewed.yaml does not review it: «漳州要加快发展现代物流»`,
    ]);
    expect(out.report.totals).toEqual({ candidates: 2, cited: 1, reviewed: 0, open: 1 });
  });

  test('a review with a reason closes it; a stale or ambiguous review is an error', () => {
    const ok = coverage([{ doc: DOC, sentence: '漳州要加快', reason: 'test: general policy' }]);
    expect(ok.errors).toEqual([]);
    expect(ok.report.documents[DOC]).toEqual({ candidates: 2, cited: 1, reviewed: 1, open: 0 });

    const stale = coverage([
      { doc: DOC, sentence: '漳州要加快', reason: 'test' },
      { doc: DOC, sentence: '古雷半岛重点', reason: 'cited already' },
      { doc: DOC, sentence: '没有这句话', reason: 'nothing' },
    ]);
    expect(stale.errors).toEqual([
      expect.stringMatching(/\[1\] .*the sentence is cited by a feature now/),
      expect.stringMatching(/\[2\] .*matches no sentence that names a place and an industry/),
    ]);
    expect(coverage([{ doc: DOC, sentence: 'x', reason: '' }]).errors.length).toBeGreaterThan(0);
  });
});

describe('the committed coverage report', () => {
  test('is what the check computes over the real documents, and leaves no sentence open', () => {
    const inp = loadInput();
    const built = buildDataset(inp);
    const out = coverageOf(inp, built, loadReviewed());
    expect(out.errors).toEqual([]);
    expect(out.report.totals.open).toBe(0);
    expect(formatJson(out.report)).toBe(readFileSync('data/coverage.json', 'utf8'));
  }, 60_000);
});
