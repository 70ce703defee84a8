// Exports of what the planner sees. CSV is UTF-8 with a byte-order mark so that Excel opens
// Chinese text correctly.
import Papa from 'papaparse';
import type { Feature, FeatureCollection } from 'geojson';
import type { Dataset, PlanFeature } from '../../data/types.ts';
import type { Language } from '../../state/url-state.ts';
import type { Matrix, RegionColumn } from './analysis.ts';

const BOM = '\uFEFF';

export function placesToGeoJSON(places: PlanFeature[]): string {
  const features: Feature[] = places.map(({ geometry, bbox: _bbox, ...properties }) => ({
    type: 'Feature',
    id: properties.id,
    properties,
    geometry,
  }));
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  return JSON.stringify(fc);
}

const center = (f: PlanFeature) =>
  f.geometry.type === 'Point' ? f.geometry.coordinates : [(f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2];

export function placesToCsv(places: PlanFeature[], dataset: Dataset, lang: Language): string {
  const label = (id: string) => {
    const i = dataset.industryById.get(id);
    return i ? (lang === 'en' ? i.en : i.zh) : id;
  };
  const rows = places.map((f) => {
    const [lon, lat] = center(f);
    return {
      id: f.id,
      name_zh: f.name_zh,
      name_en: f.name_en,
      kind: f.kind,
      prefecture: f.prefecture.map((c) => dataset.regionByCode.get(c)?.name_zh ?? c).join('、'),
      prefecture_code: f.prefecture.join(';'),
      county: f.county_name ?? '',
      industries: f.industries.join(';'),
      industries_label: f.industries.map(label).join('、'),
      industries_text: f.industries_text.join('；'),
      precision: f.precision,
      geometry: f.geometry.type,
      longitude: lon.toFixed(5),
      latitude: lat.toFixed(5),
      documents: f.docs.join(';'),
      clauses: f.sources.map((s) => `${s.doc}:${s.start}-${s.end}`).join(';'),
      first_clause: f.sources[0]?.quote ?? '',
    };
  });
  return BOM + Papa.unparse(rows, { quotes: true, newline: '\r\n' });
}

export function matrixToCsv(
  dataset: Dataset,
  columns: RegionColumn[],
  matrix: Matrix,
  columnLabel: (c: RegionColumn) => string,
  lang: Language,
): string {
  const header = ['group', 'industry_id', 'industry', ...columns.map(columnLabel), 'total'];
  const data: (string | number)[][] = [];
  for (const g of dataset.groups) {
    for (const i of dataset.industries.filter((x) => x.group === g.id)) {
      data.push([
        lang === 'en' ? g.en : g.zh,
        i.id,
        lang === 'en' ? i.en : i.zh,
        ...columns.map((c) => matrix.cells.get(`${i.id}|${c.key}`)?.length ?? 0),
        matrix.rowTotals.get(i.id)?.length ?? 0,
      ]);
    }
  }
  return BOM + Papa.unparse({ fields: header, data }, { quotes: true, newline: '\r\n' });
}

/** Saves text as a file through the browser (no server involved). */
export function download(name: string, text: string | Blob, type: string): void {
  const blob = text instanceof Blob ? text : new Blob([text], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
