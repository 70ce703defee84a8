// What the first view loads, cut from data/features.geojson at build time (scripts/lib/plan-split.ts):
// the committed files are what the build makes, and the tile archive reads back, with the official
// PMTiles reader and an MVT decoder, as exactly the places and properties the map's filters use.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import bbox from '@turf/bbox';
import centroid from '@turf/centroid';
import { PbfReader } from 'pbf';
import { PMTiles, TileType, type Source } from 'pmtiles';
import type { FeatureCollection } from 'geojson';
import {
  PLAN_TILE_LAYER,
  PLAN_TILE_MAX_PLACES,
  PLAN_TILE_NAMES_FROM,
  PLAN_TILE_ZOOMS,
  placesTable,
  countTiles,
  placeOrigin,
  planArchive,
  planTiles,
  planTileMinZoom,
  tileFeatures,
} from '../../scripts/lib/plan-split.ts';
import { writePmtiles } from '../../scripts/lib/pmtiles-writer.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';
import { rollupOf } from '../../src/data/taxonomy.ts';
import { PLAN_COUNT_LAYER, PLAN_LABEL_MINZOOM } from '../../src/map-style/plan-layers.ts';
import { placeCounts } from '../../src/features/plan-map/counts.ts';
import { formatInteger } from '../../src/i18n/format.ts';
import { PLAN_MAP_MIN_ZOOM } from '../../src/features/plan-map/map-options.ts';
import { readJson, realDataset, searchTables, storedOf, taxonomy, withoutTexts } from '../support/dataset.ts';

const full = readJson<FeatureCollection>('data/features.geojson');
const rollup = rollupOf(taxonomy.industries);
const committedArchive = new Uint8Array(readFileSync('data/plan.pmtiles'));

/** A PMTiles reader over bytes in memory (what FetchSource does over HTTP ranges). */
function reader(bytes: Uint8Array): PMTiles {
  const source: Source = {
    getKey: () => 'memory',
    getBytes: async (offset, length) => {
      // A truncated file answers short, as a static host does past its end.
      const data = bytes.slice(offset, Math.min(offset + length, bytes.length));
      return { data: data.buffer };
    },
  };
  return new PMTiles(source);
}

const decode = (data: ArrayBuffer) => new VectorTile(new PbfReader(new Uint8Array(data))).layers[PLAN_TILE_LAYER];
const decodeCounts = (data: ArrayBuffer | Uint8Array) => {
  const layer = new VectorTile(new PbfReader(new Uint8Array(data))).layers[PLAN_COUNT_LAYER];
  return Array.from({ length: layer?.length ?? 0 }, (_, i) => layer!.feature(i));
};

