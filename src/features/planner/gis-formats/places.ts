// The attribute table every GIS export writes: one row per place, flat text columns, labels in the
// chosen language next to the stable ids. Pure (no React, no store), so Node tests can run it.
import type { Outlines } from '../../../data/outlines.ts';
import type { Language } from '../../../i18n/languages.ts';
import { nameIn } from '../../../i18n/names.ts';
import type { DocumentMeta, Industry, Kind, PlanFeature, Precision, Region } from '../../../data/types.ts';

export type GisLanguage = Language;

/** Labels in the chosen language; the app passes its i18n functions (useI18n().industryName, …). */
export interface GisLabels {
  industry: (industry: Industry) => string;
  /** Default: the kind's id. */
  kind?: (kind: Kind) => string;
  /** Default: the precision's id. */
  precision?: (precision: Precision) => string;
  /** Default: the region's name field for the language. */
  region?: (region: Region) => string;
  /** Default: title_en in English, else title_zh (as written: Traditional needs the app's converter). */
  documentTitle?: (doc: DocumentMeta) => string;
}

export interface GisExportOptions {
  language: GisLanguage;
  labels: GisLabels;
}

/** What the exports need of the app's Dataset (src/data/types.ts). */
export interface GisDataset {
  features: PlanFeature[];
  industryById: Map<string, Industry>;
  regionByCode: Map<string, Region>;
  documentById: Map<string, DocumentMeta>;
  /** The areas' outlines (src/data/outlines.ts): the files hold each area's shape. */
  outlines: Outlines;
}

/** One place as flat text columns (KML ExtendedData, GeoPackage columns). Lists are joined with "; ". */
export interface PlaceAttributes {
  id: string;
  /** In the chosen language. */
  name: string;
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
  kind: Kind;
  kind_label: string;
  /** Industry labels in the chosen language, in the dataset's order. */
  industries: string;
  /** The same industries as ids (taxonomy of data/industries.json). */
  industry_ids: string;
  prefectures: string;
  prefecture_codes: string;
  /** Empty for areas and for points without a county. */
  county: string;
  county_code: string;
  precision: Precision;
  precision_label: string;
  /** Id of the enclosing place, or empty. */
  parent: string;
  /** Titles of the plan documents whose clauses name the place. */
  documents: string;
  document_ids: string;
}

/** The column order of both formats. */
export const PLACE_COLUMNS: (keyof PlaceAttributes)[] = [
  'id',
  'name',
  'name_zh',
  'name_zh_hant',
  'name_en',
  'kind',
  'kind_label',
  'industries',
  'industry_ids',
  'prefectures',
  'prefecture_codes',
  'county',
  'county_code',
  'precision',
  'precision_label',
  'parent',
  'documents',
  'document_ids',
];

export const LIST_SEPARATOR = '; ';

export function placeAttributes(dataset: GisDataset, feature: PlanFeature, options: GisExportOptions): PlaceAttributes {
  const { language, labels } = options;
  const regionLabel = labels.region ?? ((r: Region) => nameIn(language, r));
  const docLabel = labels.documentTitle ?? ((d: DocumentMeta) => (language === 'en' ? d.title_en : d.title_zh));
  const join = (values: string[]) => values.join(LIST_SEPARATOR);
  const countyName =
    feature.county_name === undefined
      ? ''
      : language === 'en'
        ? (feature.county_name_en ?? feature.county_name)
        : feature.county_name;
  return {
    id: feature.id,
    name: nameIn(language, feature),
    name_zh: feature.name_zh,
    name_zh_hant: feature.name_zh_hant,
    name_en: feature.name_en,
    kind: feature.kind,
    kind_label: labels.kind?.(feature.kind) ?? feature.kind,
    industries: join(
      feature.industries.map((id) => {
        const industry = dataset.industryById.get(id);
        return industry ? labels.industry(industry) : id;
      }),
    ),
    industry_ids: join(feature.industries),
    prefectures: join(
      feature.prefecture.map((code) => {
        const region = dataset.regionByCode.get(code);
        return region ? regionLabel(region) : code;
      }),
    ),
    prefecture_codes: join(feature.prefecture),
    county: countyName,
    county_code: feature.county ?? '',
    precision: feature.precision,
    precision_label: labels.precision?.(feature.precision) ?? feature.precision,
    parent: feature.parent ?? '',
    documents: join(
      feature.docs.map((doc) => {
        const meta = dataset.documentById.get(doc);
        return meta ? docLabel(meta) : doc;
      }),
    ),
    document_ids: join(feature.docs),
  };
}

/** `fujian-plan-places-2026-12-01.kml`: the person's local date, so the name says the day they saved it. */
export function gisExportFileName(extension: 'kml' | 'gpkg', date: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `fujian-plan-places-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.${extension}`;
}
