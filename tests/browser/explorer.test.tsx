// What an investor does: find places by industry, read the clause behind each.
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { KIND_LABELS } from '../../src/i18n/messages.ts';
import { serveRepeatedTable } from './support/table-fetch.ts';
import { useAppStore } from '../../src/state/store.ts';
import { placesFor } from '../../src/state/use-places.ts';
import { ROW_CHUNK } from '../../src/features/explorer/ResultList.tsx';
import { EMPTY_FILTERS } from '../../src/data/query.ts';
import { INTERACTIVE_LAYERS, OUTLINE_LAYERS, PLAN_SOURCE, PLAN_SOURCE_LAYER } from '../../src/map-style/plan-layers.ts';
import {
  busiestPoint,
  clickMapAt,
  datasetLoaded,
  drawnPlaceIds,
  idleMap,
  listedCount,
  listedIds,
  mountApp,
  settledListIds,
  textedPlace,
  unmountApp,
} from './support/app.tsx';

afterEach(unmountApp);

test('typing 石化 lists 古雷台湾石化工业园; selecting it shows its clauses; the reader highlights the clause', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  await userEvent.fill(page.getByRole('searchbox', { name: '搜索地点或产业' }), '石化');
  await expect.element(page.getByRole('button', { name: /古雷台湾石化工业园/ })).toBeVisible();
  expect(await settledListIds()).toContain('gulei-taiwan-petrochemical-park');

  await page.getByRole('button', { name: /古雷台湾石化工业园/ }).click();
  const panel = page.getByTestId('detail-panel');
  await expect.element(panel.getByRole('heading', { name: '古雷台湾石化工业园' })).toBeVisible();
  const gulei = await textedPlace('gulei-taiwan-petrochemical-park');
  const cards = panel.getByRole('listitem').filter({ hasText: '在原文中阅读' });
  // The clauses come with the place's texts, fetched when the panel opens.
  await expect.poll(() => cards.all().length).toBe(gulei.sources.length);
  for (const s of gulei.sources) await expect.element(panel.getByText(s.quote, { exact: true })).toBeVisible();

  // Open the third clause (the park's own paragraph) in the reader.
  const clause = gulei.sources[2];
  await panel.getByRole('button', { name: '在原文中阅读' }).nth(2).click();
  const current = page.getByTestId('current-clause');
  await expect.element(current).toBeVisible();
  const text = [...document.querySelectorAll('[data-testid="current-clause"]')].map((m) => m.textContent).join('');
  expect(text).toBe(clause.quote);
  // The highlighted clause is scrolled into the reader's view.
  const inView = () => {
    const body = document.querySelector('[data-testid="reader-body"]')!.getBoundingClientRect();
    const mark = document.querySelector('[data-testid="current-clause"]')!.getBoundingClientRect();
    return mark.top >= body.top && mark.bottom <= body.bottom;
  };
  await expect.poll(inView).toBe(true);
  expect(new URLSearchParams(location.search).get('clause')).toBe(`${clause.start}-${clause.end}`);

  // Other clauses with places are marked and lead back to their place.
  const other = page.getByRole('button', { name: /条款：福州青口汽车工业园/ }).first();
  await other.click();
  await expect
    .element(page.getByTestId('detail-panel').getByRole('heading', { name: '福州青口汽车工业园' }))
    .toBeVisible();
});

