// Shared by the own-layer tests: results unwrapped, and small GeoJSON builders.
import type { Point } from 'geojson';
import {
  parseUserLayer,
  type ImportLang,
  type ImportResult,
  type UserLayer,
} from '../../../src/features/own-layer/parse/index.ts';

export const LANGS: ImportLang[] = ['zh-Hans', 'zh-Hant', 'en'];

export function ok(result: ImportResult): { layer: UserLayer; warnings: string[] } {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result;
}

export function fail(result: ImportResult): string {
  if (result.ok) throw new Error(`expected an error, got a layer of ${result.layer.featureCount} features`);
  return result.message;
}

export const parse = (name: string, text: string, lang: ImportLang = 'en') => parseUserLayer(name, text, lang);
export const json = (value: unknown) => JSON.stringify(value);
export const point = (lon: number, lat: number, properties: Record<string, unknown> | null = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
export const fc = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  features,
  ...extra,
});
export const coords = (layer: UserLayer, i = 0) => (layer.collection.features[i].geometry as Point).coordinates;
