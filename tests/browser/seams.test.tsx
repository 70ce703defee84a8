// Seams a real user crosses (issue: seams), each item at the viewport where it was seen. Every test
// is named after its item.
import { afterEach, expect, test } from 'vitest';
import { EMPTY_FILTERS } from '../../src/data/query.ts';
import { useAppStore } from '../../src/state/store.ts';
import { placesFor } from '../../src/state/use-places.ts';
import { ROW_CHUNK } from '../../src/features/explorer/ResultList.tsx';
import { INTERACTIVE_LAYERS, OUTLINE_LAYERS } from '../../src/map-style/plan-layers.ts';
import { page, userEvent } from 'vitest/browser';
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
import { answerTable, holdTable } from './support/table-fetch.ts';

afterEach(unmountApp);

const PHONE = { width: 390, height: 844 };
const CJK = /[\u4e00-\u9fff]/;

test('12. notes and facts: a note is Chinese in 简体 and 繁體; a county the text does not state is "not stated"', async () => {
  await mountApp('?lang=zh-Hant&sel=xiamen-auto-city');
  const dataset = await datasetLoaded();
  const f = await textedPlace('xiamen-auto-city');
  expect(dataset.byId.get(f.id)!.precision).toBe('point_prefecture_seat');
  const panel = page.getByTestId('detail-panel');
  await expect.element(panel).toBeVisible();
  await expect.element(page.getByTestId('county-not-stated')).toHaveTextContent('文件未寫明');
  expect(panel.element().textContent).not.toContain('思明');
  // The note comes with the place's texts.
  await expect.poll(() => panel.element().querySelector('.detail__note')).not.toBeNull();
  const note = panel.element().querySelector('.detail__note')!;
  expect(note.getAttribute('lang')).toBe('zh-Hant');
  expect(note.textContent).toMatch(CJK);
  expect(note.textContent).not.toContain(f.note!.slice(0, 30));

  await mountApp('?lang=zh-Hans&sel=gulei-taiwan-petrochemical-park', PHONE);
  const gulei = await textedPlace('gulei-taiwan-petrochemical-park');
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  await expect.poll(() => document.querySelector('.detail__note')?.textContent).toBe(gulei.note_zh);

  await mountApp('?lang=en&sel=xiamen-auto-city');
  await datasetLoaded();
  await expect.element(page.getByTestId('county-not-stated')).toHaveTextContent('Not stated in the documents');
  await expect.poll(() => document.querySelector('.detail__note')?.textContent).toBe(f.note);
});

