// The dataset's public contract (data/features.geojson, data/industries.json) and the shape of
// the curated source records, as zod schemas. JSON Schema files in data/schema/ are generated
// from the output schemas by the data build.
import { z } from 'zod';

export const KINDS = [
  'prefecture',
  'county',
  'comprehensive_experimental_zone',
  'taiwan_investment_zone',
  'sub_area',
  'specialised_park',
  'bonded_area',
  'dry_port',
  'port',
  'export_base',
  'development_zone',
  'key_area',
  'ftz_area',
  'platform',
  'other',
] as const;

export const PRECISIONS = [
  'admin_boundary',
  'approximate_area',
  'point_site',
  'point_town',
  'point_county_seat',
  'point_prefecture_seat',
] as const;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lowercase a-z, 0-9 and single hyphens');
const docId = z.string().regex(/^\d{3}_[0-9a-f]{16}$/, 'a seeds/ file name without .txt');
const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const countyRef = z.string().regex(/^[^/]+市\/[^/]+$/, 'written as 市/县, e.g. 漳州市/漳浦县');
const adminRef = z.string().regex(/^[^/]+市(\/[^/]+)?$/, 'a prefecture (福州市) or a county (福州市/平潭县)');

// ---- curated records (sources/records/*.yaml) ----
export const SourceRecord = z.strictObject({
  quote: z.string().min(4, 'a clause, not a fragment'),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
  industries: z.array(slug).default([]),
  wording: z.string().optional(),
});

export const Location = z.union([
  z.strictObject({ point: lonLat, county: countyRef }),
  z.strictObject({ seat: countyRef }),
  z.strictObject({ admin: z.union([adminRef, z.array(adminRef).min(1)]) }),
]);

export const FeatureRecord = z.strictObject({
  id: slug,
  name_zh: z.string().min(1),
  name_en: z.string().min(1),
  // Other names the documents use for this place, each as written in some document (checked).
  aliases_zh: z.array(z.string().min(2)).min(1).optional(),
  aliases_en: z.array(z.string().min(2)).min(1).optional(),
  kind: z.enum(KINDS),
  parent: slug.optional(),
  prefecture: z.union([z.string(), z.array(z.string()).min(1)]),
  location: Location,
  precision: z.enum(PRECISIONS),
  function_zh: z.string().optional(),
  note: z.string().optional(),
  // May be empty in a file without `doc` (e.g. prefectures.yaml): the clauses then come from
  // extension records in the documents' files. The build requires at least one in the end.
  sources: z.array(SourceRecord).default([]),
});

export const ExtensionRecord = z.strictObject({
  id: slug,
  sources: z.array(SourceRecord).min(1, 'an extension adds at least one source clause'),
});

export const RecordFile = z.strictObject({
  doc: docId.optional().describe('the document every quote in this file comes from'),
  features: z.array(z.unknown()).min(1),
});

/** GB/T 4754-2017 门类 (section) letter → the 大类 (division) numbers it spans. */
export const GBT4754_SECTIONS: Record<string, [number, number]> = {
  A: [1, 5],
  B: [6, 12],
  C: [13, 43],
  D: [44, 46],
  E: [47, 50],
  F: [51, 52],
  G: [53, 60],
  H: [61, 62],
  I: [63, 65],
  J: [66, 69],
  K: [70, 70],
  L: [71, 72],
  M: [73, 75],
  N: [76, 79],
  O: [80, 82],
  P: [83, 83],
  Q: [84, 85],
  R: [86, 90],
  S: [91, 96],
  T: [97, 97],
};

const gbt4754 = z
  .strictObject({
    section: z.string().regex(/^[A-T]$/, 'a GB/T 4754-2017 门类 letter A–T'),
    division: z
      .string()
      .regex(/^\d{2}$/, 'a two-digit 大类 number')
      .optional(),
  })
  .describe('GB/T 4754-2017 国民经济行业分类: 门类 letter and, where the entry lies in one, 大类 number');