test("a whole prefecture is drawn from the basemap's outline of it: a click on it opens it, drawn chosen; hovering lights it", async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const whole = dataset.features.filter((f) => f.outline);
  expect(whole.length).toBe(16);
  // The tiles do not hold them: they are the basemap's outlines of their prefectures.
  const tiled = map.querySourceFeatures(PLAN_SOURCE, { sourceLayer: PLAN_SOURCE_LAYER }).map((f) => f.properties.id);
  expect(tiled.length).toBeGreaterThan(0);
  for (const f of whole) expect(tiled).not.toContain(f.id);
  const drawn = drawnPlaceIds(map);
  for (const f of whole.filter((p) => p.province === '350000')) expect(drawn.has(f.id), f.id).toBe(true);
  // A spot inside one of Fujian's where no other place is drawn over it (most are covered by zones).
  const layers = INTERACTIVE_LAYERS.filter((id) => map.getLayer(id));
  let spot: { place: (typeof whole)[number]; lngLat: [number, number] } | null = null;
  for (const place of whole.filter((p) => p.province === '350000')) {
    const [w, s, e, n] = place.bbox;
    for (let i = 1; i < 20 && !spot; i++)
      for (let j = 1; j < 20 && !spot; j++) {
        const lngLat: [number, number] = [w + ((e - w) * i) / 20, s + ((n - s) * j) / 20];
        const top = map.queryRenderedFeatures(map.project(lngLat), { layers })[0];
        if (top?.layer.id === OUTLINE_LAYERS.fill && top.properties.code === place.outline) spot = { place, lngLat };
      }
    if (spot) break;
  }
  expect(spot).not.toBeNull();
  const { place, lngLat } = spot!;
  // The state as drawn: the outline feature under the spot carries it (by its code).
  const state = () => {
    const drawnThere = map.queryRenderedFeatures(map.project(lngLat), { layers: [OUTLINE_LAYERS.fill] });
    // A polygon comes once per tile it is drawn in (a spot on a tile's edge, or a tile and the
    // one it is replacing).
    expect([...new Set(drawnThere.map((f) => f.id))]).toEqual([place.outline]);
    return drawnThere[0].state as { hover?: boolean; selected?: boolean };
  };
  useAppStore.getState().hover(place.id);
  await expect.poll(() => state().hover).toBe(true);
  useAppStore.getState().hover(null);
  await expect.poll(() => state().hover).toBe(false);

  clickMapAt(map, lngLat);
  await expect.element(page.getByTestId('detail-panel').getByRole('heading', { name: place.name_en })).toBeVisible();
  expect(useAppStore.getState().selectedId).toBe(place.id);
  await expect.poll(() => state().selected).toBe(true);
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => useAppStore.getState().selectedId).toBeNull();
  await expect.poll(() => state().selected).toBe(false);
});

test('an industry filter changes the features drawn on the map and the list identically', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const rendered = () => drawnPlaceIds(map);
  const before = rendered();
  expect(before.size).toBeGreaterThan(50);

  await page.getByText('筛选', { exact: true }).click();
  const count = dataset.features.filter((f) => f.industries.includes('petrochemical')).length;
  await page.getByRole('checkbox', { name: new RegExp(`石油化工\\s*${count}`) }).click();
  await expect.poll(() => listedIds().length).toBe(count);
  await idleMap({ plan: true });
  // Fit to the result set, then compare: everything listed is drawn, nothing else is.
  await expect.poll(() => [...rendered()].sort()).toEqual([...listedIds()].sort());
  const expected = dataset.features.filter((f) => f.industries.includes('petrochemical')).map((f) => f.id);
  expect((await settledListIds()).sort()).toEqual(expected.sort());
  expect(new URLSearchParams(location.search).get('ind')).toBe('petrochemical');
  // The legend explains what is drawn: the kinds of these places, no others (it was closed while
  // the filter changed; opened, it reads the set now listed).
  const legend = document.querySelector<HTMLDetailsElement>('[data-testid="legend"]')!;
  expect(legend.open).toBe(false);
  expect(legend.querySelectorAll('li')).toHaveLength(0);
  await page.getByText('图例', { exact: true }).click();
  await expect.poll(() => legend.querySelectorAll('li').length).toBeGreaterThan(0);
  const legendKinds = [...document.querySelectorAll('[data-testid="legend"] li')].map((li) => li.textContent);
  const kinds = new Set(expected.map((id) => dataset.byId.get(id)!.kind));
  expect(legendKinds.sort()).toEqual([...kinds].map((k) => KIND_LABELS[k].zh).sort());
  expect(kinds.size).toBeLessThan(new Set(dataset.features.map((f) => f.kind)).size);
});

