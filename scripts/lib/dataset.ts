// Builds the dataset from curated records: anchors every quote, resolves places to boundaries,
// checks every point against its county, validates against the schema. Pure: all inputs are
// passed in, so tests can feed broken records and read the messages.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import cleanCoords from '@turf/clean-coords';
import simplify from '@turf/simplify';
import truncate from '@turf/truncate';
import union from '@turf/union';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { anchorQuote } from './anchor.ts';
import { repairPolygonal } from './valid-geometry.ts';
import { buildTaxonomy } from './taxonomy.ts';
import {
  ExtensionRecord,
  FeatureCollectionOut,
  FeatureRecord,
  Manifest,
  RecordFile,
  TaxonomyFile,
  TranslationFile,
  type FeaturePropertiesT,
  type FeatureRecordT,
  type ManifestEntryT,
  type SourceOutT,
  type SourceRecordT,
  type IndustriesOutT,
  type RegionsOutT,
} from './schema.ts';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';

const toPinyin = (zh: string) =>
  pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').replace(/\s+/g, ' ').trim();

/** Traditional Chinese as written in Taiwan, characters and phrases (OpenCC cn → twp: 软件 → 軟體). */
const toHant = OpenCC.Converter({ from: 'cn', to: 'twp' });

export interface DatasetInput {
  manifest: unknown;
  /** Document text by doc id. */
  texts: Record<string, string>;
  taxonomy: unknown;
  /** Record files: repository-relative path and parsed YAML. */
  records: { path: string; data: unknown }[];
  /** The project's translation files (sources/translations/<records file name>), path and parsed YAML. */
  translations: { path: string; data: unknown }[];
  counties: FeatureCollection<Polygon | MultiPolygon>;
  prefectures: FeatureCollection<Polygon | MultiPolygon>;
}

export interface DatasetOutput {
  errors: string[];
  features?: FeatureCollection<Geometry, FeaturePropertiesT>;
  industries?: IndustriesOutT;
  regions?: RegionsOutT;
  stats?: { byKind: Record<string, number>; byDoc: Record<string, number> };
}

interface Located {
  geometry: Geometry;
  county?: { code: string; name: string; prefecture: string };
  /** The prefecture (GB/T 2260 code) whose outline the area is: the place is this one unit. */
  outline?: string;
}

/** Simplification of administrative outlines in the dataset (degrees; ~100 m, the data's own grain). */
const SIMPLIFY_TOLERANCE = 0.001;

function zodMessage(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => `${i.path.map(String).join('.') || '(record)'}: ${i.message}`);
}