describe('the committed first-view files', () => {
  test('data/places.json, data/search-words.json, data/texts/ and data/plan.pmtiles are what `npm run data` cuts from data/features.geojson', () => {
    const split = placesTable(full, searchTables);
    expect(formatJson(split.table)).toBe(readFileSync('data/places.json', 'utf8'));
    expect(formatJson(split.words)).toBe(readFileSync('data/search-words.json', 'utf8'));
    expect(readdirSync('data/texts').sort()).toEqual(split.texts.map((t) => t.file).sort());
    for (const t of split.texts)
      expect(formatJson(t.content), t.file).toBe(readFileSync(`data/texts/${t.file}`, 'utf8'));
    const built = planArchive(full, rollup);
    expect(built.length).toBe(committedArchive.length);
    expect(Buffer.from(built).equals(Buffer.from(committedArchive))).toBe(true);
  }, 60_000);

  test("the texts hold every place's panel words and its clauses' words, in order, and nothing else", () => {
    const split = placesTable(full, searchTables);
    const texts = Object.assign({}, ...split.texts.map((t) => (t.content as { places: object }).places)) as Record<
      string,
      { clauses: { quote: string; quote_en: string }[]; note?: string; note_zh?: string; function_zh?: string }
    >;
    for (const f of full.features) {
      const p = f.properties as {
        id: string;
        sources: { quote: string; quote_en: string }[];
        note?: string;
        note_zh?: string;
        function_zh?: string;
      };
      expect(texts[p.id], p.id).toEqual({
        ...(p.function_zh !== undefined ? { function_zh: p.function_zh } : {}),
        ...(p.note !== undefined ? { note: p.note } : {}),
        ...(p.note_zh !== undefined ? { note_zh: p.note_zh } : {}),
        clauses: p.sources.map((s) => ({ quote: s.quote, quote_en: s.quote_en })),
      });
    }
    // The table keeps none of them, and names every text file.
    expect(JSON.stringify(split.table)).not.toMatch(/"(quote|quote_en|note|note_zh|function_zh)":/);
    expect(split.table.texts.files).toEqual(split.texts.map((t) => t.file));
  });

  test('the attribute table holds every place as stored, no outline, and boxes that contain each outline', () => {
    const dataset = realDataset();
    expect(dataset.problems).toEqual([]);
    expect(dataset.features.map((f) => f.id)).toEqual(full.features.map((f) => f.properties!.id));
    dataset.features.forEach((f, i) => {
      expect(storedOf(f)).toEqual(withoutTexts(full.features[i].properties!));
      const g = full.features[i].geometry;
      if (g.type === 'Point') expect(f.point).toEqual(g.coordinates);
      else {
        expect(f.point, f.id).toBeNull();
        const [w, s, e, n] = f.bbox;
        const coords = (g.type === 'Polygon' ? [g.coordinates] : (g as GeoJSON.MultiPolygon).coordinates).flat(2);
        for (const [x, y] of coords) expect(x >= w && x <= e && y >= s && y <= n).toBe(true);
        // Distances are measured from the outline's centroid (turf's: the mean of its vertices).
        expect(f.origin[0]).toBeCloseTo(centroid(full.features[i]).geometry.coordinates[0], 9);
        expect(f.origin[1]).toBeCloseTo(centroid(full.features[i]).geometry.coordinates[1], 9);
      }
    });
    // The first view no longer downloads the outlines nor the panels' words: the table is a
    // fraction of the full file.
    expect(readFileSync('data/places.json').length).toBeLessThan(0.15 * readFileSync('data/features.geojson').length);
  });
});

