// The shortlist in the built app, in real browser contexts: a link copied in one context opens in
// a fresh one with its places; the device keeps the list across a closed tab; and the printed brief
// (Chromium's own PDF under print media) has one section per place with its quoted clauses, in
// 简体, 繁體 and English.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { PreviewServer } from 'vite';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../chromium.config.ts';
import { buildApp, mapReady, serveApp } from './helpers.ts';

interface Place {
  id: string;
  name_zh: string;
  name_zh_hant: string;
  name_en: string;
  sources: { quote: string; quote_en: string }[];
}
const places = (
  JSON.parse(readFileSync('data/features.geojson', 'utf8')) as { features: { properties: Place }[] }
).features.map((f) => f.properties);
const byId = new Map(places.map((p) => [p.id, p]));
const SHORTLIST = ['gulei-taiwan-petrochemical-park', 'xiamen-taiwan-investment-zone', 'jinjiang-dry-port'];

let outDir: string;
let server: PreviewServer;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'fujian-plan-map-shortlist-'));
  await buildApp(join(outDir, 'dist'));
  ({ server, origin } = await serveApp(join(outDir, 'dist')));
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

const shortlistOf = (page: Page) =>
  page.evaluate(() => new URLSearchParams(location.search).get('short')?.split(',') ?? []);

test('a copied shortlist link opens with its places in a fresh browser context; the device keeps it after the tab closes', async () => {
  const first = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  await first.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
  const page = await first.newPage();
  await page.goto(`${origin}/?lang=en`);
  await mapReady(page);
  for (const id of SHORTLIST.slice(0, 2)) {
    await page.getByRole('searchbox').fill(byId.get(id)!.name_en);
    await page.locator(`[data-testid="result-list"] [data-shortlist-id="${id}"]`).click();
  }
  await page.getByTestId('shortlist-button').click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect.poll(() => page.getByRole('status').filter({ hasText: 'Link copied' }).count()).toBe(1);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(new URL(link).searchParams.get('short')).toBe(SHORTLIST.slice(0, 2).join(','));

  // A closed tab, a new one on the bare address: the device's shortlist is back.
  await page.close();
  const again = await first.newPage();
  await again.goto(`${origin}/?lang=en`);
  await mapReady(again);
  await expect.poll(() => shortlistOf(again)).toEqual(SHORTLIST.slice(0, 2));
  await first.close();

  // Someone else's browser: nothing stored, the link alone.
  const fresh = await browser.newContext({ viewport: { width: 1366, height: 800 } });
  const other = await fresh.newPage();
  await other.goto(link);
  await mapReady(other);
  await other.getByTestId('shortlist-button').click();
  for (const id of SHORTLIST.slice(0, 2))
    await expect
      .poll(() =>
        other
          .getByTestId('shortlist-list')
          .getByRole('heading', { name: byId.get(id)!.name_en })
          .count(),
      )
      .toBe(1);
  expect(await shortlistOf(other)).toEqual(SHORTLIST.slice(0, 2));
  await fresh.close();
});

const LANGS = [
  { lang: 'zh-Hans', brief: '打印简报', name: (p: Place) => p.name_zh, translation: false },
  { lang: 'zh-Hant', brief: '列印簡報', name: (p: Place) => p.name_zh_hant, translation: false },
  { lang: 'en', brief: 'Printable brief', name: (p: Place) => p.name_en, translation: true },
] as const;
/** pdftotext (in content order, -raw) breaks lines and may space CJK text: compare without whitespace. */
const squash = (s: string) => s.replace(/\s+/g, '');

/** Runs one of poppler's tools (pdftotext, pdfinfo), or says what to install where it is missing. */
function poppler(tool: 'pdftotext' | 'pdfinfo', args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `The printed brief's test reads the PDF with ${tool}: on Debian, apt-get install -y poppler-utils`,
        { cause: e },
      );
    throw e;
  }
}

test.each(LANGS)(
  'the printed brief ($lang) has one section per shortlisted place with its quoted clauses',
  async (l) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${origin}/?lang=${l.lang}&short=${SHORTLIST.join(',')}`);
    await mapReady(page);
    await page.getByTestId('shortlist-button').click();
    // window.print() would open the browser's dialog; page.pdf() is that same print, headless.
    await page.evaluate(() => (window.print = () => undefined));
    await page.getByRole('button', { name: l.brief, exact: true }).click();
    await page.getByTestId('brief-map').waitFor({ timeout: 30_000 });
    await page.emulateMedia({ media: 'print' });
    // BRIEF_PDF_DIR keeps the PDFs (for looking at them); otherwise they go with the build.
    const pdf = join(process.env.BRIEF_PDF_DIR ?? outDir, `brief-${l.lang}.pdf`);
    writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    await context.close();
    const text = poppler('pdftotext', ['-raw', pdf, '-']);
    const flat = squash(text);

    // A4: 595 × 842 points (Chromium writes 594.96 × 841.92).
    const info = poppler('pdfinfo', [pdf]);
    expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    // The page is the brief alone: the app's own search box and list are not printed.
    expect(flat).not.toContain(squash(l.lang === 'en' ? 'Search places or industries' : '搜索地点或产业'));

    const headings = SHORTLIST.map((id, n) => squash(`${n + 1}. ${l.name(byId.get(id)!)}`));
    let from = 0;
    for (const [n, id] of SHORTLIST.entries()) {
      // Sections in the shortlist's order, each heading once.
      const at = flat.indexOf(headings[n], from);
      expect(at, `${l.lang}: section ${headings[n]}`).toBeGreaterThanOrEqual(from);
      expect(flat.indexOf(headings[n], at + 1)).toBe(-1);
      const end = n + 1 < SHORTLIST.length ? flat.indexOf(headings[n + 1], at) : flat.length;
      const section = flat.slice(at, end);
      for (const c of byId.get(id)!.sources) {
        expect(section, `${l.lang} ${id}: ${c.quote.slice(0, 20)}…`).toContain(squash(c.quote));
        if (l.translation && c.quote_en) expect(section).toContain(squash(c.quote_en));
      }
      from = at + 1;
    }
    if (l.translation) expect(flat).toContain(squash("The project's translation, not the document's text"));
    expect(flat).toContain(
      squash(l.lang === 'en' ? 'Source documents' : l.lang === 'zh-Hant' ? '來源文件' : '来源文件'),
    );
  },
);
