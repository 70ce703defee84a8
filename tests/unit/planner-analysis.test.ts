// The planner's numbers are the explorer's numbers: each is checked against matchesFilters directly.
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import { EMPTY_FILTERS, matchesFilters } from '../../src/data/query.ts';
import {
  compareRegions,
  countMatrix,
  industriesByDocument,
  overlapReport,
  prefectureColumn,
  PROBLEM_CLAUSE,
  zoneColumn,
} from '../../src/features/planner/analysis.ts';
import { regionColumns } from '../../src/features/planner/columns.ts';
import { choroplethCounts } from '../../src/data/choropleth.ts';
import { matrixToCsv, placesToCsv, placesToGeoJSON } from '../../src/features/planner/export.ts';
import { realDataset, realOutlines, realTextedPlaces } from '../support/dataset.ts';

const dataset = realDataset();
const outlines = realOutlines();
const texted = realTextedPlaces(dataset);
const explorer = (filters: Partial<typeof EMPTY_FILTERS>) =>
  dataset.features.filter((f) => matchesFilters(f, { ...EMPTY_FILTERS, ...filters })).map((f) => f.id);

describe('planner analysis', () => {
  test('the matrix covers the nine Fujian prefectures and every industry group, and each cell equals the explorer filter', () => {
    const columns = regionColumns(dataset, '350000', false);
    expect(columns.map((c) => c.ref)).toEqual([
      '350100',
      '350200',
      '350300',
      '350400',
      '350500',
      '350600',
      '350700',
      '350800',
      '350900',
    ]);
    const m = countMatrix(dataset, columns, EMPTY_FILTERS);
    for (const c of columns) {
      for (const i of dataset.industries) {
        const cell = m.cells.get(`${i.id}|${c.key}`) ?? [];
        expect(cell.sort(), `${i.id} in ${c.ref}`).toEqual(
          explorer({ industries: [i.id], prefectures: [c.ref] }).sort(),
        );
      }
    }
    const groupsWithPlaces = new Set([...m.groups.keys()].map((k) => k.split('|')[0].slice('group:'.length)));
    for (const g of dataset.groups) expect(groupsWithPlaces.has(g.id), g.id).toBe(true);
  });

  test('kind and document filters narrow the matrix exactly as they narrow the explorer', () => {
    const filters = { ...EMPTY_FILTERS, kinds: ['sub_area' as const], docs: ['004_cedd840305e36094'] };
    const col = prefectureColumn('350600');
    const m = countMatrix(dataset, [col], filters);
    for (const i of dataset.industries) {
      expect((m.cells.get(`${i.id}|${col.key}`) ?? []).sort()).toEqual(
        explorer({ ...filters, industries: [i.id], prefectures: ['350600'] }).sort(),
      );
    }
  });

  test('a zone column holds the zone and every place inside it', () => {
    const col = zoneColumn(dataset, 'xiamen-taiwan-investment-zone');
    const inside = dataset.features.filter((f) => col.contains(f)).map((f) => f.id);
    expect(inside).toContain('xiamen-taiwan-investment-zone');
    expect(inside).toContain('xiamen-tiz-haicang');
    expect(inside).toContain('xiamen-haicang-biomedical-industrial-park'); // grandchild
    expect(inside).not.toContain('fuzhou');
  });

  test('the overlap report lists, for each industry, the same places as the explorer filter', () => {
    const rows = overlapReport(dataset, EMPTY_FILTERS, 5);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) {
      expect(r.places.length).toBeGreaterThanOrEqual(5);
      expect(r.places.map((p) => p.id).sort()).toEqual(explorer({ industries: [r.industry.id] }).sort());
    }
    const all = overlapReport(dataset, EMPTY_FILTERS, 1).map((r) => r.industry.id);
    expect(all.length).toBe(new Set(dataset.features.flatMap((f) => f.industries)).size);
  });

  test('side by side sorts industries into shared, some and only, with the clauses behind each', () => {
    const rows = compareRegions(dataset, [prefectureColumn('350200'), prefectureColumn('350500')], EMPTY_FILTERS);
    for (const r of rows) {
      const inXiamen = explorer({ industries: [r.industry.id], prefectures: ['350200'] }).length > 0;
      const inQuanzhou = explorer({ industries: [r.industry.id], prefectures: ['350500'] }).length > 0;
      expect(r.status).toBe(inXiamen && inQuanzhou ? 'shared' : 'only');
      for (const hits of r.byColumn.values()) {
        for (const h of hits) {
          expect(h.clauses.length).toBeGreaterThan(0);
          for (const c of h.clauses) expect(c.industryRollup).toContain(r.industry.id);
        }
      }
    }
  });

  test('industries by document count only places whose clause in that document plans the industry', () => {
    const table = industriesByDocument(dataset, EMPTY_FILTERS);
    const shandongBiomed = table.get('biomedicine')?.get('003_c596a8f9c9def442') ?? [];
    expect(shandongBiomed.every((id) => id.startsWith('sd-'))).toBe(true);
    for (const [industry, row] of table) {
      for (const [doc, ids] of row) {
        for (const id of ids) {
          const f = dataset.byId.get(id)!;
          expect(f.sources.some((s) => s.doc === doc && s.industryRollup.includes(industry))).toBe(true);
        }
      }
    }
  });

  test('the choropleth counts per prefecture equal the explorer count', () => {
    const counts = choroplethCounts(dataset, 'equipment', EMPTY_FILTERS);
    for (const r of dataset.regions) {
      expect(counts.get(r.code) ?? 0).toBe(explorer({ industries: ['equipment'], prefectures: [r.code] }).length);
    }
  });

  test('exports re-open: GeoJSON parses, CSV (with BOM) parses back to the same rows', () => {
    const places = texted.filter((f) => f.industries.includes('logistics'));
    const fc = JSON.parse(placesToGeoJSON(places, outlines));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id)).toEqual(places.map((p) => p.id));
    // What the loader computes stays out of the file: no point, origin, bbox, row or the table's centroid.
    for (const f of fc.features as { properties: Record<string, unknown> }[])
      for (const key of ['point', 'origin', 'bbox', 'row', 'centroid']) expect(f.properties).not.toHaveProperty(key);
    const csv = placesToCsv(places, dataset, 'zh-Hans', outlines);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data.map((r) => r.id)).toEqual(places.map((p) => p.id));
    expect(parsed.data[0].name_zh).toBe(places[0].name_zh);
    const columns = regionColumns(dataset, '350000', false);
    const m = countMatrix(dataset, columns, EMPTY_FILTERS);
    const matrixCsv = Papa.parse<string[]>(matrixToCsv(dataset, columns, m, (c) => c.ref, 'en').slice(1), {
      skipEmptyLines: true,
    });
    expect(matrixCsv.data[0]).toEqual(['group', 'industry_id', 'industry', ...columns.map((c) => c.ref), 'total']);
    expect(matrixCsv.data.length).toBe(dataset.industries.length + 1);
  });

  test("the places CSV reads as text: document titles and the clauses' words, ids and offsets apart", () => {
    const places = texted.filter((f) => f.industries.includes('logistics'));
    for (const lang of ['zh-Hans', 'en'] as const) {
      const rows = Papa.parse<Record<string, string>>(placesToCsv(places, dataset, lang, outlines).slice(1), {
        header: true,
        skipEmptyLines: true,
      }).data;
      rows.forEach((row, i) => {
        const f = places[i];
        for (const d of f.docs) {
          const meta = dataset.documentById.get(d)!;
          expect(row.documents).toContain(lang === 'en' ? meta.title_en : meta.title_zh);
          expect(row.documents).not.toContain(d);
          expect(row.document_ids.split(';')).toContain(d);
        }
        for (const c of f.sources) {
          expect(row.clauses).toContain(c.quote);
          expect(row.clause_refs).toContain(`${c.doc}:${c.start}-${c.end}`);
          if (lang === 'en') expect(row.clauses_en).toContain(c.quote_en);
        }
        expect(row.clauses).not.toMatch(/\d{3}_[0-9a-f]{16}:\d+-\d+/);
      });
    }
  });
});

test("the overlap report's problem clause stands at its offsets in its document (the reader opens there)", () => {
  const text = readFileSync(`seeds/${PROBLEM_CLAUSE.doc}.txt`, 'utf8');
  expect(text.slice(PROBLEM_CLAUSE.start, PROBLEM_CLAUSE.end)).toBe(PROBLEM_CLAUSE.quote);
  // Its first printing: the scraped page repeats the paragraph later.
  expect(text.indexOf(PROBLEM_CLAUSE.quote)).toBe(PROBLEM_CLAUSE.start);
});
