// What a planner does: compare layouts, find overlaps, export, and bring their own sites.
import { afterEach, expect, test } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import Papa from 'papaparse';
import { EMPTY_FILTERS, matchesFilters } from '../../src/data/query.ts';
import { HIGHLIGHT_LAYERS } from '../../src/map-style/plan-layers.ts';
import { useAppStore } from '../../src/state/store.ts';
import { serveRepeatedTable } from './support/table-fetch.ts';
import {
  clickMapAt,
  datasetLoaded,
  drawnPlaceIds,
  idleMap,
  listedIds,
  mountApp,
  textedPlace,
  unmountApp,
} from './support/app.tsx';

afterEach(unmountApp);

const explorerIds = (filters: Partial<typeof EMPTY_FILTERS>) =>
  useAppStore
    .getState()
    .dataset!.features.filter((f) => matchesFilters(f, { ...EMPTY_FILTERS, ...filters }))
    .map((f) => f.id);

/** Captures what the app downloads: the file name and the text of the blob behind the link. */
function captureDownloads() {
  const files: { name: string; text: Promise<string>; bytes: Promise<ArrayBuffer> }[] = [];
  const onClick = (e: MouseEvent) => {
    const a = e.target as HTMLAnchorElement;
    if (a.tagName === 'A' && a.download) {
      const blob = fetch(a.href).then((r) => r.blob());
      files.push({ name: a.download, text: blob.then((b) => b.text()), bytes: blob.then((b) => b.arrayBuffer()) });
    }
  };
  document.addEventListener('click', onClick, true);
  return { files, stop: () => document.removeEventListener('click', onClick, true) };
}

test('the matrix covers the nine prefectures and every group; its counts equal the explorer filter', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=matrix');
  const dataset = await datasetLoaded();
  const table = page.getByTestId('matrix');
  await expect.element(table).toBeVisible();
  const heads = [...document.querySelectorAll('[data-testid="matrix"] thead th[data-column]')].map(
    (th) => th.textContent,
  );
  expect(heads).toEqual(['福州市', '厦门市', '莆田市', '三明市', '泉州市', '漳州市', '南平市', '龙岩市', '宁德市']);
  // The map is narrow beside the matrix: its legend starts closed there.
  expect(document.querySelector<HTMLDetailsElement>('[data-testid="legend"]')!.open).toBe(false);
  const groups = [...document.querySelectorAll('[data-testid="matrix"] tbody[data-group]')].map(
    (g) => (g as HTMLElement).dataset.group,
  );
  expect(groups).toEqual(dataset.groups.map((g) => g.id));

  // Every shown number equals what the explorer's filters give.
  for (const row of document.querySelectorAll<HTMLTableRowElement>('[data-testid="matrix"] tr[data-industry]')) {
    for (const cell of row.querySelectorAll<HTMLTableCellElement>('td[data-column]')) {
      const code = cell.dataset.column!.slice('pref:'.length);
      const shown = Number(cell.textContent === '·' ? 0 : cell.textContent);
      expect(shown, `${row.dataset.industry} ${code}`).toBe(
        explorerIds({ industries: [row.dataset.industry!], prefectures: [code] }).length,
      );
    }
  }

  // A cell opens its places; "show on map" gives the explorer the same set.
  await page.getByRole('button', { name: /^装备制造 · 漳州市: \d+$/ }).click();
  await expect.element(page.getByTestId('cell-detail')).toBeVisible();
  await page.getByTestId('cell-detail').getByRole('button', { name: '在地图上显示' }).click();
  await expect
    .poll(() => listedIds().sort())
    .toEqual(explorerIds({ industries: ['equipment'], prefectures: ['350600'] }).sort());
});

test("a link keeps the matrix's province and row order; a sort column the other province lacks falls back to the taxonomy", async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=matrix&prov=370000&sort=total');
  const dataset = await datasetLoaded();
  await expect.element(page.getByTestId('matrix')).toBeVisible();
  const heads = () =>
    [...document.querySelectorAll('[data-testid="matrix"] thead th[data-column]')].map((th) => th.textContent);
  expect(heads()).toEqual(dataset.regions.filter((r) => r.province === '370000').map((r) => r.name_zh));
  // Rows by total, largest first, within each group.
  for (const body of document.querySelectorAll('[data-testid="matrix"] tbody[data-group]')) {
    const totals = [...body.querySelectorAll('tr[data-industry] td.total')].map((td) => Number(td.textContent));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  }
  // Sort by 福州市 in Fujian, then switch to Shandong: no such column there.
  await page.getByRole('combobox', { name: '省份', exact: true }).selectOptions('350000');
  await page.getByRole('button', { name: '福州市', exact: true }).click();
  await expect.poll(() => new URLSearchParams(location.search).get('sort')).toBe('pref:350100');
  await page.getByRole('combobox', { name: '省份', exact: true }).selectOptions('370000');
  await expect.poll(heads).toEqual(dataset.regions.filter((r) => r.province === '370000').map((r) => r.name_zh));
  const firstGroup = document.querySelector('[data-testid="matrix"] tbody[data-group]')!;
  const order = [...firstGroup.querySelectorAll<HTMLTableRowElement>('tr[data-industry]')].map(
    (tr) => tr.dataset.industry,
  );
  const taxonomy = dataset.industries
    .filter((i) => i.group === (firstGroup as HTMLElement).dataset.group)
    .map((i) => i.id);
  expect(order).toEqual(taxonomy);
  expect(document.querySelector('.panel-error')).toBeNull();
});

