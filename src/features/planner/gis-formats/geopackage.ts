// GeoPackage 1.3 (OGC 12-128r17; GDAL 3.6 warns on 1.4) for QGIS and ArcGIS: two feature tables, points and areas,
// since ArcGIS reads one geometry type per table, with the attribute table of places.ts. SQLite runs
// as sql.js (WebAssembly), loaded only when an export is asked for; the few GeoPackage tables are
// written here, as the spec's SQL gives them (NGA's GeoPackage library wants a native SQLite module
// under Node and brings some 100 packages; its own SQLite is this same sql.js).
import { geometryOf } from '../../../data/outlines.ts';
import type { Database, SqlJsStatic } from 'sql.js';
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import {
  PLACE_COLUMNS,
  placeAttributes,
  type GisDataset,
  type GisExportOptions,
  type PlaceAttributes,
} from './places.ts';

export const GEOPACKAGE_MIME_TYPE = 'application/geopackage+sqlite3';

/** Table names, for readers and tests. */
export const GEOPACKAGE_TABLES = { points: 'plan_places_points', areas: 'plan_places_areas' } as const;

export interface GeoPackageExportOptions extends GisExportOptions {
  /** Where sql.js finds its .wasm file; in the app `import url from 'sql.js/dist/sql-wasm-browser.wasm?url'`.
   * Omitted in Node, where sql.js reads the file beside its module. */
  sqlWasmUrl?: string;
  /** gpkg_contents.last_change; default now. */
  date?: Date;
}

let sqlJs: Promise<SqlJsStatic> | null = null;
function loadSqlJs(wasmUrl?: string): Promise<SqlJsStatic> {
  sqlJs ??= import('sql.js').then((m) => {
    // sql.js is CommonJS: the init function is the default export, or the module itself.
    const init = (m.default ?? m) as unknown as (config?: object) => Promise<SqlJsStatic>;
    return init(wasmUrl ? { locateFile: () => wasmUrl } : undefined);
  });
  return sqlJs;
}

const WGS84_WKT =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],' +
  'AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],' +
  'UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]';

/** The mandatory tables of a GeoPackage (spec, Annex C) and its three required reference systems. */
const CORE_SCHEMA = `
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;
CREATE TABLE gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
CREATE TABLE gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
  CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
CREATE TABLE gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
  CONSTRAINT uk_gc_table_name UNIQUE (table_name),
  CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
  CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
CREATE TABLE gpkg_tile_matrix_set (
  table_name TEXT NOT NULL PRIMARY KEY, srs_id INTEGER NOT NULL,
  min_x DOUBLE NOT NULL, min_y DOUBLE NOT NULL, max_x DOUBLE NOT NULL, max_y DOUBLE NOT NULL);
CREATE TABLE gpkg_tile_matrix (
  table_name TEXT NOT NULL, zoom_level INTEGER NOT NULL, matrix_width INTEGER NOT NULL,
  matrix_height INTEGER NOT NULL, tile_width INTEGER NOT NULL, tile_height INTEGER NOT NULL,
  pixel_x_size DOUBLE NOT NULL, pixel_y_size DOUBLE NOT NULL,
  CONSTRAINT pk_ttm PRIMARY KEY (table_name, zoom_level));
INSERT INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system'),
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, '${WGS84_WKT}', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
`;

type Envelope = [minX: number, maxX: number, minY: number, maxY: number];

function envelopeOf(positions: Position[]): Envelope {
  const e: Envelope = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of positions) {
    e[0] = Math.min(e[0], x);
    e[1] = Math.max(e[1], x);
    e[2] = Math.min(e[2], y);
    e[3] = Math.max(e[3], y);
  }
  return e;
}

/** Little-endian WKB of a Point (type 1) or MultiPolygon (type 6). */
function wkb(geometry: Point | MultiPolygon): Uint8Array {
  const polygons = geometry.type === 'Point' ? [] : geometry.coordinates;
  const size =
    geometry.type === 'Point'
      ? 21
      : 9 + polygons.reduce((n, p) => n + 9 + p.reduce((m, ring) => m + 4 + 16 * ring.length, 0), 0);
  const view = new DataView(new ArrayBuffer(size));
  let at = 0;
  const byte = (v: number) => {
    view.setUint8(at, v);
    at += 1;
  };
  const uint = (v: number) => {
    view.setUint32(at, v, true);
    at += 4;
  };
  const xy = ([x, y]: Position) => {
    view.setFloat64(at, x, true);
    view.setFloat64(at + 8, y, true);
    at += 16;
  };
  byte(1);
  if (geometry.type === 'Point') {
    uint(1);
    xy(geometry.coordinates);
  } else {
    uint(6);
    uint(polygons.length);
    for (const polygon of polygons) {
      byte(1);
      uint(3);
      uint(polygon.length);
      for (const ring of polygon) {
        uint(ring.length);
        ring.forEach(xy);
      }
    }
  }
  return new Uint8Array(view.buffer);
}

