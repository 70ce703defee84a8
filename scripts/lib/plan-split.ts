// What the first view loads, cut from the full dataset (data/features.geojson) at build time, for the
// real data and the benchmark's synthetic data alike (one path):
//   - data/places.json: the attribute table, as columns (src/data/places-table.ts). Every place with
//     its properties and its clauses' places in the documents, its bounding box and its point (an
//     area's centroid); an area's outline is left out, and so are the words only a panel shows
//     (data/texts/).
//   - data/plan.pmtiles: the map's geometry as vector tiles in one PMTiles archive, read by range
//     requests, so that the map loads only the tiles in view.
// Exports and distances read outlines from data/features.geojson when a panel needs them.
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import { createHash } from 'node:crypto';
import bbox from '@turf/bbox';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { KIND_ORDER, type Kind } from '../../src/data/types.ts';
import { encodePlacesTable, type PlacesTable, type TableRecord } from '../../src/data/places-table.ts';
import { makeFolder, type SearchTables } from '../../src/data/search/fold.ts';
import { searchWordsFile, type SearchWordsFile } from '../../src/data/search/place-words.ts';
import { PLAN_COUNT_LAYER, PLAN_LABEL_MINZOOM } from '../../src/map-style/plan-layers.ts';
import { placeCounts } from '../../src/features/plan-map/counts.ts';
import { formatInteger } from '../../src/i18n/format.ts';
import { writePmtiles, type ArchiveTile } from './pmtiles-writer.ts';

/** The source layer of data/plan.pmtiles. */
export const PLAN_TILE_LAYER = 'plan';
/**
 * From the map's own minimum zoom (3, src/features/plan-map/map-options.ts), where every place is
 * still drawn (below it, simplification drops the smallest areas), to 10, beyond which the map
 * overzooms. A dense dataset starts higher (planTileMinZoom).
 */
export const PLAN_TILE_ZOOMS = { min: 3, max: 10 } as const;
/**
 * The most places a tile may hold. A zoom whose densest tile would hold more is left out of the
 * archive: the map counts the places there instead of drawing each (src/features/plan-map/counts.ts).
 * Fujian's places fit every zoom; the benchmark's 100,000 places over China start at zoom 8.
 */
export const PLAN_TILE_MAX_PLACES = 5000;

/** Where a longitude/latitude falls at zoom z: the tile's column and row (Web Mercator). */
function tileOf(lng: number, lat: number, z: number): [number, number] {
  const k = 2 ** z;
  const s = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  const x = ((lng + 180) / 360) * k;
  const y = (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * k;
  return [Math.min(k - 1, Math.max(0, Math.floor(x))), Math.min(k - 1, Math.max(0, Math.floor(y)))];
}

/**
 * The archive's first zoom: the lowest from PLAN_TILE_ZOOMS.min at which no tile holds more than
 * PLAN_TILE_MAX_PLACES places (a place counts in every tile its bounding box touches).
 */
export function planTileMinZoom(collection: FeatureCollection): number {
  const boxes = collection.features.filter(isTiled).map((f) => f.bbox ?? bbox(f));
  for (let z = PLAN_TILE_ZOOMS.min; z < PLAN_TILE_ZOOMS.max; z++) {
    const counts = new Map<number, number>();
    let densest = 0;
    for (const [w, s, e, n] of boxes) {
      const [x0, y0] = tileOf(w, n, z);
      const [x1, y1] = tileOf(e, s, z);
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const key = x * 2 ** z + y;
          const c = (counts.get(key) ?? 0) + 1;
          counts.set(key, c);
          if (c > densest) densest = c;
        }
    }
    if (densest <= PLAN_TILE_MAX_PLACES) return z;
  }
  return PLAN_TILE_ZOOMS.max;
}

/** MVT extent: at z10 a unit is about 9 m, and the map overzooms beyond. */
const EXTENT = 4096;
/**
 * The margin copied into neighbouring tiles, in tile units: it must hold the widest symbol that
 * crosses a tile edge, a 12 px circle with a 3 px stroke on a 512 px tile (15/512 of 4096 = 120).
 */