export function buildDataset(input: DatasetInput): DatasetOutput {
  const errors: string[] = [];

  const manifestParsed = Manifest.safeParse(input.manifest);
  if (!manifestParsed.success)
    return { errors: zodMessage(manifestParsed.error.issues).map((m) => `seeds/manifest.json: ${m}`) };
  const manifest = new Map<string, ManifestEntryT>(manifestParsed.data.map((m) => [m.doc, m]));
  for (const doc of manifest.keys())
    if (!(doc in input.texts)) errors.push(`seeds/manifest.json: ${doc}: no seeds/${doc}.txt`);

  const taxParsed = TaxonomyFile.safeParse(input.taxonomy);
  if (!taxParsed.success)
    return { errors: zodMessage(taxParsed.error.issues).map((m) => `sources/industries.yaml: ${m}`) };
  const taxonomy = buildTaxonomy(taxParsed.data, toHant, errors);
  const industryOrder = taxonomy.order;

  // Boundaries by name.
  const prefectureByName = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of input.prefectures.features) prefectureByName.set(String(f.properties!.name), f);
  const countyByRef = new Map<string, Feature<Polygon | MultiPolygon>>();
  for (const f of input.counties.features) countyByRef.set(`${f.properties!.prefecture}/${f.properties!.name}`, f);

  // Pass 1: parse records, collect full definitions and extensions.
  interface Entry {
    path: string;
    doc: string;
    index: number;
    record: FeatureRecordT;
  }
  const full = new Map<string, Entry>();
  const clauses = new Map<string, { path: string; doc: string; label: string; source: SourceRecordT }[]>();
  const extensions: { path: string; label: string; id: string }[] = [];
  const toTranslate = new Map<string, RecordsToTranslate>();

  for (const file of input.records) {
    const fileParsed = RecordFile.safeParse(file.data);
    if (!fileParsed.success) {
      for (const m of zodMessage(fileParsed.error.issues)) errors.push(`${file.path}: ${m}`);
      continue;
    }
    const doc = fileParsed.data.doc ?? '';
    if (doc && !manifest.has(doc)) {
      errors.push(`${file.path}: doc: "${doc}" is not in seeds/manifest.json`);
      continue;
    }
    const mine: RecordsToTranslate = { doc, clean: true, quotes: new Map(), notes: new Map() };
    toTranslate.set(file.path, mine);
    fileParsed.data.features.forEach((raw, index) => {
      const rawId = (raw as { id?: unknown })?.id;
      const label = `features[${index}]${typeof rawId === 'string' ? ` (${rawId})` : ''}`;
      const keys = raw && typeof raw === 'object' ? Object.keys(raw) : [];
      const isExtension = keys.every((k) => k === 'id' || k === 'sources');
      const parsed = isExtension ? ExtensionRecord.safeParse(raw) : FeatureRecord.safeParse(raw);
      if (!parsed.success) {
        for (const m of zodMessage(parsed.error.issues)) errors.push(`${file.path}: ${label}: ${m}`);
        mine.clean = false;
        return;
      }
      const rec = parsed.data;
      if (!doc && rec.sources.length > 0) {
        errors.push(`${file.path}: ${label}: sources: this file has no \`doc\`, so its records cannot quote clauses`);
        return;
      }
      if (!isExtension) {
        const prior = full.get(rec.id);
        if (prior) errors.push(`${file.path}: ${label}: id: duplicate id "${rec.id}" (also defined in ${prior.path})`);
        else full.set(rec.id, { path: file.path, doc, index, record: rec as FeatureRecordT });
      } else {
        extensions.push({ path: file.path, label, id: rec.id });
      }
      const list = clauses.get(rec.id) ?? [];
      rec.sources.forEach((source, s) => {
        list.push({ path: file.path, doc, label: `${label}: sources[${s}]`, source });
        const cited = mine.quotes.get(source.quote);
        if (cited) cited.count++;
        else mine.quotes.set(source.quote, { label: `${label}: sources[${s}]`, count: 1 });
      });
      clauses.set(rec.id, list);
      if ('note' in rec && rec.note) mine.notes.set(rec.id, label);
    });
  }
  const translations = readTranslations(
    input.translations,
    toTranslate,
    new Set(input.records.map((r) => r.path)),
    errors,
  );
  for (const ext of extensions) {
    if (!full.has(ext.id)) errors.push(`${ext.path}: ${ext.label}: id: extends "${ext.id}", which no record defines`);
  }

  // Pass 2: anchor clauses, check industries.
  const sourcesById = new Map<string, SourceOutT[]>();
  for (const [id, list] of clauses) {
    const out: SourceOutT[] = [];
    for (const c of list) {
      const text = input.texts[c.doc];
      const m = manifest.get(c.doc)!;
      const scope = m.anchor_scope ?? { start: 0, end: text.length };
      const anchored = anchorQuote(text, c.source, scope);
      const where = `${c.path}: ${c.label}`;
      if (!anchored.ok) {
        errors.push(`${where}.quote: ${anchored.error}: «${c.source.quote.slice(0, 40)}»`);
        continue;
      }
      for (const ind of c.source.industries) {
        if (!industryOrder.has(ind)) errors.push(`${where}.industries: unknown industry id "${ind}"`);
      }
      if (c.source.wording !== undefined && !c.source.quote.includes(c.source.wording)) {
        errors.push(`${where}.wording: "${c.source.wording}" is not part of the quote`);
      }
      const dup = out.find((o) => o.doc === c.doc && o.start === anchored.start && o.end === anchored.end);
      if (dup) {
        dup.industries = [...new Set([...dup.industries, ...c.source.industries])];
        continue;
      }
      out.push({
        doc: c.doc,
        start: anchored.start,
        end: anchored.end,
        quote: c.source.quote,
        // Missing ones are already reported by readTranslations, and stop the build.
        quote_en: translations.get(c.path)?.clauses.get(c.source.quote) ?? '',
        industries: [...c.source.industries],
        ...(c.source.wording ? { wording: c.source.wording } : {}),
      });
    }
    sourcesById.set(id, out);
  }

  // Pass 3: locate and assemble.
  const features: Feature<Geometry, FeaturePropertiesT>[] = [];
  for (const [id, entry] of full) {
    const rec = entry.record;
    const where = `${entry.path}: features[${entry.index}] (${id})`;
    const prefNames = Array.isArray(rec.prefecture) ? rec.prefecture : [rec.prefecture];
    const prefCodes: string[] = [];
    for (const name of prefNames) {
      const f = prefectureByName.get(name);
      if (!f) errors.push(`${where}: prefecture: unknown prefecture "${name}"`);
      else prefCodes.push(String(f.properties!.code));
    }
    const located = locate(rec, where, prefectureByName, countyByRef, errors);
    if (!located) continue;
    if (located.county && !prefNames.includes(located.county.prefecture)) {
      errors.push(
        `${where}: prefecture: the point's county lies in ${located.county.prefecture}, which is not in ${JSON.stringify(prefNames)}`,
      );
    }
    if (rec.parent && !full.has(rec.parent)) errors.push(`${where}: parent: no feature has id "${rec.parent}"`);
    if (rec.parent === id) errors.push(`${where}: parent: a feature cannot be its own parent`);
    const sources = (sourcesById.get(id) ?? []).sort((a, b) => a.doc.localeCompare(b.doc) || a.start - b.start);
    if (sources.length === 0) {
      const cited = (clauses.get(id) ?? []).length > 0; // if so, its anchoring errors are already reported
      if (!cited) errors.push(`${where}: sources: no clause of any document cites this feature`);
      continue;
    }
    const industries = [...new Set(sources.flatMap((s) => s.industries))].sort(
      (a, b) => (industryOrder.get(a) ?? 0) - (industryOrder.get(b) ?? 0),
    );
    for (const alias of rec.aliases_zh ?? []) {
      if (alias === rec.name_zh) errors.push(`${where}: aliases_zh: "${alias}" is the name itself`);
      else if (!Object.values(input.texts).some((t) => t.includes(alias)))
        errors.push(`${where}: aliases_zh: "${alias}" occurs in no document`);
    }
    const properties: FeaturePropertiesT = {
      id,
      name_zh: rec.name_zh,
      name_zh_hant: toHant(rec.name_zh),
      name_en: rec.name_en,
      name_pinyin: toPinyin(rec.name_zh),
      ...(rec.aliases_zh ? { aliases_zh: rec.aliases_zh, aliases_zh_hant: rec.aliases_zh.map((a) => toHant(a)) } : {}),
      ...(rec.aliases_en ? { aliases_en: rec.aliases_en } : {}),
      kind: rec.kind,
      industries,
      industries_text: [...new Set(sources.map((s) => s.wording).filter((w): w is string => Boolean(w)))],
      ...(rec.parent ? { parent: rec.parent } : {}),
      children: [],
      province: `${prefCodes[0]?.slice(0, 2) ?? '00'}0000`,
      prefecture: prefCodes,
      ...(located.county
        ? {
            county: located.county.code,
            county_name: located.county.name,
            county_name_en: englishPlaceName(located.county.name),
          }
        : {}),
      precision: rec.precision,
      ...(located.outline ? { outline: located.outline } : {}),
      ...(rec.function_zh ? { function_zh: rec.function_zh } : {}),
      ...(rec.note ? { note: rec.note, note_zh: translations.get(entry.path)?.notes.get(id) ?? '' } : {}),
      docs: [...new Set(sources.map((s) => s.doc))].sort(),
      sources,
    };
    features.push({ type: 'Feature', id, properties, geometry: located.geometry });
  }

  // One place per prefecture outline: the map draws the outline once, for one place.
  const outlined = new Map<string, string>();
  for (const f of features) {
    const code = f.properties.outline;
    if (!code) continue;
    const other = outlined.get(code);
    if (other)
      errors.push(
        `${full.get(f.properties.id)!.path}: ${f.properties.id}: location.admin: ${other} is already this whole prefecture (${code}); one place per administrative unit`,
      );
    else outlined.set(code, f.properties.id);
  }

  // Parent cycles and children lists.
  const byId = new Map(features.map((f) => [f.properties.id, f]));
  for (const f of features) {
    const seen = new Set<string>([f.properties.id]);
    let p = f.properties.parent;
    while (p) {
      if (seen.has(p)) {
        errors.push(
          `${full.get(f.properties.id)!.path}: ${f.properties.id}: parent: parent chain loops back (${[...seen].join(' → ')})`,
        );
        break;
      }
      seen.add(p);
      p = byId.get(p)?.properties.parent;
    }
    if (f.properties.parent) byId.get(f.properties.parent)?.properties.children.push(f.properties.id);
  }
  for (const f of features) f.properties.children.sort();
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id));

  if (full.size === 0) errors.push('sources/records: no feature records at all');
  // Coverage is checked only on otherwise clean input, so one broken record is not reported twice.
  if (errors.length === 0)
    for (const doc of manifest.keys()) {
      if (!features.some((f) => f.properties.docs.includes(doc))) errors.push(`${doc}: no feature cites this document`);
    }
  if (errors.length) return { errors };

  const collection = { type: 'FeatureCollection' as const, features };
  const check = FeatureCollectionOut.safeParse(collection);
  if (!check.success) return { errors: zodMessage(check.error.issues).map((m) => `data/features.geojson: ${m}`) };

  const byKind: Record<string, number> = {};
  const byDoc: Record<string, number> = {};
  for (const f of features) {
    byKind[f.properties.kind] = (byKind[f.properties.kind] ?? 0) + 1;
    for (const d of f.properties.docs) byDoc[d] = (byDoc[d] ?? 0) + 1;
  }
  const industries = taxonomy.output;
  // Names of every prefecture a feature refers to, for lists and filters that work without the map.
  const used = new Set(features.flatMap((f) => f.properties.prefecture));
  const regions: RegionsOutT = input.prefectures.features
    .filter((f) => used.has(String(f.properties!.code)))
    .map((f) => {
      const zh = String(f.properties!.name);
      return {
        code: String(f.properties!.code),
        province: String(f.properties!.province_code),
        name_zh: zh,
        name_zh_hant: toHant(zh),
        name_en: englishPlaceName(zh),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));
  return { errors, features: collection, industries, regions, stats: { byKind, byDoc } };
}