test('the overlap report lists the same places as the explorer filter for an industry', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=overlap&th=3');
  await datasetLoaded();
  await expect.element(page.getByTestId('overlap')).toBeVisible();
  const item = document.querySelector<HTMLLIElement>('[data-testid="overlap"] li[data-industry="equipment"]')!;
  const listed = [...item.querySelectorAll<HTMLLIElement>('li[data-id]')].map((li) => li.dataset.id!);
  // One province at a time, as the matrix (Fujian unless the link says otherwise).
  const fujian = (id: string) => useAppStore.getState().dataset!.byId.get(id)!.province === '350000';
  expect(listed.sort()).toEqual(
    explorerIds({ industries: ['equipment'] })
      .filter(fujian)
      .sort(),
  );
  for (const li of document.querySelectorAll<HTMLLIElement>('[data-testid="overlap"] > li')) {
    expect(li.querySelectorAll('li[data-id]').length).toBeGreaterThanOrEqual(3);
  }
});

test('an across-plans cell lists exactly the places whose clauses in that document plan the industry', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=plans');
  const dataset = await datasetLoaded();
  await expect.element(page.getByTestId('plans')).toBeVisible();
  // Expected, from the clauses themselves: places with a clause of `doc` that plans `industry`.
  const planned = (industry: string, doc: string) =>
    dataset.features
      .filter((f) => f.sources.some((s) => s.doc === doc && s.industryRollup.includes(industry)))
      .map((f) => f.id);
  const cells = dataset.industries.flatMap((i) =>
    dataset.documents.map((d) => ({
      i,
      d,
      ids: planned(i.id, d.doc),
      map: explorerIds({ industries: [i.id], docs: [d.doc] }),
    })),
  );
  // One with a whole prefecture among its places, which the map rings by the basemap's outline.
  const wider = cells.find(
    (c) => c.ids.length > 0 && c.map.length > c.ids.length && c.ids.some((id) => dataset.byId.get(id)!.outline),
  )!;
  // One with point places, which the map rings.
  const same = cells.find(
    (c) => c.ids.length > 1 && c.map.length === c.ids.length && c.ids.some((id) => dataset.byId.get(id)!.point),
  )!;
  expect(wider).toBeDefined();
  expect(same).toBeDefined();

  let ringed = 0;
  let ringedOutlines = 0;
  for (const c of [wider, same]) {
    await page.getByRole('button', { name: `${c.i.zh} · ${c.d.title_zh}: ${c.ids.length}`, exact: true }).click();
    const detail = page.getByTestId('cell-detail');
    await expect.element(detail).toHaveTextContent(c.i.zh);
    const places = [...detail.element().querySelectorAll<HTMLLIElement>(':scope > ul > li[data-id]')];
    expect(places.map((li) => li.dataset.id).sort()).toEqual([...c.ids].sort());
    // The map rings exactly the cell's point places (the map is moved to show them all).
    const map = await idleMap({ plan: true });
    const points = c.ids.filter((id) => dataset.byId.get(id)!.point);
    ringed += points.length;
    await expect
      .poll(() =>
        [
          ...new Set(map.queryRenderedFeatures({ layers: [HIGHLIGHT_LAYERS.points] }).map((f) => f.properties.id)),
        ].sort(),
      )
      .toEqual(points.sort());
    // ...and its areas: from the tiles, or a whole prefecture's from the basemap's outline of it.
    const areas = c.ids.filter((id) => !dataset.byId.get(id)!.point);
    ringedOutlines += areas.filter((id) => dataset.byId.get(id)!.outline).length;
    await expect
      .poll(() => [...drawnPlaceIds(map, [HIGHLIGHT_LAYERS.areas, HIGHLIGHT_LAYERS.outlines])].sort())
      .toEqual(areas.sort());
    // Every clause shown is one of this document's clauses that plan the industry.
    for (const li of places) {
      const f = await textedPlace(li.dataset.id!);
      const expected = f.sources.filter((s) => s.doc === c.d.doc && s.industryRollup.includes(c.i.id));
      const shown = [...li.querySelectorAll<HTMLLIElement>('li[data-doc]')];
      expect(shown.map((x) => x.dataset.doc)).toEqual(expected.map((s) => s.doc));
      // The quotes come with the places' texts.
      await expect
        .poll(() => shown.map((x) => x.querySelector('q')?.textContent))
        .toEqual(expected.map((s) => s.quote));
    }
  }
  expect(ringed).toBeGreaterThan(0);
  expect(ringedOutlines).toBeGreaterThan(0);
  // The last cell's places are exactly what the explorer filter selects: the map shows them.
  await page.getByTestId('cell-detail').getByRole('button', { name: '在地图上显示' }).click();
  await expect.poll(() => listedIds().sort()).toEqual([...same.ids].sort());

  // A cell where the explorer's filter would select more places offers no map, and says why.
  await mountApp('?lang=zh-Hans&mode=planner&tab=plans');
  await page
    .getByRole('button', { name: `${wider.i.zh} · ${wider.d.title_zh}: ${wider.ids.length}`, exact: true })
    .click();
  const detail = page.getByTestId('cell-detail');
  await expect.element(detail).toHaveTextContent(`多出 ${wider.map.length - wider.ids.length} 个地点`);
  expect(detail.getByRole('button', { name: '在地图上显示' }).query()).toBeNull();
});

