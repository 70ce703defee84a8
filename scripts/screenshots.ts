// Serves the built app (dist/) on loopback and captures it in system Chromium at desktop and
// phone sizes: npm run build && npx tsx scripts/screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const desktop = { width: 1366, height: 800 };
const phone = { width: 390, height: 844 };
type Shot = [string, string, { width: number; height: number }, ((page: Page) => Promise<void>)?];
const shots: Shot[] = [
  ['desktop-start', '', { width: 1366, height: 800 }],
  ['desktop-petrochemical', '?q=%E7%9F%B3%E5%8C%96&sel=gulei-taiwan-petrochemical-park', { width: 1366, height: 800 }],
  [
    'desktop-reader',
    '?sel=gulei-taiwan-petrochemical-park&read=004_cedd840305e36094&clause=14008-14100',
    { width: 1366, height: 800 },
  ],
  ['desktop-en-filter', '?lang=en&ind=electronics', { width: 1366, height: 800 }],
  ['desktop-hant', '?lang=zh-Hant&sel=xiamen-taiwan-investment-zone', { width: 1366, height: 800 }],
  ['desktop-planner-matrix', '?lang=zh-Hans&mode=planner&tab=matrix', { width: 1366, height: 800 }],
  ['desktop-planner-choropleth', '?lang=en&mode=planner&tab=choropleth&choro=equipment', { width: 1366, height: 800 }],
  [
    'desktop-planner-compare',
    '?lang=zh-Hant&mode=planner&tab=compare&cmp=pref:350200,pref:350500,zone:pingtan',
    { width: 1366, height: 800 },
  ],
  ['phone-start', '', { width: 390, height: 844 }],
  ['phone-detail', '?sel=gulei-taiwan-petrochemical-park', { width: 390, height: 844 }],
  // The seams (issue: seams): each as a reader meets it.
  [
    'phone-reader-over-place',
    '?lang=zh-Hant&sel=gulei-taiwan-petrochemical-park&read=004_cedd840305e36094&clause=14008-14100',
    phone,
  ],
  [
    'desktop-planner-cell-on-map',
    '?lang=zh-Hans&mode=planner&tab=matrix',
    desktop,
    async (page) => {
      await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
    },
  ],
  ['desktop-planner-compared-regions', '?lang=en&mode=planner&tab=compare&cmp=pref:350200,pref:350600', desktop],
  ['desktop-stacked-count', '?lang=en&kind=export_base', desktop],
  ['phone-stacked-count', '?lang=zh-Hans&kind=export_base', phone],
  ['desktop-en-clause-translation', '?lang=en&sel=gulei-taiwan-petrochemical-park', desktop],
  // A link with a filter opens the filter panel: the hierarchy, counts rolled up.
  ['desktop-hant-hierarchy', '?lang=zh-Hant&ind=electronics', desktop],
];
for (const [name, query, viewport, act] of shots) {
  const page = await browser.newPage({ viewport });
  await page.goto(base + query);
  await page.waitForFunction(() => document.querySelector('[data-testid="result-list"], .results__status') !== null);
  // The plan drawn (the map's first idle with its places), then a moment for the camera to settle.
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  await page.waitForTimeout(2500);
  if (act) {
    await act(page);
    await page.waitForTimeout(2500);
  }
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
  console.log(`${out}/${name}.png`);
}
// The print-ready PNG export itself, as a planner downloads it.
{
  const page = await browser.newPage({ viewport: desktop, acceptDownloads: true });
  await page.goto(`${base}?lang=en&mode=planner&tab=choropleth&choro=equipment`);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true');
  await page.waitForTimeout(2500);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /PNG/ }).click();
  await (await download).saveAs(`${out}/export-map.png`);
  console.log(`${out}/export-map.png`);
  await page.close();
}
await browser.close();
server.httpServer.close();