test('EN: every clause of a place shows the project translation below the original, labelled as such', async () => {
  await mountApp('?lang=en&sel=gulei-taiwan-petrochemical-park');
  const f = await textedPlace('gulei-taiwan-petrochemical-park');
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  await expect
    .poll(() => document.querySelectorAll('[data-testid="detail-panel"] .clause-card').length)
    .toBe(f.sources.length);
  const cards = [...document.querySelectorAll('[data-testid="detail-panel"] .clause-card')];
  cards.forEach((card, i) => {
    const original = card.querySelector('blockquote[lang="zh-Hans"]')!;
    const translation = card.querySelector('[data-testid="clause-translation"]')!;
    expect(original.textContent).toContain(f.sources[i].quote);
    expect(translation.textContent).toContain(f.sources[i].quote_en);
    expect(translation.textContent).toMatch(/project's translation, not the document's text/);
    // Below the original.
    expect(original.compareDocumentPosition(translation) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
  // Not shown to Chinese readers (they read the original).
  await mountApp('?lang=zh-Hans&sel=gulei-taiwan-petrochemical-park');
  await datasetLoaded();
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  expect(document.querySelector('[data-testid="clause-translation"]')).toBeNull();
});

test('6. places sharing one point: the stack shows its count; the chosen place is the one drawn and labelled there', async () => {
  await mountApp('?lang=en&kind=export_base');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const bases = dataset.features.filter((f) => f.kind === 'export_base' && f.point !== null);
  expect(bases.length).toBeGreaterThan(10);
  await expect.poll(listedCount).toBe(dataset.features.filter((f) => f.kind === 'export_base').length);
  await idleMap({ plan: true });
  // Every listed point is either drawn alone or counted in a badge: the badges and lone points add up.
  const badges = () => {
    const seen = new Map<string, number>();
    for (const b of map.querySourceFeatures('plan-stacks'))
      seen.set(String(b.properties.ids), Number(b.properties.count));
    return seen;
  };
  await expect.poll(() => badges().size).toBeGreaterThan(0);
  const byPoint = new Map<string, string[]>();
  for (const f of bases) {
    const key = f.point!.map((c) => c.toFixed(5)).join(',');
    byPoint.set(key, [...(byPoint.get(key) ?? []), f.id]);
  }
  const stacked = [...byPoint.values()].filter((ids) => ids.length > 1);
  expect([...badges().values()].sort()).toEqual(stacked.map((ids) => ids.length).sort());
  const counted = [...badges().values()].reduce((a, b) => a + b, 0);
  const alone = [...byPoint.values()].filter((ids) => ids.length === 1).length;
  expect(counted + alone).toBe(bases.length);
  // The badge text is drawn.
  expect(map.queryRenderedFeatures({ layers: ['plan-stack-count'] }).length).toBeGreaterThan(0);

  // Choosing one place of a stack draws and labels that place over the others.
  const ids = stacked.sort((a, b) => b.length - a.length)[0];
  const chosen = dataset.byId.get(ids[ids.length - 1])!;
  await mountApp(`?lang=en&sel=${chosen.id}`);
  await datasetLoaded();
  const m2 = await idleMap({ plan: true });
  await expect.poll(() => m2.getLayer('plan-selected-label') !== undefined).toBe(true);
  await idleMap({ plan: true });
  const labels = m2.queryRenderedFeatures({ layers: ['plan-selected-label'] }).map((f) => f.properties.id);
  expect(labels).toEqual([chosen.id]);
});

test('6. the chooser of a shared point is drawn above the legend, not under it', async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const { lngLat } = busiestPoint(dataset.features);
  const [lng, lat] = lngLat;
  const map = await idleMap({ plan: true });
  // Put the point where the legend is (top left of the map).
  const legend = page.getByTestId('legend').element().getBoundingClientRect();
  const canvas = map.getCanvas().getBoundingClientRect();
  map.jumpTo({ center: [lng, lat], zoom: 10 });
  await idleMap({ plan: true });
  const at = map.project([lng, lat]);
  map.panBy([at.x - (legend.left - canvas.left + 30), at.y - (legend.top - canvas.top + 30)], { duration: 0 });
  await idleMap({ plan: true });
  clickMapAt(map, lngLat);
  await expect.element(page.getByText(/places here/)).toBeVisible();
  const button = document.querySelector<HTMLElement>('.maplibregl-popup .popup__list button')!;
  const r = button.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
  expect(button.contains(top)).toBe(true);
});

test('7. prefectures among the results are drawn as results: outlined, each listed one on the map', async () => {
  await mountApp('?lang=zh-Hant&ind=automobile');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const listed = await settledListIds();
  const prefectures = listed.filter((id) => dataset.byId.get(id)!.kind === 'prefecture');
  expect(prefectures.length).toBeGreaterThan(1);
  await idleMap({ plan: true });
  // Whole prefectures are drawn from the basemap's outlines of them (the tiles do not repeat them).
  const drawn = drawnPlaceIds(map, [OUTLINE_LAYERS.line]);
  for (const id of prefectures) expect(drawn.has(id), id).toBe(true);
  // Drawn distinctly: a prefecture's outline is as strong as any other place's, not a hairline.
  type Painted = { paint: { get: (k: string) => { evaluate: (f: unknown, s: unknown) => number } } };
  const outline = map.getLayer(OUTLINE_LAYERS.line) as unknown as Painted;
  const line = map.getLayer('plan-area-line') as unknown as Painted;
  const code = dataset.byId.get(prefectures[0])!.outline!;
  const prefectureWidth = outline.paint.get('line-width').evaluate({ type: 2, properties: { code } }, {});
  const parkWidth = line.paint
    .get('line-width')
    .evaluate({ type: 2, properties: { kind: 'specialised_park', approx: false } }, {});
  expect(prefectureWidth).toBeGreaterThanOrEqual(parkWidth);
});

test('8. unchecking the last filter keeps the filter panel open and returns to the Fujian start view', async () => {
  await mountApp('?lang=zh-Hans');
  await datasetLoaded();
  const map = await idleMap({ plan: true });
  const start = map.getBounds();
  await page.getByText('筛选', { exact: true }).click();
  const box = page.getByRole('checkbox', { name: /^石油化工/ });
  await box.click();
  await expect.poll(() => listedIds().length).toBeGreaterThan(0);
  await idleMap({ plan: true });
  await box.click();
  await settledListIds();
  await idleMap({ plan: true });
  expect(document.querySelector<HTMLDetailsElement>('details.filters')!.open).toBe(true);
  // Back at Fujian, not zoomed out to everything (Shandong included). The fit starts in an effect
  // after the list has caught up, so the map can still be idle at the old view for a moment: wait
  // for where the camera ends, not for the first idle.
  const startLat = start.getCenter().lat;
  await expect.poll(() => Math.abs(map.getCenter().lat - startLat), { timeout: 5000 }).toBeLessThan(1);
  await idleMap({ plan: true });
  expect(map.getBounds().getNorth()).toBeLessThan(31);
  expect(Math.abs(map.getCenter().lat - startLat)).toBeLessThan(1);
  // Clearing a search does the same.
  await userEvent.type(page.getByRole('searchbox'), '汽车');
  await expect.poll(() => listedIds().length).toBeGreaterThan(0);
  await userEvent.clear(page.getByRole('searchbox'));
  await settledListIds();
  await expect.poll(() => Math.abs(map.getCenter().lat - startLat), { timeout: 5000 }).toBeLessThan(1);
  await idleMap({ plan: true });
  expect(map.getBounds().getNorth()).toBeLessThan(31);
});

test('9. keyboard: Escape closes the place panel; closing the reader gives focus back to its link', async () => {
  await mountApp('?lang=en&sel=gulei-taiwan-petrochemical-park');
  await datasetLoaded();
  const panel = page.getByTestId('detail-panel');
  await expect.element(panel).toBeVisible();
  const link = panel.getByRole('button', { name: /Read in the document/ }).first();
  // The clauses come with the place's text file, after the panel: wait for the link.
  await expect.element(link).toBeVisible();
  (link.element() as HTMLElement).focus();
  await userEvent.keyboard('{Enter}');
  await expect.element(page.getByRole('dialog')).toBeVisible();
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => document.querySelector('[role="dialog"]')).toBeNull();
  // The reader closed, the place stays, and focus is back on the link.
  await expect.element(panel).toBeVisible();
  await expect.poll(() => document.activeElement?.textContent ?? '').toMatch(/Read in the document/);
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => document.querySelector('[data-testid="detail-panel"]')).toBeNull();
});

