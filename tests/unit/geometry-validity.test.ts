// Every polygon the project ships must open cleanly in GIS software: valid by GEOS's rules (what
// GDAL's ST_IsValid, QGIS and PostGIS check), and no ring crossing or touching itself by turf's
// independent test. (turf's kinks over a whole polygon also flags two parts or a hole and its shell
// touching at one point, which the OGC rules allow; so it is run ring by ring.)
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import kinks from '@turf/kinks';
import type { FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { invalidReason, repairPolygonal } from '../../scripts/lib/valid-geometry.ts';

const FILES = [
  'data/features.geojson',
  ...readdirSync('data/boundaries')
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => `data/boundaries/${f}`),
  ...readdirSync('public/basemap')
    .filter((f) => f.endsWith('.geojson'))
    .map((f) => `public/basemap/${f}`),
];

/** A bow tie: the ring crosses itself at (0.5, 0.5). */
const BOW_TIE: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [1, 1],
      [1, 0],
      [0, 1],
      [0, 0],
    ],
  ],
};

/** A square whose hole pokes out through its edge: each ring is simple, but they cross. */
const HOLE_CROSSES_SHELL: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
    [
      [1, 1],
      [1, 5],
      [2, 5],
      [2, 1],
      [1, 1],
    ],
  ],
};

/** Points where a ring of the polygon crosses or touches itself (turf's brute-force segment test). */
function ringKinks(g: Polygon | MultiPolygon): Position[] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  return rings.flatMap((ring) =>
    kinks({ type: 'LineString', coordinates: ring }).features.map((p) => p.geometry.coordinates),
  );
}

const isPolygonal = (g: Geometry): g is Polygon | MultiPolygon => g.type === 'Polygon' || g.type === 'MultiPolygon';

const polygonsIn = (path: string) =>
  (JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection).features
    .map((f, i) => ({ label: String(f.properties?.id ?? f.properties?.code ?? `feature ${i}`), geometry: f.geometry }))
    .filter((f): f is { label: string; geometry: Polygon | MultiPolygon } => isPolygonal(f.geometry));

describe('the checks themselves', () => {
  test('catch a bow tie (both checks) and a hole that crosses its shell (GEOS)', () => {
    expect(invalidReason(BOW_TIE)).toMatch(/Self-intersection/);
    expect(ringKinks(BOW_TIE)).toEqual([[0.5, 0.5]]);
    expect(invalidReason(HOLE_CROSSES_SHELL)).toMatch(/Self-intersection/);
  });

  test('repairPolygonal keeps both halves of a bow tie, on the grid, and valid', () => {
    const repaired = repairPolygonal(BOW_TIE, 4)!;
    expect(invalidReason(repaired)).toBeNull();
    expect(ringKinks(repaired)).toEqual([]);
    expect(repaired.type).toBe('MultiPolygon');
    expect((repaired as MultiPolygon).coordinates).toHaveLength(2);
    const coords = (repaired as MultiPolygon).coordinates.flat(3);
    for (const v of coords) expect(Math.round(v * 1e4) / 1e4).toBe(v);
    // The crossing point becomes a vertex of both triangles.
    expect(coords.join(' ')).toContain('0.5');
  });
});

describe.each(FILES)('%s', (path) => {
  test('has no polygon that GEOS finds invalid', () => {
    const invalid = polygonsIn(path)
      .map((f) => ({ ...f, reason: invalidReason(f.geometry) }))
      .filter((f) => f.reason !== null)
      .map((f) => `${f.label}: ${f.reason}`);
    expect(invalid).toEqual([]);
  });
});

// turf's test is brute force (every pair of segments): seconds for the dataset, a minute for the
// full-resolution boundaries, so it checks the dataset GIS users download; GEOS checks everything above.
test('data/features.geojson has no ring that turf finds crossing itself', () => {
  const kinked = polygonsIn('data/features.geojson')
    .map((f) => ({ ...f, at: ringKinks(f.geometry) }))
    .filter((f) => f.at.length > 0)
    .map((f) => `${f.label}: at ${JSON.stringify(f.at[0])}`);
  expect(kinked).toEqual([]);
}, 120_000);

test('every shipped GeoJSON file with polygons is checked', () => {
  const withPolygons = FILES.filter((p) => polygonsIn(p).length > 0);
  expect(withPolygons).toEqual(
    expect.arrayContaining([
      'data/features.geojson',
      'data/boundaries/counties.geojson',
      'data/boundaries/prefectures.geojson',
      'public/basemap/land.geojson',
      'public/basemap/provinces.geojson',
      'public/basemap/prefectures.geojson',
    ]),
  );
});