const sei2018 = z
  .string()
  .regex(/^[1-9]$/, 'a first-level category 1–9')
  .describe('战略性新兴产业分类(2018) first-level category (1–9)');
const termList = z.array(z.string().min(1));

export const TaxonomyEntry = z.strictObject({
  id: slug,
  group: slug.optional().describe("for industries and sector terms; a sub-industry takes its parent's"),
  parent: slug.optional().describe('a sub-industry: the industry that includes it'),
  level: z.literal('sector').optional(),
  zh: z.string().min(1),
  zh_hant: z.string().min(1).optional().describe('only where the Taiwan term is not what OpenCC cn→twp gives'),
  en: z.string().min(1),
  synonyms: z
    .strictObject({ zh: termList.optional(), zh_hant: termList.optional(), en: termList.optional() })
    .optional(),
  gbt4754: gbt4754.optional(),
  sei2018: sei2018.optional(),
  note: z.string().optional(),
});

export const TaxonomyFile = z.strictObject({
  groups: z.array(z.strictObject({ id: slug, zh: z.string(), en: z.string() })).min(1),
  industries: z.array(TaxonomyEntry).min(1),
});

export const ManifestEntry = z.strictObject({
  doc: docId,
  title_zh: z.string(),
  title_en: z.string(),
  issuer_zh: z.string(),
  issuer_en: z.string(),
  issued: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  period: z.strictObject({ start: z.number().int(), end: z.number().int() }),
  province: z.string().regex(/^\d{2}0000$/),
  condition: z.string(),
  anchor_scope: z.strictObject({ start: z.number().int().min(0), end: z.number().int() }).optional(),
});
export const Manifest = z.array(ManifestEntry).min(1);

// ---- the project's own translations (sources/translations/<records file>.yaml) ----
/** Text the project writes; YAML `en:` with nothing after it parses as null, hence the message. */
const projectText = (what: string) =>
  z
    .string({ error: (issue) => (issue.input == null ? `missing: write ${what}` : `${what} must be text`) })
    .regex(/\S/, `empty: write ${what}`);

export const TranslationFile = z.strictObject({
  doc: docId.optional().describe('the doc of the records file of the same name (omitted when it has none)'),
  clauses: z
    .array(
      z.strictObject({
        quote: z.string().min(1).describe('exactly the `quote` of a source in the records file'),
        en: projectText('the English rendering of the quote'),
      }),
    )
    .default([]),
  notes: z.record(slug, projectText('the Simplified Chinese rendering of the note')).default({}),
});

// ---- outputs (data/) ----
export const SourceOut = z.strictObject({
  doc: docId,
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  quote: z.string().min(1).describe('exactly text.slice(start, end) of seeds/<doc>.txt'),
  quote_en: z
    .string()
    .regex(/\S/)
    .describe(
      "the project's English rendering of quote (sources/translations/), not the document's text: the document is Chinese only",
    ),
  industries: z.array(slug).describe('industry ids this clause plans for the place'),
  wording: z.string().optional().describe("the document's own words for those industries (a substring of quote)"),
});