test('10. a site of your own over a plan place: one click opens one popup', async () => {
  await mountApp('?lang=en');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  const place = dataset.features.find((f) => f.point !== null)!;
  const [lng, lat] = place.point!;
  const { parseUserLayer } = await import('../../src/features/own-layer/parse/index.ts');
  const result = parseUserLayer('mine.csv', `name,lon,lat\nMy site,${lng},${lat}\n`, 'en');
  if (!result.ok) throw new Error(result.message);
  const { useAppStore } = await import('../../src/state/store.ts');
  useAppStore.getState().setUserLayer(result.layer);
  await idleMap({ plan: true });
  map.jumpTo({ center: [lng, lat], zoom: 11 });
  await idleMap({ plan: true });
  const pt = map.project([lng, lat]);
  expect(map.queryRenderedFeatures(pt, { layers: ['user-points'] }).length).toBe(1);
  expect(map.queryRenderedFeatures(pt, { layers: ['plan-points'] }).length).toBeGreaterThan(0);
  clickMapAt(map, [lng, lat]);
  await expect.element(page.getByText('My site')).toBeVisible();
  expect(document.querySelectorAll('.maplibregl-popup').length).toBe(1);
  expect(useAppStore.getState().selectedId).toBeNull();
});

const inViewport = (el: Element) => {
  const r = el.getBoundingClientRect();
  return r.top < window.innerHeight && r.bottom > 0 && r.height > 0;
};
/** The element drawn on top at the centre of `el`. */
const onTop = (el: Element) => {
  const r = el.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 40));
  return top !== null && el.contains(top);
};

