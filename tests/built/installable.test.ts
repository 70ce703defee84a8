// The built app as a static host serves it: installable (manifest, service worker), offline after
// the first visit, updated when a new build is deployed, under any base path, with robots.txt,
// a link card, source maps and precompressed files.
import { placesTable } from '../../scripts/lib/plan-split.ts';
import { encodePlacesTableBinary } from '../../src/data/places-table-binary.ts';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Plugin, PreviewServer } from 'vite';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright';

import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';
import { buildApp, mapReady, serveApp } from './helpers.ts';

const PLACE_ID = 'gulei-taiwan-petrochemical-park';
const PLACE_NAME = 'Gulei Taiwan Petrochemical Industrial Park';
/** The second build's dataset names the place differently: what a data update looks like. */
const RENAMED = `${PLACE_NAME} (second build)`;

let root: string;
let browser: Browser;
/** The default build (base './') at the root of its origin. */
let app: { server: PreviewServer; origin: string; dir: string };
/** The folder a "host" serves: first the default build, then the second build is deployed into it. */
let host: { server: PreviewServer; origin: string; dir: string };
let secondBuild: string;
/** Built with --base=/sub/ and served there, with its precompressed files. */
let sub: { server: PreviewServer; origin: string; dir: string };

/** Points the app's data imports (attribute table, search words, full file) at another folder's (the second build's data). */
const datasetFrom = (dir: string): Plugin => ({
  name: 'test-dataset',
  enforce: 'pre',
  resolveId: (source) => {
    const m = /\/data\/(features\.geojson|places\.bin|search-words\.json)\?url$/.exec(source);
    return m ? `${join(dir, m[1])}?url` : undefined;
  },
});

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'fujian-plan-map-pwa-'));
  const first = join(root, 'first');
  await buildApp(first);

  const data = JSON.parse(readFileSync('data/features.geojson', 'utf8')) as FeatureCollection;
  const place = data.features.find((f) => f.properties?.id === PLACE_ID);
  expect(place?.properties?.name_en).toBe(PLACE_NAME);
  place!.properties!.name_en = RENAMED;
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'features.geojson'), JSON.stringify(data));
  // Cut by the build's own step, as `npm run data` does.
  const split = placesTable(data, JSON.parse(readFileSync('data/search-terms.json', 'utf8')));
  writeFileSync(join(root, 'data', 'places.json'), JSON.stringify(split.table));
  writeFileSync(join(root, 'data', 'places.bin'), encodePlacesTableBinary(split.table));
  writeFileSync(join(root, 'data', 'search-words.json'), JSON.stringify(split.words));
  mkdirSync(join(root, 'data', 'texts'));
  for (const t of split.texts) writeFileSync(join(root, 'data', 'texts', t.file), JSON.stringify(t.content));
  secondBuild = join(root, 'second');
  await buildApp(secondBuild, { plugins: [datasetFrom(join(root, 'data'))] });

  const subDir = join(root, 'sub');
  await buildApp(subDir, { base: '/sub/', precompress: 'fast' });

  const hostDir = join(root, 'host');
  cpSync(first, hostDir, { recursive: true });
  app = { ...(await serveApp(first)), dir: first };
  host = { ...(await serveApp(hostDir)), dir: hostDir };
  sub = { ...(await serveApp(subDir, '/sub/')), dir: subDir };
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([app, host, sub].map((s) => s?.server.close()));
  if (root) rmSync(root, { recursive: true, force: true });
});

interface Visit {
  context: BrowserContext;
  page: Page;
  /** Requests that got no response since goOffline(): anything the precache did not answer. */
  failedOffline: string[];
  errors: string[];
  /** Cuts the network: the browser is offline and any request that still reaches it fails. */
  goOffline: () => Promise<void>;
}

/**
 * A first visit in a fresh profile, until the service worker controls the page: it activates only
 * once every precached file is stored, and clientsClaim then takes the page.
 */
async function firstVisit(url: string): Promise<Visit> {
  // A small window: SwiftShader draws the map on the CPU.
  const context = await browser.newContext({ viewport: { width: 1024, height: 640 }, locale: 'en-US' });
  const page = await context.newPage();
  const failedOffline: string[] = [];
  const errors: string[] = [];
  let offline = false;
  page.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // ERR_ABORTED is a request the page itself cancelled (the reload stops the previous page's
    // map); a file missing from the precache fails offline with ERR_INTERNET_DISCONNECTED.
    if (offline && error !== 'net::ERR_ABORTED') failedOffline.push(`${r.url()} ${error}`);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 60_000,
  });
  const goOffline = async () => {
    await context.setOffline(true);
    await context.route('**/*', (route) => route.abort('internetdisconnected'));
    offline = true;
  };
  return { context, page, failedOffline, errors, goOffline };
}

