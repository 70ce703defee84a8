// The shortlist as files: CSV (one row per clause of each place, with titles and quoted text;
// ids in their own columns) and GeoJSON. CSV is UTF-8 with a byte-order mark so that Excel opens
// Chinese text correctly.
import Papa from 'papaparse';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geometryOf, type Outlines } from '../../data/outlines.ts';
import type { Dataset, PlanFeature, TextedPlace } from '../../data/types.ts';
import { formatPeriod, joinList } from '../../i18n/format.ts';
import type { I18n } from '../../state/use-i18n.ts';
import { FACILITY_TYPES, logisticsOf, type FacilityType } from './logistics.ts';

const BOM = '\uFEFF';
const COLUMN: Record<FacilityType, string> = {
  seaPort: 'nearest_sea_port',
  bondedArea: 'nearest_bonded_area',
  dryPort: 'nearest_dry_port',
  airport: 'nearest_airport',
};
const km = (v: number) => v.toFixed(1);

/** The place's county as the panels show it: not a fact where only the prefecture is known. */
export function countyText(f: PlanFeature, i18n: I18n): string {
  if (!f.county_name) return '';
  if (f.precision === 'point_prefecture_seat') return i18n.t('notStated');
  return i18n.lang === 'en' && f.county_name_en ? f.county_name_en : i18n.zh(f.county_name);
}

export function shortlistToCsv(dataset: Dataset, places: TextedPlace[], i18n: I18n, outlines: Outlines): string {
  const rows: Record<string, string | number>[] = [];
  places.forEach((f, n) => {
    const logistics = logisticsOf(dataset, f, outlines);
    const facts: Record<string, string | number> = {
      rank: n + 1,
      place_id: f.id,
      place: i18n.featureName(f),
      place_zh: f.name_zh,
      kind: i18n.kindName(f.kind),
      prefecture: joinList(
        i18n.lang,
        f.prefecture.map((c) => dataset.regionByCode.get(c)).flatMap((r) => (r ? [i18n.regionName(r)] : [])),
      ),
      county: countyText(f, i18n),
      location_precision: i18n.precisionName(f.precision),
      industries: joinList(
        i18n.lang,
        f.industries.map((id) => dataset.industryById.get(id)).flatMap((x) => (x ? [i18n.industryName(x)] : [])),
      ),
      planned_role: f.function_zh ? i18n.zh(f.function_zh) : '',
    };
    for (const type of FACILITY_TYPES) {
      const near = logistics.nearest[type];
      facts[COLUMN[type]] = near ? i18n.featureName(near.facility) : '';
      facts[`${COLUMN[type]}_km`] = near ? km(near.km) : '';
    }
    const clauses = f.sources.length ? f.sources : [undefined];
    for (const c of clauses) {
      const doc = c && dataset.documentById.get(c.doc);
      rows.push({
        ...facts,
        document_id: c?.doc ?? '',
        document: doc ? i18n.docTitle(doc) : '',
        period: doc ? formatPeriod(doc.period) : '',
        issuer: doc ? i18n.docIssuer(doc) : '',
        quote: c?.quote ?? '',
        quote_en_project_translation: c?.quote_en ?? '',
      });
    }
  });
  return BOM + Papa.unparse(rows, { quotes: true, newline: '\r\n' });
}

export function shortlistToGeoJSON(dataset: Dataset, places: TextedPlace[], outlines: Outlines): string {
  // What the loader computes (point, origin, bbox, roll-ups) is left out: the file holds what the data hold.
  const stored = ({
    point: _point,
    origin: _origin,
    bbox: _bbox,
    row: _row,
    industryRollup: _rollup,
    sources,
    ...properties
  }: TextedPlace) => ({ sources, properties });
  const features: Feature<Geometry | null>[] = places.map((f, n) => {
    const { sources, properties } = stored(f);
    const geometry = geometryOf(f, outlines);
    const { from, nearest } = logisticsOf(dataset, f, outlines);
    return {
      type: 'Feature',
      id: f.id,
      geometry,
      properties: {
        rank: n + 1,
        ...properties,
        sources: sources.map(({ industryRollup: _r, ...c }) => c),
        logistics: {
          measured_from: from,
          note: 'Straight-line distance to facilities the plans name, not every facility that exists.',
          ...Object.fromEntries(
            FACILITY_TYPES.map((type) => {
              const near = nearest[type];
              return [
                COLUMN[type],
                near && {
                  id: near.facility.id,
                  name_zh: near.facility.name_zh,
                  name_en: near.facility.name_en,
                  km: Number(km(near.km)),
                  measured_to: near.to,
                },
              ];
            }),
          ),
        },
      },
    };
  });
  const fc: FeatureCollection<Geometry | null> = { type: 'FeatureCollection', features };
  return JSON.stringify(fc);
}
