// Where a place is measured from and drawn on the shortlist's map layer (kept apart from the
// distance code, which loads with the panel).
import type { PlanFeature } from '../../data/types.ts';

export type LngLat = [number, number];

/**
 * Where distances are measured from: a point place's point; an area's centroid as turf's
 * `centroid` defines it, the mean of its outline's vertices (each ring's closing vertex once).
 * Written out here so that the first screen need not load turf (tests compare it with turf).
 */
export function originOf(f: PlanFeature): { at: LngLat; from: 'point' | 'centroid' } {
  const g = f.geometry;
  if (g.type === 'Point') return { at: g.coordinates as LngLat, from: 'point' };
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let x = 0;
  let y = 0;
  let n = 0;
  for (const polygon of polygons)
    for (const ring of polygon)
      for (let i = 0; i < ring.length - 1; i++) {
        x += ring[i][0];
        y += ring[i][1];
        n++;
      }
  if (n === 0) return { at: [(f.bbox[0] + f.bbox[2]) / 2, (f.bbox[1] + f.bbox[3]) / 2], from: 'centroid' };
  return { at: [x / n, y / n], from: 'centroid' };
}