/** Searches for the place and opens it: returns the heading the detail panel shows. */
async function openPlace(page: Page): Promise<string> {
  await page.getByRole('searchbox').fill('Gulei');
  await page
    .getByRole('button', { name: /Gulei Taiwan Petrochemical/ })
    .first()
    .click();
  const heading = page.getByTestId('detail-panel').getByRole('heading', { level: 2 });
  await heading.waitFor();
  return (await heading.textContent()) ?? '';
}

test('after one visit the app works offline: shell, map, search and a clause in its document', async () => {
  const { context, page, failedOffline, errors, goOffline } = await firstVisit(`${app.origin}/?lang=en`);
  await goOffline();
  const response = await page.reload();
  expect(response?.fromServiceWorker(), 'the page itself comes from the service worker').toBe(true);
  await mapReady(page);
  expect(await page.locator('canvas.maplibregl-canvas').count()).toBe(1);
  const opened = await page.evaluate(() => performance.now());
  expect(await openPlace(page)).toBe(PLACE_NAME);
  // The map has flown to the place and drawn it from tiles cut from the precached archive (a
  // precached copy the server had gzipped on the fly held the gzipped bytes: no tile could be read).
  await page.waitForFunction(
    (t) => performance.getEntriesByName('map:idle').some((e) => e.startTime > t + 1000),
    opened,
    { timeout: 30_000 },
  );
  expect(await page.getByTestId('map-layer-error').count()).toBe(0);
  // The reader loads the document (its own chunk) and marks the clause.
  await page
    .getByTestId('detail-panel')
    .getByRole('button', { name: /Read in the document/ })
    .first()
    .click();
  await expect.poll(() => page.getByTestId('current-clause').first().textContent()).toMatch(/古雷/);
  // The Traditional script is a lazily loaded chunk too.
  await page.getByRole('button', { name: '繁體' }).click();
  await page.getByRole('heading', { name: '古雷臺灣石化工業園' }).first().waitFor();
  expect(failedOffline, 'requests the precache did not answer').toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

test('on the first visit, tiles read after the service worker took the page are whole (the map still draws)', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  // A planner cell moves the map to its places while the service worker installs and takes the
  // page: their tiles are cut from the precached archive. The preview server used to gzip the
  // archive on the fly (it sent no type for it), and every tile cut from that copy failed.
  await page.goto(`${app.origin}/?lang=zh-Hans&mode=planner&tab=matrix`);
  await mapReady(page);
  await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
  await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', null, {
    timeout: 60_000,
  });
  await page.getByRole('button', { name: /^电子信息 · 福州市: \d+$/ }).click();
  const clicked = await page.evaluate(() => performance.now());
  // The map moves to the cell's places and is idle again with their tiles (or failed to read them).
  await page.waitForFunction((t) => performance.getEntriesByName('map:idle').some((e) => e.startTime > t), clicked, {
    timeout: 30_000,
  });
  await page.waitForTimeout(500);
  expect(await page.getByTestId('map-layer-error').count()).toBe(0);
  expect(errors).toEqual([]);
  const archive = await page.evaluate(async () => {
    const url = [...performance.getEntriesByType('resource')].find((e) => e.name.includes('.pmtiles'))!.name;
    return (await fetch(url, { headers: { Range: 'bytes=0-6' } })).text();
  });
  expect(archive).toBe('PMTiles');
  await context.close();
});

test('a new deployment shows the update prompt; accepting it serves the new dataset, and the old one is gone', async () => {
  const { context, page, errors } = await firstVisit(`${host.origin}/?lang=en`);
  const precachedData = () =>
    page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys())
        for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls.filter((u) => /places-[^/]*\.bin$/.test(u));
    });
  const before = await precachedData();
  expect(before).toHaveLength(1);

  // Deploy the second build into the folder the host serves.
  for (const name of readdirSync(host.dir)) rmSync(join(host.dir, name), { recursive: true });
  cpSync(secondBuild, host.dir, { recursive: true });

  // Reloading checks for a new service worker; until the person accepts, the page keeps its build.
  await page.reload();
  const prompt = page.getByRole('status').filter({ has: page.getByTestId('update-prompt') });
  await prompt.getByText('A new version of this map is available').waitFor({ timeout: 60_000 });
  expect(await openPlace(page)).toBe(PLACE_NAME);

  await Promise.all([
    page.waitForEvent('load', { timeout: 60_000 }),
    prompt.getByRole('button', { name: 'Reload into the new version' }).click(),
  ]);
  expect(await openPlace(page)).toBe(RENAMED);
  expect(await page.getByTestId('update-prompt').count()).toBe(0);
  const after = await precachedData();
  expect(after).toHaveLength(1);
  expect(after[0], 'the new dataset has a new content-hashed name').not.toBe(before[0]);
  expect(errors).toEqual([]);
  await context.close();
});

