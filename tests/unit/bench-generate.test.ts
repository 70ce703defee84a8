// The benchmark's synthetic data keep the dataset contract (DATA.md), and the same seed gives the
// same bytes.
import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { generate } from '../../bench/generate.ts';
import { FeatureCollectionOut } from '../../scripts/lib/schema.ts';
import { formatJson } from '../../scripts/lib/write-json.ts';

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