describe('the tile archive', () => {
  const archive = reader(committedArchive);

  test('is a PMTiles v3 archive of vector tiles over the data, from the map’s minimum zoom to 10, one layer "plan"', async () => {
    const header = await archive.getHeader();
    expect(header.specVersion).toBe(3);
    expect(header.tileType).toBe(TileType.Mvt);
    expect([header.minZoom, header.maxZoom]).toEqual([PLAN_TILE_ZOOMS.min, PLAN_TILE_ZOOMS.max]);
    // The map never asks for a zoom the archive lacks.
    expect(header.minZoom).toBe(PLAN_MAP_MIN_ZOOM);
    for (const { bbox } of realDataset().features) {
      expect(bbox[0]).toBeGreaterThanOrEqual(header.minLon - 1e-6);
      expect(bbox[2]).toBeLessThanOrEqual(header.maxLon + 1e-6);
      expect(bbox[1]).toBeGreaterThanOrEqual(header.minLat - 1e-6);
      expect(bbox[3]).toBeLessThanOrEqual(header.maxLat + 1e-6);
    }
    const metadata = (await archive.getMetadata()) as { vector_layers: { id: string; fields: object }[] };
    expect(metadata.vector_layers.map((l) => l.id)).toEqual([PLAN_TILE_LAYER]);
    expect(Object.keys(metadata.vector_layers[0].fields)).toContain('ind');
    // The table says where the tiles start (the app counts places below it): here, from the start.
    expect(readJson<{ tiles: { minzoom: number } }>('data/places.json').tiles.minzoom).toBe(header.minZoom);
    expect(realDataset().tileMinZoom).toBe(header.minZoom);
  });

  test('starts at the first zoom where no tile holds more than PLAN_TILE_MAX_PLACES places; the table says the same', async () => {
    // Two crowds of PLAN_TILE_MAX_PLACES places each: one zoom-3 tile holds both, zoom 4 parts them.
    const place = (i: number, lng: number) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [lng + (i % 100) * 1e-3, 30 + Math.floor(i / 100) * 1e-3] },
      properties: {
        id: `p${i}`,
        kind: 'specialised_park',
        precision: 'point_site',
        name_zh: '园',
        name_zh_hant: '園',
        name_en: 'Park',
        name_pinyin: 'yuan',
        industries: ['petrochemical'],
        industries_text: ['石化'],
        children: [],
        province: '350000',
        docs: ['d'],
        prefecture: ['350000'],
        sources: [{ doc: 'd', start: 0, end: 1, industries: ['petrochemical'] }],
      },
    });
    const crowd = (lng: number, from: number) =>
      Array.from({ length: PLAN_TILE_MAX_PLACES }, (_, i) => place(from + i, lng));
    const collection: FeatureCollection = {
      type: 'FeatureCollection',
      features: [...crowd(100, 0), ...crowd(120, PLAN_TILE_MAX_PLACES)],
    };
    expect(planTileMinZoom(collection)).toBe(4);
    // One place fewer, and every tile from zoom 3 holds few enough.
    expect(planTileMinZoom({ ...collection, features: collection.features.slice(1, PLAN_TILE_MAX_PLACES + 1) })).toBe(
      3,
    );
    const bytes = planArchive(collection, rollup);
    const built = reader(bytes);
    const header = await built.getHeader();
    // Zoom 3 holds the places' count bubbles (countTiles), not the places.
    expect(header.minZoom).toBe(3);
    const z3 = await built.getZxy(3, 6, 3);
    expect(decode(z3!.data)).toBeUndefined();
    expect(decodeCounts(z3!.data).length).toBeGreaterThan(0);
    const [x, y] = [Math.floor(((100 + 180) / 360) * 16), 6];
    expect(decode((await built.getZxy(4, x, y))!.data).length).toBeGreaterThan(0);
    expect(placesTable(collection, searchTables).table.tiles.minzoom).toBe(4);
  });

  test('every tile the build cut reads back byte for byte; a tile outside the data is absent', async () => {
    const tiles = planTiles(full, rollup);
    expect(tiles.length).toBeGreaterThan(100);
    for (const t of tiles) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(got, `${t.z}/${t.x}/${t.y}`).toBeDefined();
      expect(Buffer.from(new Uint8Array(got!.data)).equals(Buffer.from(t.data)), `${t.z}/${t.x}/${t.y}`).toBe(true);
    }
    // Zoom 6 over the Atlantic; zoom 2, below the archive's range.
    expect(await archive.getZxy(6, 20, 20)).toBeUndefined();
    expect(await archive.getZxy(2, 3, 1)).toBeUndefined();
  }, 60_000);

  test('at every zoom, the tiles hold each place once or more, with the properties the filters read (names where labels show)', async () => {
    const named = new Map(tileFeatures(full, rollup).features.map((f) => [f.properties!.id as string, f.properties]));
    const unnamed = new Map(
      tileFeatures(full, rollup, { names: false }).features.map((f) => [f.properties!.id as string, f.properties]),
    );
    const tiles = planTiles(full, rollup);
    // The names start where the map labels places.
    expect(PLAN_TILE_NAMES_FROM).toBe(PLAN_LABEL_MINZOOM);
    for (let z = PLAN_TILE_ZOOMS.min; z <= PLAN_TILE_ZOOMS.max; z++) {
      const expected = z >= PLAN_TILE_NAMES_FROM ? named : unnamed;
      const seen = new Map<string, Record<string, unknown>>();
      for (const t of tiles.filter((x) => x.z === z)) {
        const layer = decode((await archive.getZxy(t.z, t.x, t.y))!.data);
        for (let i = 0; i < layer.length; i++) {
          const p = layer.feature(i).properties;
          seen.set(String(p.id), p);
        }
      }
      // Every place is drawn at every zoom (areas smaller than the simplification tolerance too):
      // the map shows what the list lists.
      expect([...seen.keys()].sort(), `zoom ${z}`).toEqual([...expected.keys()].sort());
      for (const [id, p] of seen) expect(p, id).toEqual(expected.get(id));
    }
  }, 60_000);

  test("a place that is a whole prefecture is not in the tiles: the map draws it from the basemap's outline of it", () => {
    const outlined = full.features.filter((f) => f.properties!.outline);
    // Every prefecture-level place of the documents, and nothing else (the counties and districts
    // the basemap does not have stay in the tiles).
    expect(outlined.map((f) => f.properties!.id).sort()).toEqual(
      full.features
        .filter((f) => f.properties!.precision === 'admin_boundary' && f.properties!.kind === 'prefecture')
        .map((f) => f.properties!.id)
        .sort(),
    );
    const tiled = new Set(tileFeatures(full, rollup).features.map((f) => f.properties!.id));
    for (const f of outlined) expect(tiled.has(f.properties!.id), String(f.properties!.id)).toBe(false);
    expect(tiled.size + outlined.length).toBe(full.features.length);
    // The basemap has each of those prefectures, and its outline is the place's (the dataset's is
    // the same boundary, simplified: the same extent within about a kilometre).
    const basemap = new Map(
      readJson<FeatureCollection>('public/basemap/prefectures.geojson').features.map((f) => [f.properties!.code, f]),
    );
    for (const f of outlined) {
      const code = f.properties!.outline as string;
      expect(f.properties!.prefecture).toEqual([code]);
      const outline = basemap.get(code);
      expect(outline, code).toBeDefined();
      bbox(outline!).forEach((v, k) => expect(Math.abs(v - bbox(f)[k]), code).toBeLessThan(0.01));
    }
  });
});

