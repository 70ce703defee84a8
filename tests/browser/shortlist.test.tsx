// An investor's shortlist: kept from the list and the place panel, shared by link, kept on the
// device, compared side by side, with distances to the facilities the plans name.
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { Dataset, PlanFeature } from '../../src/data/types.ts';
import { formatKm, logisticsOf, placesWithin } from '../../src/features/shortlist/logistics.ts';
import { loadOutlines } from '../../src/data/outlines.ts';
import { useAppStore } from '../../src/state/store.ts';
import { busiestPoint, clickMapAt, datasetLoaded, idleMap, mountApp, textedPlace, unmountApp } from './support/app.tsx';

afterEach(async () => {
  await unmountApp();
  localStorage.clear();
});

const GULEI = 'gulei-taiwan-petrochemical-park';
const XIAMEN_TIZ = 'xiamen-taiwan-investment-zone';
const shortParam = () => new URLSearchParams(location.search).get('short');
const stored = () => JSON.parse(localStorage.getItem('fujian-plan-map:shortlist') ?? '[]') as string[];

async function openPanel() {
  await page.getByTestId('shortlist-button').click();
  await expect.element(page.getByTestId('shortlist-panel')).toBeVisible();
}

const listedOnShortlist = () =>
  [...document.querySelectorAll<HTMLElement>('[data-testid="shortlist-list"] > li')].map((li) => li.dataset.id);

test('add two places (a result row, the place panel), copy the link, open it afresh: both are there; remove one', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  const gulei = dataset.byId.get(GULEI)!;
  const xiamen = dataset.byId.get(XIAMEN_TIZ)!;
  await userEvent.fill(page.getByRole('searchbox'), '石化');

  // From the result row: the toggle beside the place's button.
  const rowToggle = page
    .getByTestId('result-list')
    .getByRole('listitem')
    .filter({ hasText: gulei.name_zh })
    .getByRole('button', { name: '加入候选清单' });
  await rowToggle.click();
  await expect.element(rowToggle).toHaveAttribute('aria-pressed', 'true');
  // From the place panel.
  await page
    .getByTestId('result-list')
    .getByRole('button', { name: new RegExp(`^${xiamen.name_zh}`) })
    .click();
  const panelToggle = page.getByTestId('detail-panel').getByRole('button', { name: '加入候选清单' });
  await panelToggle.click();
  await expect.element(panelToggle).toHaveAttribute('aria-pressed', 'true');

  expect(useAppStore.getState().shortlist).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.poll(shortParam).toBe(`${GULEI},${XIAMEN_TIZ}`);
  expect(stored()).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.element(page.getByTestId('shortlist-button')).toHaveTextContent('候选清单 (2)');

  // Copy the link: a visible confirmation (or, where the clipboard is refused, the link to copy by hand).
  await openPanel();
  await page.getByRole('button', { name: '复制链接' }).click();
  await expect
    .element(page.getByTestId('shortlist-panel').getByRole('status').first())
    .toHaveTextContent(/链接已复制|无法自动复制/);
  const link = location.href;

  // A fresh app (store and storage empty) opened on the link.
  await mountApp(new URL(link).search);
  await datasetLoaded();
  expect(stored()).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.poll(() => useAppStore.getState().shortlist).toEqual([GULEI, XIAMEN_TIZ]);
  await openPanel();
  expect(listedOnShortlist()).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.element(page.getByRole('heading', { name: gulei.name_zh, level: 3 })).toBeVisible();

  await page.getByRole('button', { name: `移出候选清单：${gulei.name_zh}` }).click();
  await expect.poll(listedOnShortlist).toEqual([XIAMEN_TIZ]);
  await expect.poll(shortParam).toBe(XIAMEN_TIZ);
  expect(stored()).toEqual([XIAMEN_TIZ]);
});

test("the device's shortlist comes back without a link; a link's own wins, and the device's can be restored", async () => {
  await mountApp('?lang=en');
  await datasetLoaded();
  useAppStore.getState().toggleShortlist(GULEI);
  useAppStore.getState().toggleShortlist(XIAMEN_TIZ);
  // As after a reload or in a new tab: storage kept, no shortlist in the address.
  await mountApp('?lang=en', undefined, { keepStorage: true });
  await datasetLoaded();
  await expect.poll(() => useAppStore.getState().shortlist).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.poll(shortParam).toBe(`${GULEI},${XIAMEN_TIZ}`);

  // A colleague's link with another shortlist.
  const other = 'fuzhou-port';
  await mountApp(`?lang=en&short=${other}`, undefined, { keepStorage: true });
  await datasetLoaded();
  await expect.poll(() => useAppStore.getState().shortlist).toEqual([other]);
  await openPanel();
  await expect.element(page.getByText('the 2 places you had on this device are kept aside')).toBeVisible();
  await page.getByRole('button', { name: 'Merge both' }).click();
  expect(useAppStore.getState().shortlist).toEqual([other, GULEI, XIAMEN_TIZ]);
  await expect.poll(listedOnShortlist).toEqual([other, GULEI, XIAMEN_TIZ]);
});

