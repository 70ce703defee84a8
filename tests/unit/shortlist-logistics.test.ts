// Logistics context: distances checked against turf (and a haversine written here) on real pairs
// of the dataset, nearest facilities against a brute-force search, and the radius search against
// every place.
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import distance from '@turf/distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import { describe, expect, test } from 'vitest';
import type { PlanFeature } from '../../src/data/types.ts';
import {
  distanceTo,
  facilitiesOf,
  facilityType,
  FACILITY_TYPES,
  formatKm,
  logisticsOf,
  originOf,
  placesWithin,
  radiusCircle,
} from '../../src/features/shortlist/logistics.ts';
import { geometryOf } from '../../src/data/outlines.ts';
import { realDataset, realOutlines, realTextedPlaces } from '../support/dataset.ts';

const dataset = realDataset();
const outlines = realOutlines();
const textOf = new Map(realTextedPlaces(dataset).map((p) => [p.id, p]));
/** A place's full geometry, from the full file (the attribute table holds no outlines). */
const shapeOf = (f: PlanFeature) => geometryOf(f, outlines)!;
const place = (id: string) => {
  const f = dataset.byId.get(id);
  if (!f) throw new Error(`no ${id} in the data`);
  return f;
};

/** Great-circle distance on a sphere of the mean Earth radius (IUGG), independent of turf. */
function haversineKm([lng1, lat1]: number[], [lng2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const a =
    Math.sin(((lat2 - lat1) * rad) / 2) ** 2 +
    Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(((lng2 - lng1) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

/** The distance as turf measures it, written out here: to a point, or to an area's nearest edge (0 inside). */
function turfKm(from: number[], f: PlanFeature): number {
  const g = shapeOf(f);
  if (g.type === 'Point') return distance(from, g.coordinates, { units: 'kilometers' });
  if (g.type !== 'Polygon' && g.type !== 'MultiPolygon') throw new Error(`unexpected ${g.type}`);
  return booleanPointInPolygon(from, g) ? 0 : pointToPolygonDistance(from, g, { units: 'kilometers' });
}

const originCoords = (f: PlanFeature) => {
  const g = shapeOf(f);
  return g.type === 'Point' ? g.coordinates : centroid(g).geometry.coordinates;
};

describe('facilities', () => {
  test('airports are the ports the data describe as airports; every other port is a sea port', () => {
    const ports = dataset.features.filter((f) => f.kind === 'port');
    expect(ports.length).toBeGreaterThan(3);
    for (const p of ports) {
      const describedAsAirport = /airport/i.test(`${p.name_en} ${textOf.get(p.id)!.note ?? ''}`.split('.')[0]);
      expect(facilityType(p), `${p.id}: ${p.name_zh} / ${p.name_en}`).toBe(describedAsAirport ? 'airport' : 'seaPort');
    }
    const index = facilitiesOf(dataset);
    for (const type of FACILITY_TYPES) expect(index[type].length, type).toBeGreaterThan(0);
    expect(index.bondedArea.every((f) => f.kind === 'bonded_area')).toBe(true);
    expect(index.dryPort.every((f) => f.kind === 'dry_port')).toBe(true);
    // A place that is no facility is never one.
    expect(facilityType(place('gulei-taiwan-petrochemical-park'))).toBeNull();
  });
});

describe('distances against turf and haversine', () => {
  test('two point places: the distance is the great-circle distance', () => {
    const a = place('jinjiang-dry-port');
    const b = place('quanzhou-jinjiang-international-airport');
    const d = distanceTo(originCoords(a) as [number, number], b, outlines);
    expect(d.to).toBe('point');
    expect(d.km).toBeCloseTo(distance(originCoords(a), originCoords(b), { units: 'kilometers' }), 9);
    expect(Math.abs(d.km - haversineKm(originCoords(a), originCoords(b)))).toBeLessThan(0.001);
    expect(d.km).toBeGreaterThan(0);
  });

  test('a point inside an area is 0 km from it; outside, the distance is to its nearest edge', () => {
    const xiamenPort = place('xiamen-port');
    const airport = place('xiamen-airport-port');
    expect(booleanPointInPolygon(originCoords(airport), shapeOf(xiamenPort) as never)).toBe(true);
    expect(distanceTo(originCoords(airport) as [number, number], xiamenPort, outlines)).toEqual({
      km: 0,
      to: 'inside',
    });
    const fuzhou = place('fuzhou-airport-port');
    const d = distanceTo(originCoords(fuzhou) as [number, number], xiamenPort, outlines);
    expect(d.to).toBe('edge');
    expect(d.km).toBeCloseTo(turfKm(originCoords(fuzhou), xiamenPort), 6);
    // The edge is nearer than the port's centroid, and both are far (Fuzhou to Xiamen).
    expect(d.km).toBeLessThan(haversineKm(originCoords(fuzhou), originCoords(xiamenPort)));
    expect(d.km).toBeGreaterThan(100);
  });

  test('a park and its nearest planned port: the brute-force minimum over every facility of each type', () => {
    for (const id of ['gulei-taiwan-petrochemical-park', 'jinjiang-dry-port', 'xiamen-taiwan-investment-zone']) {
      const p = place(id);
      const from = originCoords(p);
      const { nearest, from: measuredFrom } = logisticsOf(dataset, p, outlines);
      expect(measuredFrom).toBe(shapeOf(p).type === 'Point' ? 'point' : 'centroid');
      for (const type of FACILITY_TYPES) {
        const candidates = dataset.features.filter((f) => facilityType(f) === type && f.id !== p.id);
        const kms = candidates.map((f) => turfKm(from, f));
        const min = Math.min(...kms);
        const got = nearest[type]!;
        expect(got, `${id} ${type}`).not.toBeNull();
        expect(got.km).toBeCloseTo(min, 6);
        expect(got.facility.id).toBe(candidates[kms.indexOf(min)].id);
        expect(got.clause).toBe(got.facility.sources[0]);
        expect(textOf.get(got.facility.id)!.sources[0].quote.length).toBeGreaterThan(0);
      }
    }
  });

  test("an area's origin is turf's centroid of its outline (computed at build time, so the first screen needs neither)", () => {
    const areas = dataset.features.filter((x) => x.point === null);
    expect(areas.length).toBeGreaterThan(50);
    for (const f of areas) {
      const [lng, lat] = originOf(f).at;
      const [tLng, tLat] = centroid(shapeOf(f)).geometry.coordinates;
      expect(lng).toBeCloseTo(tLng, 9);
      expect(lat).toBeCloseTo(tLat, 9);
    }
  });

  test('a facility is never its own nearest facility', () => {
    const port = place('xiamen-port');
    const { nearest } = logisticsOf(dataset, port, outlines);
    expect(nearest.seaPort?.facility.id).not.toBe('xiamen-port');
    expect(originOf(port).from).toBe('centroid');
  });
});

describe('places within a radius', () => {
  const center = originCoords(place('gulei-taiwan-petrochemical-park')) as [number, number];

  test.each([5, 30, 120])('within %i km: exactly the places turf puts within it, nearest first', (km) => {
    const within = placesWithin(dataset, center, km, outlines);
    const expected = dataset.features.filter((f) => turfKm(center, f) <= km).map((f) => f.id);
    expect(within.map((w) => w.place.id).sort()).toEqual(expected.sort());
    for (let i = 1; i < within.length; i++) expect(within[i].km).toBeGreaterThanOrEqual(within[i - 1].km);
    for (const w of within) expect(w.km).toBeCloseTo(turfKm(center, w.place), 6);
  });

  test('an industry filter keeps only places planned for it (sub-industries included)', () => {
    const all = placesWithin(dataset, center, 150, outlines);
    const industry = all.flatMap((w) => w.place.industries)[0];
    expect(industry).toBeDefined();
    const some = placesWithin(dataset, center, 150, outlines, { industry });
    expect(some.length).toBeGreaterThan(0);
    expect(some.length).toBeLessThanOrEqual(all.length);
    expect(some.map((w) => w.place.id)).toEqual(
      all.filter((w) => w.place.industryRollup.includes(industry)).map((w) => w.place.id),
    );
  });

  test('the drawn circle lies at the radius all round', () => {
    const ring = radiusCircle(center, 25).geometry.coordinates[0];
    expect(ring.length).toBe(65);
    for (const p of ring) expect(Math.abs(haversineKm(center, p) - 25)).toBeLessThan(0.05);
  });

  test('distances read as km with one decimal below 10', () => {
    expect(formatKm(0)).toBe('0.0');
    expect(formatKm(3.26)).toBe('3.3');
    expect(formatKm(12.6)).toBe('13');
  });
});
