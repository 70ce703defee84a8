// Seeded, deterministic synthetic datasets shaped exactly like data/features.geojson (see DATA.md),
// spread over the provinces of the embedded basemap, for the benchmark (`npm run bench`).
//
//   npx tsx bench/generate.ts [--n 1000,10000,100000] [--seed 20240607]   (writes bench/.data/)
//
// For each N: features-N.geojson (the full dataset), and what the build derives from it for the
// first view with the same functions as for the real data (scripts/lib/plan-split.ts, one path):
// places-N.json (the attribute table) and plan-N.pmtiles (the vector-tile archive).
//
// Same seed and N, same bytes. Quotes are real slices of seeds/*.txt (quote === text.slice(start,
// end)); industry ids come from data/industries.json; names are composed from a pool of place-name
// syllables, with Traditional (OpenCC cn→tw) and pinyin (pinyin-pro) computed once per part.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon, Position } from 'geojson';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import { placesTable, planArchive } from '../scripts/lib/plan-split.ts';
import { formatJson } from '../scripts/lib/write-json.ts';
import { encodePlacesTableBinary } from '../src/data/places-table-binary.ts';
import { rollupOf } from '../src/data/taxonomy.ts';
import type { Industry, Kind, Precision, Region, StoredProperties } from '../src/data/types.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SEED = 20240607;
export const DEFAULT_SIZES = [1_000, 10_000, 100_000];
export const DATA_DIR = join(ROOT, 'bench', '.data');
/** Bump when the generator's output changes, so cached files are rebuilt. */
const GENERATOR_VERSION = 3;

// ---- seeded randomness (mulberry32) ----