describe('the PMTiles writer', () => {
  // 30,000 tiles, more than a root directory of 16 KiB can address: the writer adds leaf directories.
  const many = Array.from({ length: 30_000 }, (_, i) => {
    const z = 8;
    const x = i % 256;
    const y = Math.floor(i / 256);
    // Every third tile repeats its predecessor's bytes: stored once, addressed by a run.
    const n = i - (i % 3 === 2 ? 1 : 0);
    return { z, x, y, data: new TextEncoder().encode(`tile ${n}`) };
  });
  const bytes = writePmtiles(many, { bounds: [0, 0, 1, 1], minZoom: 8, maxZoom: 8, metadata: { name: 'test' } });

  test('writes leaf directories when the tiles need them, and every tile reads back', async () => {
    const archive = reader(bytes);
    const header = await archive.getHeader();
    expect(header.leafDirectoryLength).toBeGreaterThan(0);
    expect(header.rootDirectoryOffset + header.rootDirectoryLength).toBeLessThanOrEqual(16_384);
    expect(header.numAddressedTiles).toBe(many.length);
    expect(header.numTileContents).toBeLessThan(many.length);
    for (const t of [many[0], many[1], many[2], many[4095], many[4096], many[17_001], many[29_999]]) {
      const got = await archive.getZxy(t.z, t.x, t.y);
      expect(new TextDecoder().decode(got!.data), `${t.x}/${t.y}`).toBe(new TextDecoder().decode(t.data));
    }
    expect(await archive.getZxy(8, 255, 255)).toBeUndefined();
  });

  test('the same tiles give the same bytes', () => {
    const again = writePmtiles([...many].reverse(), {
      bounds: [0, 0, 1, 1],
      minZoom: 8,
      maxZoom: 8,
      metadata: { name: 'test' },
    });
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("count bubbles below the places' first zoom", () => {
  test("each level's tiles hold every place counted once, in the cells and numbers the map computes", () => {
    const placesFrom = 6;
    const tiles = countTiles(full, placesFrom);
    const places = full.features.map((f, row) => ({ row, origin: placeOrigin(f) }));
    const origins = realDataset().features.map((f) => f.origin);
    // The table's origins are the ones counted.
    expect(places.map((p) => p.origin)).toEqual(origins);
    for (let z = PLAN_TILE_ZOOMS.min; z < placesFrom; z++) {
      const expected = placeCounts(places, places, z, z + 1, formatInteger).features.map((f) => f.properties);
      // A bubble near a tile's edge is copied into its neighbour's margin: counted where it lies.
      const inside = tiles
        .filter((t) => t.z === z)
        .flatMap((t) =>
          decodeCounts(t.data).filter((f) => {
            const [[p]] = f.loadGeometry();
            return p.x >= 0 && p.x < 4096 && p.y >= 0 && p.y < 4096;
          }),
        )
        .map((f) => f.properties);
      const key = (p: Record<string, unknown>) => [p.west, p.south, p.east, p.north].join();
      const sort = <T extends Record<string, unknown>>(xs: T[]) => [...xs].sort((a, b) => key(a).localeCompare(key(b)));
      expect(sort(inside)).toEqual(sort(expected as unknown as Record<string, unknown>[]));
      expect(inside.reduce((n, p) => n + (p.count as number), 0)).toBe(full.features.length);
    }
    expect(tiles.every((t) => t.z < placesFrom)).toBe(true);
    // Where places are drawn from the map's own first zoom (Fujian's), there is nothing to count.
    expect(countTiles(full, PLAN_TILE_ZOOMS.min)).toEqual([]);
  });
});
