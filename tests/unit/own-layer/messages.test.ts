// Every message exists in the three languages, and they differ.
import { beforeAll, describe, expect, test } from 'vitest';
import { loadHantConverter } from '../../../src/i18n/translate.ts';
import { LANGS, fail, fc, json, parse, point } from './helpers.ts';

beforeAll(() => loadHantConverter());

describe('messages', () => {
  const cases: [string, string][] = [
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
