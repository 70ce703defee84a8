// Search as the three readers type it: several words, 台/臺, why a row matched, and the keyboard
// path from the search box into the result list.
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { datasetLoaded, mountApp, settledListIds, unmountApp } from './support/app.tsx';

afterEach(unmountApp);

const searchbox = () => page.getByRole('searchbox');
const rows = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="result-list"] button.result')];

async function search(query: string): Promise<string[]> {
  await userEvent.fill(searchbox(), query);
  await expect.poll(() => new URLSearchParams(location.search).get('q') ?? '').toBe(query);
  return settledListIds();
}

test('two words mean both: a prefecture and an industry, in 繁體 and in English', async () => {
  await mountApp('?lang=zh-Hant');
  const dataset = await datasetLoaded();
  const zhangzhouCars = await search('漳州 汽車');
  expect(zhangzhouCars).toContain('zhangzhou-taiwan-investment-zone');
  for (const id of zhangzhouCars) {
    const f = dataset.byId.get(id)!;
    expect(f.prefecture, id).toContain('350600');
    expect(f.industryRollup, id).toContain('automobile');
  }
  const all = await search('汽車');
  expect(zhangzhouCars.length).toBeLessThan(all.length);

  await mountApp('?lang=en');
  await datasetLoaded();
  const xiamen = await search('Xiamen electronics');
  expect(xiamen).toContain('electronics-export-base-xiamen');
  for (const id of xiamen) expect(dataset.byId.get(id)!.prefecture, id).toContain('350200');
});

test('台 and 臺, Simplified and Traditional find the same places', async () => {
  await mountApp('?lang=zh-Hant');
  await datasetLoaded();
  const tai = await search('台商投資區');
  expect(tai.length).toBeGreaterThan(0);
  expect(await search('臺商投資區')).toEqual(tai);
  expect(await search('台商投资区')).toEqual(tai);
});

test('a row marks what matched, in the script it is shown in', async () => {
  await mountApp('?lang=zh-Hant');
  await datasetLoaded();
  // The converter has loaded once the interface is in 繁體.
  await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent('福建規劃');
  await search('台湾');
  const row = document.querySelector('[data-id="gulei-taiwan-petrochemical-park"]')!;
  expect(row.querySelector('.result__name')!.textContent).toContain('臺灣');
  expect([...row.querySelectorAll('.result__name mark')].map((m) => m.textContent)).toEqual(['臺灣']);
});

test('the industry that matched is shown even when it is not among the first ones', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  const longyan = dataset.byId.get('longyan')!;
  expect(longyan.industries.indexOf('auto-parts')).toBeGreaterThanOrEqual(4);
  expect(await search('汽車')).toContain('longyan');
  const tag = document.querySelector('[data-id="longyan"] [data-industry="auto-parts"]');
  expect(tag?.classList.contains('is-matched')).toBe(true);
  expect([...tag!.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['汽车']);
  // Shown first, before the industries that did not match.
  expect(document.querySelector('[data-id="longyan"] [data-industry]')?.getAttribute('data-industry')).toBe(
    'auto-parts',
  );
});

test('ArrowDown from the search box enters the result list; the list is one tab stop', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  const ids = await search('石化');
  expect(ids.length).toBeGreaterThan(1);
  (searchbox().element() as HTMLElement).focus();
  await userEvent.keyboard('{ArrowDown}');
  expect((document.activeElement as HTMLElement).dataset.id).toBe(ids[0]);

  // One row takes part in the tab order: the one last focused.
  await userEvent.keyboard('{ArrowDown}');
  expect((document.activeElement as HTMLElement).dataset.id).toBe(ids[1]);
  await expect
    .poll(() =>
      rows()
        .filter((b) => b.tabIndex === 0)
        .map((b) => b.dataset.id),
    )
    .toEqual([ids[1]]);
  expect(rows().filter((b) => b.tabIndex !== 0).length).toBe(rows().length - 1);

  // Tab leaves the list (not to the next row); Shift+Tab comes back to the same row.
  await userEvent.keyboard('{Tab}');
  expect((document.activeElement as HTMLElement).closest('[data-testid="result-list"]')).toBeNull();
  await userEvent.keyboard('{Shift>}{Tab}{/Shift}');
  expect((document.activeElement as HTMLElement).dataset.id).toBe(ids[1]);
});
