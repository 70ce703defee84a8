// Exports of what the planner sees. CSV is UTF-8 with a byte-order mark so that Excel opens
// Chinese text correctly.
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geometryOf, type Outlines } from '../../data/outlines.ts';
import type { Dataset, PlanFeature, TextedPlace } from '../../data/types.ts';
import { joinList } from '../../i18n/format.ts';
import type { Language } from '../../i18n/languages.ts';
import { labelIn, nameIn } from '../../i18n/names.ts';
import type { Matrix, RegionColumn } from './analysis.ts';

const BOM = '\uFEFF';

export function placesToGeoJSON(places: TextedPlace[], outlines: Outlines): string {
  // What the loader computes (point, origin, bbox) is left out: the geometry says it.
  const stored = ({ point: _point, origin: _origin, bbox: _bbox, row: _row, ...properties }: TextedPlace) => properties;
  const features: Feature<Geometry | null>[] = places.map((f) => ({
    type: 'Feature',
    id: f.id,
    properties: stored(f),
    geometry: geometryOf(f, outlines),
  }));
  const fc: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features };
  return JSON.stringify(fc);
}

const center = (f: PlanFeature) => f.point ?? [(f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2];

export function placesToCsv(places: TextedPlace[], dataset: Dataset, lang: Language, outlines: Outlines): string {
  const label = (id: string) => {
    const i = dataset.industryById.get(id);
    return i ? labelIn(lang, i) : id;
  };
  const title = (doc: string) => {
    const d = dataset.documentById.get(doc);
    return d ? (lang === 'en' ? d.title_en : d.title_zh) : doc;
  };
  const rows = places.map((f) => {
    const [lon, lat] = center(f);
    return {
      id: f.id,
      name_zh: f.name_zh,
      name_en: f.name_en,
      kind: f.kind,
      prefecture: joinList(
        lang,
        f.prefecture.map((c) => {
          const r = dataset.regionByCode.get(c);
          return r ? nameIn(lang, r) : c;
        }),
      ),
      prefecture_code: f.prefecture.join(';'),
      county: f.county_name ?? '',
      industries: f.industries.join(';'),
      industries_label: joinList(lang, f.industries.map(label)),
      industries_text: f.industries_text.join('；'),
      precision: f.precision,
      geometry: geometryOf(f, outlines)?.type ?? '',
      longitude: lon.toFixed(5),
      latitude: lat.toFixed(5),
      // What a reader needs in the sheet: the documents' titles and the clauses' text; the ids and
      // offsets (for tools) in columns of their own.
      documents: f.docs.map((d) => title(d)).join('；'),
      clauses: f.sources.map((s) => `「${s.quote}」（${title(s.doc)}）`).join('\n'),
      ...(lang === 'en' ? { clauses_en: f.sources.map((s) => s.quote_en).join('\n') } : {}),
      document_ids: f.docs.join(';'),
      clause_refs: f.sources.map((s) => `${s.doc}:${s.start}-${s.end}`).join(';'),
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
        labelIn(lang, g),
        i.id,
        labelIn(lang, i),
        ...columns.map((c) => matrix.cells.get(`${i.id}|${c.key}`)?.length ?? 0),
        matrix.rowTotals.get(i.id)?.length ?? 0,
      ]);
    }
  }
  return BOM + Papa.unparse({ fields: header, data }, { quotes: true, newline: '\r\n' });
}
