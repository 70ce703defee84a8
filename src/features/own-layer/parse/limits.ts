// The import's limits and the shapes it returns: what a person's file may hold, and what the map
// gets from it. Every other module of the parser reads its caps from here.
import type { FeatureCollection, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon } from 'geojson';
import type { UserLayer as StoredUserLayer } from '../../../data/types.ts';
import type { Language } from '../../../i18n/languages.ts';

/** Files larger than this are refused before they are read (20 MiB). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** At most this many features (GeoJSON) or data rows (CSV). */
export const MAX_FEATURES = 50_000;
/** Each string property value is cut to this many characters. */
export const MAX_STRING_CHARS = 500;
/** Each property name is cut to this many characters. */
export const MAX_KEY_CHARS = 100;
/** At most this many properties per feature; the rest are dropped. */
export const MAX_KEYS_PER_FEATURE = 50;
/** `propertyKeys` lists at most this many distinct names (first seen first). */
export const MAX_PROPERTY_KEYS = 200;
/** How much of the file's own text a message may quote. */
export const MAX_ECHO_CHARS = 80;
/** JSON nesting deeper than this is refused before JSON.parse (which is slow on hostile nesting). */
export const MAX_JSON_DEPTH = 256;
/** The layer's name: the file name cut to this many characters. */
export const MAX_NAME_CHARS = 100;

/** The languages messages come in: the app's. */
export type ImportLang = Language;
export type UserGeometry = Point | MultiPoint | LineString | MultiLineString | Polygon | MultiPolygon;
export type UserPropertyValue = string | number | boolean | null;
export type UserProperties = Record<string, UserPropertyValue>;

export interface UserLayer extends StoredUserLayer {
  /** File name as given (at most 100 characters). */
  name: string;
  collection: FeatureCollection<UserGeometry, UserProperties>;
  featureCount: number;
  /** [west, south, east, north] over every kept coordinate. */
  bbox: [number, number, number, number];
  /** Distinct property names, in the order first seen (at most MAX_PROPERTY_KEYS). */
  propertyKeys: string[];
}

export type ImportResult = { ok: true; layer: UserLayer; warnings: string[] } | { ok: false; message: string };