export const FeatureProperties = z
  .strictObject({
    id: slug,
    name_zh: z.string().describe('the name as the document writes it (Simplified Chinese)'),
    name_zh_hant: z.string().describe('name_zh in Traditional Chinese with Taiwan phrases (OpenCC cn→twp)'),
    name_en: z.string(),
    name_pinyin: z
      .string()
      .describe('toneless pinyin of name_zh, syllables separated by spaces (pinyin-pro), for search'),
    aliases_zh: z
      .array(z.string())
      .optional()
      .describe('other names the documents use for this place (each occurs in some document text)'),
    aliases_zh_hant: z.array(z.string()).optional().describe('aliases_zh in Traditional Chinese (OpenCC cn→twp)'),
    aliases_en: z.array(z.string()).optional().describe('English forms of the aliases, where one exists'),
    kind: z.enum(KINDS),
    industries: z.array(slug).describe('union of the industries of all sources, in taxonomy order'),
    industries_text: z.array(z.string()).describe("the documents' own wording, one entry per distinct wording"),
    parent: slug.optional(),
    children: z.array(slug).describe('ids of features whose parent is this feature'),
    province: z.string().regex(/^\d{2}0000$/),
    prefecture: z
      .array(z.string().regex(/^\d{4}00$/))
      .min(1)
      .describe('GB/T 2260 codes of prefecture-level cities'),
    county: z
      .string()
      .regex(/^\d{6}$/)
      .optional()
      .describe('GB/T 2260 code of the county a point lies in'),
    county_name: z.string().optional(),
    county_name_en: z.string().optional(),
    precision: z.enum(PRECISIONS),
    outline: z
      .string()
      .regex(/^\d{4}00$/)
      .optional()
      .describe(
        "for a place that is one whole prefecture (admin_boundary): its GB/T 2260 code; the map draws the place from the basemap's outline of that prefecture (public/basemap/prefectures.geojson), not from the tiles",
      ),
    function_zh: z.string().optional(),
    note: z.string().optional().describe("the project's reading of the text (English), not the document's"),
    note_zh: z
      .string()
      .regex(/\S/)
      .optional()
      .describe("the project's Simplified Chinese rendering of note (sources/translations/); present whenever note is"),
    docs: z.array(docId).min(1).describe('documents that cite this place'),
    sources: z.array(SourceOut).min(1),
  })
  .refine((p) => p.note === undefined || p.note_zh !== undefined, {
    message: 'a feature with a note needs note_zh',
    path: ['note_zh'],
  })
  .meta({ dependentRequired: { note: ['note_zh'] } });

const position = z.tuple([z.number(), z.number()]);
export const Geometry = z.union([
  z.strictObject({ type: z.literal('Point'), coordinates: position }),
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position).min(4))) }),
]);

export const FeatureCollectionOut = z.strictObject({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.strictObject({ type: z.literal('Feature'), id: slug, properties: FeatureProperties, geometry: Geometry }),
  ),
});

export const INDUSTRY_LEVELS = ['sector', 'industry', 'sub_industry'] as const;

export const IndustriesOut = z.strictObject({
  groups: z.array(z.strictObject({ id: slug, zh: z.string(), zh_hant: z.string(), en: z.string() })),
  industries: z.array(
    z.strictObject({
      id: slug,
      group: slug,
      level: z
        .enum(INDUSTRY_LEVELS)
        .describe('sector: a sector-level term; industry; sub_industry: part of the industry `parent`'),
      parent: slug.optional().describe('for a sub-industry: the industry that includes it'),
      children: z
        .array(slug)
        .describe('the sub-industries this industry includes: a place tagged with one of them has this industry too'),
      zh: z.string(),
      zh_hant: z.string().describe('Traditional Chinese as used in Taiwan'),
      en: z.string(),
      pinyin: z.string(),
      synonyms: z
        .strictObject({ zh: termList, zh_hant: termList, en: termList })
        .describe('search terms per language besides the label'),
      gbt4754: gbt4754.optional(),
      sei2018: sei2018.optional(),
      note: z.string().optional(),
    }),
  ),
});

export const RegionsOut = z.array(
  z.strictObject({
    code: z.string().regex(/^\d{4}00$/),
    province: z.string().regex(/^\d{2}0000$/),
    name_zh: z.string(),
    name_zh_hant: z.string(),
    name_en: z.string(),
  }),
);
export type RegionsOutT = z.infer<typeof RegionsOut>;
export type IndustriesOutT = z.infer<typeof IndustriesOut>;

export type FeatureRecordT = z.infer<typeof FeatureRecord>;
export type SourceRecordT = z.infer<typeof SourceRecord>;
export type ManifestEntryT = z.infer<typeof ManifestEntry>;
export type TaxonomyT = z.infer<typeof TaxonomyFile>;
export type FeaturePropertiesT = z.infer<typeof FeatureProperties>;
export type SourceOutT = z.infer<typeof SourceOut>;
export type TranslationFileT = z.infer<typeof TranslationFile>;