test('1. phone: the reader comes in front of the place panel with its clause in view; closing returns to the place', async () => {
  await mountApp('?lang=zh-Hant&sel=gulei-taiwan-petrochemical-park', PHONE);
  const dataset = await datasetLoaded();
  const panel = page.getByTestId('detail-panel');
  await expect.element(panel).toBeVisible();
  await panel
    .getByRole('button', { name: /在原文中閱讀/ })
    .first()
    .click();
  const reader = page.getByRole('dialog');
  await expect.element(reader).toBeVisible();
  await expect.element(page.getByTestId('current-clause')).toBeVisible();
  expect(onTop(reader.element())).toBe(true);
  await expect.poll(() => inViewport(page.getByTestId('current-clause').element())).toBe(true);
  await reader.getByRole('button', { name: '關閉' }).click();
  await expect.element(panel).toBeVisible();
  expect(onTop(panel.element())).toBe(true);

  // A shared link with read= on a phone: the reader is in front too.
  const f = dataset.byId.get('gulei-taiwan-petrochemical-park')!;
  const c = f.sources[0];
  await mountApp(`?lang=zh-Hant&sel=${f.id}&read=${c.doc}&clause=${c.start}-${c.end}`, PHONE);
  await datasetLoaded();
  await expect.element(page.getByTestId('current-clause')).toBeVisible();
  expect(onTop(page.getByRole('dialog').element())).toBe(true);
});

test('2. planner: a matrix number brings its places into view and rings them on the map', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=matrix');
  const dataset = await datasetLoaded();
  const map = await idleMap({ plan: true });
  await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
  const detail = page.getByTestId('cell-detail');
  await expect.element(detail).toBeVisible();
  await expect.poll(() => inViewport(detail.element())).toBe(true);
  const ids = [...detail.element().querySelectorAll<HTMLElement>('[data-id]')].map((e) => e.dataset.id!);
  await idleMap({ plan: true });
  const ringed = new Set(
    map
      .queryRenderedFeatures({ layers: ['plan-highlight-points', 'plan-highlight-areas'] })
      .map((f) => String(f.properties.id)),
  );
  const expected = dataset.features
    .filter((f) => f.industryRollup.includes('equipment') && f.prefecture.includes('350600'))
    .map((f) => f.id);
  expect([...ringed].sort()).toEqual(expected.sort());
  if (ids.length) expect(ids.sort()).toEqual(expected.sort());

  // Across plans too.
  await mountApp('?lang=zh-Hans&mode=planner&tab=plans');
  await datasetLoaded();
  await idleMap({ plan: true });
  const first = document.querySelector<HTMLButtonElement>('[data-testid="plans"] .cell-button')!;
  first.click();
  await expect.element(page.getByTestId('cell-detail')).toBeVisible();
  await expect.poll(() => inViewport(page.getByTestId('cell-detail').element())).toBe(true);
});

test("3. planner: opening a place from a cell's list leaves the map room", async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=matrix');
  await datasetLoaded();
  await idleMap({ plan: true });
  await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
  const detail = page.getByTestId('cell-detail');
  await expect.element(detail).toBeVisible();
  await detail.getByRole('button').filter({ hasText: /./ }).nth(1).click();
  await expect.element(page.getByTestId('detail-panel')).toBeVisible();
  // Once the layout has settled (the panel's texts arrive after it opens).
  await expect.poll(() => page.getByTestId('map').element().getBoundingClientRect().width).toBeGreaterThanOrEqual(360);
});