test("a filter click redraws only the options whose count changed, and rewrites no other option's checkbox", async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  await page.getByText('筛选', { exact: true }).click();
  const panel = document.querySelector<HTMLDetailsElement>('details.filters')!;
  const boxes = () => [...panel.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
  // The panel's counts are in (they come in idle time after the first view).
  await expect.poll(() => boxes().length).toBeGreaterThan(100);
  await expect.element(page.getByRole('checkbox', { name: /^石油化工\s*\d/ })).toBeVisible();
  const written = new Set<Element>();
  let texts = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof HTMLInputElement) written.add(r.target);
      if (r.type === 'characterData') texts++;
    }
  });
  observer.observe(panel, { subtree: true, attributes: true, characterData: true, childList: true });
  const clicked = page.getByRole('checkbox', { name: /^石油化工\s*\d/ });
  await clicked.click();
  await expect.poll(() => useAppStore.getState().filters.industries).toEqual(['petrochemical']);
  await settledListIds();
  await new Promise((r) => setTimeout(r, 300));
  observer.disconnect();
  // React rewrites an input's name and type whenever it renders it again. Once every option did:
  // 111 of these 112 checkboxes rewritten per click (at 100,000 places 185, the click 17 → 4 ms
  // when they no longer were).
  const others = [...written].filter((b) => b !== clicked.element());
  expect(others.length, `${others.length} of ${boxes().length} checkboxes rewritten`).toBeLessThanOrEqual(2);
  // Some counts change (those of the other filters), as text; far from every option's.
  expect(texts).toBeGreaterThan(0);
  expect(texts).toBeLessThan(boxes().length);
});

test('a filter rewrites the rows of the list in place: it adds no row while the list grows no longer', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  await page.getByText('筛选', { exact: true }).click();
  const list = document.querySelector('[data-testid="result-list"]')!;
  const before = await settledListIds();
  expect(before.length).toBeGreaterThanOrEqual(ROW_CHUNK);
  let added = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n instanceof HTMLLIElement) added++;
  });
  observer.observe(list, { childList: true });
  await page.getByRole('checkbox', { name: /^石油化工\s*\d/ }).click();
  const expected = placesFor(dataset, { ...EMPTY_FILTERS, industries: ['petrochemical'] }, '').places.map((f) => f.id);
  // Some of them were not among the rows before (else the test would prove nothing).
  expect(expected.some((id) => !before.includes(id))).toBe(true);
  await expect.poll(() => listedIds().slice(0, ROW_CHUNK)).toEqual(expected.slice(0, ROW_CHUNK));
  observer.disconnect();
  // Keyed by place, each newly listed place was a new row (and each one gone a removed one): at
  // 100,000 places, 50 rows built and 50 torn down per click.
  expect(added).toBe(Math.max(0, listedIds().length - before.length));
});

test('a filter that writes another place into the focused row moves the map hover and the tab stop to it', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  await settledListIds();
  const rows = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="result-list"] button.result')];
  rows()[0].focus();
  const first = rows()[0].dataset.id!;
  expect(useAppStore.getState().hoverId).toBe(first);
  const industry = dataset.industries.find((i) => !dataset.byId.get(first)!.industries.includes(i.id))!.id;
  useAppStore.getState().toggleFilter('industries', industry);
  const expected = placesFor(dataset, { ...EMPTY_FILTERS, industries: [industry] }, '').places.map((f) => f.id);
  await expect.poll(() => listedIds().slice(0, ROW_CHUNK)).toEqual(expected.slice(0, ROW_CHUNK));
  // The same button, now another place: still focused, hovered on the map, and the list's tab stop.
  expect(document.activeElement).toBe(rows()[0]);
  expect(rows()[0].dataset.id).toBe(expected[0]);
  await expect.poll(() => useAppStore.getState().hoverId).toBe(expected[0]);
  expect(rows()[0].tabIndex).toBe(0);
  expect(rows().filter((b) => b.tabIndex === 0)).toHaveLength(1);
});