/** StandardGeoPackageBinary: "GP", version 0, flags (little-endian, xy envelope), srs_id, envelope, WKB. */
function geoPackageBinary(geometry: Point | MultiPolygon, srsId: number): Uint8Array {
  const positions = geometry.type === 'Point' ? [geometry.coordinates] : geometry.coordinates.flat(2);
  const header = new DataView(new ArrayBuffer(8 + 32));
  header.setUint8(0, 0x47);
  header.setUint8(1, 0x50);
  header.setUint8(2, 0);
  header.setUint8(3, 0b0000_0011);
  header.setInt32(4, srsId, true);
  envelopeOf(positions).forEach((v, i) => header.setFloat64(8 + 8 * i, v, true));
  const body = wkb(geometry);
  const out = new Uint8Array(header.byteLength + body.byteLength);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(body, header.byteLength);
  return out;
}

const asMultiPolygon = (g: Polygon | MultiPolygon): MultiPolygon =>
  g.type === 'Polygon' ? { type: 'MultiPolygon', coordinates: [g.coordinates] } : g;

interface Row {
  attributes: PlaceAttributes;
  geometry: Point | MultiPolygon;
}

function writeFeatureTable(db: Database, table: string, typeName: 'POINT' | 'MULTIPOLYGON', rows: Row[], when: string) {
  const columns = PLACE_COLUMNS.map((c) => `"${c}" TEXT${c === 'id' ? ' NOT NULL UNIQUE' : ''}`).join(', ');
  db.run(`CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, geom ${typeName}, ${columns})`);
  const insert = db.prepare(
    `INSERT INTO "${table}" (geom, ${PLACE_COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${PLACE_COLUMNS.map(() => '?').join(', ')})`,
  );
  for (const row of rows)
    insert.run([geoPackageBinary(row.geometry, 4326), ...PLACE_COLUMNS.map((c) => row.attributes[c])]);
  insert.free();
  const e = rows.length
    ? envelopeOf(
        rows.flatMap((r) => (r.geometry.type === 'Point' ? [r.geometry.coordinates] : r.geometry.coordinates.flat(2))),
      )
    : [null, null, null, null];
  const description =
    typeName === 'POINT'
      ? 'Places of the Fujian plan documents located by a point (see precision)'
      : 'Places of the Fujian plan documents located by an area: administrative outlines, larger than the place itself where precision is approximate_area';
  db.run('INSERT INTO gpkg_contents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    table,
    'features',
    table,
    description,
    when,
    e[0],
    e[2],
    e[1],
    e[3],
    4326,
  ]);
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', typeName, 4326]);
}

/** The places of the dataset as a GeoPackage file (the bytes of an SQLite database). */
export async function placesToGeoPackage(dataset: GisDataset, options: GeoPackageExportOptions): Promise<Uint8Array> {
  const SQL = await loadSqlJs(options.sqlWasmUrl);
  const db = new SQL.Database();
  try {
    db.exec(CORE_SCHEMA);
    const points: Row[] = [];
    const areas: Row[] = [];
    for (const f of dataset.features) {
      const attributes = placeAttributes(dataset, f, options);
      const g = geometryOf(f, dataset.outlines);
      if (g?.type === 'Point') points.push({ attributes, geometry: g });
      else if (g?.type === 'Polygon' || g?.type === 'MultiPolygon')
        areas.push({ attributes, geometry: asMultiPolygon(g) });
    }
    const when = (options.date ?? new Date()).toISOString().replace(/(\.\d{3})\d*Z$/, '$1Z');
    writeFeatureTable(db, GEOPACKAGE_TABLES.points, 'POINT', points, when);
    writeFeatureTable(db, GEOPACKAGE_TABLES.areas, 'MULTIPOLYGON', areas, when);
    return db.export();
  } finally {
    db.close();
  }
}

/** The same file as a Blob for a download link. */
export async function placesToGeoPackageBlob(dataset: GisDataset, options: GeoPackageExportOptions): Promise<Blob> {
  const bytes = await placesToGeoPackage(dataset, options);
  return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: GEOPACKAGE_MIME_TYPE });
}
