// The KML and GeoPackage exports of the real dataset, read back by other software: togeojson for KML,
// SQLite (sql.js) for the GeoPackage, and GDAL's ogrinfo for both where it is installed.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DOMParser } from '@xmldom/xmldom';
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import initSqlJs from 'sql.js';
import type { FeatureCollection } from 'geojson';
import { realDataset, realOutlines } from '../support/dataset.ts';
import type { DocumentMeta, Industry, IndustryGroup } from '../../src/data/types.ts';
import { placesToKml } from '../../src/features/planner/gis-formats/kml.ts';
import { GEOPACKAGE_TABLES, placesToGeoPackage } from '../../src/features/planner/gis-formats/geopackage.ts';
import {
  gisExportFileName,
  type GisExportOptions,
  type GisLanguage,
} from '../../src/features/planner/gis-formats/places.ts';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));
const raw = read('data/features.geojson') as FeatureCollection;
const industries = read('data/industries.json') as { groups: IndustryGroup[]; industries: Industry[] };
const manifest = read('seeds/manifest.json') as DocumentMeta[];
// The app's dataset (the attribute table) with the outlines the exports load.
const dataset = { ...realDataset(), outlines: realOutlines() };

/** What every export must hold, from the committed GeoJSON rather than from the export code. */
const expected = new Map(
  raw.features.map((f) => {
    const p = f.properties as { id: string; industries: string[]; docs: string[]; kind: string };
    return [p.id, { ...p, geometryType: f.geometry.type }];
  }),
);
const labelOf = (lang: GisLanguage, id: string) => {
  const i = industries.industries.find((x) => x.id === id)!;
  return lang === 'en' ? i.en : lang === 'zh-Hant' ? i.zh_hant : i.zh;
};
const options = (language: GisLanguage): GisExportOptions => ({
  language,
  labels: { industry: (i) => (language === 'en' ? i.en : language === 'zh-Hant' ? i.zh_hant : i.zh) },
});
/** KML text back to GeoJSON, as a GIS user's tool would read it. */
function readKml(text: string) {
  // eslint-disable-next-line no-restricted-syntax -- XML parsed in Node to read the export back; nothing is rendered
  const doc = new DOMParser().parseFromString(text, 'text/xml');
  return kmlToGeoJson(doc as unknown as Document);
}
const split = (s: unknown) => (s === '' ? [] : String(s).split('; '));

const OGRINFO = '/usr/bin/ogrinfo';
const hasOgr = existsSync(OGRINFO);
/** GDAL runs as a child process: on a loaded 2-core machine one call took 8.8 s (1 s when idle). */
const GDAL_TIMEOUT = 30_000;
const ogr = (...args: string[]) => execFileSync(OGRINFO, args, { encoding: 'utf8' });
const outDir = mkdtempSync(join(tmpdir(), 'gis-formats-'));

/** ogrinfo's feature dump, "id (String) = …" then "industry_ids (String) = …", against the dataset. */
function expectIndustriesByGdal(dump: string) {
  const ids = [...dump.matchAll(/^ {2}id \(String\) = (.*)$/gm)].map((m) => m[1]);
  const industryIds = [...dump.matchAll(/^ {2}industry_ids \(String\) = (.*)$/gm)].map((m) => m[1]);
  expect(new Set(ids)).toEqual(new Set(expected.keys()));
  expect(industryIds).toHaveLength(ids.length);
  ids.forEach((id, i) => expect(split(industryIds[i]), id).toEqual(expected.get(id)!.industries));
}

test('the file names carry the local date', () => {
  expect(gisExportFileName('kml', new Date(2026, 11, 1, 23, 30))).toBe('fujian-plan-places-2026-12-01.kml');
  expect(gisExportFileName('gpkg', new Date(2027, 0, 9))).toBe('fujian-plan-places-2027-01-09.gpkg');
});

