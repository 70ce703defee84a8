import { describe, expect, test, vi } from 'vitest';
import type { Point } from 'geojson';
import {
  MAX_FEATURES,
  MAX_FILE_BYTES,
  locateJsonError,
  parseUserLayer,
  readUserFile,
  type ImportLang,
  type ImportResult,
  type UserLayer,
} from '../../src/features/own-layer/import-layer.ts';

const LANGS: ImportLang[] = ['zh-Hans', 'zh-Hant', 'en'];

function ok(result: ImportResult): { layer: UserLayer; warnings: string[] } {
  if (!result.ok) throw new Error(`expected success, got: ${result.message}`);
  return result;
}

function fail(result: ImportResult): string {
  if (result.ok) throw new Error(`expected an error, got a layer of ${result.layer.featureCount} features`);
  return result.message;
}

const parse = (name: string, text: string, lang: ImportLang = 'en') => parseUserLayer(name, text, lang);
const json = (value: unknown) => JSON.stringify(value);
const point = (lon: number, lat: number, properties: Record<string, unknown> | null = {}) => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties,
});
const fc = (features: unknown[], extra: Record<string, unknown> = {}) => ({
  type: 'FeatureCollection',
  features,
  ...extra,
});
const coords = (layer: UserLayer, i = 0) => (layer.collection.features[i].geometry as Point).coordinates;

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

  test('a file of only dropped features is an error that says why', () => {
    const message = fail(parse('nothing.json', json(fc([{ type: 'Feature', geometry: null, properties: {} }]))));
    expect(message).toMatch(/Nothing in the file can be shown.*1 feature\(s\) without a geometry/);
    expect(fail(parse('gc.json', json({ type: 'GeometryCollection', geometries: [] })))).toMatch(/GeometryCollection/);
    expect(fail(parse('empty-fc.json', json(fc([]))))).toBe('The file contains no features.');
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

describe('broken and foreign JSON', () => {
  test('a syntax error names its line, column and problem', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [1, 2,],\n}';
    expect(fail(parse('broken.geojson', text))).toBe(
      'Line 3, column 21: not valid JSON (a comma before a closing bracket).',
    );
    expect(fail(parse('broken.geojson', text, 'zh-Hans'))).toBe(
      '第 3 行第 21 列：不是有效的 JSON（右括号前多了一个逗号）。',
    );
    expect(fail(parse('broken.geojson', text, 'zh-Hant'))).toBe(
      '第 3 行第 21 個字元：不是有效的 JSON（右括號前多了一個逗號）。',
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

  test('HTML, KML and XML are refused by name', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><title>Login</title></head><body><script>alert(1)</script></body></html>';
    expect(fail(parse('sites.geojson', html))).toMatch(/^This is an HTML web page/);
    expect(fail(parse('sites.csv', '  <html><body>hi</body></html>', 'zh-Hans'))).toMatch(/^这是 HTML 网页/);
    const kml = '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    expect(fail(parse('sites.kml', kml))).toMatch(/^This is a KML file; only GeoJSON and CSV/);
    expect(fail(parse('sites.kml', kml, 'zh-Hant'))).toMatch(/^這是 KML 檔案/);
    expect(fail(parse('t.gpx', '<?xml version="1.0"?><gpx version="1.1"></gpx>'))).toMatch(/GPX/);
    expect(fail(parse('t.xml', '<?xml version="1.0"?><root/>'))).toMatch(/an XML file/);
  });

  test('empty files', () => {
    for (const text of ['', '   \n\t ', '\uFEFF', '\uFEFF\n\n']) {
      expect(fail(parse('empty.csv', text))).toBe('The file is empty.');
    }
    expect(fail(parse('empty.csv', '', 'zh-Hans'))).toBe('文件是空的。');
    expect(fail(parse('empty.csv', '', 'zh-Hant'))).toBe('檔案是空的。');
    expect(fail(parse('empty.csv', ',,,\n,,\n'))).toBe('The file is empty.');
  });

  test('binary and non-UTF-8 text', () => {
    expect(fail(parse('sites.xlsx', 'PK\u0003\u0004\u0014\u0000\u0006\u0000'))).toMatch(/^This is an Excel workbook/);
    expect(fail(parse('archive.zip', 'PK\u0003\u0004\u0014\u0000'))).toMatch(/^This is a ZIP archive/);
    expect(fail(parse('doc.pdf', '%PDF-1.7\n%âãÏÓ'))).toMatch(/^This is a PDF document/);
    expect(fail(parse('data.bin', 'lon,lat\u0000\u0000\u0001\u0002'))).toMatch(/^This is a binary file/);
    expect(fail(parse('sites.shp', '\u0001\u0000\u0000\u0000'))).toMatch(/^This is a Shapefile/);
    // GBK bytes decoded leniently as UTF-8 become U+FFFD.
    expect(fail(parse('sites.csv', '\uFFFD\uFFFD,\uFFFD\uFFFD\n1,2'))).toMatch(/not UTF-8 text/);
    expect(fail(parse('sites.csv', '\uFFFD\uFFFD,\uFFFD\uFFFD\n1,2', 'zh-Hans'))).toMatch(/另存为“CSV UTF-8”/);
  });
});

describe('CSV', () => {
  test('comma-separated with common headers', () => {
    const text = 'name,lon,lat,kind\n福州港,119.3,26.08,port\n厦门,118.09,24.48,city\n';
    const { layer, warnings } = ok(parse('sites.csv', text));
    expect(warnings).toEqual([]);
    expect(layer.featureCount).toBe(2);
    expect(coords(layer)).toEqual([119.3, 26.08]);
    expect(layer.collection.features[0].properties).toEqual({ name: '福州港', kind: 'port' });
    expect(layer.propertyKeys).toEqual(['name', 'kind']);
    expect(layer.bbox).toEqual([118.09, 24.48, 119.3, 26.08]);
  });

  test('semicolon-separated, with decimal commas', () => {
    const { layer } = ok(parse('sites.csv', 'Name;Longitude;Latitude\nA;119,3;26,08\nB;118.09;24.48\n'));
    expect(layer.featureCount).toBe(2);
    expect(coords(layer)).toEqual([119.3, 26.08]);
    expect(layer.collection.features[1].properties).toEqual({ Name: 'B' });
  });

  test('tab-separated', () => {
    const { layer } = ok(parse('sites.tsv', 'LNG\tLAT\tnote\n119.3\t26.08\tx, y and z\n'));
    expect(coords(layer)).toEqual([119.3, 26.08]);
    expect(layer.collection.features[0].properties).toEqual({ note: 'x, y and z' });
  });

  test('经度/纬度 and 經度/緯度 headers, units in parentheses, x/y', () => {
    expect(coords(ok(parse('a.csv', '名称,经度,纬度\n福州,119.3,26.08')).layer)).toEqual([119.3, 26.08]);
    expect(coords(ok(parse('a.csv', '名稱,經度,緯度\n福州,119.3,26.08')).layer)).toEqual([119.3, 26.08]);
    expect(coords(ok(parse('a.csv', '名称,经度（°）,纬度(度)\n福州,119.3°,26.08')).layer)).toEqual([119.3, 26.08]);
    expect(coords(ok(parse('a.csv', 'id,X,Y\n1,119.3,26.08')).layer)).toEqual([119.3, 26.08]);
    // lon wins over x when both are present.
    const { layer } = ok(parse('a.csv', 'x,lon,lat\n5,119.3,26.08'));
    expect(coords(layer)).toEqual([119.3, 26.08]);
    expect(layer.collection.features[0].properties).toEqual({ x: '5' });
  });

  test('a UTF-8 BOM is stripped', () => {
    const { layer } = ok(parse('bom.csv', '\uFEFFlon,lat,name\n119.3,26.08,a\n'));
    expect(coords(layer)).toEqual([119.3, 26.08]);
    expect(layer.propertyKeys).toEqual(['name']);
  });

  test('quoted fields, empty and repeated headers', () => {
    const text = 'lon,lat,name,,name\n119.3,26.08,"Fuzhou, ""east""\nport",a,b\n';
    const { layer } = ok(parse('q.csv', text));
    expect(layer.collection.features[0].properties).toEqual({
      name: 'Fuzhou, "east"\nport',
      column_4: 'a',
      name_2: 'b',
    });
  });

  test('bad rows are dropped and counted, blank lines ignored', () => {
    const text = 'lon,lat,name\n119.3,26.08,ok\n\nabc,26,bad\n119,,bad\n200,26,bad\n118,24,ok\n';
    const { layer, warnings } = ok(parse('rows.csv', text));
    expect(layer.featureCount).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Skipped 3 row\(s\) without valid coordinates \(first: row 4\)\./);
    expect(ok(parse('rows.csv', text, 'zh-Hans')).warnings[0]).toMatch(/已跳过 3 行.*第 4 行/);
    expect(ok(parse('rows.csv', text, 'zh-Hant')).warnings[0]).toMatch(/已略過 3 列.*第 4 列/);
  });

  test('an unclosed quote is reported', () => {
    const { layer, warnings } = ok(parse('q.csv', 'lon,lat,name\n119,26,ok\n118,25,"broken\n117,24,lost\n'));
    expect(layer.featureCount).toBe(1);
    expect(warnings[0]).toMatch(/^Row 3: a quote/);
  });

  test('swapped columns and projected x/y are named', () => {
    const swapped = fail(parse('s.csv', 'lon,lat\n26.08,119.3\n24.48,118.09\n'));
    expect(swapped).toMatch(/Skipped 2 row.*look swapped.*26\.08, 119\.3/);
    const projected = fail(parse('p.csv', 'x,y\n13280000,2990000\n'));
    expect(projected).toMatch(/projected coordinates/);
  });

  test('missing coordinate columns list the columns', () => {
    expect(fail(parse('a.csv', 'a,b,c\n1,2,3\n'))).toBe(
      'No longitude/latitude columns found; columns are: a, b, c. Name them lon and lat (or longitude/latitude, x/y, 经度/纬度).',
    );
    expect(fail(parse('a.csv', '名称,地址\n福州,鼓楼\n', 'zh-Hans'))).toMatch(
      /^未找到经度\/纬度列；现有的列：名称, 地址。/,
    );
    expect(fail(parse('a.csv', '名稱,地址\n福州,鼓樓\n', 'zh-Hant'))).toMatch(
      /^找不到經度／緯度欄位；現有的欄位：名稱, 地址。/,
    );
    expect(fail(parse('a.csv', 'name,lon\nx,119\n'))).toMatch(/^No latitude column found \(longitude is "lon"\)/);
    expect(fail(parse('a.csv', 'name,纬度\nx,26\n'))).toMatch(/^No longitude column found \(latitude is "纬度"\)/);
    const longHeader = 'B'.repeat(300);
    const message = fail(parse('a.csv', `${longHeader},other\n1,2\n`));
    expect(message).not.toContain('B'.repeat(81));
  });

  test('a header row is required', () => {
    expect(fail(parse('a.csv', '119.3,26.08\n118.09,24.48\n'))).toMatch(
      /^The first row must be a header.*119\.3, 26\.08/,
    );
    expect(fail(parse('a.csv', 'lon,lat\n'))).toBe('The CSV has a header row but no data rows.');
  });
});

describe('limits', () => {
  test('more than MAX_FEATURES features is refused', () => {
    const features = Array.from({ length: MAX_FEATURES + 1 }, () => point(119, 26));
    expect(fail(parse('many.geojson', json(fc(features))))).toBe(
      'The file has 50,001 features; at most 50,000 can be shown. Split it or thin it out.',
    );
    const csv = 'lon,lat\n' + '119,26\n'.repeat(MAX_FEATURES + 1);
    expect(fail(parse('many.csv', csv, 'zh-Hans'))).toMatch(/^文件含 50,001 个要素，最多只能显示 50,000 个/);
    // Exactly the limit is fine.
    expect(ok(parse('max.csv', 'lon,lat\n' + '119,26\n'.repeat(MAX_FEATURES))).layer.featureCount).toBe(MAX_FEATURES);
  });

  test('a file over MAX_FILE_BYTES is refused without being read', async () => {
    expect(MAX_FILE_BYTES).toBe(20 * 1024 * 1024);
    const text = vi.fn(async () => 'lon,lat\n119,26\n');
    const arrayBuffer = vi.fn(async () => new ArrayBuffer(8));
    const huge = { size: 50 * 1024 * 1024, name: 'huge.csv', type: 'text/csv', text, arrayBuffer } as unknown as File;
    for (const lang of LANGS) {
      const message = fail(await readUserFile(huge, lang));
      expect(message).toContain('50 MB');
      expect(message).toContain('20 MB');
    }
    expect(text).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
  });

  test('a zero-byte file is empty without being read', async () => {
    const text = vi.fn(async () => '');
    const empty = { size: 0, name: 'e.csv', text } as unknown as File;
    expect(fail(await readUserFile(empty, 'en'))).toBe('The file is empty.');
    expect(text).not.toHaveBeenCalled();
  });
});

describe('readUserFile', () => {
  test('reads a real File', async () => {
    const file = new File(['\uFEFFlon,lat,name\n119.3,26.08,福州\n'], 'sites.csv', { type: 'text/csv' });
    const { layer } = ok(await readUserFile(file, 'en'));
    expect(layer.name).toBe('sites.csv');
    expect(layer.collection.features[0].properties).toEqual({ name: '福州' });
  });

  test('falls back to text() when arrayBuffer() is missing', async () => {
    const file = { size: 20, name: 'a.csv', text: async () => 'lon,lat\n119,26\n' } as unknown as File;
    expect(ok(await readUserFile(file, 'en')).layer.featureCount).toBe(1);
  });

  test('UTF-16 with a byte-order mark (Excel "Unicode text")', async () => {
    const text = 'lon\tlat\tname\n119.3\t26.08\t福州\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const { layer } = ok(await readUserFile(new File([bytes], 'unicode.txt'), 'en'));
    expect(layer.collection.features[0].properties).toEqual({ name: '福州' });
  });

  test('GBK bytes are refused as not UTF-8', async () => {
    // "经度,纬度\n119,26" in GBK.
    const gbk = new Uint8Array([
      0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, 0x31, 0x31, 0x39, 0x2c, 0x32, 0x36,
    ]);
    expect(fail(await readUserFile(new File([gbk], 'gbk.csv'), 'en'))).toMatch(/not UTF-8 text.*CSV UTF-8/);
    expect(fail(await readUserFile(new File([gbk], 'gbk.csv'), 'zh-Hant'))).toMatch(/不是 UTF-8 文字/);
  });

  test('binary files are named from their first bytes', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
    expect(fail(await readUserFile(new File([png], 'map.png'), 'en'))).toMatch(/^This is an image/);
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0xff, 0xfe]);
    expect(fail(await readUserFile(new File([xlsx], 'sites.xlsx'), 'zh-Hans'))).toMatch(/^这是 Excel 工作簿/);
    const blob = new Uint8Array([0x01, 0x02, 0x00, 0x80, 0xff, 0x00]);
    expect(fail(await readUserFile(new File([blob], 'x.dat'), 'en'))).toMatch(/^This is a binary file/);
  });

  test('a read failure becomes a message', async () => {
    const file = {
      size: 10,
      name: 'gone.csv',
      arrayBuffer: async () => {
        throw new Error('NotReadableError: the file was moved');
      },
    } as unknown as File;
    expect(fail(await readUserFile(file, 'en'))).toBe(
      'The file could not be read (NotReadableError: the file was moved).',
    );
  });
});

