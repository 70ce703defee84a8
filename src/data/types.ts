import type { FeatureCollection } from 'geojson';

export type Kind =
  | 'prefecture'
  | 'county'
  | 'comprehensive_experimental_zone'
  | 'taiwan_investment_zone'
  | 'sub_area'
  | 'specialised_park'
  | 'bonded_area'
  | 'dry_port'
  | 'port'
  | 'export_base'
  | 'development_zone'
  | 'key_area'
  | 'ftz_area'
  | 'platform'
  | 'other';

export type Precision =
  | 'admin_boundary'
  | 'approximate_area'
  | 'point_site'
  | 'point_town'
  | 'point_county_seat'
  | 'point_prefecture_seat';

/**
 * A clause a place cites: where it is (document and offsets) and what it plans. Its words are in
 * `ClauseText`, fetched with the place's other texts when a panel shows them (data/place-texts.ts).
 */
export interface Clause {
  doc: string;
  start: number;
  end: number;
  industries: string[];
  /** `industries` and every broader industry they belong to (computed on load; see taxonomy.ts). */
  industryRollup: string[];
  wording?: string;
}

/** A clause's words: as the document writes them (`quote`), and the project's English. */
export interface ClauseText {
  quote: string;
  /** The project's English rendering of quote, not the document's text. */
  quote_en: string;
}

/** A place's words that only its panels show, not the list or the map (data/texts/, DATA.md). */
export interface PlaceTextFields {
  function_zh?: string;
  note?: string;
  /** The project's Simplified Chinese rendering of note; present whenever note is. */
  note_zh?: string;
}

/** What data/texts/ holds for one place: its texts, and its clauses' words in `sources` order. */
export interface PlaceTexts extends PlaceTextFields {
  clauses: ClauseText[];
}

export type TextedClause = Clause & ClauseText;
/** A place with its texts: what the detail panel, the brief and the exports show. */
export type TextedPlace = Omit<PlanFeature, 'sources'> & PlaceTextFields & { sources: TextedClause[] };

/** One place of the attribute table, data/places.json (see DATA.md for the contract). */
export interface PlanFeature {
  id: string;
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
  name_pinyin: string;
  /** Other names the documents use for the place (DATA.md). */
  aliases_zh?: string[];
  aliases_zh_hant?: string[];
  aliases_en?: string[];
  kind: Kind;
  industries: string[];
  industries_text: string[];
  parent?: string;
  children: string[];
  province: string;
  prefecture: string[];
  county?: string;
  county_name?: string;
  county_name_en?: string;
  precision: Precision;
  /**
   * A place that is one whole prefecture: its GB/T 2260 code. The map draws it from the basemap's
   * outline of that prefecture (public/basemap/prefectures.geojson), which the tiles do not repeat.
   */
  outline?: string;
  docs: string[];
  sources: Clause[];
  /**
   * A point place's position, [lng, lat]; null for an area. The map draws areas from the tiles
   * (data/plan.pmtiles); a panel that needs an outline loads it (data/outlines.ts).
   */
  point: [number, number] | null;
  /**
   * Where distances are measured from: the point, or an area's centroid (the mean of its outline's
   * vertices, as turf's `centroid`; computed at build time, scripts/lib/plan-split.ts).
   */
  origin: [number, number];
  /**
   * `industries` and every broader industry they belong to, computed on load: filters, counts and
   * the map select by it, so that an industry includes its sub-industries.
   */
  industryRollup: string[];
  /** [west, south, east, north] (the table's GeoJSON bbox). */
  bbox: [number, number, number, number];
  /** The place's row in the attribute table: its texts are in chunk ⌊row / chunk size⌋ of data/texts/. */
  row: number;
}

/** A clause as data/features.geojson stores it (without what the loader computes). */
/** One object type from an intersection (the contract test compares types exactly). */
type Flat<T> = { [K in keyof T]: T[K] };
export type StoredClause = Flat<Omit<Clause, 'industryRollup'> & ClauseText>;
/** A place's properties as data/features.geojson stores them (without what the loader computes). */
export type StoredProperties = Omit<PlanFeature, 'point' | 'origin' | 'bbox' | 'row' | 'industryRollup' | 'sources'> &
  PlaceTextFields & {
    sources: StoredClause[];
  };

/** Where the attribute table's texts are: `files[k]` holds rows k·chunk … (k+1)·chunk − 1. */
export interface TextChunks {
  chunk: number;
  /** Absolute URLs. */
  urls: string[];
}

export interface Industry {
  id: string;
  group: string;
  /** sector: a sector-level term; sub_industry: part of `parent` (DATA.md, "The taxonomy"). */
  level?: 'sector' | 'industry' | 'sub_industry';
  parent?: string;
  /** Sub-industries this industry includes. */
  children?: string[];
  zh: string;
  zh_hant: string;
  en: string;
  pinyin: string;
  synonyms?: { zh: string[]; zh_hant: string[]; en: string[] };
  /** GB/T 4754-2017 门类 letter and 大类 number. */
  gbt4754?: { section: string; division?: string };
  /** 战略性新兴产业分类(2018) first-level category. */
  sei2018?: string;
  note?: string;
}

export interface IndustryGroup {
  id: string;
  zh: string;
  zh_hant: string;
  en: string;
}

export interface Region {
  code: string;
  province: string;
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
}

export interface DocumentMeta {
  doc: string;
  title_zh: string;
  title_en: string;
  issuer_zh: string;
  issuer_en: string;
  issued: string;
  period: { start: number; end: number };
  province: string;
  condition: string;
}

export interface Dataset {
  features: PlanFeature[];
  byId: Map<string, PlanFeature>;
  industries: Industry[];
  industryById: Map<string, Industry>;
  groups: IndustryGroup[];
  regions: Region[];
  regionByCode: Map<string, Region>;
  documents: DocumentMeta[];
  documentById: Map<string, DocumentMeta>;
  /** The places' texts, by chunk (null: the table names none, as in a test's hand-made table). */
  texts: TextChunks | null;
  /**
   * The tile archive's first zoom (the table's `tiles.minzoom`): below it the archive has no tiles,
   * because a tile would hold too many places, and the map counts them instead (plan-map/counts.ts).
   */
  tileMinZoom: number;
  /** `features` indices in list order, as the build wrote them (query.ts checks it); null: not given. */
  listOrder: number[] | null;
  /** The table's worker found `listOrder` sorted: only that it lists each place once is checked. */
  listOrderSorted: boolean;
  /** Records that could not be read, each with the reason; the rest of the data still loads. */
  problems: string[];
}

export const KIND_ORDER: Kind[] = [
  'prefecture',
  'comprehensive_experimental_zone',
  'taiwan_investment_zone',
  'ftz_area',
  'sub_area',
  'specialised_park',
  'development_zone',
  'key_area',
  'export_base',
  'bonded_area',
  'port',
  'dry_port',
  'platform',
  'county',
  'other',
];

/** A person's own file of sites, parsed and checked (src/features/own-layer/parse/). */
export interface UserLayer {
  name: string;
  collection: FeatureCollection;
  featureCount: number;
  bbox: [number, number, number, number];
  propertyKeys: string[];
}
