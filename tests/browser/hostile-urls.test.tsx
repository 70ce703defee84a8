// Links are input from anyone. The real app, with the real map, opened on hostile links: no script
// runs, no uncaught error, no error boundary, nothing from the link in the DOM as markup, and a
// notice when the app had to ignore part of the link.
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cdp, page } from 'vitest/browser';
import fc from 'fast-check';
import { knownValues, parseUrlState } from '../../src/state/url-codec.ts';
import { useAppStore } from '../../src/state/store.ts';
import { hostileSearch, URL_KEYS, type KnownIds } from '../support/hostile-urls.ts';
import { datasetLoaded, idleMap, mountApp, unmountApp, whenMap } from './support/app.tsx';
import {
  assertNoScriptRan,
  nextFrame,
  shownFailures,
  shownNotices,
  watchPage,
  type PageWatch,
} from './support/guards.ts';

const XSS_SCRIPT = '<script>window.__xss=1</script>';
const XSS_IMG = '<img src=x onerror="window.__xss=1">';
const DOC = '000_4ffd1604a693d041';

let watch: PageWatch;
beforeEach(() => {
  delete (window as unknown as { __xss?: unknown }).__xss;
  watch = watchPage();
});
afterEach(async () => {
  watch.stop();
  await unmountApp();
  await cdp().send('Emulation.setEmulatedMedia', { features: [] });
});

/** Everything that must hold whatever the link was. */
function assertSafe() {
  expect(watch.errors).toEqual([]);
  expect(watch.injected).toEqual([]);
  expect(shownFailures()).toEqual([]);
  assertNoScriptRan();
  // The address now holds only what the app understood: its own keys, plain ids and numbers (the
  // search text is free text, kept as typed).
  for (const [key, value] of new URLSearchParams(location.search)) {
    expect(URL_KEYS).toContain(key);
    if (key !== 'q') expect(value).toMatch(/^[\w.,:/-]*$/);
  }
  expect(location.hash).toBe('');
}

/** Mounts the app on a link the way a person opening it would, and waits until all is drawn. */
async function open(search: string) {
  await mountApp(search);
  await datasetLoaded();
  await idleMap({ plan: true });
  // An <img onerror> would fire on a later task; give it the chance.
  await new Promise((r) => setTimeout(r, 150));
  await nextFrame();
}

const IGNORED = /ignored: (.+)$/;
const droppedShown = () =>
  shownNotices()
    .map((n) => n.match(IGNORED)?.[1] ?? '')
    .join(', ');

interface HostileCase {
  name: string;
  search: string;
  /** The parts the notice must name, or null when nothing was dropped (then no notice). */
  notice: RegExp | null;
  then?: () => Promise<void> | void;
}

const HOSTILE: HostileCase[] = [
  {
    name: 'script and an <img onerror> in the query',
    search: `?lang=en&q=${XSS_SCRIPT}&sel=${XSS_IMG}&read=${XSS_SCRIPT}`,
    notice: /sel.*read/,
    then: async () => {
      // The search text is kept, as text: the box shows it as typed and nothing matches it.
      await expect.element(page.getByRole('searchbox')).toHaveValue(XSS_SCRIPT);
      await expect.element(page.getByText(/No place matches/)).toBeVisible();
    },
  },
  {
    name: 'script and an <img onerror> in the hash',
    search: `?lang=en#${XSS_SCRIPT}${XSS_IMG}"><svg onload=window.__xss=1>`,
    notice: null,
  },
  {
    name: 'prototype-pollution keys',
    search:
      '?lang=en&__proto__[polluted]=1&constructor[prototype][polluted]=1&__proto__.polluted=1' +
      '&constructor.prototype.polluted=1&__proto__=%7B%22polluted%22%3A1%7D',
    notice: /__proto__\[polluted\]/,
  },
  {
    name: 'names of Object.prototype members as ids',
    search:
      '?lang=en&sel=constructor&ind=toString,__proto__,hasOwnProperty&kind=valueOf,constructor' +
      '&doc=__proto__&pref=toString&read=constructor&mode=__proto__&tab=constructor&cmp=pref:__proto__',
    notice: /sel.*read/,
    then: async () => {
      expect(useAppStore.getState().filters).toEqual({ industries: [], kinds: [], docs: [], prefectures: [] });
      expect(useAppStore.getState().selectedId).toBeNull();
    },
  },
  {
    name: 'NaN and Infinity as numbers',
    search: `?lang=en&map=NaN/NaN/NaN&read=${DOC}&clause=NaN-Infinity&th=NaN`,
    notice: /clause.*map/,
    then: async () => {
      // The document still opens; only the clause was dropped.
      await expect.element(page.getByRole('dialog')).toBeVisible();
      expect(useAppStore.getState().reader).toEqual({ doc: DOC });
    },
  },
  {
    name: 'huge numbers (1e309, latitude 9999, offsets past the end of the document)',
    search: `?lang=en&map=99/9999/-${'9'.repeat(150)}&read=${DOC}&clause=9999990-9999999&th=1e309`,
    notice: /map/,
    then: async () => {
      // The view is clamped to what the map allows; the reader opens without a highlight.
      const v = useAppStore.getState().view!;
      for (const n of [v.lng, v.lat, v.zoom]) expect(Number.isFinite(n)).toBe(true);
      await expect.element(page.getByRole('dialog')).toBeVisible();
      await expect.element(page.getByTestId('reader-body')).not.toHaveTextContent(/^$/);
      expect(document.querySelector('[data-testid="current-clause"]')).toBeNull();
    },
  },
  {
    name: 'broken percent-encoding',
    search: '?lang=en&q=%E0%A4%A&sel=%zz&ind=%FF%FE,logistics,%C0%AF&kind=%&pref=%ED%A0%80',
    notice: /q.*ind.*kind.*sel/,
    then: async () => {
      expect(useAppStore.getState().query).toBe('');
      expect(useAppStore.getState().filters.industries).toEqual(['logistics']);
    },
  },
  {
    name: 'a 6,000-character value',
    search: `?lang=en&q=${'a'.repeat(6000)}&sel=${'x'.repeat(6000)}&ind=${'logistics,'.repeat(600)}`,
    notice: /q.*ind.*sel/,
    then: () => {
      expect(useAppStore.getState().query).toBe('a'.repeat(200));
      expect(location.search.length).toBeLessThan(1000);
    },
  },
];