test('4. planner: the map follows the workspace (choropleth in its tab only, compared regions outlined, the province shown)', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=choropleth&choro=equipment');
  await datasetLoaded();
  const map = await idleMap({ plan: true });
  await expect.poll(() => map.getLayer('choropleth-fill') !== undefined).toBe(true);
  await page.getByRole('tab', { name: /矩阵/ }).click();
  await expect.poll(() => map.getLayer('choropleth-fill')).toBeUndefined();

  await mountApp('?lang=zh-Hans&mode=planner&tab=compare&cmp=pref:350200,pref:350600');
  const dataset = await datasetLoaded();
  const m2 = await idleMap({ plan: true });
  await expect.poll(() => m2.getLayer('compared-regions') !== undefined).toBe(true);
  // The map fits the compared outlines: both prefectures whole, and not all of Fujian.
  const outlines = dataset.features.filter(
    (f) => f.kind === 'prefecture' && ['350200', '350600'].some((c) => f.prefecture.includes(c)),
  );
  expect(outlines).toHaveLength(2);
  const showsWhole = () =>
    outlines.every((f) => {
      const b = m2.getBounds();
      return b.contains([f.bbox[0], f.bbox[1]]) && b.contains([f.bbox[2], f.bbox[3]]);
    });
  // A 500 ms fit under SwiftShader on a loaded 2-core CI machine can take seconds of frames.
  await expect.poll(showsWhole, { timeout: 15_000 }).toBe(true);
  await idleMap({ plan: true });
  expect(showsWhole()).toBe(true);
  expect(m2.getBounds().getNorth()).toBeLessThan(26.5);
  const outlined = new Set(
    m2.queryRenderedFeatures({ layers: ['compared-regions'] }).map((f) => String(f.properties.code)),
  );
  expect([...outlined].sort()).toEqual(['350200', '350600']);

  await mountApp('?lang=zh-Hans&mode=planner&tab=matrix&prov=370000');
  await datasetLoaded();
  const m3 = await idleMap({ plan: true });
  // Shandong lies north of 34°N; the map shows it, not southern Fujian.
  await expect.poll(() => m3.getCenter().lat, { timeout: 10_000 }).toBeGreaterThan(34);
});

test('5. the overlap report takes one province at a time, and quotes the Fujian clause only for Fujian', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=overlap&th=2');
  const dataset = await datasetLoaded();
  await expect.element(page.getByTestId('overlap')).toBeVisible();
  const places = () =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="overlap"] li[data-id]')].map((li) => li.dataset.id!);
  expect(places().length).toBeGreaterThan(0);
  for (const id of places()) expect(dataset.byId.get(id)!.province).toBe('350000');
  expect(document.querySelector('[data-testid="problem-clause"]')).not.toBeNull();
  // The plan's own diagnosis opens in the reader at its place in the document (no place cites it,
  // so the button once never showed).
  await page.getByTestId('problem-clause').getByRole('button', { name: '在原文中阅读' }).click();
  await expect.poll(() => useAppStore.getState().reader).toMatchObject({ doc: '000_4ffd1604a693d041', start: 8139 });
  await expect
    .poll(() => [...document.querySelectorAll('[data-testid="current-clause"]')].map((m) => m.textContent).join(''))
    .toBe('各市在吸收外资中各自为战，同质化、低层次竞争现象仍很突出，区域经济协同发展的意识亟待加强。');
  useAppStore.getState().openReader(null);
  await page.getByRole('combobox', { name: '省份', exact: true }).selectOptions('370000');
  await expect.poll(() => places().every((id) => dataset.byId.get(id)!.province === '370000')).toBe(true);
  expect(document.querySelector('[data-testid="problem-clause"]')).toBeNull();
  // An out-of-range threshold is clamped, and the page says so.
  const input = page.getByRole('spinbutton');
  await userEvent.clear(input);
  await userEvent.type(input, '1000');
  await expect.element(page.getByTestId('threshold-clamped')).toHaveTextContent('999');
});

