// The benchmark's synthetic data keep the dataset contract (DATA.md), the same seed gives the
// same bytes, and the first view's files are derived from them as the build derives the real ones.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { PMTiles, TileType, type Source } from 'pmtiles';
import { expect, test } from 'vitest';
import { derive, generate } from '../../bench/generate.ts';
import type { Industry } from '../../src/data/types.ts';
import { FeatureCollectionOut } from '../../scripts/lib/schema.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';
import { datasetOf, storedOf, withoutTexts } from '../support/dataset.ts';

const read = (p: string) => JSON.parse(readFileSync(p, 'utf8'));

test('synthetic places follow the schema, quote the documents exactly and cite every industry', () => {
  const collection = generate(1500, 3);
  expect(collection.features).toHaveLength(1500);
  const parsed = FeatureCollectionOut.parse(collection);
  const industries = new Set(
    (read('data/industries.json') as { industries: { id: string }[] }).industries.map((i) => i.id),
  );
  const texts = new Map<string, string>();
  const text = (doc: string) => {
    if (!texts.has(doc)) texts.set(doc, readFileSync(`seeds/${doc}.txt`, 'utf8'));
    return texts.get(doc)!;
  };
  const byId = new Map(parsed.features.map((f) => [f.properties.id, f.properties]));
  expect(byId.size).toBe(1500);
  const kinds = new Set<string>();
  const geometries = new Set<string>();
  for (const f of parsed.features) {
    const p = f.properties;
    kinds.add(p.kind);
    geometries.add(f.geometry.type);
    expect(f.id).toBe(p.id);
    for (const id of p.industries) expect(industries.has(id)).toBe(true);
    const cited = new Set(p.sources.flatMap((s) => s.industries));
    expect([...cited].sort()).toEqual([...p.industries].sort());
    expect(p.docs).toEqual([...new Set(p.sources.map((s) => s.doc))].sort());
    for (const s of p.sources) {
      expect(text(s.doc).slice(s.start, s.end)).toBe(s.quote);
      if (s.wording) expect(s.quote).toContain(s.wording);
    }
    if (p.parent) expect(byId.get(p.parent)?.children).toContain(p.id);
    for (const c of p.children) expect(byId.get(c)?.parent).toBe(p.id);
    expect(p.name_pinyin).toMatch(/^[a-zü]+( [a-zü]+)*$/);
  }
  expect(kinds.size).toBeGreaterThan(10);
  expect([...geometries].sort()).toEqual(['MultiPolygon', 'Point', 'Polygon']);
});

test('the same seed gives the same bytes; another seed gives other data', () => {
  expect(formatJson(generate(300, 5))).toBe(formatJson(generate(300, 5)));
  expect(formatJson(generate(300, 6))).not.toBe(formatJson(generate(300, 5)));
});

const industries = () => (read('data/industries.json') as { industries: Industry[] }).industries;

/** The `pmtiles` reader over bytes in memory (the app reads the same archive by range requests). */
const memory = (bytes: Uint8Array): Source => ({
  getKey: () => 'memory',
  getBytes: async (offset, length) => ({ data: bytes.slice(offset, offset + length).buffer }),
});

test('places-N is the attribute table of features-N: same places, areas without their outline', () => {
  const collection = generate(800, 4);
  const derived = derive(collection, industries());
  // The words only a panel shows are in texts-N, every place's with its clauses' words in order.
  const texts = Object.assign({}, ...derived.texts.map((t) => JSON.parse(t.text).places)) as Record<
    string,
    { clauses: { quote: string }[] }
  >;
  for (const f of collection.features) {
    const p = f.properties as { id: string; sources: { quote: string }[] };
    expect(texts[p.id].clauses.map((c) => c.quote)).toEqual(p.sources.map((c) => c.quote));
  }
  const dataset = datasetOf(JSON.parse(derived.places));
  expect(dataset.problems).toEqual([]);
  expect(dataset.features.map((f) => f.id)).toEqual(collection.features.map((f) => f.properties?.id));
  let areas = 0;
  dataset.features.forEach((f, i) => {
    const full = collection.features[i];
    const [w, s, e, n] = f.bbox;
    expect(w).toBeLessThanOrEqual(e);
    expect(s).toBeLessThanOrEqual(n);
    expect(storedOf(f)).toEqual(withoutTexts(full.properties!));
    const [x, y] = f.origin;
    expect([w <= x && x <= e, s <= y && y <= n]).toEqual([true, true]);
    if (full.geometry.type === 'Point') {
      expect(f.point).toEqual(full.geometry.coordinates.slice(0, 2));
      expect(f.origin).toEqual(f.point);
    } else {
      areas++;
      expect(f.point).toBeNull();
    }
  });
  expect(areas).toBeGreaterThan(50);
});

test('plan-N opens with the pmtiles reader and has the places in its tiles', async () => {
  const collection = generate(800, 4);
  const { archive } = derive(collection, industries());
  const gunzip = async (buf: ArrayBuffer) => {
    const out = gunzipSync(new Uint8Array(buf));
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  };
  // The reader decompresses directories and tiles with this (the app: the browser's DecompressionStream).
  const reader = new PMTiles(memory(archive), undefined, gunzip);
  const header = await reader.getHeader();
  expect(header.specVersion).toBe(3);
  expect(header.tileType).toBe(TileType.Mvt);
  expect(header.numAddressedTiles).toBeGreaterThan(100);
  expect((await reader.getMetadata()) as { vector_layers: { id: string }[] }).toMatchObject({
    vector_layers: [{ id: 'plan' }],
  });
  // Every point place is in the tile under it at the archive's least and greatest zoom (MVT keeps
  // string values as UTF-8 bytes).
  const tileOf = (z: number, [x, y]: number[]) => {
    const lat = (y * Math.PI) / 180;
    return [
      Math.floor(((x + 180) / 360) * 2 ** z),
      Math.floor(((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * 2 ** z),
    ];
  };
  const tiles = new Map<string, Promise<Buffer | null>>();
  const tile = (z: number, x: number, y: number) => {
    const key = `${z}/${x}/${y}`;
    if (!tiles.has(key))
      tiles.set(
        key,
        reader.getZxy(z, x, y).then((t) => (t ? Buffer.from(t.data) : null)),
      );
    return tiles.get(key)!;
  };
  let points = 0;
  for (const f of collection.features) {
    if (f.geometry.type !== 'Point') continue;
    points++;
    for (const z of [header.minZoom, header.maxZoom]) {
      const bytes = await tile(z, ...(tileOf(z, f.geometry.coordinates) as [number, number]));
      expect(bytes?.includes('plan')).toBe(true);
      expect(bytes?.includes(String(f.properties?.id))).toBe(true);
    }
  }
  expect(points).toBeGreaterThan(400);
});

test('the derived files are the same bytes for the same data', () => {
  const a = derive(generate(300, 5), industries());
  const b = derive(generate(300, 5), industries());
  expect(a.places).toBe(b.places);
  expect(Buffer.from(a.archive).equals(Buffer.from(b.archive))).toBe(true);
});