export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const weighted = <T>(pairs: readonly (readonly [T, number])[]): T => {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = next() * total;
    for (const [v, w] of pairs) if ((r -= w) < 0) return v;
    return pairs[pairs.length - 1][0];
  };
  const gauss = () => {
    const u = Math.max(next(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return { next, int, pick, weighted, gauss };
}
type Rng = ReturnType<typeof rng>;

// ---- inputs ----

interface Inputs {
  industries: Industry[];
  regions: Region[];
  docs: { doc: string; text: string; lines: { start: number; end: number }[] }[];
  provinces: Feature<Polygon | MultiPolygon, { code: string; name: string }>[];
}

function readInputs(): Inputs {
  const json = (p: string) => JSON.parse(readFileSync(join(ROOT, p), 'utf8'));
  const manifest = json('seeds/manifest.json') as { doc: string }[];
  const docs = manifest.map(({ doc }) => {
    const text = readFileSync(join(ROOT, 'seeds', `${doc}.txt`), 'utf8');
    // Runs of text without line breaks, long enough to quote from.
    const lines: { start: number; end: number }[] = [];
    let at = 0;
    for (const line of text.split('\n')) {
      const trimmed = line.trimEnd();
      if (trimmed.trim().length >= 40)
        lines.push({ start: at + (trimmed.length - trimmed.trimStart().length), end: at + trimmed.length });
      at += line.length + 1;
    }
    return { doc, text, lines };
  });
  const provinces = (json('public/basemap/provinces.geojson') as FeatureCollection<Polygon | MultiPolygon>).features;
  return {
    industries: (json('data/industries.json') as { industries: Industry[] }).industries,
    regions: json('data/regions.json') as Region[],
    docs,
    provinces: provinces as Inputs['provinces'],
  };
}

// ---- names ----

/** Characters common in Chinese place names; pairs of them make the synthetic localities. */
const NAME_CHARS = [
  ...'东西南北湖山江河海城新安平阳华金龙凤兴宁泰丰元明青白石桥港台天长永福德清源林溪峰岭云宝富嘉和康盛广昌顺祥瑞恒利通达鸿鹏翔远',
];

const toHant = OpenCC.Converter({ from: 'cn', to: 'tw' });
const toPinyin = (zh: string) =>
  pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join(' ').replace(/\s+/g, ' ').trim();
const title = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

interface Part {
  zh: string;
  hant: string;
  pinyin: string;
  en: string;
}
const part = (zh: string, en?: string): Part => {
  const p = toPinyin(zh);
  return { zh, hant: toHant(zh), pinyin: p, en: en ?? title(p.replace(/ /g, '')) };
};

/** Roughly the mix of the real dataset, with more development zones and parks, as nationally. */
const KIND_WEIGHTS: [Kind, number][] = [
  ['development_zone', 26],
  ['specialised_park', 20],
  ['sub_area', 8],
  ['export_base', 8],
  ['platform', 8],
  ['key_area', 6],
  ['bonded_area', 5],
  ['port', 5],
  ['county', 4],
  ['dry_port', 2],
  ['prefecture', 1.5],
  ['other', 1],
  ['taiwan_investment_zone', 0.6],
  ['ftz_area', 0.6],
  ['comprehensive_experimental_zone', 0.3],
];

const SUFFIXES: Record<Kind, [string, string][]> = {
  prefecture: [['', '']],
  county: [['县', 'County']],
  comprehensive_experimental_zone: [['综合实验区', 'Comprehensive Experimental Zone']],
  taiwan_investment_zone: [['台商投资区', 'Taiwanese Investment Zone']],
  sub_area: [
    ['片区', 'Area'],
    ['组团', 'Cluster'],
  ],
  specialised_park: [
    ['产业园', 'Industrial Park'],
    ['工业园', 'Industry Park'],
    ['科技园', 'Science Park'],
  ],
  bonded_area: [
    ['综合保税区', 'Comprehensive Bonded Zone'],
    ['保税物流园区', 'Bonded Logistics Park'],
  ],
  dry_port: [['陆地港', 'Inland Port']],
  port: [
    ['港区', 'Port Area'],
    ['港', 'Port'],
  ],
  export_base: [['出口基地', 'Export Base']],
  development_zone: [
    ['经济技术开发区', 'Economic and Technological Development Zone'],
    ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
    ['经济开发区', 'Economic Development Zone'],
    ['工业集中区', 'Industrial Concentration Area'],
  ],
  key_area: [
    ['新区', 'New Area'],
    ['湾区', 'Bay Area'],
  ],
  ftz_area: [['自贸片区', 'Free Trade Zone Area']],
  platform: [
    ['交易中心', 'Trading Centre'],
    ['公共服务平台', 'Public Service Platform'],
  ],
  other: [['中心', 'Centre']],
};

const PARENT_KINDS: Kind[] = [
  'development_zone',
  'key_area',
  'ftz_area',
  'taiwan_investment_zone',
  'comprehensive_experimental_zone',
];

/** Features per province, roughly as development zones are spread in China (east heavier). */
const PROVINCE_WEIGHTS: Record<string, number> = {
  '320000': 10,
  '440000': 10,
  '370000': 9,
  '330000': 9,
  '350000': 7,
  '130000': 6,
  '410000': 6,
  '420000': 6,
  '340000': 6,
  '430000': 5,
  '510000': 5,
  '360000': 5,
  '210000': 5,
  '450000': 4,
  '610000': 4,
  '140000': 3,
  '500000': 3,
  '520000': 3,
  '310000': 3,
  '530000': 2,
  '220000': 2,
  '150000': 2,
  '620000': 2,
  '110000': 2,
  '120000': 2,
  '640000': 1,
  '460000': 1,
};

// ---- geography ----

interface County {
  code: string;
  name: Part;
  at: [number, number];
}
interface Prefecture {
  code: string;
  name: Part;
  /** The name without 市, used as a prefix of place names. */
  short: Part;
  counties: County[];
}
interface Province {
  code: string;
  weight: number;
  prefectures: Prefecture[];
}

function bboxOf(f: Feature<Polygon | MultiPolygon>): [number, number, number, number] {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  for (const poly of polys)
    for (const [x, y] of poly[0]) {
      w = Math.min(w, x);
      s = Math.min(s, y);
      e = Math.max(e, x);
      n = Math.max(n, y);
    }
  return [w, s, e, n];
}

function pointIn(r: Rng, f: Feature<Polygon | MultiPolygon>, box: [number, number, number, number]): [number, number] {
  for (let i = 0; i < 500; i++) {
    const p: [number, number] = [box[0] + r.next() * (box[2] - box[0]), box[1] + r.next() * (box[3] - box[1])];
    if (booleanPointInPolygon(p, f)) return p;
  }
  return [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

function buildGeography(r: Rng, inputs: Inputs, names: Part[]): Province[] {
  const out: Province[] = [];
  let nameAt = 0;
  const nextName = () => names[nameAt++ % names.length];
  for (const f of inputs.provinces) {
    const code = f.properties.code;
    const weight = PROVINCE_WEIGHTS[code];
    if (!weight) continue; // Taiwan, Hong Kong, Macao: not in a mainland plan dataset
    const box = bboxOf(f);
    const real = inputs.regions.filter((g) => g.province === code);
    const count = real.length || r.int(6, 14);
    const prefectures: Prefecture[] = [];
    for (let i = 0; i < count; i++) {
      const g = real[i];
      const stem = g ? g.name_zh.replace(/市$/, '') : nextName().zh;
      const short = g ? { ...part(stem), en: g.name_en } : part(stem);
      const name = g
        ? { zh: g.name_zh, hant: g.name_zh_hant, pinyin: toPinyin(g.name_zh), en: g.name_en }
        : { ...part(`${stem}市`), en: short.en };
      const prefCode = g ? g.code : `${code.slice(0, 2)}${String(i + 1).padStart(2, '0')}00`;
      const seat = pointIn(r, f, box);
      const counties: County[] = [];
      const nCounties = r.int(3, 8);
      for (let c = 0; c < nCounties; c++) {
        let at = seat;
        for (let k = 0; k < 20; k++) {
          const p: [number, number] = [seat[0] + r.gauss() * 0.35, seat[1] + r.gauss() * 0.3];
          if (booleanPointInPolygon(p, f)) {
            at = p;
            break;
          }
        }
        counties.push({ code: `${prefCode.slice(0, 4)}${String(c + 1).padStart(2, '0')}`, name: nextName(), at });
      }
      prefectures.push({ code: prefCode, name, short, counties });
    }
    out.push({ code, weight, prefectures });
  }
  return out;
}

const round4 = (v: number) => Math.round(v * 1e4) / 1e4;

/** An irregular ring around a centre, counter-clockwise (RFC 7946), closed, on a 1e-4° grid. */
function blob(r: Rng, [cx, cy]: [number, number], radius: number, vertices: number): Position[] {
  const ring: Position[] = [];
  const k = Math.cos((cy * Math.PI) / 180);
  for (let j = 0; j < vertices; j++) {
    const a = ((j + r.next() * 0.6) / vertices) * 2 * Math.PI;
    const rr = radius * (0.55 + 0.45 * r.next());
    const p = [round4(cx + (rr * Math.cos(a)) / k), round4(cy + rr * Math.sin(a))];
    const last = ring[ring.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) ring.push(p);
  }
  while (ring.length < 3) ring.push([round4(cx + radius * ring.length), round4(cy + radius)]);
  ring.push([...ring[0]]);
  return ring;
}

// ---- features ----

/** A random slice has no meaning to translate; the contract still wants the project's English. */
const SYNTHETIC_QUOTE_EN = 'Synthetic clause for the benchmark (a random slice of the document; not translated).';

/** The properties of one synthetic place: exactly those of a place in data/features.geojson. */
export type SyntheticProperties = StoredProperties;

export function generate(n: number, seed = DEFAULT_SEED, inputs = readInputs()): FeatureCollection {
  const r = rng(seed);
  // Localities: every ordered pair of distinct name characters, in a seeded order.
  const pairs: string[] = [];
  for (const a of NAME_CHARS) for (const b of NAME_CHARS) if (a !== b) pairs.push(a + b);
  for (let i = pairs.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [pairs[i], pairs[j]] = [pairs[j], pairs[i]];
  }
  const localities = pairs.slice(0, 900).map((zh) => part(zh));
  const geography = buildGeography(r, inputs, localities.slice(600));
  const names = localities.slice(0, 600);
  const suffixes = Object.fromEntries(
    Object.entries(SUFFIXES).map(([k, list]) => [k, list.map(([zh, en]) => (zh ? part(zh, en) : null))]),
  ) as Record<Kind, (Part | null)[]>;
  // Zipf-like popularity of industries, in a seeded order so common ones span the taxonomy.
  const order = inputs.industries.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const industryWeights = order.map((idx, rank) => [idx, 1 / (rank + 4)] as const);
  const industryRank = new Map(inputs.industries.map((ind, i) => [ind.id, i]));
  // An industry's name inside a place name, without a bracketed qualifier ("（综合）").
  const industryParts = new Map(
    inputs.industries.map((ind) => {
      const zh = ind.zh.replace(/（.*）$/, '');
      return [
        ind.id,
        { zh, hant: ind.zh_hant.replace(/（.*）$/, ''), pinyin: toPinyin(zh), en: ind.en.replace(/\s*\(.*\)$/, '') },
      ];
    }),
  );
  const provinceWeights = geography.map((p) => [p, p.weight] as const);
  const docWeights = inputs.docs.map((d, i) => [d, [5, 2, 4, 2, 4][i] ?? 1] as const);

  const quoteFrom = (minLen: number, maxLen: number) => {
    const d = r.weighted(docWeights);
    const line = r.pick(d.lines);
    const len = Math.min(r.int(minLen, maxLen), line.end - line.start);
    const start = line.start + r.int(0, line.end - line.start - len);
    const quote = d.text.slice(start, start + len);
    return { doc: d.doc, start, end: start + len, quote, quote_en: SYNTHETIC_QUOTE_EN };
  };

  const features: Feature[] = [];
  const pointPrecisions: [Precision, number][] = [
    ['point_county_seat', 40],
    ['point_town', 30],
    ['point_site', 15],
    ['point_prefecture_seat', 15],
  ];

  const make = (kind: Kind, where: { prov: Province; pref: Prefecture; county: County }, near?: [number, number]) => {
    const i = features.length;
    const { prov, pref, county } = where;
    const centre: [number, number] = near
      ? [near[0] + r.gauss() * 0.03, near[1] + r.gauss() * 0.03]
      : [county.at[0] + r.gauss() * 0.08, county.at[1] + r.gauss() * 0.07];

    // Industries: 0–4, popular ones more often, in taxonomy order.
    const nInd = r.weighted([
      [0, 8],
      [1, 34],
      [2, 30],
      [3, 18],
      [4, 10],
    ] as const);
    const chosen = new Set<number>();
    while (chosen.size < nInd) chosen.add(r.weighted(industryWeights));
    const industries = [...chosen].sort((a, b) => a - b).map((k) => inputs.industries[k].id);

    // Name: prefecture + locality (+ industry) + suffix.
    const loc = r.pick(names);
    const suffix = r.pick(suffixes[kind]);
    const indPart = industries.length && r.next() < 0.3 ? industryParts.get(industries[0])! : null;
    const parts: Part[] =
      kind === 'prefecture'
        ? [pref.name]
        : kind === 'county'
          ? [loc, suffix!]
          : [pref.short, loc, ...(indPart && kind !== 'sub_area' ? [indPart] : []), suffix!];
    const name_zh = parts.map((p) => p.zh).join('');
    const name_zh_hant = parts.map((p) => p.hant).join('');
    const name_pinyin = parts.map((p) => p.pinyin).join(' ');
    const name_en = parts.map((p) => p.en).join(' ');

    // Geometry and precision.
    const areaChance: Partial<Record<Kind, number>> = {
      prefecture: 1,
      county: 0.5,
      key_area: 0.6,
      ftz_area: 0.7,
      taiwan_investment_zone: 0.7,
      comprehensive_experimental_zone: 0.7,
      development_zone: 0.35,
      sub_area: 0.35,
      specialised_park: 0.2,
    };
    let geometry: Point | MultiPolygon | Polygon;
    let precision: Precision;
    if (r.next() < (areaChance[kind] ?? 0)) {
      const admin = kind === 'prefecture' || kind === 'county';
      precision = admin ? 'admin_boundary' : 'approximate_area';
      const radius =
        kind === 'prefecture'
          ? 0.35 + r.next() * 0.35
          : kind === 'county'
            ? 0.12 + r.next() * 0.13
            : 0.02 + r.next() * 0.12;
      const vertices = kind === 'prefecture' ? r.int(40, 64) : kind === 'county' ? r.int(24, 40) : r.int(10, 28);
      const polys = [[blob(r, centre, radius, vertices)]];
      if (r.next() < 0.15) {
        const off: [number, number] = [centre[0] + radius * 2.2, centre[1] + (r.next() - 0.5) * radius * 2];
        polys.push([blob(r, off, radius * 0.5, Math.max(8, vertices >> 1))]);
      }
      geometry =
        r.next() < 0.2 && polys.length === 1
          ? { type: 'Polygon', coordinates: polys[0] }
          : { type: 'MultiPolygon', coordinates: polys };
    } else {
      precision = kind === 'prefecture' ? 'point_prefecture_seat' : r.weighted(pointPrecisions);
      geometry = { type: 'Point', coordinates: [round4(centre[0]), round4(centre[1])] };
    }

    // Sources: 1–3 clauses; every industry comes from at least one of them.
    const nSources = r.weighted([
      [1, 45],
      [2, 35],
      [3, 20],
    ] as const);
    const sources: SyntheticProperties['sources'] = [];
    for (let s = 0; s < nSources; s++) sources.push({ ...quoteFrom(16, 90), industries: [] });
    for (const id of industries) sources[r.int(0, nSources - 1)].industries.push(id);
    const wordings: string[] = [];
    for (const s of sources) {
      s.industries.sort((a, b) => industryRank.get(a)! - industryRank.get(b)!);
      if (s.industries.length && r.next() < 0.7) {
        const len = Math.min(r.int(4, 12), s.quote.length);
        const at = r.int(0, s.quote.length - len);
        s.wording = s.quote.slice(at, at + len);
        if (!wordings.includes(s.wording)) wordings.push(s.wording);
      }
    }
    const docs = inputs.docs.map((d) => d.doc).filter((d) => sources.some((s) => s.doc === d));

    const id = `${(kind === 'prefecture' ? pref.short : loc).pinyin.normalize('NFD').replace(/[^a-z0-9]/g, '')}-${kind.replace(/_/g, '-')}-${i.toString(36)}`;
    const props: SyntheticProperties = {
      id,
      name_zh,
      name_zh_hant,
      name_en,
      name_pinyin,
      kind,
      industries,
      industries_text: wordings,
      children: [],
      province: prov.code,
      prefecture: [pref.code],
      precision,
      docs,
      sources,
    };
    if (geometry.type === 'Point') {
      props.county = county.code;
      props.county_name = `${county.name.zh}区`;
      props.county_name_en = county.name.en;
    }
    if (r.next() < 0.2) props.function_zh = quoteFrom(10, 40).quote;
    if (r.next() < 0.1) {
      props.note = 'Synthetic record for the benchmark; the quote is a random slice of the document.';
      props.note_zh = '基准测试的合成记录；引文是文件中随机截取的一段。';
    }
    const feature: Feature = { type: 'Feature', id, properties: props, geometry };
    features.push(feature);
    return feature;
  };

  while (features.length < n) {
    const prov = r.weighted(provinceWeights);
    const pref = r.pick(prov.prefectures);
    const county = r.pick(pref.counties);
    const kind = r.weighted(KIND_WEIGHTS);
    const parent = make(kind, { prov, pref, county });
    if (PARENT_KINDS.includes(kind) && r.next() < 0.25) {
      const centre = (parent.geometry.type === 'Point' ? parent.geometry.coordinates : county.at) as [number, number];
      const nChildren = Math.min(r.int(1, 3), n - features.length);
      for (let c = 0; c < nChildren; c++) {
        const child = make('sub_area', { prov, pref, county }, centre);
        (child.properties as SyntheticProperties).parent = (parent.properties as SyntheticProperties).id;
        (parent.properties as SyntheticProperties).children.push((child.properties as SyntheticProperties).id);
      }
    }
  }
  // Key order as in data/features.geojson: `parent` after `industries_text`.
  const KEYS = [
    'id',
    'name_zh',
    'name_zh_hant',
    'name_en',
    'name_pinyin',
    'kind',
    'industries',
    'industries_text',
    'parent',
    'children',
    'province',
    'prefecture',
    'county',
    'county_name',
    'county_name_en',
    'precision',
    'function_zh',
    'note',
    'note_zh',
    'docs',
    'sources',
  ];
  for (const f of features) {
    const p = f.properties as Record<string, unknown>;
    f.properties = Object.fromEntries(KEYS.filter((k) => p[k] !== undefined).map((k) => [k, p[k]]));
  }
  return { type: 'FeatureCollection', features };
}

export const dataPath = (n: number) => join(DATA_DIR, `features-${n}.geojson`);
/** The attribute table the build derives from features-<n>.geojson (placesTable). */
export const placesPath = (n: number) => join(DATA_DIR, `places-${n}.json`);
/** The same table as the app downloads it (src/data/places-table-binary.ts). */
export const placesBinPath = (n: number) => join(DATA_DIR, `places-${n}.bin`);
/** The places' words folded for search, which the build derives with the table (placesTable). */
export const wordsPath = (n: number) => join(DATA_DIR, `search-words-${n}.json`);
/** The places' texts the build derives with the table: texts-<n>/<chunk file> (placesTable). */
export const textsDir = (n: number) => join(DATA_DIR, `texts-${n}`);
/** The vector-tile archive the build derives from features-<n>.geojson (planArchive). */
export const archivePath = (n: number) => join(DATA_DIR, `plan-${n}.pmtiles`);

/**
 * What the build writes beside the full dataset for the first view: data/places.json,
 * data/texts/ and data/plan.pmtiles for the real data, places-<n>.json, texts-<n>/ and
 * plan-<n>.pmtiles here.
 */
export function derive(collection: FeatureCollection, industries: readonly Industry[]) {
  const t0 = performance.now();
  const split = placesTable(collection, JSON.parse(readFileSync(join(ROOT, 'data', 'search-terms.json'), 'utf8')));
  const places = formatJson(split.table);
  const placesBin = encodePlacesTableBinary(split.table);
  const words = formatJson(split.words);
  const texts = split.texts.map((t) => ({ file: t.file, text: formatJson(t.content) }));
  const t1 = performance.now();
  const archive = planArchive(collection, rollupOf(industries));
  return { places, placesBin, words, texts, archive, ms: { places: t1 - t0, archive: performance.now() - t1 } };
}

/**
 * The code that derives places-N and plan-N (as the build derives the real files): when it changes,
 * cached files are rebuilt, though GENERATOR_VERSION stays.
 */
const DERIVED_BY = [
  'scripts/lib/plan-split.ts',
  'scripts/lib/pmtiles-writer.ts',
  'scripts/lib/write-json.ts',
  'src/data/places-table.ts',
  'src/data/places-table-binary.ts',
  'src/data/query.ts',
  'src/data/search/fold.ts',
  'src/data/search/index.ts',
  'src/data/search/place-words.ts',
  'src/data/taxonomy.ts',
  'data/search-terms.json',
];
const derivedBy = () => {
  const hash = createHash('sha256');
  for (const p of DERIVED_BY) hash.update(readFileSync(join(ROOT, p)));
  return hash.digest('hex').slice(0, 16);
};

/** What the benchmark needs to know about a generated file without parsing it again. */
export interface DataMeta {
  n: number;
  seed: number;
  version: number;
  /** A hash of the code that derived places-N and plan-N (DERIVED_BY). */
  derived: string;
  /** [west, south, east, north] of all geometries. */
  bbox: [number, number, number, number];
  /** Places per industry id, most frequent first. */
  industries: [string, number][];
}

function metaOf(collection: FeatureCollection, n: number, seed: number): DataMeta {
  const bbox: DataMeta['bbox'] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      const [x, y] = c as number[];
      bbox[0] = Math.min(bbox[0], x);
      bbox[1] = Math.min(bbox[1], y);
      bbox[2] = Math.max(bbox[2], x);
      bbox[3] = Math.max(bbox[3], y);
    } else if (Array.isArray(c)) c.forEach(visit);
  };
  const counts = new Map<string, number>();
  for (const f of collection.features) {
    visit((f.geometry as Point | Polygon | MultiPolygon).coordinates);
    for (const id of (f.properties as SyntheticProperties).industries) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  const industries = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return { n, seed, version: GENERATOR_VERSION, derived: derivedBy(), bbox, industries };
}

/**
 * Writes bench/.data/features-<n>.geojson, places-<n>.json, plan-<n>.pmtiles (and its
 * .meta.json) unless files from the same seed and generator version exist; returns the metadata of
 * each size.
 */
export function ensureData(sizes = DEFAULT_SIZES, seed = DEFAULT_SEED, log = console.log): DataMeta[] {
  mkdirSync(DATA_DIR, { recursive: true });
  let inputs: Inputs | null = null;
  return sizes.map((n) => {
    const path = dataPath(n);
    const metaPath = path.replace(/\.geojson$/, '.meta.json');
    if ([path, metaPath, placesPath(n), placesBinPath(n), wordsPath(n), archivePath(n)].every((p) => existsSync(p))) {
      const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as DataMeta;
      if (meta.seed === seed && meta.version === GENERATOR_VERSION && meta.n === n && meta.derived === derivedBy())
        return meta;
    }
    const t0 = performance.now();
    inputs ??= readInputs();
    const collection = generate(n, seed, inputs);
    const text = formatJson(collection);
    const meta = metaOf(collection, n, seed);
    const t1 = performance.now();
    const { places, placesBin, words, texts, archive, ms } = derive(collection, inputs.industries);
    writeFileSync(path, text);
    writeFileSync(placesPath(n), places);
    writeFileSync(placesBinPath(n), placesBin);
    writeFileSync(wordsPath(n), words);
    rmSync(textsDir(n), { recursive: true, force: true });
    mkdirSync(textsDir(n), { recursive: true });
    for (const t of texts) writeFileSync(join(textsDir(n), t.file), t.text);
    writeFileSync(archivePath(n), archive);
    // Written last: a run stopped halfway leaves no meta, so the next one generates again.
    writeFileSync(metaPath, `${JSON.stringify(meta)}\n`);
    const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
    log(
      `generated ${path} (${n} features, ${mb(Buffer.byteLength(text))}, ${Math.round(t1 - t0)} ms); ` +
        `places-${n}.json ${mb(Buffer.byteLength(places))}, .bin ${mb(placesBin.byteLength)} (${Math.round(ms.places)} ms); ` +
        `plan-${n}.pmtiles ${mb(archive.length)} (archive built in ${Math.round(ms.archive)} ms)`,
    );
    return meta;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const sizes = arg('n')?.split(',').map(Number) ?? DEFAULT_SIZES;
  const seed = Number(arg('seed') ?? DEFAULT_SEED);
  ensureData(sizes, seed);
}