test('the list builds its rows as the reader comes to them: by scrolling, by keyboard, and past the first page once asked', async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const all = placesFor(dataset, EMPTY_FILTERS, '').places.map((f) => f.id);
  expect(all.length).toBeGreaterThan(100);
  const rows = () => [...document.querySelectorAll<HTMLButtonElement>('[data-testid="result-list"] button.result')];
  await settledListIds();
  // A first chunk, and more only as far as the sidebar shows (1366×800: short of the page's 50).
  expect(rows().length).toBeGreaterThanOrEqual(ROW_CHUNK);
  expect(rows().length).toBeLessThan(50);
  expect(listedIds()).toEqual(all.slice(0, rows().length));
  // Scrolling down builds the rest of the first page, and no further.
  for (let i = 0; i < 5; i++) {
    rows().at(-1)!.scrollIntoView();
    await new Promise((r) => setTimeout(r, 100));
  }
  await expect.poll(() => rows().length).toBe(50);
  const showAll = page.getByRole('button', { name: `Show all (${all.length - 50})` });
  await expect.element(showAll).toBeVisible();
  // The keyboard: End is the page's last row; ArrowDown goes no further.
  rows()[0].scrollIntoView();
  rows()[0].focus();
  await userEvent.keyboard('{End}');
  expect(document.activeElement).toBe(rows()[49]);
  await userEvent.keyboard('{ArrowDown}');
  expect(document.activeElement).toBe(rows()[49]);
  // "Show all": the focus goes on to the first row past the page, and the list goes on.
  await showAll.click();
  await expect.poll(() => document.activeElement?.getAttribute('data-id')).toBe(all[50]);
  await expect.element(showAll).not.toBeInTheDocument();
  // Down past the last row built, and End a page at a time, to the last place.
  const built = rows().length;
  rows()[built - 1].focus();
  await userEvent.keyboard('{ArrowDown}');
  expect(document.activeElement?.getAttribute('data-id')).toBe(all[built]);
  for (let i = 0; i < Math.ceil(all.length / 50) && rows().length < all.length; i++) await userEvent.keyboard('{End}');
  expect(listedIds()).toEqual(all);
  expect(document.activeElement?.getAttribute('data-id')).toBe(all.at(-1));
});

test('on a wide screen the legend starts open with the kinds drawn; the planner closes it, the explorer opens it again', async () => {
  await page.viewport(1700, 900);
  try {
    await mountApp('?lang=en');
    await datasetLoaded();
    const legend = () => document.querySelector<HTMLDetailsElement>('[data-testid="legend"]')!;
    await expect.poll(() => legend()?.open).toBe(true);
    await expect.poll(() => legend().querySelectorAll('li').length).toBeGreaterThan(1);
    // The planner's map is narrow beside its workspace.
    await page.getByRole('button', { name: 'Compare plans' }).click();
    await expect.poll(() => legend().open).toBe(false);
    await page.getByRole('button', { name: 'Explore' }).click();
    await expect.poll(() => legend().open).toBe(true);
    // Closed by hand, it stays closed while the list changes.
    await page.getByText('Legend', { exact: true }).click();
    expect(legend().open).toBe(false);
    useAppStore.getState().setQuery('Xiamen');
    await expect.poll(() => listedIds().length).toBeLessThan(useAppStore.getState().dataset!.features.length);
    expect(legend().open).toBe(false);
  } finally {
    await page.viewport(1366, 800);
  }
});