describe('properties are data, never code', () => {
  test('HTML and script strings are kept verbatim as strings', () => {
    const evil = {
      name: '<script>alert(1)</script>',
      img: '<img src=x onerror="alert(document.cookie)">',
      link: 'javascript:alert(1)',
      formula: '=HYPERLINK("http://evil")',
      expr: '["get", "name"]',
    };
    const { layer } = ok(parse('evil.geojson', json(fc([point(119, 26, evil)]))));
    expect(layer.collection.features[0].properties).toEqual(evil);
    const csv = 'lon,lat,name\n119,26,"<img src=x onerror=""alert(1)"">"\n';
    expect(ok(parse('evil.csv', csv)).layer.collection.features[0].properties).toEqual({
      name: '<img src=x onerror="alert(1)">',
    });
  });

  test('__proto__, constructor and prototype keys are dropped; nothing is polluted', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[119,26]},' +
      '"properties":{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},"prototype":1,"ok":"fine"}}],' +
      '"__proto__":{"polluted":"yes"}}';
    const { layer, warnings } = ok(parse('proto.geojson', text));
    const props = layer.collection.features[0].properties;
    expect(props).toEqual({ ok: 'fine' });
    expect(Object.keys(props)).toEqual(['ok']);
    expect(Object.getPrototypeOf(props)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((props as Record<string, unknown>).polluted).toBeUndefined();
    expect(warnings).toEqual(['Ignored 3 property(ies) named __proto__, constructor or prototype.']);

    const csv = 'lon,lat,__proto__,constructor,name\n119,26,{"polluted":1},x,a\n';
    const fromCsv = ok(parse('proto.csv', csv));
    expect(fromCsv.layer.collection.features[0].properties).toEqual({ name: 'a' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('values are reduced to primitives and capped', () => {
    const properties: Record<string, unknown> = {
      nested: { a: [1, 2], b: { c: 'd' } },
      list: [1, 'two', null],
      long: 'x'.repeat(600),
      ['k'.repeat(150)]: 'long key',
      big: 1e308,
    };
    for (let i = 0; i < 60; i++) properties[`p${i}`] = i;
    const { layer, warnings } = ok(parse('caps.geojson', json(fc([point(119, 26, properties)]))));
    const props = layer.collection.features[0].properties;
    expect(Object.keys(props)).toHaveLength(50);
    expect(props.nested).toBe('{"a":[1,2],"b":{"c":"d"}}');
    expect(props.list).toBe('[1,"two",null]');
    expect(props.long).toHaveLength(500);
    expect(props.long).toBe('x'.repeat(499) + '…');
    expect(props['k'.repeat(100)]).toBe('long key');
    expect(props.big).toBe(1e308);
    expect(props.p44).toBe(44);
    expect(props.p45).toBeUndefined();
    expect(warnings).toEqual([
      '1 feature(s) have more than 50 properties; only the first 50 were kept.',
      '1 property name(s) longer than 100 characters were shortened.',
      '1 value(s) longer than 500 characters were shortened.',
    ]);
  });

  test('a long nested value is capped too, and a surrogate pair is never split', () => {
    const { layer } = ok(
      parse(
        'n.geojson',
        json(fc([point(119, 26, { deep: { list: Array(1000).fill(1) }, emoji: 'a' + '😀'.repeat(300) })])),
      ),
    );
    const props = layer.collection.features[0].properties;
    expect((props.deep as string).length).toBe(500);
    const emoji = props.emoji as string;
    expect(emoji.length).toBeLessThanOrEqual(500);
    expect(emoji.endsWith('😀…')).toBe(true);
  });

  test('feature ids: strings and finite numbers only', () => {
    const features = [
      { ...point(119, 26), id: 7 },
      { ...point(119, 26), id: { evil: true } },
    ];
    const { layer } = ok(parse('ids.geojson', json(fc(features))));
    expect(layer.collection.features[0].id).toBe(7);
    expect('id' in layer.collection.features[1]).toBe(false);
  });
});

describe('messages', () => {
  const cases: [string, string][] = [
    ['e.csv', ''],
    ['a.csv', 'a,b\n1,2'],
    ['a.json', '{"a":'],
    ['a.json', '{"a": 1}'],
    ['a.html', '<html></html>'],
    ['a.geojson', json(fc([point(26, 119)]))],
  ];

  test.each(cases)('%s exists in all three languages, and they differ', (name, text) => {
    const messages = LANGS.map((lang) => fail(parse(name, text, lang)));
    for (const m of messages) expect(m.length).toBeGreaterThan(5);
    expect(new Set(messages).size).toBe(3);
    expect(messages[0]).not.toMatch(/[A-Za-z]{12,}/); // Simplified Chinese, not English
  });
});
