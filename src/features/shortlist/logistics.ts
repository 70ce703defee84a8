// Logistics context of a place: straight-line distances to the facilities the plans name (sea
// ports, bonded areas, dry ports, airports), and the planned places within a radius. Pure
// functions over the dataset (turf on WGS84 coordinates); no facility outside the data exists here.
import circle from '@turf/circle';
import distance from '@turf/distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import type { Feature, Polygon } from 'geojson';
import type { Outlines } from '../../data/outlines.ts';
import type { Clause, Dataset, PlanFeature } from '../../data/types.ts';

export const FACILITY_TYPES = ['seaPort', 'bondedArea', 'dryPort', 'airport'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** The data file airports under kind `port` (空港口岸 = airport port of entry, 机场 = airport). */
const AIRPORT_NAME = /机场|空港|航空港/;

/** Which facility a place is, by its kind and, for ports, its name; null for every other place. */
export function facilityType(f: PlanFeature): FacilityType | null {
  if (f.kind === 'port') return AIRPORT_NAME.test(f.name_zh) ? 'airport' : 'seaPort';
  if (f.kind === 'bonded_area') return 'bondedArea';
  if (f.kind === 'dry_port') return 'dryPort';
  return null;
}

import { originOf, type LngLat } from './origin.ts';

export { originOf };

/** How a distance to a place was measured: to its point, to its area's nearest edge, or inside the area. */
export type MeasuredTo = 'point' | 'edge' | 'inside';

export interface Distance {
  km: number;
  to: MeasuredTo;
}

/**
 * Straight-line (great-circle) distance from a point to a place: its point, or its area's nearest
 * edge (from `outlines`).
 */
export function distanceTo(from: LngLat, f: PlanFeature, outlines: Outlines): Distance {
  if (f.point) return { km: distance(from, f.point, { units: 'kilometers' }), to: 'point' };
  const g = outlines.get(f.id);
  if (g) {
    const d = pointToPolygonDistance(from, g, { units: 'kilometers' });
    // turf answers negative inside the polygon.
    return d <= 0 ? { km: 0, to: 'inside' } : { km: d, to: 'edge' };
  }
  // An area whose outline is missing from the file: by its bounding box centre.
  const c: LngLat = [(f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2];
  return { km: distance(from, c, { units: 'kilometers' }), to: 'point' };
}

export interface NearestFacility extends Distance {
  type: FacilityType;
  facility: PlanFeature;
  /** The clause that plans the facility (its first source). */
  clause: Clause | undefined;
}

export type Logistics = {
  from: 'point' | 'centroid';
  nearest: Record<FacilityType, NearestFacility | null>;
};

const facilityIndex = new WeakMap<Dataset, Record<FacilityType, PlanFeature[]>>();

/** The dataset's facilities by type. */
export function facilitiesOf(dataset: Dataset): Record<FacilityType, PlanFeature[]> {
  let index = facilityIndex.get(dataset);
  if (!index) {
    index = { seaPort: [], bondedArea: [], dryPort: [], airport: [] };
    for (const f of dataset.features) {
      const type = facilityType(f);
      if (type) index[type].push(f);
    }
    facilityIndex.set(dataset, index);
  }
  return index;
}

const logisticsCache = new WeakMap<PlanFeature, Logistics>();

/**
 * For one place: the nearest facility of each type (never the place itself), with its distance.
 * Kept per place: areas the size of a prefecture make one answer cost tens of milliseconds.
 */
export function logisticsOf(dataset: Dataset, place: PlanFeature, outlines: Outlines): Logistics {
  const cached = logisticsCache.get(place);
  if (cached) return cached;
  const { at, from } = originOf(place);
  const facilities = facilitiesOf(dataset);
  const nearest = {} as Record<FacilityType, NearestFacility | null>;
  for (const type of FACILITY_TYPES) {
    let best: NearestFacility | null = null;
    for (const facility of facilities[type]) {
      if (facility.id === place.id) continue;
      const d = distanceTo(at, facility, outlines);
      if (!best || d.km < best.km) best = { type, facility, clause: facility.sources[0], ...d };
    }
    nearest[type] = best;
  }
  const value = { from, nearest };
  logisticsCache.set(place, value);
  return value;
}

export interface NearbyPlace extends Distance {
  place: PlanFeature;
}

/**
 * The planned places within `radiusKm` of `center` (an area counts when its nearest edge is within
 * the radius, or the centre lies inside it), nearest first; with `industry`, only places planned
 * for it or one of its sub-industries.
 */
export function placesWithin(
  dataset: Dataset,
  center: LngLat,
  radiusKm: number,
  outlines: Outlines,
  opts: { industry?: string | null; exclude?: string } = {},
): NearbyPlace[] {
  // A degree of latitude is about 111 km; a longitude degree less: a box that surely holds the circle.
  const dLat = radiusKm / 110;
  const dLng = radiusKm / (110 * Math.max(0.1, Math.cos((center[1] * Math.PI) / 180)));
  const box = [center[0] - dLng, center[1] - dLat, center[0] + dLng, center[1] + dLat];
  const out: NearbyPlace[] = [];
  for (const place of dataset.features) {
    if (place.id === opts.exclude) continue;
    if (opts.industry && !place.industryRollup.includes(opts.industry)) continue;
    const b = place.bbox;
    if (b[2] < box[0] || b[0] > box[2] || b[3] < box[1] || b[1] > box[3]) continue;
    const d = distanceTo(center, place, outlines);
    if (d.km <= radiusKm) out.push({ place, ...d });
  }
  return out.sort((a, b) => a.km - b.km || a.place.id.localeCompare(b.place.id));
}

/** The radius as a polygon to draw (64 segments). */
export function radiusCircle(center: LngLat, radiusKm: number): Feature<Polygon> {
  return circle(center, radiusKm, { units: 'kilometers', steps: 64 });
}

/** A distance for people: one decimal below 10 km, whole kilometres above. */
export const formatKm = (km: number): string => (km < 10 ? km.toFixed(1) : String(Math.round(km)));
