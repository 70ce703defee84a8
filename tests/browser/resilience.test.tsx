// When part of the app fails (a broken record makes a panel throw) or the machine cannot draw the
// map (no WebGL), the rest keeps working and the app says what is missing.
import { afterEach, expect, test } from 'vitest';
import { page } from 'vitest/browser';
import type { PlanFeature } from '../../src/data/types.ts';
import { PLAN_LAYERS } from '../../src/map-style/plan-layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import {
  datasetLoaded,
  getMapInstance,
  idleMap,
  listedIds,
  mountApp,
  settledListIds,
  textedPlace,
  unmountApp,
} from './support/app.tsx';
import { shownFailures, watchPage, type PageWatch } from './support/guards.ts';

let watch: PageWatch | null = null;
let restoreCanvas: (() => void) | null = null;
afterEach(async () => {
  watch?.stop();
  watch = null;
  await unmountApp();
  restoreCanvas?.();
  restoreCanvas = null;
});

const uncaught = (w: PageWatch) => w.errors.filter((e) => !e.startsWith('console.error'));

/**
 * Replaces the worker that parses the attribute table (places-table.worker.ts) with one that cannot
 * start (`throws`), whose script fails to load at once (`fails`), or fails once it has the bytes
 * (`fails with the bytes`); MapLibre's workers start as usual.
 */
function breakTableWorker(how: 'throws' | 'fails' | 'fails with the bytes') {
  const Real = window.Worker;
  const made: string[] = [];
  class Broken extends EventTarget {
    onmessage: ((e: MessageEvent) => void) | null = null;
    onerror: ((e: Event) => void) | null = null;
    constructor() {
      super();
      if (how === 'throws') throw new DOMException('no workers here', 'SecurityError');
      if (how === 'fails') setTimeout(() => this.fail());
    }
    fail() {
      this.onerror?.(new ErrorEvent('error', { message: 'script failed to load', cancelable: true }));
    }
    postMessage() {
      if (how === 'fails with the bytes') setTimeout(() => this.fail());
    }
    terminate() {}
  }
  window.Worker = function (url: string | URL, options?: WorkerOptions) {
    if (!String(url).includes('places-table.worker')) return new Real(url, options);
    made.push(String(url));
    return new Broken();
  } as unknown as typeof Worker;
  restoreCanvas = () => {
    window.Worker = Real;
  };
  return made;
}

test.each(['throws', 'fails', 'fails with the bytes'] as const)(
  'a table-parsing worker that %s: the page reads the table itself; the list and the map as usual',
  async (how) => {
    const made = breakTableWorker(how);
    watch = watchPage();
    await mountApp('?lang=en');
    const dataset = await datasetLoaded();
    expect(made.length).toBe(1);
    expect(dataset.problems).toEqual([]);
    await settledListIds();
    await expect.element(page.getByRole('heading', { name: `${dataset.features.length} places` })).toBeVisible();
    const map = await idleMap({ plan: true });
    expect(map.queryRenderedFeatures({ layers: [PLAN_LAYERS.points] }).length).toBeGreaterThan(0);
    expect(uncaught(watch)).toEqual([]);
  },
);