/** What one records file asks of its translations file. */
interface RecordsToTranslate {
  doc: string;
  /** False when a record failed to parse: its quotes are unknown, so stale entries are not judged. */
  clean: boolean;
  /** Distinct quote text -> the first source citing it, and how many do. */
  quotes: Map<string, { label: string; count: number }>;
  /** Ids of the features defined with a `note`, -> their label. */
  notes: Map<string, string>;
}

interface Translations {
  clauses: Map<string, string>;
  notes: Map<string, string>;
}

/** sources/records/x.yaml -> sources/translations/x.yaml */
export const translationsPathFor = (recordsPath: string) =>
  `sources/translations/${recordsPath.slice(recordsPath.lastIndexOf('/') + 1)}`;

/**
 * Reads the project's translation files and checks them both ways against the records files:
 * every cited clause has English, every note has Chinese, and no entry translates what nothing
 * cites. The same clause of a document translated differently in two files is an error too.
 */
function readTranslations(
  files: DatasetInput['translations'],
  toTranslate: Map<string, RecordsToTranslate>,
  recordsPaths: Set<string>,
  errors: string[],
): Map<string, Translations> {
  const recordsByTranslationPath = new Map([...recordsPaths].map((p) => [translationsPathFor(p), p]));
  const byRecordsPath = new Map<string, Translations>();
  /** `${doc}\n${quote}` -> the first file's rendering, to catch two files disagreeing. */
  const renderedBy = new Map<string, { en: string; path: string }>();
  const unreadable = new Set<string>();
  const snip = (quote: string) => `«${quote.slice(0, 40)}${quote.length > 40 ? '…' : ''}»`;

  for (const file of files) {
    const recordsPath = recordsByTranslationPath.get(file.path);
    if (!recordsPath) {
      const stem = file.path.slice(file.path.lastIndexOf('/') + 1);
      errors.push(`${file.path}: there is no sources/records/${stem} to translate`);
      continue;
    }
    const want = toTranslate.get(recordsPath);
    if (!want) continue; // the records file itself is broken, and reported
    const parsed = TranslationFile.safeParse(file.data);
    if (!parsed.success) {
      for (const m of zodMessage(parsed.error.issues)) errors.push(`${file.path}: ${m}`);
      unreadable.add(recordsPath); // reported once here, not once per clause below
      continue;
    }
    const doc = parsed.data.doc ?? '';
    if (doc !== want.doc) {
      errors.push(
        `${file.path}: doc: ${doc ? `"${doc}"` : 'none'}, but ${recordsPath} has ${want.doc ? `"${want.doc}"` : 'none'}`,
      );
    }
    const clauses = new Map<string, string>();
    parsed.data.clauses.forEach(({ quote, en }, i) => {
      const where = `${file.path}: clauses[${i}]`;
      if (clauses.has(quote)) {
        errors.push(`${where}.quote: a second entry for the same quote ${snip(quote)} (one entry per text)`);
        return;
      }
      clauses.set(quote, en);
      if (want.clean && !want.quotes.has(quote))
        errors.push(`${where}.quote: stale: no source in ${recordsPath} quotes ${snip(quote)}`);
      const key = `${want.doc}\n${quote}`;
      const prior = renderedBy.get(key);
      if (!prior) renderedBy.set(key, { en, path: file.path });
      else if (prior.en !== en)
        errors.push(
          `${where}.en: differs from ${prior.path}, which renders the same clause of ${want.doc} ${snip(quote)}`,
        );
    });
    const notes = new Map(Object.entries(parsed.data.notes));
    for (const id of notes.keys()) {
      if (want.clean && !want.notes.has(id))
        errors.push(`${file.path}: notes.${id}: stale: ${recordsPath} defines no feature "${id}" with a note`);
    }
    byRecordsPath.set(recordsPath, { clauses, notes });
  }

  for (const [recordsPath, want] of toTranslate) {
    if (unreadable.has(recordsPath)) continue;
    const have = byRecordsPath.get(recordsPath);
    if (!have) {
      if (want.quotes.size || want.notes.size)
        errors.push(
          `${recordsPath}: no ${translationsPathFor(recordsPath)}: the project's translations of its ${want.quotes.size} cited clause(s) and ${want.notes.size} note(s) are missing`,
        );
      continue;
    }
    for (const [quote, cited] of want.quotes) {
      if (!have.clauses.has(quote))
        errors.push(
          `${recordsPath}: ${cited.label}.quote: no English rendering in ${translationsPathFor(recordsPath)}${cited.count > 1 ? ` (quoted by ${cited.count} sources)` : ''}: ${snip(quote)}`,
        );
    }
    for (const [id, label] of want.notes) {
      if (!have.notes.has(id))
        errors.push(
          `${recordsPath}: ${label}: note: no Simplified Chinese rendering (notes.${id}) in ${translationsPathFor(recordsPath)}`,
        );
    }
  }
  return byRecordsPath;
}

