// GeoJSON: the root recognised, features kept with their properties and ids; broken and foreign JSON named.
import { describe, expect, test } from 'vitest';
import { locateJsonError } from '../../../src/features/own-layer/parse/geojson.ts';
import { fail, fc, json, ok, parse, point } from './helpers.ts';

describe('GeoJSON', () => {
  test('a FeatureCollection of points, lines and polygons', () => {
    const text = json(
      fc(
        [
          point(119.3, 26.08, { name: '福州', rank: 1, port: true, note: null }),
          {
            type: 'Feature',
            geometry: {
              type: 'LineString',
              coordinates: [
                [118.1, 24.4, 12],
                [118.2, 24.5, 15],
              ],
            },
            properties: { name: 'road', lanes: 4 },
          },
          {
            type: 'Feature',
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [117, 25],
                  [118, 25],
                  [118, 26],
                  [117, 25],
                ],
              ],
            },
            properties: { zone: 'A' },
          },
        ],
        { name: 'my sites', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } } },
      ),
    );
    const { layer, warnings } = ok(parse('sites.geojson', text));
    expect(warnings).toEqual([]);
    expect(layer.name).toBe('sites.geojson');
    expect(layer.featureCount).toBe(3);
    expect(layer.collection.type).toBe('FeatureCollection');
    expect(Object.keys(layer.collection)).toEqual(['type', 'features']); // foreign members not carried over
    expect(layer.bbox).toEqual([117, 24.4, 119.3, 26.08]);
    expect(layer.propertyKeys).toEqual(['name', 'rank', 'port', 'note', 'lanes', 'zone']);
    expect(layer.collection.features[0].properties).toEqual({ name: '福州', rank: 1, port: true, note: null });
    // Altitudes dropped: the map is 2D.
    expect(layer.collection.features[1].geometry).toEqual({
      type: 'LineString',
      coordinates: [
        [118.1, 24.4],
        [118.2, 24.5],
      ],
    });
  });

  test('a single Feature keeps its id', () => {
    const { layer } = ok(parse('one.json', json({ ...point(119, 26, { a: 'b' }), id: 'site-1' })));
    expect(layer.featureCount).toBe(1);
    expect(layer.collection.features[0].id).toBe('site-1');
    expect(layer.bbox).toEqual([119, 26, 119, 26]);
  });

  test('a bare geometry becomes one feature without properties; an unclosed ring is closed', () => {
    const polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [117, 25],
          [118, 25],
          [118, 26],
        ],
      ],
    };
    const { layer } = ok(parse('shape.geojson', json(polygon)));
    expect(layer.featureCount).toBe(1);
    expect(layer.collection.features[0].properties).toEqual({});
    expect(layer.collection.features[0].geometry).toEqual({
      type: 'Polygon',
      coordinates: [
        [
          [117, 25],
          [118, 25],
          [118, 26],
          [117, 25],
        ],
      ],
    });
    expect(layer.propertyKeys).toEqual([]);
  });

  test('a file of only dropped features is an error that says why', () => {
    const message = fail(parse('nothing.json', json(fc([{ type: 'Feature', geometry: null, properties: {} }]))));
    expect(message).toMatch(/Nothing in the file can be shown.*1 feature\(s\) without a geometry/);
    expect(fail(parse('gc.json', json({ type: 'GeometryCollection', geometries: [] })))).toMatch(/GeometryCollection/);
    expect(fail(parse('empty-fc.json', json(fc([]))))).toBe('The file contains no features.');
  });
});

