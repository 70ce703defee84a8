// Serves the built app (dist/) on loopback and captures it in system Chromium at desktop and
// phone sizes: npm run build && npx tsx scripts/screenshots.ts [out-dir] [only names containing this]
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium, type Page } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const only = process.argv[3] ?? '';
const SHORTLIST = 'short=gulei-taiwan-petrochemical-park,xiamen-taiwan-investment-zone,jinjiang-dry-port';
const openShortlist = (tab?: string) => async (page: Page) => {
  await page.getByTestId('shortlist-button').click();
  if (tab) await page.getByRole('tab', { name: tab }).click();
};
const openBrief = (label: string) => async (page: Page) => {
  await openShortlist()(page);
  await page.getByRole('button', { name: label, exact: true }).click();
  await page.getByTestId('brief-map').waitFor({ timeout: 30_000 });
};
/** After the page has loaded: what to click before the picture is taken. */
const actions: Record<string, (page: Page) => Promise<void>> = {
  'desktop-planner-cell-on-map': async (page) => {
    await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
  },
  'desktop-shortlist': openShortlist(),
  'desktop-shortlist-compare': openShortlist('Compare'),
  'desktop-shortlist-nearby': openShortlist('周邊地點'),
  'desktop-shortlist-brief': openBrief('Printable brief'),
  'phone-shortlist': openShortlist(),
  'phone-shortlist-compare': openShortlist('并列对比'),
};
/** Printed briefs (Chromium's PDF under print media), their first pages as PNG. */
const briefs: [string, string, string][] = [
  ['brief-print-en', '?lang=en&' + SHORTLIST, 'Printable brief'],
  ['brief-print-zh-hans', '?lang=zh-Hans&' + SHORTLIST, '打印简报'],
  ['brief-print-zh-hant', '?lang=zh-Hant&' + SHORTLIST, '列印簡報'],
];
const shots: [string, string, { width: number; height: number }][] = [
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
  ['desktop-shortlist', '?lang=zh-Hans&' + SHORTLIST, { width: 1366, height: 800 }],
  ['desktop-shortlist-compare', '?lang=en&' + SHORTLIST, { width: 1366, height: 800 }],
  ['desktop-shortlist-nearby', '?lang=zh-Hant&' + SHORTLIST, { width: 1366, height: 800 }],
  ['desktop-shortlist-brief', '?lang=en&' + SHORTLIST, { width: 1366, height: 800 }],
  ['phone-shortlist', '?lang=en&' + SHORTLIST, { width: 390, height: 844 }],
  ['phone-shortlist-compare', '?lang=zh-Hans&' + SHORTLIST, { width: 390, height: 844 }],
  // The seams (issue: seams): each as a reader meets it.
  [
    'phone-reader-over-place',
    '?lang=zh-Hant&sel=gulei-taiwan-petrochemical-park&read=004_cedd840305e36094&clause=14008-14100',
    { width: 390, height: 844 },
  ],
  ['desktop-planner-cell-on-map', '?lang=zh-Hans&mode=planner&tab=matrix', { width: 1366, height: 800 }],
  [
    'desktop-planner-compared-regions',
    '?lang=en&mode=planner&tab=compare&cmp=pref:350200,pref:350600',
    { width: 1366, height: 800 },
  ],
  ['desktop-stacked-count', '?lang=en&kind=export_base', { width: 1366, height: 800 }],
  ['phone-stacked-count', '?lang=zh-Hans&kind=export_base', { width: 390, height: 844 }],
  ['desktop-en-clause-translation', '?lang=en&sel=gulei-taiwan-petrochemical-park', { width: 1366, height: 800 }],
  // A link with a filter opens the filter panel: the hierarchy, counts rolled up.
  ['desktop-hant-hierarchy', '?lang=zh-Hant&ind=electronics', { width: 1366, height: 800 }],
];
for (const [name, query, viewport] of shots) {
  if (!name.includes(only)) continue;
  const page = await browser.newPage({ viewport });
  await page.goto(base + query);
  await page.waitForFunction(() => document.querySelector('[data-testid="result-list"], .results__status') !== null);
  // The plan drawn (the map's first idle with its places), then a moment for the camera to settle.
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  await page.waitForTimeout(2500);
  await actions[name]?.(page);
  if (actions[name]) await page.waitForTimeout(1500);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
  console.log(`${out}/${name}.png`);
}
for (const [name, query, label] of briefs) {
  if (!name.includes(only)) continue;
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 } });
  await page.goto(base + query);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  await openBrief(label)(page);
  await page.emulateMedia({ media: 'print' });
  const pdf = `${out}/${name}.pdf`;
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  // First page as PNG (pdftoppm, poppler-utils); the PDF itself is not kept.
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, `${out}/${name}`]);
  rmSync(pdf);
  console.log(`${out}/${name}.png`);
}
// The print-ready PNG export itself, as a planner downloads it.
if ('export-map'.includes(only)) {
  const page = await browser.newPage({ viewport: { width: 1366, height: 800 }, acceptDownloads: true });
  await page.goto(`${base}?lang=en&mode=planner&tab=choropleth&choro=equipment`);
  await page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
  await page.waitForTimeout(2500);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /PNG/ }).click();
  await (await download).saveAs(`${out}/export-map.png`);
  console.log(`${out}/export-map.png`);
  await page.close();
}
await browser.close();
server.httpServer.close();