function locate(
  rec: FeatureRecordT,
  where: string,
  prefectureByName: Map<string, Feature<Polygon | MultiPolygon>>,
  countyByRef: Map<string, Feature<Polygon | MultiPolygon>>,
  errors: string[],
): Located | null {
  const loc = rec.location;
  const countyInfo = (f: Feature) => ({
    code: String(f.properties!.code),
    name: String(f.properties!.name),
    prefecture: String(f.properties!.prefecture),
  });
  if ('point' in loc || 'seat' in loc) {
    const ref = 'point' in loc ? loc.county : loc.seat;
    const county = countyByRef.get(ref);
    if (!county) {
      errors.push(
        `${where}: location.${'point' in loc ? 'county' : 'seat'}: unknown county "${ref}" (see sources/counties.txt)`,
      );
      return null;
    }
    const coords = ('point' in loc ? loc.point : county.properties!.seat) as Position;
    if (!booleanPointInPolygon(coords, county)) {
      errors.push(`${where}: location: point [${coords.join(', ')}] lies outside its county ${ref}`);
      return null;
    }
    if (rec.precision === 'admin_boundary' || rec.precision === 'approximate_area') {
      errors.push(`${where}: precision: "${rec.precision}" is for areas, but the location is a point`);
    }
    return {
      geometry: { type: 'Point', coordinates: [round(coords[0], 5), round(coords[1], 5)] },
      county: countyInfo(county),
    };
  }
  const refs = Array.isArray(loc.admin) ? loc.admin : [loc.admin];
  const parts: Feature<Polygon | MultiPolygon>[] = [];
  for (const ref of refs) {
    const f = ref.includes('/') ? countyByRef.get(ref) : prefectureByName.get(ref);
    if (!f) errors.push(`${where}: location.admin: unknown administrative unit "${ref}"`);
    else parts.push(f);
  }
  if (parts.length !== refs.length) return null;
  if (!rec.precision.startsWith('admin') && rec.precision !== 'approximate_area') {
    errors.push(`${where}: precision: "${rec.precision}" is for points, but the location is an area`);
  }
  let merged: Feature<Polygon | MultiPolygon> = parts[0];
  if (parts.length > 1) {
    const u = union({ type: 'FeatureCollection', features: parts });
    if (!u) {
      errors.push(`${where}: location.admin: the units do not form an area`);
      return null;
    }
    merged = u;
  }
  const simple = truncate(simplify(dropDegenerateRings(merged), { tolerance: SIMPLIFY_TOLERANCE, highQuality: true }), {
    precision: 4,
    coordinates: 2,
  });
  // Simplifying ring by ring and rounding make rings cross; repair last, on the same 4-decimal grid.
  const valid = repairPolygonal(simple.geometry, 4);
  if (!valid) {
    errors.push(`${where}: location.admin: the area vanishes when simplified`);
    return null;
  }
  // A place that is one prefecture: the map draws it from the basemap's outline of that prefecture
  // (the same boundaries), not from the tiles.
  const whole = rec.precision === 'admin_boundary' && refs.length === 1 && !refs[0].includes('/');
  return { geometry: valid, ...(whole ? { outline: String(parts[0].properties!.code) } : {}) };
}

/** Source outlines hold slivers (islets that collapse to a line) that turf cannot simplify. */
function dropDegenerateRings(f: Feature<Polygon | MultiPolygon>): Feature<MultiPolygon> {
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const usable = (ring: Position[]) => {
    try {
      cleanCoords({ type: 'Polygon', coordinates: [ring] });
      return true;
    } catch {
      return false;
    }
  };
  const kept = polys.filter((poly) => usable(poly[0])).map((poly) => [poly[0], ...poly.slice(1).filter(usable)]);
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** 福州市 -> Fuzhou: title-cased pinyin without the administrative suffix. */
export function englishPlaceName(zh: string): string {
  const stem = zh.length > 2 ? zh.replace(/(市|县|区)$/, '') : zh;
  const p = pinyin(stem, { toneType: 'none', type: 'array' }).join('');
  return p.charAt(0).toUpperCase() + p.slice(1);
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
