// The URL is input from anyone: whatever a link holds, the parser returns a well-typed, clamped
// state and the list of what it dropped, never throws and never touches a prototype.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { KIND_ORDER } from '../../src/data/types.ts';
import { hostileSearch } from '../support/hostile-urls.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import {
  DEFAULT_PLANNER,
  MAX_SHORTLIST,
  PLANNER_PROVINCES,
  PLANNER_TABS,
  type KnownValues,
  type UrlState,
} from '../../src/state/model.ts';
import { parseUrlState, serializeUrlState } from '../../src/state/url-codec.ts';
import { openingShortlist } from '../../src/state/store.ts';

const json = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const features = (json('data/features.geojson') as { features: { properties: { id: string } }[] }).features;
const ids = {
  features: new Set(features.map((f) => f.properties.id)),
  industries: new Set((json('data/industries.json') as { industries: { id: string }[] }).industries.map((i) => i.id)),
  docs: new Set((json('seeds/manifest.json') as { doc: string }[]).map((d) => d.doc)),
  prefectures: new Set((json('data/regions.json') as { code: string }[]).map((r) => r.code)),
};
const known: KnownValues = ids;
const featureIds = [...ids.features];
const industryIds = [...ids.industries];
const docIds = [...ids.docs];
const prefectureCodes = [...ids.prefectures];
const gulei = 'gulei-taiwan-petrochemical-park';
const doc0 = docIds[0];

const parse = (search: string) => parseUrlState(search, known);

// ---------------------------------------------------------------------------------------------
// What every result must satisfy, whatever the input.

/** The keys of a state parsed from nothing: every result has exactly these (plus `lang` when set). */
const STATE_KEYS = Object.keys(parseUrlState('', known).state).sort();
const prototypes = [Object.prototype, Array.prototype, String.prototype, Function.prototype, Set.prototype];
const snapshot = () => prototypes.map((p) => Reflect.ownKeys(p).map(String).sort().join(','));
const pristine = snapshot();

function assertNothingPolluted() {
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(({} as Record<string, unknown>).prototype).toBeUndefined();
  expect(snapshot()).toEqual(pristine);
}

