// CSV: delimiters, coordinate columns by name, properties from the other columns, rows dropped and why.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadHantConverter } from '../../../src/i18n/translate.ts';
import { coords, fail, ok, parse } from './helpers.ts';

beforeAll(() => loadHantConverter());

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

describe('text quoted from the file', () => {
  test('is inserted as it is, never read as a placeholder or a replacement pattern', () => {
    expect(fail(parse('a.csv', 'lon ({columns}),$&\n119,x\n'))).toBe(
      'No latitude column found (longitude is "lon ({columns})"); columns are: lon ({columns}), $&. Name it lat, latitude, y or 纬度.',
    );
  });
});