const BUFFER = 128;
/**
 * Outline simplification, as MapLibre's own GeoJSON source does it (0.375 px of 512 = 3/4096):
 * the tiles draw what the GeoJSON layer drew before.
 */
const TOLERANCE = 3;

interface Props {
  id: string;
  kind: string;
  precision: string;
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
  industries: string[];
  docs: string[];
  prefecture: string[];
}

const pipe = (values: readonly string[]) => `|${values.join('|')}|`;

/**
 * One place as the tiles hold it: list properties become '|a|b|' strings so that a filter expression
 * can test membership with a substring check (src/map-style/plan-layers.ts reads these names).
 * `rollup` adds every broader industry: the map selects by the rolled-up set, as the list does.
 */
export function tileProperties(
  p: Props,
  geometry: Geometry,
  rollup: (ids: string[]) => string[],
  { names = true }: { names?: boolean } = {},
) {
  return {
    id: p.id,
    kind: p.kind,
    area: geometry.type !== 'Point',
    // Envelopes (a zone drawn as its enclosing districts) are drawn lighter and dashed.
    approx: p.precision === 'approximate_area',
    rank: KIND_ORDER.indexOf(p.kind as Kind),
    ...(names ? { name_zh: p.name_zh, name_zh_hant: p.name_zh_hant, name_en: p.name_en } : {}),
    ind: pipe(rollup(p.industries)),
    docs: pipe(p.docs),
    pref: pipe(p.prefecture),
  };
}

/**
 * The tiles carry the names from the zoom the map labels places at (the label layer's minzoom): below
 * it a national view reads every place, and the names were about half of its bytes.
 */
export const PLAN_TILE_NAMES_FROM = PLAN_LABEL_MINZOOM;

/**
 * Whether the tiles hold a place: not one that is a whole prefecture (`outline`), which the map
 * draws from the basemap's outline of that prefecture (src/map-style/plan-layers.ts, outlineLayers)
 * instead of a second copy of the same boundary.
 */
export const isTiled = (f: Feature): boolean => !(f.properties as { outline?: string } | null)?.outline;

/** The features the tiles are cut from (`names`: for the zooms that label places). */
export function tileFeatures(
  collection: FeatureCollection,
  rollup: (ids: string[]) => string[],
  { names = true }: { names?: boolean } = {},
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: collection.features.filter(isTiled).map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: tileProperties(f.properties as Props, f.geometry, rollup, { names }),
    })),
  };
}

/** The mean of an outline's vertices (each ring's closing vertex once): turf's `centroid`. */
function vertexMean(g: Geometry): [number, number] | null {
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
  return n ? [x / n, y / n] : null;
}

const pointOf = (f: Feature): [number, number] | null =>
  f.geometry.type === 'Point' ? (f.geometry.coordinates.slice(0, 2) as [number, number]) : null;

/** A place's bounding box, rounded out to 6 decimals (~0.1 m). */
function tableBox(f: Feature): TableRecord['bbox'] {
  const out = (v: number, up: boolean) => (up ? Math.ceil(v * 1e6) : Math.floor(v * 1e6)) / 1e6;
  const [w, s, e, n] = bbox(f);
  return [out(w, false), out(s, false), out(e, true), out(n, true)];
}