test('the choropleth shades prefectures on the map by the number of places for the industry', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=choropleth&choro=equipment');
  await datasetLoaded();
  const map = await idleMap({ plan: true });
  await expect.element(page.getByTestId('choropleth-legend')).toBeVisible();
  await expect.poll(() => map.getLayoutProperty('choropleth-fill', 'visibility')).toBe('visible');
  const shaded = map.queryRenderedFeatures({ layers: ['choropleth-fill'] });
  expect(shaded.length).toBeGreaterThan(0);
  // Zhangzhou plans equipment in several places, so it is shaded, not transparent.
  const color = map.getPaintProperty('choropleth-fill', 'fill-color') as unknown[];
  expect(color).toContain('350600');
});

test('CSV and GeoJSON exports download, re-open and hold the filtered rows', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=export&ind=logistics');
  await datasetLoaded();
  const expected = explorerIds({ industries: ['logistics'] });
  const downloads = captureDownloads();
  await page.getByRole('button', { name: '导出地点 GeoJSON' }).click();
  await page.getByRole('button', { name: /导出地点 CSV/ }).click();
  await page.getByRole('button', { name: '导出对比矩阵 CSV' }).click();
  await expect.poll(() => downloads.files.length).toBe(3);
  downloads.stop();
  const [geo, csv, matrix] = downloads.files;
  expect(geo.name).toMatch(/\.geojson$/);
  const fc = JSON.parse(await geo.text);
  expect(fc.features.map((f: { properties: { id: string } }) => f.properties.id).sort()).toEqual(expected.sort());
  const bytes = new Uint8Array(await csv.bytes);
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM for Excel
  const rows = Papa.parse<Record<string, string>>((await csv.text).replace(/^\uFEFF/, ''), {
    header: true,
    skipEmptyLines: true,
  });
  expect(rows.errors).toEqual([]);
  expect(rows.data.map((r) => r.id).sort()).toEqual(expected.sort());
  const m = Papa.parse<string[]>((await matrix.text).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  expect(m.data[0].slice(0, 3)).toEqual(['group', 'industry_id', 'industry']);
});

test('importing a valid file shows its features; broken, huge and hostile files leave the app as it was', async () => {
  await mountApp('?lang=en&mode=planner&tab=export');
  await datasetLoaded();
  const map = await idleMap({ plan: true });
  const input = page.getByTestId('file-input');
  const message = page.getByTestId('import-message');

  // A valid CSV of the person's own sites.
  const csv = 'name,longitude,latitude\nSite A,118.10,24.50\nSite B,119.30,26.08\n';
  await userEvent.upload(input, new File([csv], 'sites.csv', { type: 'text/csv' }));
  await expect.element(message).toHaveTextContent('Loaded "sites.csv": 2 features');
  await idleMap();
  // Features can repeat across tiles: count distinct sites.
  await expect.poll(() => new Set(map.querySourceFeatures('user-layer').map((f) => f.properties.name)).size).toBe(2);
  expect(map.queryRenderedFeatures({ layers: ['user-points'] }).length).toBeGreaterThan(0);
  const before = useAppStore.getState().userLayer;

  const hostile = JSON.stringify({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { name: '<img src=x onerror="window.__xss=1">', note: '<script>window.__xss=2</script>' },
        geometry: { type: 'Point', coordinates: [118.6, 24.9] },
      },
    ],
  });
  // Broken JSON, chosen with the file picker.
  await userEvent.upload(input, new File(['{"type": "FeatureCollection", "features": [ {'], 'broken.geojson'));
  await expect.element(message).toHaveAttribute('role', 'alert');
  expect(useAppStore.getState().userLayer).toBe(before);
  // A 50 MB file, dropped onto the drop zone (made in the page: too large to hand over from the test runner).
  const dt = new DataTransfer();
  dt.items.add(new File([new Uint8Array(50 * 1024 * 1024)], 'huge.geojson'));
  page
    .getByTestId('dropzone')
    .element()
    .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  await expect.element(message).toHaveTextContent(/huge\.geojson|50|MB/);
  await expect.element(message).toHaveAttribute('role', 'alert');
  expect(useAppStore.getState().userLayer).toBe(before);
  // Script in properties: loaded as data, rendered as text, never run.
  await userEvent.upload(input, new File([hostile], 'hostile.geojson'));
  await expect.element(message).toHaveTextContent('Loaded "hostile.geojson": 1 features');
  await idleMap();
  clickMapAt(map, [118.6, 24.9]);
  await expect.element(page.getByText('<img src=x onerror="window.__xss=1">')).toBeVisible();
  expect(document.querySelector('.maplibregl-popup img, .maplibregl-popup script')).toBeNull();
  expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  expect(useAppStore.getState().dataset!.features.length).toBeGreaterThan(100);
});

