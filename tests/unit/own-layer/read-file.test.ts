// Reading a File: the limits checked before reading, bytes decoded, read failures as messages.
import { describe, expect, test, vi } from 'vitest';
import { MAX_FEATURES, MAX_FILE_BYTES, readUserFile } from '../../../src/features/own-layer/parse/index.ts';
import { LANGS, fail, fc, json, ok, parse, point } from './helpers.ts';

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