test('a search, and a second one, change the features drawn on the map to the places listed; clearing it draws all', async () => {
  await mountApp('?lang=zh-Hans');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const start = { center: map.getCenter(), zoom: map.getZoom() };
  const rendered = () => drawnPlaceIds(map);
  const all = [...rendered()].sort();
  expect(all.length).toBeGreaterThan(50);
  const box = page.getByRole('searchbox', { name: '搜索地点或产业' });
  // The search's places reach the layers as the map's global state (SEARCH_HITS_STATE), not as
  // a filter: a new search changes only that state.
  for (const query of ['石化', '厦门']) {
    await userEvent.fill(box, query);
    const listed = await settledListIds();
    expect(listed.length).toBeGreaterThan(0);
    // The list's rows are the first of the search's places (it builds more as the reader scrolls).
    const found = placesFor(dataset, EMPTY_FILTERS, query).places.map((f) => f.id);
    expect(listed).toEqual(found.slice(0, listed.length));
    expect(await listedCount()).toBe(found.length);
    await idleMap({ plan: true });
    await expect.poll(() => [...rendered()].sort()).toEqual([...found].sort());
  }
  await userEvent.clear(box);
  await expect
    .poll(() => document.getElementById('results-heading')?.textContent)
    .toContain(String(dataset.features.length));
  // Back at the first view (the searches moved the camera to their places).
  map.jumpTo(start);
  await idleMap({ plan: true });
  await expect.poll(() => [...rendered()].sort()).toEqual(all);
});

test('a copied URL opens the same selection, filters and language in a fresh page', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  await page.getByRole('button', { name: 'EN' }).click();
  await page.getByText('Filters', { exact: true }).click();
  await page.getByRole('checkbox', { name: /^Logistics/ }).click();
  await page.getByRole('checkbox', { name: /Free trade zone area/ }).click();
  await expect.poll(() => listedIds().length).toBeGreaterThan(0);
  const target = (await settledListIds())[0];
  await page.getByTestId('result-list').getByRole('button').first().click();
  await expect.poll(() => new URLSearchParams(location.search).get('sel')).toBe(target);
  const copied = location.search;
  const before = listedIds();

  await unmountApp();
  await mountApp(copied);
  await datasetLoaded();
  const s = useAppStore.getState();
  expect(s.lang).toBe('en');
  expect(s.filters.industries).toEqual(['logistics']);
  expect(s.filters.kinds).toEqual(['ftz_area']);
  expect(s.selectedId).toBe(target);
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  await expect.poll(() => listedIds()).toEqual(before);
  await expect.element(page.getByRole('heading', { name: 'Fujian planned industrial locations' })).toBeVisible();
});

test('back and forward restore earlier selections', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  await page
    .getByRole('button', { name: /^福州市/ })
    .first()
    .click();
  await expect.poll(() => useAppStore.getState().selectedId).toBe('fuzhou');
  await page
    .getByRole('button', { name: /^厦门市/ })
    .first()
    .click();
  await expect.poll(() => useAppStore.getState().selectedId).toBe('xiamen');
  history.back();
  await expect.poll(() => useAppStore.getState().selectedId).toBe('fuzhou');
  history.forward();
  await expect.poll(() => useAppStore.getState().selectedId).toBe('xiamen');
});

test('English shows English names; 繁體 shows converted text and the clause as written', async () => {
  await mountApp('?lang=zh-Hans&sel=gulei-taiwan-petrochemical-park');
  await datasetLoaded();
  await page.getByRole('button', { name: 'EN' }).click();
  const panel = page.getByTestId('detail-panel');
  await expect
    .element(panel.getByRole('heading', { name: 'Gulei Taiwan Petrochemical Industrial Park' }))
    .toBeVisible();
  await expect.element(panel.getByText('Petrochemicals', { exact: true }).first()).toBeVisible();
  await expect.element(panel.getByText('Zhangpu', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '繁體' }).click();
  await expect.element(panel.getByRole('heading', { name: '古雷臺灣石化工業園' })).toBeVisible();
  await expect.element(panel.getByText('石油化工', { exact: true }).first()).toBeVisible();
  // The converted clause, and the clause exactly as the document writes it.
  await expect.element(panel.getByText('加快推進閩臺合作建設古雷石化園區', { exact: false }).first()).toBeVisible();
  await expect.element(panel.getByText('加快推进闽台合作建设古雷石化园区', { exact: false }).first()).toBeVisible();
  await expect.element(page.getByRole('heading', { name: '福建規劃產業佈局' })).toBeVisible();
  expect(localStorage.getItem('fujian-plan-map:lang')).toBe('zh-Hant');
});

