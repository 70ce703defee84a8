// What a file is before it is parsed: empty, binary, not UTF-8, a web page or other markup.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadHantConverter } from '../../../src/i18n/translate.ts';
import { fail, parse } from './helpers.ts';

beforeAll(() => loadHantConverter());

describe('broken and foreign JSON', () => {
  test('HTML, KML and XML are refused by name', () => {
    const html =
      '<!DOCTYPE html>\n<html><head><title>Login</title></head><body><script>alert(1)</script></body></html>';
    expect(fail(parse('sites.geojson', html))).toMatch(/^This is an HTML web page/);
    expect(fail(parse('sites.csv', '  <html><body>hi</body></html>', 'zh-Hans'))).toMatch(/^这是 HTML 网页/);
    const kml = '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    expect(fail(parse('sites.kml', kml))).toMatch(/^This is a KML file; only GeoJSON and CSV/);
    expect(fail(parse('t.gpx', '<?xml version="1.0"?><gpx version="1.1"></gpx>'))).toMatch(/GPX/);
    expect(fail(parse('t.xml', '<?xml version="1.0"?><root/>'))).toMatch(/an XML file/);
  });

  test('empty files', () => {
    for (const text of ['', '   \n\t ', '\uFEFF', '\uFEFF\n\n']) {
      expect(fail(parse('empty.csv', text))).toBe('The file is empty.');
    }
    expect(fail(parse('empty.csv', '', 'zh-Hans'))).toBe('文件是空的。');
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
