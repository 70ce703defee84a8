// Where a place is measured from and drawn on the shortlist's map layer (kept apart from the
// distance code, which loads with the panel).
import type { PlanFeature } from '../../data/types.ts';

export type LngLat = [number, number];

/**
 * Where distances are measured from: a point place's point; an area's centroid as turf's
 * `centroid` defines it, the mean of its outline's vertices (computed at build time, so that the
 * first screen needs neither turf nor the outlines; tests compare it with turf).
 */
export function originOf(f: PlanFeature): { at: LngLat; from: 'point' | 'centroid' } {
  return f.point ? { at: f.point, from: 'point' } : { at: f.origin, from: 'centroid' };
}