test('a panel that throws shows a message in its place; the rest keeps working; the panel recovers', async () => {
  watch = watchPage();
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  await idleMap({ plan: true });

  // A record that got past every check but breaks the detail panel (its `children` is missing).
  const model = dataset.byId.get('gulei-taiwan-petrochemical-park')!;
  const broken = {
    ...model,
    id: 'broken-record',
    name_en: 'Broken record',
    name_zh: '损坏的记录',
    name_zh_hant: '損壞的記錄',
    name_pinyin: 'sunhuai de jilu',
    children: undefined,
  } as unknown as PlanFeature;
  const features = [...dataset.features, broken];
  useAppStore.setState({ dataset: { ...dataset, features, byId: new Map(features.map((f) => [f.id, f])) } });

  await page.getByRole('searchbox').fill('Broken record');
  await page.getByRole('button', { name: /Broken record/ }).click();
  await expect
    .element(page.getByRole('alert'))
    .toHaveTextContent('This panel failed; the rest of the app still works.');
  expect(shownFailures()).toHaveLength(1);
  expect(document.querySelector('[data-testid="detail-panel"]')).toBeNull();
  expect(watch.errors.some((e) => e.includes('Panel failed'))).toBe(true);

  // Search, the list, the filters and the map still work.
  await page.getByRole('searchbox').fill('Xiamen');
  await expect.poll(() => listedIds().length).toBeGreaterThan(1);
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Logistics/ }).click();
  await expect.poll(() => useAppStore.getState().filters.industries).toEqual(['logistics']);
  const map = getMapInstance()!;
  expect(map).not.toBeNull();
  await idleMap({ plan: true });
  expect(map.queryRenderedFeatures({ layers: ['plan-points', 'plan-area-fill'] }).length).toBeGreaterThan(0);

  // Choosing a sound place brings the detail panel back.
  const target = (await settledListIds())[0];
  await page.getByTestId('result-list').getByRole('button').first().click();
  await expect.poll(() => useAppStore.getState().selectedId).toBe(target);
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  expect(shownFailures()).toEqual([]);
  expect(uncaught(watch)).toEqual([]);
});

/**
 * Makes WebGL unavailable before the app mounts: everywhere (an old machine, WebGL disabled), or
 * only for the map's own canvas (a probe succeeds, but the map cannot get a context).
 */
function withoutWebGL(where: 'everywhere' | 'map canvas') {
  const original = HTMLCanvasElement.prototype.getContext;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
    const refused = where === 'everywhere' || this.classList.contains('maplibregl-canvas');
    if (refused && /webgl/i.test(type)) return null;
    return (original as (...args: unknown[]) => RenderingContext | null).call(this, type, ...rest);
  } as typeof original;
  restoreCanvas = () => {
    HTMLCanvasElement.prototype.getContext = original;
  };
}

test.each(['everywhere', 'map canvas'] as const)(
  'without WebGL (%s) search, the list, the detail panel and the reader work, and a message explains the map',
  async (where) => {
    withoutWebGL(where);
    watch = watchPage();
    await mountApp('?lang=en');
    await datasetLoaded();

    const message = page.getByTestId('no-webgl');
    await expect.element(message).toBeVisible();
    await expect.element(message).toHaveTextContent(/The map needs WebGL/);
    await expect
      .element(message)
      .toHaveTextContent(/Search, the list of places, place details and the document reader/);
    expect(document.querySelector('.maplibregl-canvas')).toBeNull();

    // Search and the list.
    await page.getByRole('searchbox').fill('Gulei');
    await expect.element(page.getByRole('button', { name: /Gulei Taiwan Petrochemical/ })).toBeVisible();
    expect(await settledListIds()).toContain('gulei-taiwan-petrochemical-park');

    // The detail panel.
    await page.getByRole('button', { name: /Gulei Taiwan Petrochemical/ }).click();
    const panel = page.getByTestId('detail-panel');
    await expect
      .element(panel.getByRole('heading', { name: 'Gulei Taiwan Petrochemical Industrial Park' }))
      .toBeVisible();

    // The reader, on the clause.
    const clause = (await textedPlace('gulei-taiwan-petrochemical-park')).sources[0];
    await panel
      .getByRole('button', { name: /Read in the document/ })
      .first()
      .click();
    await expect.element(page.getByTestId('current-clause').first()).toBeVisible();
    const marked = [...document.querySelectorAll('[data-testid="current-clause"]')].map((m) => m.textContent).join('');
    expect(marked).toBe(clause.quote);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => useAppStore.getState().reader).toBeNull();

    // Filters and languages too; the message follows the language.
    await page.getByText('Filters', { exact: true }).click();
    await page.getByRole('checkbox', { name: /^Petrochemicals/ }).click();
    await expect.poll(() => listedIds()).toEqual(['gulei-taiwan-petrochemical-park']);
    await page.getByRole('button', { name: '简体' }).click();
    await expect.element(message).toHaveTextContent(/地图需要 WebGL/);

    expect(shownFailures()).toEqual([]);
    expect(watch.errors).toEqual([]);
  },
);
