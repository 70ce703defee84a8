import { afterEach, expect, test } from 'vitest';
import { idleMap, mountApp, unmountApp } from './support/app.tsx';

afterEach(unmountApp);

const FUJIAN_PREFECTURES = ['福州市', '厦门市', '莆田市', '三明市', '泉州市', '漳州市', '南平市', '龙岩市', '宁德市'];

test('the first view draws Fujian on land and sea, its nine prefecture boundaries and their names', async () => {
  await mountApp('?lang=zh-Hans');
  const map = await idleMap();

  const boundaries = map.queryRenderedFeatures({ layers: ['prefecture-boundaries'] });
  const fujian = new Set(
    boundaries.filter((f) => String(f.properties.code).startsWith('35')).map((f) => f.properties.name),
  );
  expect([...fujian].sort()).toEqual([...FUJIAN_PREFECTURES].sort());

  const labels = map.queryRenderedFeatures({ layers: ['prefecture-labels'] });
  const names = new Set(labels.map((f) => f.properties.name));
  for (const name of FUJIAN_PREFECTURES) expect(names).toContain(name);

  expect(map.queryRenderedFeatures({ layers: ['land'] }).length).toBeGreaterThan(0);
  expect(map.queryRenderedFeatures({ layers: ['province-labels'] }).map((f) => f.properties.name)).toContain('台湾');
});
