// The planner's comparisons, as pure functions over the dataset. Every count is a count of places
// the explorer's filters would list for the same choice (see tests/unit/planner-analysis.test.ts).
import { matchesFilters, type Filters } from '../../data/query.ts';
import type { Clause, Dataset, Industry, PlanFeature } from '../../data/types.ts';

/** A column of the comparison: a prefecture, or a zone with everything planned inside it. */
export interface RegionColumn {
  key: string;
  type: 'prefecture' | 'zone';
  /** prefecture code, or zone feature id */
  ref: string;
  contains: (f: PlanFeature) => boolean;
}

export const ZONE_KINDS = new Set(['comprehensive_experimental_zone', 'taiwan_investment_zone', 'ftz_area']);

export function prefectureColumn(code: string): RegionColumn {
  return { key: `pref:${code}`, type: 'prefecture', ref: code, contains: (f) => f.prefecture.includes(code) };
}

/** A zone holds itself and every place whose parent chain leads to it. */
export function zoneColumn(dataset: Dataset, zoneId: string): RegionColumn {
  const inside = (f: PlanFeature): boolean => {
    for (
      let p: PlanFeature | undefined = f, n = 0;
      p && n < 20;
      p = p.parent ? dataset.byId.get(p.parent) : undefined, n++
    ) {
      if (p.id === zoneId) return true;
    }
    return false;
  };
  return { key: `zone:${zoneId}`, type: 'zone', ref: zoneId, contains: inside };
}

export function zoneIds(dataset: Dataset): string[] {
  return dataset.features.filter((f) => ZONE_KINDS.has(f.kind)).map((f) => f.id);
}

export function columnFromKey(dataset: Dataset, key: string): RegionColumn | null {
  const [type, ref] = key.split(':');
  if (type === 'pref' && dataset.regionByCode.has(ref)) return prefectureColumn(ref);
  if (type === 'zone' && dataset.byId.has(ref) && ZONE_KINDS.has(dataset.byId.get(ref)!.kind))
    return zoneColumn(dataset, ref);
  return null;
}

/** Kinds and documents still filter the planner; industries and prefectures are its axes. */
export const axisFree = (filters: Filters): Filters => ({ ...filters, industries: [], prefectures: [] });

export interface Matrix {
  /** place ids by `${industry}|${column key}` */
  cells: Map<string, string[]>;
  /** place ids by `group:${group}|${column key}`: places with any industry of the group */
  groups: Map<string, string[]>;
  /** place ids per column with any industry */
  columnTotals: Map<string, string[]>;
  /** place ids per industry over all columns (each place once) */
  rowTotals: Map<string, string[]>;
}

export function countMatrix(dataset: Dataset, columns: RegionColumn[], filters: Filters): Matrix {
  const base = axisFree(filters);
  const cells = new Map<string, string[]>();
  const groups = new Map<string, string[]>();
  const columnTotals = new Map<string, string[]>();
  const rowTotals = new Map<string, string[]>();
  const push = (m: Map<string, string[]>, k: string, id: string) => {
    const list = m.get(k);
    if (!list) m.set(k, [id]);
    else if (list[list.length - 1] !== id) list.push(id);
  };
  for (const f of dataset.features) {
    if (!matchesFilters(f, base) || f.industryRollup.length === 0) continue;
    const cols = columns.filter((c) => c.contains(f));
    if (cols.length === 0) continue;
    const groupIds = [
      ...new Set(f.industryRollup.map((i) => dataset.industryById.get(i)?.group).filter(Boolean)),
    ] as string[];
    for (const c of cols) {
      push(columnTotals, c.key, f.id);
      for (const i of f.industryRollup) push(cells, `${i}|${c.key}`, f.id);
      for (const g of groupIds) push(groups, `group:${g}|${c.key}`, f.id);
    }
    for (const i of f.industryRollup) push(rowTotals, i, f.id);
  }
  return { cells, groups, columnTotals, rowTotals };
}

export interface ComparisonRow {
  industry: Industry;
  /** per column key: the places there that plan the industry, with the clauses that say so */
  byColumn: Map<string, { place: PlanFeature; clauses: Clause[] }[]>;
  status: 'shared' | 'some' | 'only';
}

/** Industries side by side for two or more regions: shared by all, by some, or only one. */
export function compareRegions(dataset: Dataset, columns: RegionColumn[], filters: Filters): ComparisonRow[] {
  const base = axisFree(filters);
  const rows: ComparisonRow[] = [];
  for (const industry of dataset.industries) {
    const byColumn = new Map<string, { place: PlanFeature; clauses: Clause[] }[]>();
    for (const c of columns) {
      const hits = dataset.features
        .filter((f) => c.contains(f) && f.industryRollup.includes(industry.id) && matchesFilters(f, base))
        .map((place) => ({ place, clauses: place.sources.filter((s) => s.industryRollup.includes(industry.id)) }));
      if (hits.length) byColumn.set(c.key, hits);
    }
    if (byColumn.size === 0) continue;
    const status = byColumn.size === columns.length ? 'shared' : byColumn.size === 1 ? 'only' : 'some';
    rows.push({ industry, byColumn, status });
  }
  const order = { shared: 0, some: 1, only: 2 };
  return rows.sort((a, b) => order[a.status] - order[b.status]);
}

/** Places per industry and document, counting a place for a document only where that document's clause plans it. */
export function industriesByDocument(dataset: Dataset, filters: Filters): Map<string, Map<string, string[]>> {
  const base = axisFree(filters);
  const out = new Map<string, Map<string, string[]>>();
  for (const f of dataset.features) {
    if (!matchesFilters(f, { ...base, docs: [] })) continue;
    for (const s of f.sources) {
      for (const i of s.industryRollup) {
        const row = out.get(i) ?? new Map<string, string[]>();
        const list = row.get(s.doc) ?? [];
        if (!list.includes(f.id)) list.push(f.id);
        row.set(s.doc, list);
        out.set(i, row);
      }
    }
  }
  return out;
}

export interface OverlapRow {
  industry: Industry;
  places: PlanFeature[];
  prefectures: string[];
}

/**
 * Industries planned in at least `threshold` places: the places are exactly the explorer's filter
 * result, within one province when `province` is given (the report compares a province's cities).
 */
export function overlapReport(dataset: Dataset, filters: Filters, threshold: number, province?: string): OverlapRow[] {
  const rows: OverlapRow[] = [];
  const features = province ? dataset.features.filter((f) => f.province === province) : dataset.features;
  for (const industry of dataset.industries) {
    const places = features.filter((f) => matchesFilters(f, { ...filters, industries: [industry.id] }));
    if (places.length < threshold) continue;
    rows.push({ industry, places, prefectures: [...new Set(places.flatMap((p) => p.prefecture))].sort() });
  }
  return rows.sort((a, b) => b.places.length - a.places.length || b.prefectures.length - a.prefectures.length);
}

const PROBLEM_QUOTE = '各市在吸收外资中各自为战，同质化、低层次竞争现象仍很突出，区域经济协同发展的意识亟待加强。';
/**
 * The plan's own diagnosis of homogeneous competition between cities, which the overlap report puts
 * in numbers: where it stands in the 2011 foreign-trade plan (its first printing; the scraped page
 * repeats it), so that the reader opens at it. A test checks the offsets against the document.
 */
export const PROBLEM_CLAUSE = {
  doc: '000_4ffd1604a693d041',
  quote: PROBLEM_QUOTE,
  start: 8139,
  end: 8139 + PROBLEM_QUOTE.length,
} as const;
