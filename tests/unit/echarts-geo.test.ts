import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { decodeEchartsMap } from '../../scripts/lib/echarts-geo.ts';

/** The inverse of the echarts decoder, to round-trip arbitrary rings through it. */
function encodeRing(ring: number[][]): { encoded: string; offset: number[] } {
  const q = ring.map(([x, y]) => [Math.round(x * 1024), Math.round(y * 1024)]);
  const offset = q[0];
  let [px, py] = offset;
  let encoded = '';
  for (const [x, y] of q) {
    const zig = (v: number) => (v << 1) ^ (v >> 31);
    encoded += String.fromCharCode(zig(x - px) + 64, zig(y - py) + 64);
    [px, py] = [x, y];
  }
  return { encoded, offset };
}

describe('echarts map decoding', () => {
  test('round-trips rings to within 1/1024 degree and closes them', () => {
    const ring = [
      [119.3, 26.08],
      [119.31, 26.1],
      [119.28, 26.12],
      [119.25, 26.09],
    ];
    const { encoded, offset } = encodeRing(ring);
    const fc = decodeEchartsMap({
      features: [
        { id: '1', properties: {}, geometry: { type: 'Polygon', coordinates: [encoded], encodeOffsets: [offset] } },
      ],
    });
    const out = (fc.features[0].geometry as Polygon).coordinates[0];
    expect(out).toHaveLength(ring.length + 1);
    ring.forEach(([x, y], i) => {
      expect(Math.abs(out[i][0] - x)).toBeLessThan(1 / 1024);
      expect(Math.abs(out[i][1] - y)).toBeLessThan(1 / 1024);
    });
    expect(out[out.length - 1]).toEqual(out[0]);
  });
});

describe('committed boundaries', () => {
  const prefectures = JSON.parse(readFileSync('data/boundaries/prefectures.geojson', 'utf8')) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  const byName = (name: string) => prefectures.features.find((f) => f.properties!.name === name) as Feature<Polygon>;

  test('hold the nine Fujian prefectures with their GB/T 2260 codes', () => {
    const fujian = prefectures.features.filter((f) => f.properties!.province_code === '350000');
    expect(fujian.map((f) => f.properties!.code)).toEqual([
      '350100',
      '350200',
      '350300',
      '350400',
      '350500',
      '350600',
      '350700',
      '350800',
      '350900',
    ]);
  });

  test('put well-known city centres inside their own prefecture and not the neighbour', () => {
    // Gulangyu ferry pier, Xiamen; Zhangzhou old town; Fuzhou Wuyi Square.
    expect(booleanPointInPolygon([118.07, 24.45], byName('厦门市'))).toBe(true);
    expect(booleanPointInPolygon([117.65, 24.51], byName('漳州市'))).toBe(true);
    expect(booleanPointInPolygon([117.65, 24.51], byName('厦门市'))).toBe(false);
    expect(booleanPointInPolygon([119.3, 26.07], byName('福州市'))).toBe(true);
  });
});
