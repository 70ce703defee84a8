// 繁體 wording that the own layer's hand-written Traditional tables had, and that OpenCC's
// Simplified → Traditional conversion (cn → twp, as for all UI text) does not produce on its own:
// the app keeps it as Taiwan's own wording in src/i18n/messages-zh-hant.ts. OpenCC renders, for
// example:
//   第 3 行第 21 列：… (the mainland's 列 is a column; Taiwan's is a row: the hand-written text said 第 21 個字元)
//   已跳過 3 行… / 未找到經度/緯度列 (hand-written: 列 for rows, 欄位 for columns)
//   不是 UTF-8 文本 (hand-written: 文字, naming Big5 as a likely encoding)
import { beforeAll, describe, expect, test } from 'vitest';
import { readUserFile } from '../../../src/features/own-layer/parse/index.ts';
import { loadHantConverter } from '../../../src/i18n/translate.ts';
import { LANGS, fail, ok, parse } from './helpers.ts';

beforeAll(() => loadHantConverter());

describe('broken and foreign JSON', () => {
  test('a syntax error names its line, column and problem', () => {
    const text = '{\n  "type": "FeatureCollection",\n  "features": [1, 2,],\n}';
    expect(fail(parse('broken.geojson', text, 'zh-Hant'))).toBe(
      '第 3 行第 21 個字元：不是有效的 JSON（右括號前多了一個逗號）。',
    );
  });

  test('HTML, KML and XML are refused by name', () => {
    const kml = '<?xml version="1.0"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    expect(fail(parse('sites.kml', kml, 'zh-Hant'))).toMatch(/^這是 KML 檔案/);
  });

  test('empty files', () => {
    expect(fail(parse('empty.csv', '', 'zh-Hant'))).toBe('檔案是空的。');
  });
});

describe('CSV', () => {
  test('bad rows are dropped and counted, blank lines ignored', () => {
    const text = 'lon,lat,name\n119.3,26.08,ok\n\nabc,26,bad\n119,,bad\n200,26,bad\n118,24,ok\n';
    expect(ok(parse('rows.csv', text, 'zh-Hant')).warnings[0]).toMatch(/已略過 3 列.*第 4 列/);
  });

  test('missing coordinate columns list the columns', () => {
    expect(fail(parse('a.csv', '名稱,地址\n福州,鼓樓\n', 'zh-Hant'))).toMatch(
      /^找不到經度／緯度欄位；現有的欄位：名稱, 地址。/,
    );
  });
});

describe('readUserFile', () => {
  test('GBK bytes are refused as not UTF-8', async () => {
    // "经度,纬度\n119,26" in GBK.
    const gbk = new Uint8Array([
      0xbe, 0xad, 0xb6, 0xc8, 0x2c, 0xce, 0xb3, 0xb6, 0xc8, 0x0a, 0x31, 0x31, 0x39, 0x2c, 0x32, 0x36,
    ]);
    expect(fail(await readUserFile(new File([gbk], 'gbk.csv'), 'zh-Hant'))).toMatch(/不是 UTF-8 文字/);
  });
});

describe('messages', () => {
  const cases: [string, string][] = [['e.csv', '']];

  test.each(cases)('%s exists in all three languages, and they differ', (name, text) => {
    const messages = LANGS.map((lang) => fail(parse(name, text, lang)));
    for (const m of messages) expect(m.length).toBeGreaterThan(5);
    expect(new Set(messages).size).toBe(3);
    expect(messages[0]).not.toMatch(/[A-Za-z]{12,}/); // Simplified Chinese, not English
  });
});
