// Random and hostile URL query strings for property-based tests, shared by the Node tests of the
// parser and the Chromium tests of the mounted app.
import fc from 'fast-check';
import { KIND_ORDER } from '../../src/data/types.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';

/** Ids the data know: valid values are mixed in so that hostile parts sit beside working ones. */
export interface KnownIds {
  features: string[];
  industries: string[];
  docs: string[];
  prefectures: string[];
}

export const URL_KEYS = [
  'lang',
  'q',
  'ind',
  'kind',
  'doc',
  'pref',
  'sel',
  'read',
  'clause',
  'map',
  'mode',
  'tab',
  'choro',
  'cmp',
  'th',
  'zones',
  'prov',
  'sort',
  'short',
];

export const POLLUTION_KEYS = [
  '__proto__',
  '__proto__[polluted]',
  '__proto__.polluted',
  'constructor',
  'constructor[prototype]',
  'constructor[prototype][polluted]',
  'constructor.prototype.polluted',
  'prototype',
  'hasOwnProperty',
  'toString',
  '',
];

/** Markup that would set `window.__xss` if it ever became HTML or script. */
export const SCRIPT_VALUES = [
  '<script>window.__xss=1</script>',
  '"><img src=x onerror="window.__xss=1">',
  "'><svg onload=window.__xss=1>",
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  'javascript:window.__xss=1',
];

export const HOSTILE_VALUES = [
  '',
  ' ',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '-1e309',
  '9999',
  '-9999',
  '0x1F',
  '1_000',
  '-0',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '{"polluted":1}',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  ...SCRIPT_VALUES,
  '%',
  '%%',
  '%E0%A4%A',
  '%zz',
  '%FF%FE',
  '%C0%AF',
  '%00',
  '%uD800',
  '%ED%A0%80',
  '\u0000',
  '\uD800',
  '\uDFFF',
  '\u202E',
  '𠮷'.repeat(120),
  'a'.repeat(6000),
];

const SHORT_HOSTILE = HOSTILE_VALUES.filter((v) => v.length < 50);

/** Percent-encodes what can be encoded; a lone surrogate (which cannot) is written as it is. */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return s;
  }
}

/** How a pair is written into the query: as is, percent-encoded, encoded then damaged, or over-encoded. */
const writer = fc.constantFrom<(s: string) => string>(
  (s) => s,
  encode,
  (s) => encode(s).replace(/%[0-9A-F]{2}$/, '%E'),
  (s) => s.replace(/[^&=]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').slice(-2)}`),
);

/** Whole query strings: mostly key=value pairs mixing valid and hostile parts, some pure noise. */
export function hostileSearch(ids: KnownIds, opts: { maxPairs?: number } = {}): fc.Arbitrary<string> {
  const number = fc.oneof(
    fc.double().map(String),
    fc.integer().map(String),
    fc.constantFrom('NaN', 'Infinity', '1e309', '9999', '-9999', '99999999999999999999', '0.000001', '-0', ''),
  );
  const validValue = fc.oneof(
    fc.constantFrom(
      ...ids.features,
      ...ids.industries,
      ...ids.docs,
      ...ids.prefectures,
      ...KIND_ORDER,
      ...LANGUAGES,
      // The planner's values: modes, tabs, flags, comparison columns.
      ...['explorer', 'planner', 'matrix', 'choropleth', 'compare', 'plans', 'overlap', 'export', '0', '1'],
      ...ids.prefectures.map((c) => `pref:${c}`),
      ...ids.features.slice(0, 30).map((id) => `zone:${id}`),
    ),
    fc
      .tuple(fc.integer({ min: 0, max: 30 }), fc.integer({ min: -90, max: 90 }), fc.integer({ min: -200, max: 200 }))
      .map((t) => t.join('/')),
    fc.tuple(fc.nat(20_000), fc.nat(20_000)).map(([a, b]) => `${a}-${b}`),
  );
  const value: fc.Arbitrary<string> = fc.oneof(
    { weight: 3, arbitrary: validValue },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.tuple(number, number, number).map((t) => t.join('/')) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(validValue, fc.constantFrom(...SHORT_HOSTILE)), { maxLength: 80 })
        .map((a) => a.join(',')),
    },
    {
      weight: 1,
      arbitrary: fc.tuple(fc.constantFrom('a', '石', '𠮷', ','), fc.nat(7000)).map(([c, n]) => c.repeat(n)),
    },
  );
  const key = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...URL_KEYS) },
    { weight: 2, arbitrary: fc.constantFrom(...POLLUTION_KEYS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc
        .array(fc.tuple(key, value, writer), { maxLength: opts.maxPairs ?? 14 })
        .map((pairs) => '?' + pairs.map(([k, v, w]) => `${w(k)}=${w(v)}`).join('&')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 200 }).map((s) => `?${s}`) },
  );
}
