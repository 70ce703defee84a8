// The typed columns a filter's map work reads (src/data/place-columns.ts): the same numbers as the
// places, by row, and the map's fit over them the same box as a walk over the places.
import { describe, expect, test } from 'vitest';
import { bboxColumn, kindsOf, originColumns, rowsOf } from '../../src/data/place-columns.ts';
import { boundsOf } from '../../src/features/plan-map/camera.ts';
import { EMPTY_FILTERS, selectPlaces } from '../../src/data/query.ts';
import type { PlanFeature } from '../../src/data/types.ts';
import { realDataset } from '../support/dataset.ts';

const dataset = realDataset();

describe('place columns', () => {
  test('hold each place by its row, with no number for a row no place has', () => {
    // Row 1 is missing, as where the table left a damaged row out.
    const places = [
      { row: 0, origin: [118.1, 24.5], bbox: [118, 24.4, 118.2, 24.6] },
      { row: 2, origin: [119.3, 26.1], bbox: [119.3, 26.1, 119.3, 26.1] },
    ] as Pick<PlanFeature, 'row' | 'origin' | 'bbox'>[];
    const { lng, lat } = originColumns(places);
    expect([...lng]).toEqual([118.1, NaN, 119.3]);
    expect([...lat]).toEqual([24.5, NaN, 26.1]);
    expect([...bboxColumn(places)]).toEqual([118, 24.4, 118.2, 24.6, NaN, NaN, NaN, NaN, 119.3, 26.1, 119.3, 26.1]);
    // Once per array.
    expect(originColumns(places)).toBe(originColumns(places));
    expect(bboxColumn(places)).toBe(bboxColumn(places));
  });

  test("a selection's rows keep its order and its repeats", () => {
    const [a, b] = dataset.features;
    const selection = [b, a, b];
    expect([...rowsOf(selection)]).toEqual([b.row, a.row, b.row]);
    expect(rowsOf(selection)).toBe(rowsOf(selection));
  });

  test("a filter's or search's selection comes with its rows, also where rows and indices differ", () => {
    // Rows shifted, as where the table left damaged rows out: a row is no longer the place's index.
    const shifted = { ...dataset, features: dataset.features.map((f) => ({ ...f, row: f.row + 3 })) };
    const industry = dataset.industries.find((i) => dataset.features.some((f) => f.industries.includes(i.id)))!;
    const best = new Uint8Array(shifted.features.length);
    const hits = Uint32Array.from([1, 4, 6, 9].filter((i) => i < best.length));
    hits.forEach((i, k) => (best[i] = 10 + k));
    const selections = [
      selectPlaces(shifted, { ...EMPTY_FILTERS, industries: [industry.id] }, null),
      selectPlaces(shifted, { ...EMPTY_FILTERS, kinds: ['prefecture'] }, null),
      selectPlaces(shifted, EMPTY_FILTERS, { best, hits }),
      selectPlaces(shifted, { ...EMPTY_FILTERS, kinds: ['prefecture'] }, { best, hits }),
    ];
    expect(selections[0].length).toBeGreaterThan(0);
    expect(selections[2].length).toBe(hits.length);
    for (const selection of selections) expect([...rowsOf(selection)]).toEqual(selection.map((f) => f.row));
  });

  test("the map's fit covers exactly the boxes of the places selected", () => {
    for (const industry of dataset.industries.slice(0, 25)) {
      const places = selectPlaces(dataset, { ...EMPTY_FILTERS, industries: [industry.id] }, null);
      const b = boundsOf(places, dataset.features);
      if (!places.length) {
        expect(b).toBeNull();
        continue;
      }
      const w = Math.min(...places.map((f) => f.bbox[0]));
      const s = Math.min(...places.map((f) => f.bbox[1]));
      const e = Math.max(...places.map((f) => f.bbox[2]));
      const n = Math.max(...places.map((f) => f.bbox[3]));
      expect(b?.toArray()).toEqual([
        [w, s],
        [e, n],
      ]);
    }
  });

  test('the kinds of a selection, and those drawn as areas, are those of its places', () => {
    const selections = [
      dataset.features,
      [],
      dataset.features.filter((f) => f.point),
      dataset.features.filter((f) => !f.point).slice(0, 3),
      ...dataset.industries
        .slice(0, 25)
        .map((i) => selectPlaces(dataset, { ...EMPTY_FILTERS, industries: [i.id] }, null)),
    ];
    for (const places of selections) {
      const { present, areaKinds } = kindsOf(places, dataset.features);
      expect([...present].sort()).toEqual([...new Set(places.map((f) => f.kind))].sort());
      expect([...areaKinds].sort()).toEqual([...new Set(places.filter((f) => !f.point).map((f) => f.kind))].sort());
    }
  });
});
