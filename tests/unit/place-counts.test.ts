// Below the tile archive's first zoom the map counts the listed places per grid cell
// (src/features/plan-map/counts.ts): every listed place is counted once per zoom level, in the cell
// it lies in, and the bubbles add up to the list's count whatever the selection.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { placeCounts, warmCounts, COUNT_CELL_PX } from '../../src/features/plan-map/counts.ts';
import { selectPlaces, EMPTY_FILTERS } from '../../src/data/query.ts';
import { formatInteger } from '../../src/i18n/format.ts';
import { realDataset } from '../support/dataset.ts';

const dataset = realDataset();

describe('place counts', () => {
  test('at each zoom level the bubbles add up to the selection, and each holds exactly the places of its cell', () => {
    fc.assert(
      fc.property(
        fc.subarray(
          dataset.industries.map((i) => i.id),
          { maxLength: 2 },
        ),
        (industries) => {
          const places = selectPlaces(dataset, { ...EMPTY_FILTERS, industries }, null);
          const counts = placeCounts(places, dataset.features, 3, 7, formatInteger);
          for (let z = 3; z < 7; z++) {
            const level = counts.features.filter((f) => f.properties.z === z);
            expect(level.reduce((sum, f) => sum + f.properties.count, 0)).toBe(places.length);
            for (const f of level) {
              const inside = places.filter(
                (p) =>
                  p.origin[0] >= f.properties.west &&
                  p.origin[0] <= f.properties.east &&
                  p.origin[1] >= f.properties.south &&
                  p.origin[1] <= f.properties.north,
              );
              expect(inside.length).toBeGreaterThanOrEqual(f.properties.count);
              const [lng, lat] = f.geometry.coordinates;
              expect(lng).toBeGreaterThanOrEqual(f.properties.west);
              expect(lng).toBeLessThanOrEqual(f.properties.east);
              expect(lat).toBeGreaterThanOrEqual(f.properties.south);
              expect(lat).toBeLessThanOrEqual(f.properties.north);
            }
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  test('places in one cell share a bubble at the mean of their positions; cells are about COUNT_CELL_PX wide', () => {
    const xiamen = dataset.features.filter((f) => f.prefecture.includes('350200'));
    const zhangzhou = dataset.features.filter(
      (f) => f.prefecture.includes('350600') && !f.prefecture.includes('350200'),
    );
    // At zoom 3 a cell is about 7° wide: one prefecture's places are in one or two cells.
    const z3 = placeCounts(xiamen, dataset.features, 3, 4, formatInteger).features;
    expect(z3.length).toBeLessThanOrEqual(2);
    const one = placeCounts([xiamen[0], xiamen[0]], dataset.features, 3, 4, formatInteger).features;
    expect(one).toHaveLength(1);
    expect(one[0].geometry.coordinates).toEqual(xiamen[0].origin);
    expect(one[0].properties).toMatchObject({ count: 2, label: '2' });
    // The finer the zoom, the more cells: Xiamen and Zhangzhou part at zoom 9 at the latest.
    const both = [...xiamen, ...zhangzhou];
    const cells = [3, 5, 7, 9].map((z) => placeCounts(both, dataset.features, z, z + 1, formatInteger).features.length);
    for (let i = 1; i < cells.length; i++) expect(cells[i]).toBeGreaterThanOrEqual(cells[i - 1]);
    expect(cells[3]).toBeGreaterThan(cells[0]);
    expect(COUNT_CELL_PX).toBeGreaterThan(40);
  });

  test('no levels, no bubbles; the label is the count as the app writes numbers', () => {
    expect(placeCounts(dataset.features, dataset.features, 7, 7, formatInteger).features).toEqual([]);
    const all = placeCounts(dataset.features, dataset.features, 3, 4, (n) => `#${n}`).features;
    for (const f of all) expect(f.properties.label).toBe(`#${f.properties.count}`);
  });

  test('warming the count ahead (idle time) leaves nothing behind that changes a later count', () => {
    // Two copies of the places: each has grids of its own (they are cached per array).
    const warmed = [...dataset.features];
    const cold = [...dataset.features];
    warmCounts(selectPlaces(dataset, EMPTY_FILTERS, null), warmed, 3, 5);
    warmCounts(warmed.slice(0, 7), warmed, 3, 5);
    const industries = [dataset.industries[0].id];
    const places = selectPlaces(dataset, { ...EMPTY_FILTERS, industries }, null);
    const after = placeCounts(places, warmed, 3, 6, formatInteger);
    expect(after.features.length).toBeGreaterThan(0);
    expect(after).toEqual(placeCounts(places, cold, 3, 6, formatInteger));
  });
});
