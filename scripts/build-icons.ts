// Draws the web-app icons (from the favicon's shapes) and the Open Graph card (from the start
// screenshot) in system Chromium, so no image library is needed:
//   npx tsx scripts/build-icons.ts
// Writes public/icons/*.png and public/og-image.png; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';

/** The favicon's mountain and red dot, on its pale-blue ground, in a 32-unit square. */
const shapes =
  '<path d="M6 24 L14 8 L20 18 L24 12 L28 24 Z" fill="#ece8df" stroke="#7d7263" stroke-width="1.5" stroke-linejoin="round"/>' +
  '<circle cx="20" cy="18" r="3.5" fill="#b4432f"/>';
const ground = '#cadfea';

/** Rounded tile, as the favicon. */
const icon = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${ground}"/>${shapes}</svg>`;
/** Full-bleed ground with the drawing inside the central 80 % circle that every mask keeps. */
const maskable = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${ground}"/><g transform="translate(16 16) scale(0.62) translate(-17 -16)">${shapes}</g></svg>`;

const outputs: { path: string; size: [number, number]; html: string }[] = [
  { path: 'public/icons/icon-192.png', size: [192, 192], html: icon },
  { path: 'public/icons/icon-512.png', size: [512, 512], html: icon },
  { path: 'public/icons/icon-maskable-512.png', size: [512, 512], html: maskable },
  { path: 'public/icons/apple-touch-icon-180.png', size: [180, 180], html: maskable },
  {
    // 1200×630 is the card size Open Graph consumers expect; the screenshot (1366×800) is
    // scaled to the width and its top kept: the header, the list and the map.
    path: 'public/og-image.png',
    size: [1200, 630],
    html: `<img src="data:image/png;base64,${readFileSync('docs/screenshots/desktop-start.png').toString('base64')}">`,
  },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const { path, size, html } of outputs) {
  const page = await browser.newPage({ viewport: { width: size[0], height: size[1] } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg,img{display:block;width:${size[0]}px}svg{height:${size[1]}px}</style>${html}`,
  );
  await page.screenshot({ path, omitBackground: true });
  await page.close();
  console.log(path);
}
await browser.close();