test('the matrix CSV holds the province the matrix shows: Shandong shown, Shandong prefectures exported', async () => {
  await mountApp('?lang=zh-Hans&mode=planner&tab=export&prov=370000');
  const dataset = await datasetLoaded();
  const downloads = captureDownloads();
  await page.getByRole('button', { name: '导出对比矩阵 CSV' }).click();
  await expect.poll(() => downloads.files.length).toBe(1);
  downloads.stop();
  const m = Papa.parse<string[]>((await downloads.files[0].text).replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const columns = m.data[0].slice(3, -1);
  const shandong = dataset.regions.filter((r) => r.province === '370000').map((r) => r.name_zh);
  expect(shandong.length).toBeGreaterThan(0);
  expect(columns).toEqual(shandong);
  expect(columns).not.toContain('福州市');
});

test('in 繁體 the planner names the provinces in Traditional characters (山東, not 山东)', async () => {
  await mountApp('?lang=zh-Hant&mode=planner&tab=matrix');
  await datasetLoaded();
  const select = page.getByRole('combobox', { name: /省/ });
  await expect.element(select).toBeVisible();
  const options = [...select.element().querySelectorAll('option')].map((o) => o.textContent);
  expect(options).toContain('山東');
  expect(options).not.toContain('山东');
});

test('KML and GeoPackage exports download the filtered places, named by date', async () => {
  await mountApp('?lang=en&mode=planner&tab=export&ind=logistics');
  await datasetLoaded();
  const expected = explorerIds({ industries: ['logistics'] });
  const downloads = captureDownloads();
  await page.getByRole('button', { name: /KML/ }).click();
  await page.getByRole('button', { name: /GeoPackage/ }).click();
  await expect.poll(() => downloads.files.length, { timeout: 20_000 }).toBe(2);
  downloads.stop();
  const [kml, gpkg] = downloads.files;
  expect(kml.name).toMatch(/^fujian-plan-places-\d{4}-\d{2}-\d{2}\.kml$/);
  const text = await kml.text;
  for (const id of expected) expect(text).toContain(id);
  expect(gpkg.name).toMatch(/^fujian-plan-places-\d{4}-\d{2}-\d{2}\.gpkg$/);
  const head = new TextDecoder().decode(new Uint8Array(await gpkg.bytes).slice(0, 15));
  expect(head).toBe('SQLite format 3');
});

test('the workspace writes counts of 1,000 and more with separators, as the list and the map do', async () => {
  // Every row forty times over: 7,400 places, more than 1,000 of them in some of the plans' cells.
  const restore = serveRepeatedTable(40);
  try {
    for (const tab of ['plans', 'matrix']) {
      await mountApp(`?lang=en&mode=planner&tab=${tab}`);
      await datasetLoaded();
      await expect.poll(() => document.querySelectorAll('button.cell-button').length).toBeGreaterThan(0);
      const cells = [...document.querySelectorAll<HTMLButtonElement>('button.cell-button')];
      const big = cells.filter((b) => /^\d{1,3}(,\d{3})+$/.test(b.textContent!));
      // Documents plan for more places than any prefecture holds in one industry.
      if (tab === 'plans') expect(big.length).toBeGreaterThan(0);
      for (const b of cells) {
        expect(b.textContent!, tab).toMatch(/^\d{1,3}(,\d{3})*$/);
        // What a screen reader hears is the number shown.
        expect(b.getAttribute('aria-label')!.endsWith(`: ${b.textContent}`), tab).toBe(true);
      }
    }
  } finally {
    restore();
  }
});