test('a build for /sub/ works there, with the service worker scoped to /sub/, also offline', async () => {
  const { context, page, failedOffline, errors, goOffline } = await firstVisit(`${sub.origin}/sub/?lang=en`);
  const registration = await page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { scope: r?.scope, script: navigator.serviceWorker.controller?.scriptURL };
  });
  expect(registration).toEqual({ scope: `${sub.origin}/sub/`, script: `${sub.origin}/sub/sw.js` });
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
  const manifest = await (await fetch(new URL(manifestHref!, `${sub.origin}/sub/`))).json();
  expect([manifest.start_url, manifest.scope]).toEqual(['/sub/', '/sub/']);

  await goOffline();
  await page.reload();
  await mapReady(page);
  expect(await openPlace(page)).toBe(PLACE_NAME);
  expect(failedOffline).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});

/** Width and height from a PNG's IHDR chunk. */
const pngSize = (bytes: Buffer) => [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];

test('robots.txt is text (also for a page the service worker controls); the manifest is linked and valid', async () => {
  const robots = await fetch(`${app.origin}/robots.txt`);
  expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
  expect(await robots.text()).toMatch(/^User-agent: \*$/m);

  const html = await (await fetch(`${app.origin}/`)).text();
  const href = html.match(/<link rel="manifest" href="([^"]+)"/)?.[1];
  expect(href).toBe('./manifest.webmanifest');
  const manifestResponse = await fetch(new URL(href!, `${app.origin}/`));
  expect(manifestResponse.headers.get('content-type')).toMatch(/^application\/manifest\+json/);
  const manifest = (await manifestResponse.json()) as {
    name: string;
    short_name: string;
    start_url: string;
    scope: string;
    display: string;
    icons: { src: string; sizes: string; type: string; purpose?: string }[];
  };
  expect(manifest.name).toMatch(/Fujian/);
  expect(manifest.short_name.length).toBeGreaterThan(0);
  expect(manifest.display).toBe('standalone');
  expect([manifest.start_url, manifest.scope]).toEqual(['./', './']);
  const sizes = new Set(manifest.icons.map((i) => i.sizes));
  expect(sizes.has('192x192') && sizes.has('512x512')).toBe(true);
  expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
  for (const icon of manifest.icons) {
    const response = await fetch(new URL(icon.src, new URL(href!, `${app.origin}/`)));
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await response.arrayBuffer())).join('x')).toBe(icon.sizes);
  }

  // Link card: description, Open Graph title, description and a 1200×630 image.
  const meta = (attr: string, key: string) =>
    html.match(new RegExp(`<meta\\s+${attr}="${key}"\\s+content="([^"]+)"`))?.[1];
  expect(meta('name', 'description')).toMatch(/Fujian/);
  expect(meta('property', 'og:title')).toMatch(/Fujian/);
  expect(meta('property', 'og:description')).toMatch(/clause/);
  const image = await fetch(new URL(meta('property', 'og:image')!, `${app.origin}/`));
  expect(pngSize(Buffer.from(await image.arrayBuffer()))).toEqual([1200, 630]);

  // Source maps are published beside the scripts.
  const script = html.match(/<script type="module" crossorigin src="\.\/(assets\/index-[^"]+\.js)"/)![1];
  const code = await (await fetch(`${app.origin}/${script}`)).text();
  const mapName = code.match(/\/\/# sourceMappingURL=(\S+)\s*$/)![1];
  const sourceMap = await (await fetch(new URL(mapName, `${app.origin}/${script}`))).json();
  expect(sourceMap.sources.some((s: string) => s.endsWith('src/app/App.tsx'))).toBe(true);

  // A page the service worker controls still gets the host's robots.txt, not the app.
  const { context, page } = await firstVisit(`${app.origin}/`);
  const controlled = await page.goto(`${app.origin}/robots.txt`);
  expect(controlled?.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await controlled?.text()).toMatch(/^User-agent: \*$/m);
  await context.close();
});

test('every compressible file of a build has .gz and .br siblings with the same content', () => {
  const files = readdirSync(sub.dir, { recursive: true, encoding: 'utf8' }).filter(
    (f) =>
      /\.(html|js|mjs|css|json|bin|geojson|webmanifest|svg|txt|map)$/.test(f) &&
      statSync(join(sub.dir, f)).size >= 1024,
  );
  // The app's own kinds of file are all there.
  for (const kind of [
    /^index\.html$/,
    /^sw\.js$/,
    /features-.*\.geojson$/,
    /places-.*\.bin$/,
    /search-words-.*\.json$/,
    /^basemap\/land\.geojson$/,
    /\.css$/,
    /\.map$/,
  ])
    expect(files.some((f) => kind.test(f))).toBe(true);
  for (const file of files) {
    const original = readFileSync(join(sub.dir, file));
    const gz = readFileSync(join(sub.dir, `${file}.gz`));
    const br = readFileSync(join(sub.dir, `${file}.br`));
    expect(gunzipSync(gz).equals(original), `${file}.gz`).toBe(true);
    expect(brotliDecompressSync(br).equals(original), `${file}.br`).toBe(true);
    expect(br.length).toBeLessThan(original.length);
  }
});