function assertWellFormed(state: UrlState, dropped: string[], droppedShortlist: string[] = []) {
  // Shortlist ids left out are named only when plain ids (the notice shows them as text).
  expect(droppedShortlist.length).toBeLessThanOrEqual(9);
  for (const id of droppedShortlist) expect(id).toMatch(/^([a-z0-9]+(-[a-z0-9]+)*|…)$/);
  expect(dropped).not.toContain('short');
  expect(Object.getPrototypeOf(state)).toBe(Object.prototype);
  expect(
    Object.keys(state)
      .filter((k) => k !== 'lang')
      .sort(),
  ).toEqual(STATE_KEYS);
  if ('lang' in state) expect(state.lang).toBeDefined();
  if (state.lang !== undefined) expect(LANGUAGES).toContain(state.lang);

  expect(typeof state.q).toBe('string');
  expect(state.q.length).toBeLessThanOrEqual(200);
  expect(state.q).not.toMatch(/\uFFFD/);
  // Never half a surrogate pair.
  expect(state.q).toMatch(/^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/);

  expect(Object.keys(state.filters).sort()).toEqual(['docs', 'industries', 'kinds', 'prefectures']);
  const check = (values: unknown, allowed: (v: string) => boolean) => {
    expect(Array.isArray(values)).toBe(true);
    const list = values as unknown[];
    expect(list.length).toBeLessThanOrEqual(60);
    expect(new Set(list).size).toBe(list.length);
    for (const v of list) {
      expect(typeof v).toBe('string');
      expect(allowed(v as string)).toBe(true);
    }
  };
  check(state.filters.industries, (v) => known.industries.has(v));
  check(state.filters.kinds, (v) => (KIND_ORDER as string[]).includes(v));
  check(state.filters.docs, (v) => known.docs.has(v));
  check(state.filters.prefectures, (v) => known.prefectures.has(v));

  if (state.selected !== null) expect(known.features.has(state.selected)).toBe(true);

  if (state.reader !== null) {
    expect(known.docs.has(state.reader.doc)).toBe(true);
    const { start, end } = state.reader;
    expect(start === undefined).toBe(end === undefined);
    if (start !== undefined && end !== undefined) {
      expect(Number.isSafeInteger(start) && Number.isSafeInteger(end)).toBe(true);
      expect(start).toBeGreaterThanOrEqual(0);
      expect(end).toBeGreaterThan(start);
    }
  }

  expect(['explorer', 'planner']).toContain(state.mode);
  expect(Object.keys(state.planner).sort()).toEqual(Object.keys(DEFAULT_PLANNER).sort());
  expect(PLANNER_TABS).toContain(state.planner.tab);
  if (state.planner.choropleth !== null) expect(known.industries.has(state.planner.choropleth)).toBe(true);
  const isColumnKey = (v: string) => {
    const [kind, id] = [v.slice(0, v.indexOf(':')), v.slice(v.indexOf(':') + 1)];
    return kind === 'pref' ? known.prefectures.has(id) : kind === 'zone' && known.features.has(id);
  };
  check(state.planner.compare, isColumnKey);
  expect(Number.isSafeInteger(state.planner.threshold)).toBe(true);
  expect(state.planner.threshold >= 1 && state.planner.threshold <= 999).toBe(true);
  expect(typeof state.planner.zones).toBe('boolean');
  expect(PLANNER_PROVINCES).toContain(state.planner.province);
  const { sort } = state.planner;
  if (sort !== 'taxonomy' && sort !== 'total') check([sort], isColumnKey);

  if (state.shortlist !== null) {
    check(state.shortlist, (v) => known.features.has(v));
    expect(state.shortlist.length).toBeLessThanOrEqual(MAX_SHORTLIST);
  }

  if (state.view !== null) {
    expect(Object.keys(state.view).sort()).toEqual(['lat', 'lng', 'zoom']);
    const { lng, lat, zoom } = state.view;
    for (const v of [lng, lat, zoom]) expect(Number.isFinite(v)).toBe(true);
    expect(zoom >= 0 && zoom <= 22).toBe(true);
    expect(lat >= -85 && lat <= 85).toBe(true);
    expect(lng >= -180 && lng <= 180).toBe(true);
  }

  // What was dropped is named briefly (the notice shows it as text), once each.
  expect(Array.isArray(dropped)).toBe(true);
  expect(new Set(dropped).size).toBe(dropped.length);
  expect(dropped.length).toBeLessThanOrEqual(24);
  for (const d of dropped) {
    expect(typeof d).toBe('string');
    expect(d.length).toBeGreaterThan(0);
    expect(d.length).toBeLessThanOrEqual(32);
    expect(d).not.toMatch(/[<>"'&\s]/);
  }
}

/** The canonical form is a fixed point: re-parsing what the app writes back drops nothing. */
function assertStable(state: UrlState) {
  const written = serializeUrlState(state);
  const again = parse(written);
  expect(again.dropped).toEqual([]);
  expect(again.droppedShortlist).toEqual([]);
  expect(serializeUrlState(again.state)).toBe(written);
}

// ---------------------------------------------------------------------------------------------
// Examples: each kind of hostile input, with what must come out.

describe('parseUrlState on hostile examples', () => {
  test('a valid link round-trips exactly', () => {
    const search =
      `?lang=en&q=${encodeURIComponent('石化')}&ind=petrochemical,logistics&kind=ftz_area&doc=${doc0}` +
      `&pref=350100&sel=${gulei}&read=${doc0}&clause=10-20&map=7.5/24.5/118.1`;
    const { state, dropped } = parse(search);
    expect(dropped).toEqual([]);
    expect(state).toEqual({
      ...parse('').state,
      lang: 'en',
      q: '石化',
      filters: {
        industries: ['petrochemical', 'logistics'],
        kinds: ['ftz_area'],
        docs: [doc0],
        prefectures: ['350100'],
      },
      selected: gulei,
      reader: { doc: doc0, start: 10, end: 20 },
      view: { zoom: 7.5, lat: 24.5, lng: 118.1 },
    });
    expect(serializeUrlState(state)).toBe(search);
  });

  test('unknown ids are dropped and named; the known ones beside them are kept', () => {
    const { state, dropped } = parse(
      `?sel=no-such-place&ind=petrochemical,unobtainium&kind=castle&doc=999&pref=990000`,
    );
    expect(state.selected).toBeNull();
    expect(state.filters).toEqual({ industries: ['petrochemical'], kinds: [], docs: [], prefectures: [] });
    expect(dropped.sort()).toEqual(['doc', 'ind', 'kind', 'pref', 'sel']);
  });

  test('a shortlist link keeps its known places in order and names the unknown ones it left out', () => {
    const [a, b] = featureIds;
    const { state, dropped, droppedShortlist } = parse(`?short=${a},no-such-place,${gulei},${a},${b}`);
    expect(state.shortlist).toEqual([a, gulei, b]);
    expect(droppedShortlist).toEqual(['no-such-place']);
    // The shortlist has its own notice; the general one is not needed for it.
    expect(dropped).toEqual([]);
    expect(serializeUrlState(state)).toBe(`?short=${a},${gulei},${b}`);
  });

  test('a shortlist link with nothing usable is an empty shortlist (it still replaces the device one), and says so', () => {
    const { state, droppedShortlist } = parse(`?short=__proto__,${encodeURIComponent('<b>x</b>')},${'z'.repeat(90)}`);
    expect(state.shortlist).toEqual([]);
    expect(droppedShortlist).toEqual(['…']);
    expect(parse('?lang=en').state.shortlist).toBeNull();
    expect(serializeUrlState(state)).toBe('');
  });

  test('a shortlist longer than the limit keeps the first ones and names the rest', () => {
    const ids = featureIds.slice(0, MAX_SHORTLIST + 3);
    const { state, droppedShortlist } = parse(`?short=${ids.join(',')}`);
    expect(state.shortlist).toEqual(ids.slice(0, MAX_SHORTLIST));
    expect(droppedShortlist).toEqual(ids.slice(MAX_SHORTLIST));
  });

  test('names of Object.prototype members are not ids', () => {
    const names = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
    const list = names.join(',');
    const { state, dropped } = parse(
      `?lang=__proto__&sel=constructor&ind=${list}&kind=${list}&doc=${list}&pref=${list}&read=toString`,
    );
    assertWellFormed(state, dropped);
    expect(state.lang).toBeUndefined();
    expect(state.selected).toBeNull();
    expect(state.reader).toBeNull();
    expect(Object.values(state.filters).flat()).toEqual([]);
    expect(dropped.sort()).toEqual(['doc', 'ind', 'kind', 'lang', 'pref', 'read', 'sel']);
    assertNothingPolluted();
  });

  test('prototype-pollution keys are ignored, reported and pollute nothing', () => {
    const search =
      '?__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__.polluted=1' +
      '&constructor.prototype.polluted=1&__proto__=%7B%22polluted%22%3A1%7D&prototype=1&lang=en';
    const { state, dropped } = parse(search);
    assertWellFormed(state, dropped);
    expect(state.lang).toBe('en');
    expect(dropped.length).toBeGreaterThan(0);
    assertNothingPolluted();
  });

  test.each([
    ['NaN/NaN/NaN'],
    ['Infinity/24/118'],
    ['1e309/24/118'],
    ['7/1e3/118'],
    ['7/24'],
    ['7/24/118/5'],
    ['0x10/24/118'],
    ['7/24/118abc'],
    ['/ / '],
    [''],
  ])('a map view that is not three plain numbers (%s) is dropped', (map) => {
    const { state, dropped } = parse(`?map=${map}`);
    expect(state.view).toBeNull();
    expect(dropped).toEqual(['map']);
  });

  test('absurd but numeric map values are clamped, and reported', () => {
    const huge = '9'.repeat(190);
    const { state, dropped } = parse(`?map=99/9999/-${huge}`);
    expect(state.view).toEqual({ zoom: 22, lat: 85, lng: -180 });
    expect(dropped).toEqual(['map']);
  });

  test.each([['NaN-5'], ['5-5'], ['9-3'], ['1e309-1e310'], ['-1-5'], ['12345678-123456789'], ['1.5-3']])(
    'a clause range that is not two growing offsets (%s) is dropped; the document stays open',
    (clause) => {
      const { state, dropped } = parse(`?read=${doc0}&clause=${clause}`);
      expect(state.reader).toEqual({ doc: doc0 });
      expect(dropped).toEqual(['clause']);
    },
  );

  test('a clause without a document to read in is reported, not silently lost', () => {
    const { state, dropped } = parse('?clause=10-20');
    expect(state.reader).toBeNull();
    expect(dropped).toEqual(['clause']);
  });

  test('invalid percent-encoding never throws; garbled text is dropped', () => {
    for (const search of [
      '?q=%E0%A4%A',
      '?q=%FF%FE',
      '?q=%C0%AF',
      '?sel=%zz&lang=%',
      '?%=%%&q=%',
      '?q=%uD800',
      '?q=%ED%A0%80',
    ]) {
      const { state, dropped } = parse(search);
      assertWellFormed(state, dropped);
    }
    expect(parse('?q=%E0%A4%A').dropped).toEqual(['q']);
    expect(parse('?q=%E0%A4%A').state.q).toBe('');
    expect(parse('?sel=%zz&lang=%').dropped.sort()).toEqual(['lang', 'sel']);
    // A lone percent sign is just a character of the search text.
    expect(parse('?q=100%').state.q).toBe('100%');
  });

  test('very long values are dropped or cut, never kept whole', () => {
    const long = 'a'.repeat(6000);
    for (const key of ['lang', 'sel', 'read', 'map', 'ind', 'kind', 'doc', 'pref', 'clause', 'q']) {
      const { state, dropped } = parse(`?${key === 'read' ? '' : `read=${doc0}&`}${key}=${long}`);
      assertWellFormed(state, dropped);
      expect(dropped).toContain(key);
    }
    expect(parse(`?q=${long}`).state.q).toBe('a'.repeat(200));
    // Cutting never leaves half a character behind.
    const astral = '𠮷'.repeat(150);
    const { state } = parse(`?q=${encodeURIComponent(astral)}`);
    expect(state.q).toBe('𠮷'.repeat(100));
    const shifted = parse(`?q=${encodeURIComponent('a' + astral)}`).state.q;
    expect(shifted).toBe('a' + '𠮷'.repeat(99));
    // A whole query string of megabytes is read only up to a bound, in whole parts, and the rest
    // is reported.
    const { state: s2, dropped: d2 } = parse(`?lang=en&q=x${'&x=1'.repeat(300_000)}`);
    expect(s2.lang).toBe('en');
    assertWellFormed(s2, d2);
    const cutOff = parse(`?lang=en&sel=${'x'.repeat(19_000)}&q=${'y'.repeat(2000)}`);
    expect(cutOff.state.q).toBe('');
    expect(cutOff.dropped).toEqual(['…', 'sel']);
  });

  test('script and markup stay inert text (the search box shows them as typed)', () => {
    const script = '<script>window.__xss=1</script>';
    const { state, dropped } = parse(
      `?q=${encodeURIComponent(script)}&sel=${encodeURIComponent('<img src=x onerror=alert(1)>')}`,
    );
    expect(state.q).toBe(script);
    expect(state.selected).toBeNull();
    expect(dropped).toEqual(['sel']);
  });

  test('duplicate and repeated values are merged; overlong lists are cut and reported', () => {
    expect(parse('?ind=logistics,logistics').state.filters.industries).toEqual(['logistics']);
    const many = parse(`?ind=${Array(100).fill('logistics').join(',')}`);
    expect(many.state.filters.industries).toEqual(['logistics']);
    expect(many.dropped).toEqual(['ind']);
  });

  test('tracking keys that sharing tools append are ignored silently; other unknown keys are reported', () => {
    expect(parse('?lang=en&utm_source=x&from=singlemessage&isappinstalled=0').dropped).toEqual([]);
    expect(parse('?lang=en&colour=red').dropped).toEqual(['colour']);
    // Unknown key names are shown only when short and plain.
    const odd = parse(`?${encodeURIComponent('<b>x</b>')}=1&${'k'.repeat(100)}=2`).dropped;
    expect(odd.length).toBe(1);
    assertWellFormed(parse('?lang=en').state, odd);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties: 1,000 random and hostile URL states.

const hostile = hostileSearch({
  features: featureIds,
  industries: industryIds,
  docs: docIds,
  prefectures: prefectureCodes,
});

describe('parseUrlState properties', () => {
  test('1,000 random and hostile URL states: never throws, well-typed, clamped, stable, nothing polluted', () => {
    fc.assert(
      fc.property(hostile, (search) => {
        const { state, dropped, droppedShortlist } = parse(search);
        assertWellFormed(state, dropped, droppedShortlist);
        assertStable(state);
        assertNothingPolluted();
      }),
      { numRuns: 1000 },
    );
  });

  test('without data (the early pass), only language and view survive; still never throws', () => {
    const none: KnownValues = { features: new Set(), industries: new Set(), docs: new Set(), prefectures: new Set() };
    fc.assert(
      fc.property(hostile, (search) => {
        const { state } = parseUrlState(search, none);
        expect(state.selected).toBeNull();
        expect(state.reader).toBeNull();
        expect(state.filters).toEqual({ industries: [], kinds: expect.any(Array), docs: [], prefectures: [] });
        assertNothingPolluted();
      }),
      { numRuns: 300 },
    );
  });

  test('every valid state survives the trip through the URL unchanged', () => {
    const sub = <T>(values: T[]) => fc.uniqueArray(fc.constantFrom(...values), { maxLength: 5 });
    const columnKeys = [
      ...prefectureCodes.map((c) => `pref:${c}`),
      ...featureIds.slice(0, 20).map((id) => `zone:${id}`),
    ];
    const planner = fc.record({
      tab: fc.constantFrom(...PLANNER_TABS),
      province: fc.constantFrom(...PLANNER_PROVINCES),
      sort: fc.constantFrom('taxonomy', 'total', ...columnKeys),
      choropleth: fc.option(fc.constantFrom(...industryIds)),
      compare: sub(columnKeys),
      threshold: fc.integer({ min: 1, max: 999 }),
      zones: fc.boolean(),
      subIndustries: fc.boolean(),
    });
    const mode = fc.oneof(
      fc.constant({ mode: 'explorer' as const, planner: DEFAULT_PLANNER }),
      planner.map((p) => ({ mode: 'planner' as const, planner: p })),
    );
    const rest = fc.record({
      lang: fc.constantFrom(...LANGUAGES),
      q: fc.string({ unit: 'grapheme', maxLength: 30 }).filter((s) => !s.includes('\uFFFD')),
      filters: fc.record({
        industries: sub(industryIds),
        kinds: sub(KIND_ORDER),
        docs: sub(docIds),
        prefectures: sub(prefectureCodes),
      }),
      selected: fc.option(fc.constantFrom(...featureIds)),
      reader: fc.option(
        fc.oneof(
          fc.record({ doc: fc.constantFrom(...docIds) }),
          fc
            .tuple(fc.constantFrom(...docIds), fc.nat(100_000), fc.integer({ min: 1, max: 5000 }))
            .map(([doc, start, len]) => ({ doc, start, end: start + len })),
        ),
      ),
      shortlist: fc.option(fc.uniqueArray(fc.constantFrom(...featureIds), { minLength: 1, maxLength: MAX_SHORTLIST })),
      view: fc.option(
        fc.record({
          zoom: fc.integer({ min: 0, max: 2200 }).map((v) => v / 100),
          lat: fc.integer({ min: -850_000, max: 850_000 }).map((v) => v / 10_000),
          lng: fc.integer({ min: -1_800_000, max: 1_800_000 }).map((v) => v / 10_000),
        }),
      ),
    });
    const state: fc.Arbitrary<UrlState> = fc.tuple(mode, rest).map(([m, r]) => ({ ...r, ...m }));
    fc.assert(
      fc.property(state, (s) => {
        const { state: back, dropped, droppedShortlist } = parse(serializeUrlState(s));
        expect(dropped).toEqual([]);
        expect(droppedShortlist).toEqual([]);
        // -0 is written as 0.
        const norm = (u: UrlState) => JSON.parse(JSON.stringify(u));
        expect(norm(back)).toEqual(norm(s));
      }),
      { numRuns: 500 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The shortlist when the app opens: a link's and the device's.

describe('openingShortlist', () => {
  const [a, b, c] = featureIds;
  test("a link's shortlist wins; the device's own, when different, is kept aside to restore", () => {
    expect(openingShortlist([a, b], [c], known.features)).toEqual({
      shortlist: [a, b],
      replaced: [c],
      unknownStored: [],
    });
    // The same places in another order replace nothing.
    expect(openingShortlist([a, b], [b, a], known.features).replaced).toBeNull();
    // An empty link shortlist is still the link's.
    expect(openingShortlist([], [c], known.features)).toMatchObject({ shortlist: [], replaced: [c] });
  });

  test("without one in the link, the device's is shown; ids the data no longer know are left out and named", () => {
    expect(openingShortlist(null, [a, 'gone-place', a, b], known.features)).toEqual({
      shortlist: [a, b],
      replaced: null,
      unknownStored: ['gone-place'],
    });
    expect(openingShortlist(null, [], known.features).shortlist).toEqual([]);
  });
});
