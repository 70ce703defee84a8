// The built app, as `npm start` serves it, in Chromium driven from Node: it carries its
// Content-Security-Policy and works under it, and it works with only loopback reachable.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

import { CHROMIUM_ARGS as ARGS, CHROMIUM_PATH as CHROMIUM } from '../../chromium.config.ts';
import { buildApp, mapReady, serveApp } from './helpers.ts';

let outDir: string;
let server: PreviewServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fujian-plan-map-dist-'));
  await buildApp(outDir);
  ({ server, origin } = await serveApp(outDir));
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const isLoopback = (url: string) => {
  const u = new URL(url);
  if (u.protocol === 'data:' || u.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname);
};

interface Watched {
  context: BrowserContext;
  page: Page;
  requested: string[];
  aborted: string[];
  failed: string[];
  errors: string[];
  /** CSP violations reported in the page so far. */
  violations: () => Promise<string[]>;
}

/** A fresh page where every request leaving the machine is aborted and everything is recorded. */
async function offlinePage(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'en-US' });
  const requested: string[] = [];
  const aborted: string[] = [];
  const failed: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLoopback(url)) return route.continue();
    aborted.push(url);
    return route.abort('internetdisconnected');
  });
  context.on('request', (r) => requested.push(r.url()));
  context.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // The map cancels the range requests of tiles it no longer needs once the view has moved on:
    // the page's own doing, not a failure (any other error on the archive still counts).
    if (error === 'net::ERR_ABORTED' && /\.pmtiles$/.test(new URL(r.url()).pathname)) return;
    failed.push(`${r.url()} ${error}`);
  });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective} blocked ${e.blockedURI} (${e.sourceFile}:${e.lineNumber})`),
    );
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  return { context, page, requested, aborted, failed, errors, violations };
}

test('the built index.html carries a Content-Security-Policy that allows only the app itself', () => {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"\s*\/?>/);
  expect(meta, 'CSP meta tag in dist/index.html').not.toBeNull();
  // Before anything it governs: the first script and stylesheet come after it.
  expect(meta!.index!).toBeLessThan(html.indexOf('<script'));
  expect(meta!.index!).toBeLessThan(html.indexOf('<link rel="stylesheet"'));

  const policy = new Map(
    meta![1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
  expect(policy.get('default-src')).toEqual(["'self'"]);
  // WebAssembly may compile (the GeoPackage export's SQLite); JavaScript eval stays forbidden.
  expect(policy.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(policy.get('style-src')).toEqual(["'self'"]);
  expect(policy.get('connect-src')).toEqual(["'self'"]);
  expect(policy.get('worker-src')).toEqual(["'self'"]);
  expect(policy.get('manifest-src')).toEqual(["'self'"]);
  expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'none'"]);
  // No other origin, no wildcard, no inline code or eval anywhere in the policy ('wasm-unsafe-eval'
  // lets WebAssembly compile and nothing else).
  expect(meta![1].replace("'wasm-unsafe-eval'", '')).not.toMatch(/https?:|wss?:|\*|unsafe-|blob:/);
});

test('offline (only loopback reachable) the built app loads on the embedded basemap and works, under its CSP', async () => {
  const w = await offlinePage();
  const { page } = w;
  // What the page itself asks for (the context's list also has the service worker's precache,
  // which fetches every chunk once the app has loaded).
  const pageRequested: string[] = [];
  page.on('request', (r) => pageRequested.push(r.url()));
  await page.goto(`${origin}/?lang=en`);
  await mapReady(page);
  expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  // The whole dataset is listed (the list renders its first page of rows; the heading counts all).
  // (It builds its rows as the reader comes to them: 20 at first.)
  await expect.poll(() => page.locator('[data-testid="result-list"] button.result').count()).toBeGreaterThanOrEqual(20);
  await expect
    .poll(async () => Number((await page.locator('#results-heading').textContent())?.match(/\d+/)?.[0]))
    .toBeGreaterThan(100);

  // Search, the detail panel, the reader, the Traditional script (a lazily loaded chunk).
  await page.getByRole('searchbox').fill('Gulei');
  await page
    .getByRole('button', { name: /Gulei Taiwan Petrochemical/ })
    .first()
    .click();
  const panel = page.getByTestId('detail-panel');
  await panel.getByRole('heading', { name: 'Gulei Taiwan Petrochemical Industrial Park' }).waitFor();
  // The reader is a chunk of its own, loaded when a clause is first read.
  const readerChunk = (u: string) => /\/assets\/DocumentReader-[\w-]+\.js$/.test(u);
  expect(pageRequested.filter(readerChunk)).toEqual([]);
  await panel
    .getByRole('button', { name: /Read in the document/ })
    .first()
    .click();
  await page.getByTestId('current-clause').first().waitFor();
  expect(pageRequested.filter(readerChunk)).toHaveLength(1);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '繁體' }).click();
  await panel.getByRole('heading', { name: '古雷臺灣石化工業園' }).waitFor();
  // Every planner view renders under the policy too (reached as back/forward reaches them).
  for (const tab of ['matrix', 'choropleth', 'compare', 'plans', 'overlap', 'export']) {
    await page.evaluate((t) => {
      history.pushState(null, '', `?lang=en&mode=planner&tab=${t}`);
      dispatchEvent(new PopStateEvent('popstate'));
    }, tab);
    await page.waitForTimeout(300);
  }
  // The map is still there, drawn with WebGL.
  expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  expect(await page.locator('[data-testid="no-webgl"]').count()).toBe(0);

  const remote = w.requested.filter((u) => !isLoopback(u));
  expect(remote, 'requests that would leave the machine').toEqual([]);
  expect(w.aborted).toEqual([]);
  expect(w.failed).toEqual([]);
  expect(w.requested.some((u) => u.includes('/basemap/land.geojson'))).toBe(true);
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
});

test("a keystroke is answered with its list: once the input event is handled, the list shows the words' places", async () => {
  // In the built app, as people run it (the tests' React runs in its act environment, which
  // flushes deferred renders at once): the words are not deferred, so the list changes in the
  // update that shows them, not a frame or two after.
  const w = await offlinePage();
  const { page } = w;
  await page.goto(`${origin}/?lang=en`);
  await mapReady(page);
  for (const query of ['Gulei', 'Xiamen port', '']) {
    const [before, handled] = await page.evaluate((q) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const heading = () => document.getElementById('results-heading')!.textContent;
      const was = heading();
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, q);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      return [was, heading()];
    }, query);
    expect(handled).not.toBe(before);
    // ...and it is the list the words settle on.
    await page.waitForTimeout(300);
    expect(await page.locator('#results-heading').textContent()).toBe(handled);
  }
  expect(w.errors).toEqual([]);
  await w.context.close();
});

test('markup in a link stays text in the built app: no script runs, nothing for the CSP to block', async () => {
  const w = await offlinePage();
  const { page } = w;
  const xss = '<script>window.__xss=1</script><img src=x onerror="window.__xss=1">';
  await page.goto(`${origin}/?lang=en&q=${encodeURIComponent(xss)}&sel=${encodeURIComponent(xss)}#${xss}`);
  await mapReady(page);
  await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe(xss);
  await page
    .locator('.notices')
    .getByText(/ignored: sel/)
    .waitFor();
  const state = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    injected: document.querySelectorAll('#root script, #root img, #root iframe, #root [onerror], #root [onload]')
      .length,
    q: new URLSearchParams(location.search).get('q'),
    sel: new URLSearchParams(location.search).get('sel'),
    hash: location.hash,
  }));
  // The address now holds only what the app understood: the text to search for, no hash.
  expect(state).toEqual({ xss: undefined, injected: 0, q: xss, sel: null, hash: '' });
  // A violation would mean something from the link reached the DOM as markup.
  expect(await w.violations()).toEqual([]);
  expect(w.errors).toEqual([]);
  await w.context.close();
});