describe('KML', () => {
  test.each(['en', 'zh-Hans', 'zh-Hant'] as const)(
    'in %s: every place, with its industries (labels and ids)',
    (lang) => {
      const back = readKml(placesToKml(dataset, options(lang)));
      expect(back.features).toHaveLength(expected.size);
      const seen = new Set<string>();
      for (const f of back.features) {
        const p = f.properties as Record<string, string>;
        const want = expected.get(p.id);
        expect(want, p.id).toBeDefined();
        seen.add(p.id);
        expect(split(p.industry_ids), p.id).toEqual(want!.industries);
        expect(split(p.industries), p.id).toEqual(want!.industries.map((id) => labelOf(lang, id)));
        expect(split(p.document_ids), p.id).toEqual(want!.docs);
        expect(p.kind).toBe(want!.kind);
        expect(p.prefecture_codes.length, p.id).toBeGreaterThan(0);
        expect(f.geometry?.type === 'Point', p.id).toBe(want!.geometryType === 'Point');
      }
      expect(seen.size).toBe(expected.size);
    },
  );

  test('names the source documents by their titles in the chosen language', () => {
    const place = readKml(placesToKml(dataset, options('en'))).features.find((f) =>
      (f.properties as { document_ids: string }).document_ids.includes(';'),
    )!;
    const p = place.properties as { documents: string; document_ids: string };
    expect(split(p.documents)).toEqual(split(p.document_ids).map((d) => manifest.find((m) => m.doc === d)!.title_en));
  });

  test.skipIf(!hasOgr)(
    'GDAL reads every place with its industries (one layer per kind)',
    () => {
      const file = join(outDir, 'places.kml');
      writeFileSync(file, placesToKml(dataset, options('en')));
      const counts = [...ogr('-ro', '-so', '-al', file).matchAll(/Feature Count: (\d+)/g)].map((m) => Number(m[1]));
      expect(counts.reduce((a, b) => a + b, 0)).toBe(expected.size);
      expectIndustriesByGdal(ogr('-ro', '-q', '-al', '-geom=NO', file));
    },
    GDAL_TIMEOUT,
  );
});

describe('GeoPackage', () => {
  const written = placesToGeoPackage(dataset, { ...options('zh-Hans'), date: new Date('2026-12-01T08:00:00Z') });

  test('every place, with its industries, in a points and an areas table', async () => {
    const bytes = await written;
    const SQL = await initSqlJs();
    const db = new SQL.Database(bytes);
    expect(db.exec('PRAGMA application_id')[0].values[0][0]).toBe(0x47504b47);
    const contents = db.exec(
      'SELECT table_name, data_type, srs_id, last_change FROM gpkg_contents ORDER BY table_name',
    );
    expect(contents[0].values).toEqual([
      [GEOPACKAGE_TABLES.areas, 'features', 4326, '2026-12-01T08:00:00.000Z'],
      [GEOPACKAGE_TABLES.points, 'features', 4326, '2026-12-01T08:00:00.000Z'],
    ]);
    const seen = new Set<string>();
    for (const [table, isPoint] of [
      [GEOPACKAGE_TABLES.points, true],
      [GEOPACKAGE_TABLES.areas, false],
    ] as const) {
      const rows = db.exec(`SELECT id, industry_ids, industries, geom FROM "${table}"`)[0].values;
      for (const [id, ids, labels, geom] of rows) {
        const want = expected.get(String(id));
        expect(want, String(id)).toBeDefined();
        seen.add(String(id));
        expect(split(ids), String(id)).toEqual(want!.industries);
        expect(split(labels), String(id)).toEqual(want!.industries.map((i) => labelOf('zh-Hans', i)));
        expect(want!.geometryType === 'Point', String(id)).toBe(isPoint);
        const blob = geom as Uint8Array;
        expect(String.fromCharCode(blob[0], blob[1])).toBe('GP');
        // WKB geometry type after the 40-byte header: 1 Point, 6 MultiPolygon.
        expect(new DataView(blob.buffer, blob.byteOffset).getUint32(41, true)).toBe(isPoint ? 1 : 6);
      }
    }
    expect(seen.size).toBe(expected.size);
    db.close();
  });

  test.skipIf(!hasOgr)(
    'GDAL opens it as a GeoPackage: counts, industries and valid geometry',
    async () => {
      const file = join(outDir, 'places.gpkg');
      writeFileSync(file, await written);
      const info = ogr('-ro', '-so', file, GEOPACKAGE_TABLES.points, GEOPACKAGE_TABLES.areas);
      expect(info).toContain('using driver `GPKG');
      const points = [...expected.values()].filter((p) => p.geometryType === 'Point').length;
      expect(info).toMatch(
        new RegExp(
          `Layer name: ${GEOPACKAGE_TABLES.points}[\\s\\S]*?Geometry: Point[\\s\\S]*?Feature Count: ${points}`,
        ),
      );
      expect(info).toMatch(
        new RegExp(
          `Layer name: ${GEOPACKAGE_TABLES.areas}[\\s\\S]*?Geometry: Multi Polygon[\\s\\S]*?Feature Count: ${expected.size - points}`,
        ),
      );
      const sql = (q: string) => ogr('-ro', '-q', '-dialect', 'SQLite', '-sql', q, file);
      expect(sql(`SELECT COUNT(*) AS n FROM ${GEOPACKAGE_TABLES.areas} WHERE NOT ST_IsValid(geom)`)).toContain(
        'n (Integer) = 0',
      );
      expectIndustriesByGdal(ogr('-ro', '-q', '-geom=NO', file, GEOPACKAGE_TABLES.points, GEOPACKAGE_TABLES.areas));
    },
    GDAL_TIMEOUT,
  );
});

if (!hasOgr) console.warn(`gis-formats.test: ${OGRINFO} not installed (Debian: gdal-bin); GDAL checks skipped.`);
