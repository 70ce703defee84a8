// Geometries and coordinates: every supported type, what is dropped, and the hint that says why.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadHantConverter } from '../../../src/i18n/translate.ts';
import { LANGS, fail, fc, json, ok, parse, point } from './helpers.ts';

// 繁體 messages are converted from the Simplified ones once the converter has loaded.
beforeAll(() => loadHantConverter());

describe('GeoJSON', () => {
  test('Multi* geometries are accepted', () => {
    const geometries = [
      {
        type: 'MultiPoint',
        coordinates: [
          [119, 26],
          [120, 27],
        ],
      },
      {
        type: 'MultiLineString',
        coordinates: [
          [
            [119, 26],
            [119.5, 26.5],
          ],
        ],
      },
      {
        type: 'MultiPolygon',
        coordinates: [
          [
            [
              [116, 24],
              [117, 24],
              [117, 25],
              [116, 24],
            ],
          ],
        ],
      },
    ];
    const { layer } = ok(
      parse('multi.json', json(fc(geometries.map((geometry) => ({ type: 'Feature', geometry, properties: {} }))))),
    );
    expect(layer.collection.features.map((f) => f.geometry.type)).toEqual([
      'MultiPoint',
      'MultiLineString',
      'MultiPolygon',
    ]);
    expect(layer.bbox).toEqual([116, 24, 120, 27]);
  });

  test('null geometries and GeometryCollections are dropped with counted warnings', () => {
    const text = json(
      fc([
        point(119, 26),
        { type: 'Feature', geometry: null, properties: {} },
        { type: 'Feature', properties: {} },
        { type: 'Feature', geometry: { type: 'GeometryCollection', geometries: [] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Circle', coordinates: [119, 26] }, properties: {} },
      ]),
    );
    const { layer, warnings } = ok(parse('mixed.json', text));
    expect(layer.featureCount).toBe(1);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/Skipped 2 feature\(s\) without a geometry/);
    expect(warnings[1]).toMatch(/Skipped 1 GeometryCollection/);
    expect(warnings[2]).toMatch(/Skipped 1 item\(s\).*Circle/);
  });

  test('invalid coordinates are dropped and counted', () => {
    const text = json(
      fc([
        point(119, 26),
        { type: 'Feature', geometry: { type: 'Point', coordinates: ['119', '26'] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [119] }, properties: {} },
        { type: 'Feature', geometry: { type: 'Point', coordinates: [200, 26] }, properties: {} },
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [[119, 26]] }, properties: {} },
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [117, 25],
                [118, 25],
              ],
            ],
          },
          properties: {},
        },
      ]),
    );
    const { layer, warnings } = ok(parse('bad.json', text));
    expect(layer.featureCount).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Skipped 5 feature\(s\) with invalid coordinates\. Some coordinates are missing/);
  });

  test('non-finite numbers (1e999) are refused', () => {
    const message = fail(parse('inf.json', '{"type":"Point","coordinates":[1e999, 26]}'));
    expect(message).toMatch(/invalid coordinates.*not numbers/);
  });

  test('no valid coordinates at all is an error', () => {
    const message = fail(parse('x.json', json(fc([point(300, 26), point(-200, 10)]))));
    expect(message).toMatch(/Skipped 2 feature\(s\) with invalid coordinates/);
    expect(message).toMatch(/between -180 and 180.*found 300, 26/);
  });

  test('swapped latitude/longitude is named', () => {
    const features = [point(26.08, 119.3), point(24.48, 118.09)];
    for (const lang of LANGS) {
      const message = fail(parse('swapped.geojson', json(fc(features)), lang));
      expect(message).toContain('26.08, 119.3');
      expect(message).toMatch({ en: /look swapped/, 'zh-Hans': /颠倒/, 'zh-Hant': /顛倒/ }[lang]);
    }
    // Some good features: still imported, with the hint as a warning.
    const { warnings } = ok(parse('half.geojson', json(fc([point(119.3, 26.08), point(26.08, 119.3)]))));
    expect(warnings[0]).toMatch(/Skipped 1 feature.*look swapped/);
  });

  test('projected coordinates are named, with the declared CRS', () => {
    const text = json(
      fc([point(13280000, 2990000), point(13290000, 2991000)], {
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } },
      }),
    );
    const message = fail(parse('mercator.geojson', text));
    expect(message).toMatch(/projected coordinates in metres \(e\.g\. 13280000, 2990000\)/);
    expect(message).toMatch(/EPSG:4326/);
    expect(message).toContain('urn:ogc:def:crs:EPSG::3857');
    expect(fail(parse('m.geojson', text, 'zh-Hans'))).toMatch(/投影坐标/);
    expect(fail(parse('m.geojson', text, 'zh-Hant'))).toMatch(/投影座標/);
  });
});