test('the result list is a keyboard alternative to the map', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  const first = page.getByRole('button', { name: /^福州市/ }).first();
  await expect.element(first).toBeVisible();
  (first.element() as HTMLElement).focus();
  await userEvent.keyboard('{ArrowDown}');
  const second = (await settledListIds())[1];
  expect((document.activeElement as HTMLElement).dataset.id).toBe(second);
  expect(useAppStore.getState().hoverId).toBe(second);
  await userEvent.keyboard('{Enter}');
  await expect.poll(() => useAppStore.getState().selectedId).toBe(second);
});

test('places that share one point offer a chooser, in 繁體 for a 繁體 reader', async () => {
  await mountApp('?lang=zh-Hant');
  const dataset = await datasetLoaded();
  // The 繁體 converter has loaded once the UI shows converted text.
  await expect.element(page.getByRole('heading', { level: 1 })).toHaveTextContent('福建規劃');
  // The county seat with the most places drawn on that one point.
  const { lngLat, ids } = busiestPoint(dataset.features);
  expect(ids.length).toBeGreaterThan(1);
  const map = await idleMap({ plan: true });
  map.jumpTo({ center: lngLat, zoom: 10 });
  await idleMap({ plan: true });
  clickMapAt(map, lngLat);

  await expect.element(page.getByText(`此處有 ${ids.length} 個地點`)).toBeVisible();
  const names = [...document.querySelectorAll('.maplibregl-popup .popup__list button:not(.shortlist-toggle)')].map(
    (b) => b.textContent,
  );
  expect(names.sort()).toEqual(ids.map((id) => dataset.byId.get(id)!.name_zh_hant).sort());
  const chosen = dataset.byId.get(ids[0])!;
  await page.getByRole('button', { name: chosen.name_zh_hant, exact: true }).first().click();
  await expect
    .element(page.getByTestId('detail-panel').getByRole('heading', { name: chosen.name_zh_hant }))
    .toBeVisible();
});

test("counts of a thousand places and more are written with separators, as the map's bubbles write them", async () => {
  // The real table, each row eleven times over (new ids): 2,035 places, 1,067 of them in one document.
  const restore = serveRepeatedTable(11);
  try {
    await mountApp('?lang=en');
    const dataset = await datasetLoaded();
    expect(dataset.problems).toEqual([]);
    expect(dataset.features.length).toBe(2035);
    await expect.element(page.getByRole('heading', { name: '2,035 places' })).toBeVisible();
    await expect.element(page.getByRole('button', { name: 'Show all (1,985)' })).toBeVisible();
    // The filter panel's counts too.
    await page.getByText('Filters', { exact: true }).click();
    const counts = (name: string) =>
      [...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)].map(
        (box) => box.closest('label')!.querySelector('.count')!.textContent!,
      );
    const docCounts = counts('docs');
    expect(docCounts.some((c) => /^\d{1,3}(,\d{3})+$/.test(c))).toBe(true);
    expect(docCounts.every((c) => /^\d{1,3}(,\d{3})*$/.test(c))).toBe(true);
    // Every place has one kind: the kinds' counts, read back, add up to the list's.
    expect(counts('kinds').reduce((n, c) => n + Number(c.replace(/,/g, '')), 0)).toBe(2035);
  } finally {
    restore();
  }
});