describe('broken and foreign JSON', () => {
  test('a syntax error names its line, column and problem', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [1, 2,],\n}';
    expect(fail(parse('broken.geojson', text))).toBe(
      'Line 3, column 21: not valid JSON (a comma before a closing bracket).',
    );
    expect(fail(parse('broken.geojson', text, 'zh-Hans'))).toBe(
      '第 3 行第 21 列：不是有效的 JSON（右括号前多了一个逗号）。',
    );
  });

  test('other JSON syntax problems', () => {
    expect(fail(parse('a.json', '{"type": x}'))).toBe('Line 1, column 10: not valid JSON (unexpected character “x”).');
    expect(fail(parse('a.json', "{'type': 'Point'}"))).toMatch(/column 2: .*unexpected character “'”/);
    expect(fail(parse('a.json', '{"type": "Feature", "geometry": {'))).toMatch(/ends too early/);
    expect(fail(parse('a.json', '{"type": "Fea\nture"}'))).toMatch(/Line 1, column 14: .*not closed/);
    expect(fail(parse('a.json', '{"a": "\\x"}'))).toMatch(/invalid \\ escape/);
    expect(fail(parse('a.json', '{"a": 1} {"b": 2}'))).toMatch(/column 10: .*after the end of the data/);
    expect(fail(parse('a.json', '{"a": 01}'))).toMatch(/column 8: .*unexpected character “1”/);
    expect(fail(parse('a.json', '{"a": NaN}'))).toMatch(/unexpected character “N”/);
    expect(fail(parse('a.json', '{"a": tru}'))).toMatch(/column 10: .*unexpected character “}”/);
    expect(fail(parse('a.geojson', 'not json at all'))).toMatch(/^Line 1, column 2: .*“o”/);
    expect(fail(parse('a.geojson', 'hello'))).toMatch(/^Line 1, column 1: .*“h”/);
    expect(fail(parse('a.json', '{"a": 1}\r\n\r\n  ]'))).toMatch(/^Line 3, column 3:/);
  });

  test('a broken JSON message never quotes much of the file', () => {
    const long = 'A'.repeat(5000);
    const message = fail(parse('big.json', `{"type": "${long}", oops}`));
    expect(message).not.toContain('A'.repeat(81));
    expect(message.length).toBeLessThan(200);
  });

  test('locateJsonError agrees with JSON.parse', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '"',
      ':',
      ',',
      ' ',
      '\n',
      '1',
      '0',
      '-',
      '.',
      'e',
      'a',
      '\\',
      'u',
      'true',
      'null',
    ];
    const samples = [
      '{}',
      '[]',
      '0',
      '-0.5e+10',
      '"\\u00e9\\n"',
      '{"a":[1,{"b":null}],"c":true}',
      ' [ 1 , 2 ] ',
      '[1,]',
      '{"a":1,}',
      '[01]',
      '[1.]',
      '[.5]',
      '"\\u12"',
      '['.repeat(10000) + ']'.repeat(10000),
    ];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      const len = 1 + Math.floor(random() * 12);
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(random() * alphabet.length)];
      samples.push(s);
    }
    for (const s of samples) {
      let valid = true;
      try {
        JSON.parse(s);
      } catch {
        valid = false;
      }
      expect(locateJsonError(s) === null, s).toBe(valid);
    }
  });

  test('absurdly deep nesting is refused quickly, before JSON.parse', () => {
    const deep = '['.repeat(2_000_000) + ']'.repeat(2_000_000);
    const started = performance.now();
    expect(fail(parse('deep.json', `{"type": "Point", "coordinates": ${deep}}`))).toBe(
      'Line 1, column 289: the JSON is nested more than 256 levels deep, which GeoJSON never needs.',
    );
    expect(performance.now() - started).toBeLessThan(1000);
    // Brackets inside strings do not count; 200 levels in a property are fine (and kept as text).
    const nested = '['.repeat(200) + ']'.repeat(200);
    const text = `{"type": "Feature", "geometry": {"type": "Point", "coordinates": [119, 26]}, "properties": {"s": "${'['.repeat(300)}", "n": ${nested}}}`;
    expect(ok(parse('ok.json', text)).layer.collection.features[0].properties.n).toBe(nested);
  });

  test('JSON that is not GeoJSON', () => {
    expect(fail(parse('data.json', json({ name: 'x', items: [1, 2] })))).toBe(
      'This JSON is not GeoJSON: it has no "type" member (its keys are: name, items).',
    );
    expect(fail(parse('data.json', json([point(119, 26)])))).toMatch(/^This JSON is not GeoJSON: GeoJSON is an object/);
    expect(fail(parse('data.json', json({ type: 'Foo' })))).toMatch(/"type" is "Foo"; expected FeatureCollection/);
    expect(fail(parse('data.json', json({ type: 42 })))).toMatch(/"type" is "42"/);
    expect(fail(parse('data.json', json({ type: 'FeatureCollection', features: {} })))).toMatch(
      /"features" is not a list/,
    );
    expect(fail(parse('topo.json', json({ type: 'Topology', objects: {}, arcs: [] })))).toMatch(/TopoJSON/);
    const manyKeys = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`key_number_${i}`, i]));
    expect(fail(parse('data.json', json(manyKeys))).length).toBeLessThan(200);
  });
});