/** Where distances are measured from, and where a place counts: its point, or an area's centroid. */
export function placeOrigin(f: Feature): [number, number] {
  const box = tableBox(f);
  return pointOf(f) ?? vertexMean(f.geometry) ?? [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
}

/** Rows per file of data/texts/: a panel fetches one small file for its place. */
export const TEXT_CHUNK = 64;

/** The words only the panels show: moved from the table into data/texts/. */
const PANEL_FIELDS = ['function_zh', 'note', 'note_zh'] as const;
const CLAUSE_TEXT_FIELDS = ['quote', 'quote_en'] as const;

export interface PlacesSplit {
  /** data/places.json (src/data/places-table.ts) */
  table: PlacesTable;
  /** data/texts/<file>: for each place of the chunk, its texts and its clauses' words. */
  texts: { file: string; content: Record<string, unknown> }[];
  /** data/search-words.json: the rows' words folded for search (src/data/search/place-words.ts). */
  words: SearchWordsFile;
}

/**
 * The attribute table: each place's properties (without the panels' words), its bounding box
 * (rounded out to 6 decimals, ~0.1 m) and where distances are measured from (its point, or an
 * area's centroid), as columns (src/data/places-table.ts). The panels' words (function, notes, the
 * clauses' quotes and English) go to chunk files of TEXT_CHUNK rows, named by their content's hash,
 * which the table lists.
 */
export function placesTable(
  collection: FeatureCollection,
  /** data/search-terms.json: the places' words are folded for search with them (places-table.ts). */
  searchTables: SearchTables,
): PlacesSplit {
  const chunks: Record<string, unknown>[] = [];
  const records = collection.features.map((f, row): TableRecord => {
    const point = pointOf(f);
    const all = f.properties as Record<string, unknown> & { id: string; sources: Record<string, unknown>[] };
    const properties: Record<string, unknown> = {};
    const texts: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(all)) {
      if ((PANEL_FIELDS as readonly string[]).includes(k)) texts[k] = v;
      else properties[k] = v;
    }
    properties.sources = all.sources.map((c) => {
      const kept: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(c)) if (!(CLAUSE_TEXT_FIELDS as readonly string[]).includes(k)) kept[k] = v;
      return kept;
    });
    texts.clauses = all.sources.map((c) => Object.fromEntries(CLAUSE_TEXT_FIELDS.map((k) => [k, c[k]])));
    ((chunks[Math.floor(row / TEXT_CHUNK)] ??= {}) as Record<string, unknown>)[all.id] = texts;
    const box = tableBox(f);
    return { properties, bbox: box, point, origin: placeOrigin(f) };
  });
  const texts = chunks.map((places, k) => {
    const content = { places };
    const hash = createHash('sha1').update(JSON.stringify(content)).digest('hex').slice(0, 10);
    return { file: `${String(k).padStart(4, '0')}-${hash}.json`, content };
  });
  return {
    table: encodePlacesTable(records, {
      texts: { chunk: TEXT_CHUNK, files: texts.map((t) => t.file) },
      // The archive's first zoom (planTileMinZoom): below it the map counts places from this table.
      tiles: { minzoom: planTileMinZoom(collection) },
    }),
    texts,
    words: searchWordsFile(
      records.map((r) => r.properties as unknown as Parameters<typeof searchWordsFile>[0][number]),
      makeFolder(searchTables),
    ),
  };
}

/**
 * Every non-empty tile from zoom `min` (planTileMinZoom) to `max`, found by descending only into
 * tiles with features: below PLAN_TILE_NAMES_FROM from the features without names, from it with them.
 */
export function planTiles(
  collection: FeatureCollection,
  rollup: (ids: string[]) => string[],
  min = planTileMinZoom(collection),
): ArchiveTile[] {
  const { max } = PLAN_TILE_ZOOMS;
  const options = (maxZoom: number) => ({
    maxZoom,
    indexMaxZoom: 4,
    indexMaxPoints: 10_000,
    tolerance: TOLERANCE,
    extent: EXTENT,
    buffer: BUFFER,
  });
  const unnamed = new GeoJSONVT(tileFeatures(collection, rollup, { names: false }), options(PLAN_TILE_NAMES_FROM - 1));
  const named = new GeoJSONVT(tileFeatures(collection, rollup), options(max));
  const getTile: TileOf = (z, x, y) => (z < PLAN_TILE_NAMES_FROM ? unnamed : named).getTile(z, x, y);
  return nonEmptyTiles(getTile, min, max, PLAN_TILE_LAYER);
}

type TileOf = (z: number, x: number, y: number) => ReturnType<GeoJSONVT['getTile']>;

/**
 * Every non-empty tile of an index from zoom `min` to `max`, as source layer `layer`, found by
 * descending from zoom 0 only into tiles with features.
 */
