// Checks the committed dataset against its sources, independently of the build's own checks.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { Ajv2020 } from 'ajv/dist/2020.js';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import { loadInput } from '../../scripts/build-data.ts';
import { buildDataset } from '../../scripts/lib/dataset.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';
import type { FeaturePropertiesT } from '../../scripts/lib/schema.ts';

const read = (p: string) => readFileSync(p, 'utf8');
const committed = read('data/features.geojson');
const data = JSON.parse(committed) as FeatureCollection<Point | Polygon | MultiPolygon, FeaturePropertiesT>;
const industries = JSON.parse(read('data/industries.json')) as {
  industries: { id: string; group: string }[];
  groups: { id: string }[];
};
const manifest = JSON.parse(read('seeds/manifest.json')) as { doc: string }[];
const counties = JSON.parse(read('data/boundaries/counties.geojson')) as FeatureCollection<Polygon | MultiPolygon>;

describe('the committed dataset', () => {
  test('is exactly what `npm run data` builds from sources/ (deterministic, nothing hand-edited)', () => {
    const first = buildDataset(loadInput());
    expect(first.errors).toEqual([]);
    expect(formatJson(first.features)).toBe(committed);
    expect(formatJson(first.industries)).toBe(read('data/industries.json'));
    expect(formatJson(first.regions)).toBe(read('data/regions.json'));
    expect(formatJson(buildDataset(loadInput()).features)).toBe(formatJson(first.features));
  }, 60_000);

  test('validates against its committed JSON Schemas', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validFeatures = ajv.compile(JSON.parse(read('data/schema/features.schema.json')));
    expect(validFeatures(data), JSON.stringify(validFeatures.errors?.slice(0, 3))).toBe(true);
    const validIndustries = ajv.compile(JSON.parse(read('data/schema/industries.schema.json')));
    expect(validIndustries(industries), JSON.stringify(validIndustries.errors?.slice(0, 3))).toBe(true);
  });

  test('cites for every feature at least one clause that is exactly text.slice(start, end)', () => {
    const texts = Object.fromEntries(manifest.map((m) => [m.doc, read(`seeds/${m.doc}.txt`)]));
    for (const f of data.features) {
      expect(f.properties.sources.length, f.properties.id).toBeGreaterThan(0);
      for (const s of f.properties.sources) expect(texts[s.doc].slice(s.start, s.end), f.properties.id).toBe(s.quote);
    }
  });

  test('has features from every document, unique ids, and only industry ids that resolve', () => {
    for (const m of manifest)
      expect(
        data.features.some((f) => f.properties.docs.includes(m.doc)),
        m.doc,
      ).toBe(true);
    const ids = data.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
    const known = new Set(industries.industries.map((i) => i.id));
    for (const f of data.features) {
      for (const i of f.properties.industries) expect(known.has(i), `${f.properties.id}: ${i}`).toBe(true);
      for (const s of f.properties.sources) for (const i of s.industries) expect(known.has(i)).toBe(true);
    }
    const groups = new Set(industries.groups.map((g) => g.id));
    for (const i of industries.industries) expect(groups.has(i.group)).toBe(true);
  });

  test('places every point inside the county it declares, in one of its prefectures', () => {
    const byCode = new Map(
      counties.features.map((c) => [String(c.properties!.code), c as Feature<Polygon | MultiPolygon>]),
    );
    const points = data.features.filter((f) => f.geometry.type === 'Point');
    expect(points.length).toBeGreaterThan(50);
    for (const f of points) {
      const county = byCode.get(f.properties.county!);
      expect(county, f.properties.id).toBeDefined();
      expect(booleanPointInPolygon((f.geometry as Point).coordinates, county!), f.properties.id).toBe(true);
      expect(f.properties.prefecture).toContain(String(county!.properties!.prefecture_code));
    }
  });

  test('links every parent and child both ways', () => {
    const byId = new Map(data.features.map((f) => [f.properties.id, f.properties]));
    for (const f of data.features) {
      if (f.properties.parent) expect(byId.get(f.properties.parent)?.children).toContain(f.properties.id);
      for (const c of f.properties.children) expect(byId.get(c)?.parent).toBe(f.properties.id);
    }
  });
});
