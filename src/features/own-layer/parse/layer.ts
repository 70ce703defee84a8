// The layer a parse assembles: the bounding box over every kept coordinate, the distinct property
// names, and `finishLayer`, which turns the kept features and warnings into the import's result.
import type { Feature, Position } from 'geojson';
import { formatInteger } from '../../../i18n/format.ts';
import { MAX_PROPERTY_KEYS, type ImportResult, type UserGeometry, type UserProperties } from './limits.ts';
import { statsWarnings, type Stats } from './properties.ts';
import type { Say } from './say.ts';

export class BboxBuilder {
  w = Infinity;
  s = Infinity;
  e = -Infinity;
  n = -Infinity;
  add(p: Position) {
    if (p[0] < this.w) this.w = p[0];
    if (p[0] > this.e) this.e = p[0];
    if (p[1] < this.s) this.s = p[1];
    if (p[1] > this.n) this.n = p[1];
  }
  addGeometry(g: UserGeometry) {
    switch (g.type) {
      case 'Point':
        this.add(g.coordinates);
        break;
      case 'MultiPoint':
      case 'LineString':
        for (const p of g.coordinates) this.add(p);
        break;
      case 'MultiLineString':
      case 'Polygon':
        for (const line of g.coordinates) for (const p of line) this.add(p);
        break;
      case 'MultiPolygon':
        for (const poly of g.coordinates) for (const ring of poly) for (const p of ring) this.add(p);
        break;
    }
  }
  get(): [number, number, number, number] {
    return [this.w, this.s, this.e, this.n];
  }
}

/** Distinct property names in the order first seen, at most MAX_PROPERTY_KEYS. */
export class KeyCollector {
  keys: string[] = [];
  private seen = new Set<string>();
  overflow = false;
  add(props: UserProperties) {
    for (const k of Object.keys(props)) {
      if (this.seen.has(k)) continue;
      if (this.keys.length >= MAX_PROPERTY_KEYS) {
        this.overflow = true;
        return;
      }
      this.seen.add(k);
      this.keys.push(k);
    }
  }
}

/** The result of a parse that got this far: a layer with its warnings, or why nothing is usable. */
export function finishLayer(
  parsed: {
    name: string;
    features: Feature<UserGeometry, UserProperties>[];
    warnings: string[];
    stats: Stats;
    bbox: BboxBuilder;
    keys: KeyCollector;
  },
  say: Say,
): ImportResult {
  const { name, features, warnings, stats, bbox, keys } = parsed;
  if (features.length === 0) return { ok: false, message: say('importNoUsable', { details: warnings.join(' ') }) };
  warnings.push(...statsWarnings(stats, say));
  if (keys.overflow) warnings.push(say('importTooManyDistinctKeys', { max: formatInteger(MAX_PROPERTY_KEYS) }));
  return {
    ok: true,
    layer: {
      name,
      collection: { type: 'FeatureCollection', features },
      featureCount: features.length,
      bbox: bbox.get(),
      propertyKeys: keys.keys,
    },
    warnings,
  };
}