function nonEmptyTiles(getTile: TileOf, min: number, max: number, layer: string): ArchiveTile[] {
  const tiles: ArchiveTile[] = [];
  let level: [number, number][] = [[0, 0]];
  for (let z = 0; z <= max; z++) {
    const next: [number, number][] = [];
    for (const [x, y] of level) {
      const tile = getTile(z, x, y);
      if (!tile || tile.features.length === 0) continue;
      if (z >= min) tiles.push({ z, x, y, data: fromGeojsonVt({ [layer]: tile }, { version: 2, extent: EXTENT }) });
      if (z < max) next.push([2 * x, 2 * y], [2 * x + 1, 2 * y], [2 * x, 2 * y + 1], [2 * x + 1, 2 * y + 1]);
    }
    level = next;
  }
  return tiles;
}

/**
 * Below the places' first zoom, the count bubbles of every place (src/features/plan-map/counts.ts,
 * the same cells and numbers the map computes for a selection), in source layer PLAN_COUNT_LAYER:
 * the tiles of zoom z hold the bubbles of level z. The map draws them while nothing is filtered or
 * searched, before the attribute table is in (the first view does not wait for it).
 */
export function countTiles(collection: FeatureCollection, placesFrom: number): ArchiveTile[] {
  const from = PLAN_TILE_ZOOMS.min;
  if (placesFrom <= from) return [];
  const places = collection.features.map((f, row) => ({ row, origin: placeOrigin(f) }));
  const bubbles = placeCounts(places, places, from, placesFrom, formatInteger).features;
  const tiles: ArchiveTile[] = [];
  for (let z = from; z < placesFrom; z++) {
    const level: FeatureCollection = {
      type: 'FeatureCollection',
      features: bubbles.filter((b) => b.properties.z === z),
    };
    const index = new GeoJSONVT(level, {
      maxZoom: z,
      indexMaxZoom: z,
      indexMaxPoints: 0,
      tolerance: TOLERANCE,
      extent: EXTENT,
      buffer: BUFFER,
    });
    tiles.push(...nonEmptyTiles((zoom, x, y) => index.getTile(zoom, x, y), z, z, PLAN_COUNT_LAYER));
  }
  return tiles;
}

/**
 * data/plan.pmtiles for a dataset: the places from their first zoom (planTileMinZoom), and below it,
 * down to PLAN_TILE_ZOOMS.min, their count bubbles (countTiles). `placesFrom` overrides the first
 * zoom (a test's national archive from Fujian's places).
 */
export function planArchive(
  collection: FeatureCollection,
  rollup: (ids: string[]) => string[],
  { placesFrom = planTileMinZoom(collection) }: { placesFrom?: number } = {},
): Uint8Array {
  const [w, s, e, n] = bbox(collection);
  const minZoom = placesFrom;
  const counts = countTiles(collection, minZoom);
  // The fields' types, from one place as the tiles hold it (with names, as from the label zoom).
  const first = collection.features.find(isTiled);
  const sample = first ? tileProperties(first.properties as Props, first.geometry, rollup) : {};
  const fields = Object.fromEntries(
    Object.entries(sample).map(([k, v]) => [
      k,
      typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String',
    ]),
  );
  const countLayer = counts.length
    ? [
        {
          id: PLAN_COUNT_LAYER,
          fields: {
            z: 'Number',
            count: 'Number',
            label: 'String',
            west: 'Number',
            south: 'Number',
            east: 'Number',
            north: 'Number',
          },
          minzoom: PLAN_TILE_ZOOMS.min,
          maxzoom: minZoom - 1,
        },
      ]
    : [];
  return writePmtiles([...counts, ...planTiles(collection, rollup, minZoom)], {
    bounds: [w, s, e, n],
    minZoom: counts.length ? PLAN_TILE_ZOOMS.min : minZoom,
    maxZoom: PLAN_TILE_ZOOMS.max,
    metadata: {
      name: 'plan',
      description: `Places planned by the documents (see DATA.md); attributes in places.json${
        counts.length ? `; below zoom ${minZoom}, their count bubbles` : ''
      }`,
      vector_layers: [{ id: PLAN_TILE_LAYER, fields, minzoom: minZoom, maxzoom: PLAN_TILE_ZOOMS.max }, ...countLayer],
    },
  });
}