test('a shortlist link with unknown ids says which were left out and keeps the rest', async () => {
  await mountApp(`?lang=en&short=${GULEI},no-such-place,${XIAMEN_TIZ},gone-too`);
  await datasetLoaded();
  await expect
    .element(
      page.getByText(/shortlist are not in this map and were left out: no-such-place, gone-too\. The other 2 are kept/),
    )
    .toBeVisible();
  expect(useAppStore.getState().shortlist).toEqual([GULEI, XIAMEN_TIZ]);
  await expect.poll(shortParam).toBe(`${GULEI},${XIAMEN_TIZ}`);
  // The general notice about ignored link parts is not needed for it.
  expect(document.body.textContent).not.toMatch(/could not be understood/);
});

/** Three places that share at least one industry, and what they share. */
function threeSharing(dataset: Dataset): { places: PlanFeature[]; shared: string[] } {
  for (const industry of dataset.industries) {
    const with_ = dataset.features.filter((f) => f.industries.includes(industry.id));
    if (with_.length < 3) continue;
    const places = with_.slice(0, 3);
    const shared = places[0].industries.filter((id) => places.every((p) => p.industries.includes(id)));
    return { places, shared };
  }
  throw new Error('no industry with three places');
}

test('compare three places: one table, the three as columns, each shared industry aligned on one row', async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const { places, shared } = threeSharing(dataset);
  await mountApp(`?lang=en&short=${places.map((p) => p.id).join(',')}`);
  await datasetLoaded();
  await openPanel();
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect.element(page.getByTestId('compare-table')).toBeVisible();

  expect(document.querySelectorAll('[data-testid="compare-table"]').length).toBe(1);
  const table = document.querySelector<HTMLTableElement>('[data-testid="compare-table"]')!;
  const columns = [...table.querySelectorAll('thead th[scope="col"]')].map((th) => th.textContent);
  expect(columns).toEqual(places.map((p, n) => `${n + 1}. ${p.name_en}`));
  // Every data row has one cell per place.
  for (const tr of table.querySelectorAll('tbody tr:not(.compare-places__group)'))
    expect(tr.querySelectorAll('td').length).toBe(3);

  expect(shared.length).toBeGreaterThan(0);
  for (const id of shared) {
    const rows = table.querySelectorAll(`tr[data-industry="${id}"]`);
    expect(rows.length, id).toBe(1);
    expect(rows[0].classList.contains('is-shared')).toBe(true);
    expect([...rows[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual(['✓', '✓', '✓']);
  }
  // Every industry of every place has exactly one row, marked in exactly the columns that plan it.
  const all = new Set(places.flatMap((p) => p.industries));
  expect(table.querySelectorAll('tr[data-industry]').length).toBe(all.size);
  for (const id of all) {
    const marks = [...table.querySelectorAll(`tr[data-industry="${id}"] td`)].map((td) =>
      td.hasAttribute('data-planned'),
    );
    expect(marks).toEqual(places.map((p) => p.industries.includes(id)));
  }
  // Every clause of each place is in its column, with its document.
  for (const [n, p] of places.entries()) {
    const cell = table.querySelector(`.compare-places__clause-row td:nth-of-type(${n + 1})`)!;
    // The quotes come with the places' texts.
    for (const c of (await textedPlace(p.id)).sources) await expect.poll(() => cell.textContent).toContain(c.quote);
  }
});

test("the map's chooser (several places on one point) has the same toggle", async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const { lngLat, ids } = busiestPoint(dataset.features);
  const map = await idleMap({ plan: true });
  map.jumpTo({ center: lngLat, zoom: 10 });
  await idleMap({ plan: true });
  clickMapAt(map, lngLat);
  await expect.element(page.getByText(`${ids.length} places here`)).toBeVisible();
  const popup = page.elementLocator(document.querySelector('.maplibregl-popup')!);
  const toggles = popup.getByRole('button', { name: 'Add to shortlist' });
  expect(toggles.all().length).toBe(ids.length);
  // The popup lists them in the map's order: the second one's id is on its toggle.
  const second = document.querySelectorAll<HTMLElement>('.maplibregl-popup .shortlist-toggle')[1].dataset.shortlistId!;
  expect(ids).toContain(second);
  await toggles.nth(1).click();
  expect(useAppStore.getState().shortlist).toEqual([second]);
  await expect.element(toggles.nth(1)).toHaveAttribute('aria-pressed', 'true');
  // Choosing the place still works beside it.
  await popup.getByRole('button', { name: dataset.byId.get(second)!.name_en, exact: true }).click();
  expect(useAppStore.getState().selectedId).toBe(second);
  await expect
    .element(page.getByTestId('detail-panel').getByRole('button', { name: 'Add to shortlist' }))
    .toHaveAttribute('aria-pressed', 'true');
});

test('the panel shows distances to the nearest planned facilities, in km, with the caveat', async () => {
  await mountApp(`?lang=en&short=${GULEI}`);
  const dataset = await datasetLoaded();
  await openPanel();
  const item = page.getByTestId('shortlist-list').getByRole('listitem').first();
  await expect
    .element(item.getByText('Straight-line distance to facilities the plans name, not every facility that exists.'))
    .toBeVisible();
  const { nearest } = logisticsOf(dataset, dataset.byId.get(GULEI)!, await loadOutlines());
  const shown = [...document.querySelectorAll('[data-testid="shortlist-list"] [data-testid="facility-km"]')].map(
    (e) => e.textContent,
  );
  expect(shown.length).toBe(4);
  for (const text of shown) expect(text).toMatch(/^\d+(\.\d)? km/);
  expect(shown[0]).toContain(`${formatKm(nearest.seaPort!.km)} km`);
  await expect.element(item.getByText(nearest.seaPort!.facility.name_en, { exact: true })).toBeVisible();
});

test('places within N km: pick mode takes the next map click as the centre (and selects no place); Escape cancels', async () => {
  await mountApp(`?lang=en&short=${XIAMEN_TIZ}&sel=${GULEI}`);
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  useAppStore.getState().select(null);
  await openPanel();
  await page.getByRole('tab', { name: 'Places within' }).click();

  // Escape cancels picking.
  await page.getByRole('button', { name: 'Pick a point on the map' }).click();
  await expect.element(page.getByText('Click a point on the map (Escape cancels)')).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => useAppStore.getState().pickingPoint).toBe(false);

  // A click on Gulei's dot in pick mode is a point, not a selection.
  const gulei = dataset.byId.get(GULEI)!;
  const at = gulei.point;
  map.jumpTo({ center: at!, zoom: 9 });
  await idleMap({ plan: true });
  const p = map.project(at!);
  const picked = map.unproject([Math.round(p.x), Math.round(p.y)]);
  await page.getByRole('button', { name: 'Pick a point on the map' }).click();
  await page.getByTestId('map').click({ position: { x: Math.round(p.x), y: Math.round(p.y) } });
  await expect.poll(() => useAppStore.getState().pickingPoint).toBe(false);
  expect(useAppStore.getState().selectedId).toBeNull();
  await expect.element(page.getByRole('combobox', { name: 'Centre' })).toHaveDisplayValue(/^Point on the map/);
  // The circle is on the map, and the list is what the radius search finds around the clicked point.
  await expect.poll(() => map.getSource('radius-area') !== undefined).toBe(true);
  const expected = placesWithin(dataset, [picked.lng, picked.lat], 25, await loadOutlines()).map((w) => w.place.id);
  expect(expected).toContain(GULEI);
  await expect
    .poll(() =>
      [...document.querySelectorAll<HTMLElement>('[data-testid="nearby-list"] > li')].map((li) => li.dataset.id),
    )
    .toEqual(expected);
  await expect.element(page.getByText(`${expected.length} planned places within 25 km`)).toBeVisible();

  // The map has moved to show the whole circle. Outside pick mode a click on the same place selects it.
  await idleMap({ plan: true });
  const q = map.project(at!);
  await page.getByTestId('map').click({ position: { x: Math.round(q.x), y: Math.round(q.y) } });
  await expect.poll(() => useAppStore.getState().selectedId).toBe(GULEI);
});

test("the place panel's shortlist button says the words it is named by, before and after a click, in every language", async () => {
  for (const lang of ['zh-Hans', 'zh-Hant', 'en']) {
    await mountApp(`?lang=${lang}&sel=${GULEI}`);
    await datasetLoaded();
    const el = () => document.querySelector<HTMLButtonElement>('[data-testid="detail-panel"] .shortlist-toggle')!;
    await expect.poll(() => el()?.getAttribute('aria-pressed')).toBe('false');
    const words = (t: string) => t.replace(/[^\p{L}\p{N}]+/gu, '');
    const saysItsName = () => words(el().getAttribute('aria-label') ?? '').includes(words(el().innerText));
    expect(saysItsName(), `${lang}: "${el().innerText}" named "${el().getAttribute('aria-label')}"`).toBe(true);
    el().click();
    await expect.poll(() => el().getAttribute('aria-pressed')).toBe('true');
    expect(saysItsName(), `${lang}: "${el().innerText}" named "${el().getAttribute('aria-label')}"`).toBe(true);
    useAppStore.setState({ shortlist: [] });
  }
});