test('11. the PNG export is print-ready: at least 2,000 px, at twice the screen, its legend below the map', async () => {
  await mountApp('?lang=en&mode=planner&tab=export&ind=logistics');
  await datasetLoaded();
  const map = await idleMap({ plan: true });
  const files: Promise<Blob>[] = [];
  const onClick = (e: MouseEvent) => {
    const a = e.target as HTMLAnchorElement;
    if (a.tagName === 'A' && a.download.endsWith('.png')) files.push(fetch(a.href).then((r) => r.blob()));
  };
  document.addEventListener('click', onClick, true);
  await page.getByRole('button', { name: /PNG/ }).click();
  await expect.poll(() => files.length, { timeout: 20_000 }).toBe(1);
  document.removeEventListener('click', onClick, true);
  const bitmap = await createImageBitmap(await files[0]);
  const css = map.getCanvas().getBoundingClientRect();
  expect(Math.max(bitmap.width, bitmap.height)).toBeGreaterThanOrEqual(2000);
  const ratio = bitmap.width / css.width;
  expect(ratio).toBeGreaterThanOrEqual(2 * (window.devicePixelRatio || 1) - 0.01);
  // The caption is below the map: the image is taller than the map drawn at that ratio...
  expect(bitmap.height).toBeGreaterThan(css.height * ratio + 100);
  // ...and nothing white is laid over the map's top-left corner (the old legend box).
  const probe = document.createElement('canvas');
  probe.width = bitmap.width;
  probe.height = bitmap.height;
  const ctx = probe.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  const [r, g, b] = ctx.getImageData(Math.round(40 * ratio), Math.round(40 * ratio), 1, 1).data;
  expect(r + g + b).toBeLessThan(3 * 250);
});

test("13. words typed in the search box while the data load are kept: neither replaced by the link's nor run into them", async () => {
  // The attribute table is held back until the person has typed.
  const { release, restore } = holdTable();
  try {
    await mountApp('?lang=en&q=Gulei');
    const box = page.getByRole('searchbox');
    // The link's words are in the box from the first render, before the data.
    await expect.element(box).toHaveValue('Gulei');
    expect(useAppStore.getState().dataset).toBeNull();
    await userEvent.fill(box, 'Xiamen');
    release();
    const dataset = await datasetLoaded();
    const expected = placesFor(dataset, EMPTY_FILTERS, 'Xiamen').places.map((f) => f.id);
    expect(expected.length).toBeGreaterThan(0);
    // The list's first rows (it builds more as the reader comes to them).
    await expect.poll(() => listedIds().slice(0, ROW_CHUNK)).toEqual(expected.slice(0, ROW_CHUNK));
    await expect.element(box).toHaveValue('Xiamen');
    expect(new URLSearchParams(location.search).get('q')).toBe('Xiamen');
  } finally {
    restore();
  }
});

test('14. a link that searches draws no place until its search can be applied, then only the places it finds', async () => {
  const table = holdTable();
  let restore = table.restore;
  try {
    await mountApp('?lang=en&q=Gulei');
    const map = await idleMap();
    await expect.poll(() => map.getLayer(INTERACTIVE_LAYERS[0]) !== undefined).toBe(true);
    await idleMap();
    // The tiles are in, the table is not: every place would be drawn, not the link's.
    expect(useAppStore.getState().dataset).toBeNull();
    expect([...drawnPlaceIds(map)]).toEqual([]);
    expect(map.queryRenderedFeatures({ layers: INTERACTIVE_LAYERS.filter((id) => map.getLayer(id)) })).toEqual([]);
    // ...and the map pane says it is not done.
    expect(map.getContainer().getAttribute('aria-busy')).toBe('true');
    table.release();
    const dataset = await datasetLoaded();
    const found = new Set(placesFor(dataset, EMPTY_FILTERS, 'Gulei').places.map((f) => f.id));
    await idleMap({ plan: true });
    const drawn = [...drawnPlaceIds(map)];
    expect(drawn.length).toBeGreaterThan(0);
    expect(drawn.filter((id) => !found.has(id))).toEqual([]);

    // A table that cannot be had applies no link: the tiles' places are drawn, and the pane is done.
    restore();
    restore = answerTable(async () => new Response('gone', { status: 404 }));
    await mountApp('?lang=en&q=Gulei');
    await expect.poll(() => useAppStore.getState().loadError).not.toBeNull();
    const again = await idleMap();
    await expect.poll(() => again.getContainer().getAttribute('aria-busy')).toBe('false');
    await idleMap();
    expect(drawnPlaceIds(again).size).toBeGreaterThan(found.size);
  } finally {
    restore();
  }
});
