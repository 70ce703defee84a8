// Area outlines, for what measures to an area's edge or writes its shape (distances, GIS exports).
// They are not part of the first view, which draws areas from the tiles: data/features.geojson is
// fetched once, the first time a panel asks, and kept.
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import featuresUrl from '../../data/features.geojson?url';
import { fetchJson } from './fetch-json.ts';
import type { PlanFeature } from './types.ts';

/** Each area's outline by place id. */
export type Outlines = ReadonlyMap<string, Polygon | MultiPolygon>;

let pending: Promise<Outlines> | null = null;

export function outlinesFrom(collection: FeatureCollection): Outlines {
  const out = new Map<string, Polygon | MultiPolygon>();
  for (const f of collection?.features ?? []) {
    const id = (f?.properties as { id?: unknown } | null)?.id;
    const g = f?.geometry;
    if (typeof id === 'string' && (g?.type === 'Polygon' || g?.type === 'MultiPolygon')) out.set(id, g);
  }
  return out;
}

async function fetchOutlines(url: string): Promise<Outlines> {
  return outlinesFrom(await fetchJson<FeatureCollection>(url, { en: 'area outlines', zh: '区域边界' }));
}

/** The outlines, downloaded once; a failed download is tried again on the next call. */
export function loadOutlines(url: string = featuresUrl): Promise<Outlines> {
  if (!pending) {
    pending = fetchOutlines(url);
    pending.catch(() => {
      pending = null;
    });
  }
  return pending;
}

/** A place's full geometry: its point, or its area's outline (null when the outlines lack it). */
export function geometryOf(f: PlanFeature, outlines: Outlines): Geometry | null {
  return f.point ? { type: 'Point', coordinates: f.point } : (outlines.get(f.id) ?? null);
}
