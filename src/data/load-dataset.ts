import type { Feature, FeatureCollection } from 'geojson';
import placesUrl from '../../data/places.geojson?url';
import industriesJson from '../../data/industries.json';
import regionsJson from '../../data/regions.json';
import manifestJson from '../../seeds/manifest.json';
import type { Dataset, DocumentMeta, Industry, IndustryGroup, PlanFeature, Region } from './types.ts';
import { KIND_ORDER } from './types.ts';
import { rollupOf } from './taxonomy.ts';
import { loadSearchTables } from './search/tables.ts';
import { fetchJson } from './fetch-json.ts';

const isString = (v: unknown): v is string => typeof v === 'string';
const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isString);
const isLngLat = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length >= 2 && Number.isFinite(v[0]) && Number.isFinite(v[1]);
const isBbox = (v: unknown): v is [number, number, number, number] =>
  Array.isArray(v) && v.length === 4 && v.every(Number.isFinite) && v[0] <= v[2] && v[1] <= v[3];

/**
 * Checks one record of the attribute table (data/places.geojson: a point's geometry, an area's
 * null, and every record's bounding box); returns the reason it cannot be used, or null.
 */
export function recordProblem(f: Feature, documents: Map<string, DocumentMeta>): string | null {
  const p = f?.properties as Record<string, unknown> | null;
  if (!p || typeof p !== 'object') return 'no properties';
  for (const key of ['id', 'name_zh', 'name_zh_hant', 'name_en', 'name_pinyin', 'kind', 'precision', 'province']) {
    if (!isString(p[key]) || (p[key] as string).length === 0) return `${key} missing`;
  }
  if (!KIND_ORDER.includes(p.kind as never)) return `unknown kind "${String(p.kind)}"`;
  for (const key of ['industries', 'industries_text', 'children', 'prefecture', 'docs']) {
    if (!isStringArray(p[key])) return `${key} is not a list of strings`;
  }
  const sources = p.sources as { doc?: unknown; start: number; end: number; industries?: unknown }[];
  if (!Array.isArray(sources) || sources.length === 0) return 'no source clause';
  for (const s of sources) {
    if (!s || !isString(s.doc) || !documents.has(s.doc)) return 'a source cites an unknown document';
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end) || s.end <= s.start) return 'a source has bad offsets';
    if (!isStringArray(s.industries)) return 'a source is malformed';
  }
  if (!isBbox(f.bbox)) return 'no usable bounding box';
  const g = f.geometry;
  if (g !== null && !(g?.type === 'Point' && isLngLat(g.coordinates))) return 'no usable geometry';
  return null;
}

/** Builds the in-memory dataset from the parsed attribute table; bad records are skipped and reported. */
export function datasetFrom(
  collection: FeatureCollection & { texts?: { chunk?: unknown; files?: unknown }; tiles?: { minzoom?: unknown } },
  industries: { groups: IndustryGroup[]; industries: Industry[] },
  regions: Region[],
  documents: DocumentMeta[],
  /** Where the table was read from: its text chunks' URLs are relative to it. */
  tableUrl: string = 'http://localhost/data/places.geojson',
): Dataset {
  const documentById = new Map(documents.map((d) => [d.doc, d]));
  // Places and clauses share few distinct industry sets: each set's roll-up is computed once and
  // shared (read-only) by every place and clause with that set (at 100,000 places: less time, less heap).
  const rollupOnce = rollupOf(industries.industries);
  const rollups = new Map<string, string[]>();
  const rollup = (ids: string[]) => {
    const key = ids.join('|');
    let out = rollups.get(key);
    if (!out) rollups.set(key, (out = rollupOnce(ids)));
    return out;
  };
  const problems: string[] = [];
  const features: PlanFeature[] = [];
  const seen = new Set<string>();
  (collection?.features ?? []).forEach((f, i) => {
    const problem = recordProblem(f, documentById);
    const id = (f?.properties as { id?: unknown } | null)?.id;
    const label = isString(id) ? id : `feature #${i + 1}`;
    if (problem) return problems.push(`${label}: ${problem}`);
    if (seen.has(id as string)) return problems.push(`${label}: duplicate id`);
    seen.add(id as string);
    // The parsed record becomes the place: what the loader computes is added to it rather than
    // copied with it (at 100,000 places, copying every record took seconds).
    const place = f.properties as PlanFeature & { centroid?: unknown };
    const b = f.bbox as PlanFeature['bbox'];
    const point = f.geometry?.type === 'Point' ? (f.geometry.coordinates.slice(0, 2) as [number, number]) : null;
    place.industryRollup = rollup(place.industries);
    for (const c of place.sources) c.industryRollup = rollup(c.industries);
    place.point = point;
    place.row = i;
    place.origin = point ?? (isLngLat(place.centroid) ? place.centroid : [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2]);
    // Now `origin`; left out of what the place's files export (JSON drops undefined).
    place.centroid = undefined;
    place.bbox = b;
    features.push(place);
  });
  const t = collection?.texts;
  const texts =
    t && Number.isInteger(t.chunk) && (t.chunk as number) > 0 && isStringArray(t.files)
      ? { chunk: t.chunk as number, urls: t.files.map((f) => new URL(`texts/${f}`, tableUrl).href) }
      : null;
  if (!texts) problems.push('the table lists no text files: clauses and notes cannot be shown');
  // A table without it (a hand-made one) has tiles from the map's own minimum zoom.
  const minzoom = collection?.tiles?.minzoom;
  const tileMinZoom = Number.isInteger(minzoom) && (minzoom as number) >= 0 && (minzoom as number) <= 22 ? (minzoom as number) : 0;
  return {
    features,
    texts,
    tileMinZoom,
    byId: new Map(features.map((f) => [f.id, f])),
    industries: industries.industries,
    industryById: new Map(industries.industries.map((i) => [i.id, i])),
    groups: industries.groups,
    regions,
    regionByCode: new Map(regions.map((r) => [r.code, r])),
    documents,
    documentById,
    problems,
  };
}

/** The first view's data: the attribute table (the map's geometry comes from the tiles). */
export async function loadDataset(url = placesUrl): Promise<Dataset> {
  // Search's tables come with the data (in parallel), so the index can be built once both are in.
  const searchTables = loadSearchTables();
  const json = await fetchJson<FeatureCollection>(url, { en: 'plan data', zh: '规划数据' });
  if (json?.type !== 'FeatureCollection' || !Array.isArray(json.features)) {
    throw new Error('The plan data file is not a GeoJSON FeatureCollection. 规划数据格式不正确。');
  }
  await searchTables;
  return datasetFrom(
    json,
    industriesJson as { groups: IndustryGroup[]; industries: Industry[] },
    regionsJson as Region[],
    manifestJson as DocumentMeta[],
    new URL(url, window.location.href).href,
  );
}
