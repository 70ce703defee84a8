// Serves the built app (dist/) on loopback and captures it in system Chromium at desktop and
// phone sizes: npm run build && npx tsx scripts/screenshots.ts [out-dir]
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';

const out = resolve(process.argv[2] ?? 'docs/screenshots');
mkdirSync(out, { recursive: true });
const server = await preview({ preview: { port: 0, host: '127.0.0.1' }, logLevel: 'silent' });
const base = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
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
];
for (const [name, query, viewport] of shots) {
  const page = await browser.newPage({ viewport });
  await page.goto(base + query);
  await page.waitForFunction(() => document.querySelector('[data-testid="result-list"], .results__status') !== null);
  await page.waitForTimeout(2500);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
  console.log(`${out}/${name}.png`);
}
await browser.close();
server.httpServer.close();