test.each(HOSTILE)('hostile link: $name', async ({ search, notice, then }) => {
  await open(search);
  assertSafe();
  await expect.element(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (notice) {
    await expect.element(page.getByText(/could not be understood and were ignored/)).toBeVisible();
    expect(droppedShown()).toMatch(notice);
  } else {
    expect(shownNotices()).toEqual([]);
  }
  await then?.();
  assertSafe();
  // And the app still works: a search finds a place.
  await page.getByRole('searchbox').fill('Xiamen');
  await expect
    .poll(() => document.querySelectorAll('[data-testid="result-list"] button.result').length)
    .toBeGreaterThan(0);
  assertSafe();
});

/**
 * Reduced motion (a person's setting that the map honours): each state is drawn at once instead of
 * flown to over many frames, which keeps many runs affordable on a software GPU.
 */
const reducedMotion = () =>
  cdp().send('Emulation.setEmulatedMedia', { features: [{ name: 'prefers-reduced-motion', value: 'reduce' }] });

function idsOf(): KnownIds {
  const d = useAppStore.getState().dataset!;
  return {
    features: [...d.byId.keys()],
    industries: [...d.industryById.keys()],
    docs: [...d.documentById.keys()],
    prefectures: [...d.regionByCode.keys()],
  };
}

/**
 * Navigation runs take about 50 ms each (every panel re-renders, the map re-filters); a fresh app
 * takes about 2 s (data and map load anew), so fewer of those.
 */
const NAVIGATION_RUNS = 1000;
const MOUNT_RUNS = 10;

test(`property: ${NAVIGATION_RUNS} random and hostile URL states reach the mounted app (back/forward)`, async () => {
  await reducedMotion();
  await open('?lang=en');
  const dataset = useAppStore.getState().dataset!;
  const known = knownValues(dataset);
  const path = location.pathname;
  await fc.assert(
    fc.asyncProperty(hostileSearch(idsOf()), async (search) => {
      useAppStore.setState({ notices: [] });
      history.pushState(null, '', path + (search.startsWith('?') ? search : `?${search}`));
      const expectNotice = parseUrlState(location.search, known).dropped.length > 0;
      window.dispatchEvent(new PopStateEvent('popstate'));
      // React commits store updates before the next task; the map draws on its own frames.
      await new Promise((r) => setTimeout(r, 0));
      expect(watch.errors).toEqual([]);
      expect(watch.injected).toEqual([]);
      expect(shownFailures()).toEqual([]);
      assertNoScriptRan();
      expect(shownNotices().length > 0).toBe(expectNotice);
      expect(document.querySelector('h1')).not.toBeNull();
    }),
    { numRuns: NAVIGATION_RUNS },
  );
  // After all that, the map still draws and the app still answers.
  await idleMap({ plan: true });
  assertSafe();
}, 300_000);

test(`property: ${MOUNT_RUNS} random and hostile links opened in a fresh app`, async () => {
  await reducedMotion();
  await open('?lang=en');
  const ids = idsOf();
  await fc.assert(
    fc.asyncProperty(hostileSearch(ids, { maxPairs: 8 }), async (search) => {
      await mountApp(search.startsWith('?') ? search : `?${search}`);
      await datasetLoaded();
      // The map was created with whatever view the link asked for, and has drawn a frame.
      const map = await whenMap();
      await expect.poll(() => map.loaded(), { timeout: 20_000 }).toBe(true);
      await nextFrame();
      expect(watch.errors).toEqual([]);
      expect(watch.injected).toEqual([]);
      expect(shownFailures()).toEqual([]);
      assertNoScriptRan();
      const v = useAppStore.getState().view;
      if (v) for (const n of [v.lng, v.lat, v.zoom]) expect(Number.isFinite(n)).toBe(true);
    }),
    { numRuns: MOUNT_RUNS },
  );
}, 180_000);
