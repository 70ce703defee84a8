// The shared map-style builders are data: the filters they build select exactly what the list
// selects, and every layer they build is valid MapLibre style.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { featureFilter, validateStyleMin, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { EMPTY_FILTERS, matchesFilters, type Filters } from '../../src/data/query.ts';
import { KIND_ORDER } from '../../src/data/types.ts';
import { LANGUAGES } from '../../src/i18n/languages.ts';
import { NAME_PROPERTY } from '../../src/i18n/names.ts';
import { basemapStyle, SLOTS } from '../../src/map-style/basemap-style.ts';
import { choroplethClasses, choroplethColor, choroplethLayer } from '../../src/map-style/choropleth.ts';
import { ownLayers, OWN_SOURCE } from '../../src/map-style/own-layer.ts';
import {
  labelText,
  PLAN_LAYER_SLOT,
  PLAN_LAYERS,
  PLAN_SOURCE,
  planFilter,
  SEARCH_HITS_STATE,
  searchHitsState,
  planLayerFilters,
  planLayers,
  planSource,
  selectedLayers,
  HIGHLIGHT_SOURCE,
  highlightLayers,
  SELECTED_SOURCE,
  placePointsData,
  COUNT_SOURCE,
  countLayers,
  STACK_SOURCE,
  stackLayers,
  type PlanLayerId,
  OUTLINE_LAYERS,
  OUTLINE_LAYER_SLOT,
  outlineLayers,
  placeIdOf,
} from '../../src/map-style/plan-layers.ts';
import { listedOutlines, outlinedPlacesOf } from '../../src/features/plan-map/outlined-places.ts';
import { tileFeatures } from '../../scripts/lib/plan-split.ts';
import { rollupOf } from '../../src/data/taxonomy.ts';
import type { FeatureCollection } from 'geojson';
import { readJson, realDataset } from '../support/dataset.ts';

const dataset = realDataset();
// The features the tiles are cut from: what the layers' expressions read in data/plan.pmtiles
// (tests/unit/plan-archive.test.ts checks that the archive holds them).
const mapFeatures = tileFeatures(
  readJson<FeatureCollection>('data/features.geojson'),
  rollupOf(dataset.industries),
).features;

// The basemap's prefecture outlines, which the whole-prefecture places are drawn from.
const prefectureOutlines = readJson<FeatureCollection>('public/basemap/prefectures.geojson').features;
const outlined = outlinedPlacesOf(dataset);

/**
 * Ids of the whole-prefecture places an outline layer draws for a selection: its filter evaluated
 * over the basemap's outlines, as MapLibre evaluates it, each outline read as its place.
 */
function passingOutlines(filters: Filters, searchIds: readonly string[] | null, layerIndex = 0): Set<string> {
  const layer = outlineLayers(outlined.places, listedOutlines(outlined, filters, searchIds))[layerIndex] as {
    filter: FilterSpecification;
  };
  const filter = featureFilter(layer.filter, 'filter');
  const ids = new Set<string>();
  for (const f of prefectureOutlines) {
    const feature = { type: 3, properties: f.properties ?? {} } as never;
    if (filter.filter({ zoom: 8 }, feature)) {
      const id = placeIdOf({ properties: f.properties }, outlined.byOutline);
      if (id) ids.add(id);
    }
  }
  return ids;
}

/** Ids a layer's filter lets through, evaluated as MapLibre's worker evaluates it. */
function passing(
  layer: PlanLayerId,
  selection: ReturnType<typeof planFilter>,
  /** The map's global state (the search's places: SEARCH_HITS_STATE). */
  globalState: Record<string, unknown> = {},
): Set<string> {
  const filter = featureFilter(planLayerFilters(selection)[layer] as FilterSpecification, 'filter', globalState);
  const ids = new Set<string>();
  for (const f of mapFeatures) {
    const feature = { type: f.geometry.type === 'Point' ? 1 : 3, properties: f.properties ?? {} } as never;
    if (filter.filter({ zoom: 8 }, feature)) ids.add(f.properties!.id as string);
  }
  return ids;
}

const pick = <T>(values: readonly T[]) => fc.subarray([...values], { maxLength: 3 });
const filtersArb: fc.Arbitrary<Filters> = fc.record({
  industries: pick(dataset.industries.map((i) => i.id)),
  kinds: pick(KIND_ORDER),
  docs: pick(dataset.documents.map((d) => d.doc)),
  prefectures: pick(dataset.regions.map((r) => r.code)),
});
const idsArb = fc.option(
  fc.subarray(
    dataset.features.map((f) => f.id),
    { maxLength: 20 },
  ),
  { nil: null },
);

describe('planFilter', () => {
  test('points and areas together select exactly the places matchesFilters and the search select', () => {
    fc.assert(
      fc.property(filtersArb, idsArb, (filters, searchIds) => {
        const selection = planFilter(filters, searchIds !== null);
        const state = searchIds ? { [SEARCH_HITS_STATE]: searchHitsState(searchIds) } : {};
        const drawn = new Set([
          ...passing(PLAN_LAYERS.points, selection, state),
          ...passing(PLAN_LAYERS.areaFill, selection, state),
          ...passingOutlines(filters, searchIds),
        ]);
        const search = searchIds ? new Set(searchIds) : null;
        const listed = dataset.features
          .filter((f) => matchesFilters(f, filters) && (!search || search.has(f.id)))
          .map((f) => f.id);
        expect([...drawn].sort()).toEqual(listed.sort());
      }),
      { numRuns: 150 },
    );
  });

  test('no filter draws every place; each place on exactly one of the point, area and outline layers', () => {
    const selection = planFilter(EMPTY_FILTERS, false);
    const points = passing(PLAN_LAYERS.points, selection);
    const areas = passing(PLAN_LAYERS.areaFill, selection);
    const outlines = passingOutlines(EMPTY_FILTERS, null);
    expect(points.size + areas.size + outlines.size).toBe(dataset.features.length);
    for (const id of points) expect(areas.has(id) || outlines.has(id)).toBe(false);
    for (const id of areas) expect(outlines.has(id)).toBe(false);
    // The whole prefectures are the outlines (none is also in the tiles), each line with its fill.
    expect([...outlines].sort()).toEqual(
      dataset.features
        .filter((f) => f.precision === 'admin_boundary' && f.kind === 'prefecture')
        .map((f) => f.id)
        .sort(),
    );
    expect(passingOutlines(EMPTY_FILTERS, null, 1)).toEqual(outlines);
    // Labels follow the points, outlines the areas.
    expect(passing(PLAN_LAYERS.labels, selection)).toEqual(points);
    expect(passing(PLAN_LAYERS.areaLine, selection)).toEqual(areas);
    const approx = dataset.features.filter((f) => f.precision === 'approximate_area').map((f) => f.id);
    expect([...passing(PLAN_LAYERS.areaLineApprox, selection)].sort()).toEqual(approx.sort());
  });

  test('a search that found nothing draws nothing, nor one whose places are not yet in the state', () => {
    const selection = planFilter(EMPTY_FILTERS, true);
    const drawn = (state: Record<string, unknown>) =>
      passing(PLAN_LAYERS.points, selection, state).size + passing(PLAN_LAYERS.areaFill, selection, state).size;
    expect(drawn({ [SEARCH_HITS_STATE]: searchHitsState([]) })).toBe(0);
    expect(drawn({})).toBe(0);
  });

  test("a search's places are keyed so that no inherited property name passes", () => {
    const named = mapFeatures.find((f) => f.geometry.type === 'Point')!;
    const selection = planFilter(EMPTY_FILTERS, true);
    const state = { [SEARCH_HITS_STATE]: searchHitsState(['constructor', 'toString']) };
    const filter = featureFilter(
      planLayerFilters(selection)[PLAN_LAYERS.points] as FilterSpecification,
      'filter',
      state,
    );
    for (const id of ['constructor', 'toString', 'hasOwnProperty', '__proto__'])
      expect(filter.filter({ zoom: 8 }, { type: 1, properties: { ...named.properties, id } } as never)).toBe(
        id === 'constructor' || id === 'toString',
      );
  });
});

describe('layers are valid MapLibre style', () => {
  test.each(LANGUAGES)('basemap, plan, choropleth and own layers in %s', (lang) => {
    const style = basemapStyle(lang, 'http://localhost/');
    style.sources[PLAN_SOURCE] = planSource('http://localhost/plan.pmtiles');
    style.sources[OWN_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    style.sources[STACK_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    style.sources[COUNT_SOURCE] = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };
    style.sources[HIGHLIGHT_SOURCE] = {
      type: 'geojson',
      data: placePointsData(
        [
          { id: 'a', point: [118, 24] as [number, number] },
          { id: 'b', point: null },
        ],
        (p) => ({ id: p.id }),
      ),
    };
    style.sources[SELECTED_SOURCE] = {
      type: 'geojson',
      data: placePointsData([{ id: 'a', kind: 'park', point: [118, 24] as [number, number] }], (p) => p),
    };
    const counts = new Map([
      ['350200', 3],
      ['350600', 7],
    ]);
    style.layers.push(
      ...planLayers(planFilter({ ...EMPTY_FILTERS, industries: ['petrochemical'] }, true), lang),
      ...planLayers(planFilter(EMPTY_FILTERS, false), lang, { narrowed: true }).map((l) => ({ ...l, id: `${l.id}-n` })),
      ...selectedLayers('Gulei'),
      ...highlightLayers(['a', 'b'], ['350200']),
      ...highlightLayers([], []).map((l) => ({ ...l, id: `${l.id}-none` })),
      ...outlineLayers(outlined.places, ['350100', '350200']),
      ...outlineLayers(outlined.places, [], { narrowed: true }).map((l) => ({ ...l, id: `${l.id}-n` })),
      ...stackLayers(7),
      ...countLayers(3, 7),
      choroplethLayer(counts),
      ...ownLayers(),
    );
    expect(validateStyleMin(style)).toEqual([]);
  });

  test('every plan layer has a slot the basemap defines', () => {
    const ids = new Set(basemapStyle('en', 'http://localhost/').layers.map((l) => l.id));
    for (const slot of Object.values(SLOTS)) expect(ids.has(slot)).toBe(true);
    for (const layer of planLayers(planFilter(EMPTY_FILTERS, false), 'en'))
      expect(ids.has(PLAN_LAYER_SLOT[layer.id as PlanLayerId])).toBe(true);
    // The whole prefectures' outlines go below the plan's other areas and lines, whenever added.
    const order = basemapStyle('en', 'http://localhost/').layers.map((l) => l.id);
    const at = (id: string) => order.indexOf(id);
    expect(at(OUTLINE_LAYER_SLOT[OUTLINE_LAYERS.fill])).toBeLessThan(at(PLAN_LAYER_SLOT[PLAN_LAYERS.areaFill]));
    expect(at(OUTLINE_LAYER_SLOT[OUTLINE_LAYERS.line])).toBeLessThan(at(PLAN_LAYER_SLOT[PLAN_LAYERS.areaLine]));
    expect(at(OUTLINE_LAYER_SLOT[OUTLINE_LAYERS.line])).toBeGreaterThan(at('prefecture-boundaries'));
  });

  test("a whole prefecture's outline is coloured by its place's kind, and outlines stand for their places", () => {
    expect(outlineLayers([], ['350100'])).toEqual([]);
    const [fill] = outlineLayers(outlined.places, ['350100']);
    const paint = (fill as { paint: Record<string, unknown> }).paint;
    expect(paint['fill-color']).toEqual(expect.arrayContaining(['match']));
    expect(JSON.stringify(paint['fill-color'])).toContain('"350100","prefecture"');
    expect(placeIdOf({ properties: { code: '350100', name: '福州市' } }, outlined.byOutline)).toBe('fuzhou');
    expect(placeIdOf({ properties: { id: 'gulei', code: '350100' } }, outlined.byOutline)).toBe('gulei');
    expect(placeIdOf({ properties: { code: '110100' } }, outlined.byOutline)).toBeNull();
    expect(placeIdOf({ properties: null }, outlined.byOutline)).toBeNull();
  });

  test.each(LANGUAGES)('plan labels in %s read the name of that language', (lang) => {
    expect(labelText(lang)).toEqual(['get', NAME_PROPERTY[lang]]);
    const labels = planLayers(planFilter(EMPTY_FILTERS, false), lang).find((l) => l.id === PLAN_LAYERS.labels)!;
    expect((labels.layout as Record<string, unknown>)['text-field']).toEqual(['get', NAME_PROPERTY[lang]]);
  });
});

describe('choropleth', () => {
  test('the most places get the darkest class; prefectures without places stay transparent', () => {
    const counts = new Map([
      ['350100', 1],
      ['350200', 4],
      ['350600', 9],
    ]);
    const classes = choroplethClasses(9);
    const color = choroplethColor(counts) as unknown[];
    expect(color[0]).toBe('match');
    const stop = (code: string) => color[color.indexOf(code) + 1];
    expect(stop('350600')).toBe(classes.at(-1)!.color);
    expect(stop('350100')).toBe(classes[0].color);
    expect(color.includes('350900')).toBe(false);
    expect(color.at(-1)).toBe('rgba(0,0,0,0)');
  });

  test('classes cover 1..max without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), (max) => {
        const classes = choroplethClasses(max);
        expect(classes[0].from).toBe(1);
        expect(classes.at(-1)!.to).toBe(max);
        for (let i = 1; i < classes.length; i++) expect(classes[i].from).toBe(classes[i - 1].to + 1);
      }),
    );
    expect(choroplethClasses(0)).toEqual([]);
  });
});

describe('the count layers (below the tile archive’s first zoom)', () => {
  test('one bubble and one label layer per zoom level, each drawing only its level, covering the zooms without tiles', () => {
    const layers = countLayers(3, 7);
    expect(layers).toHaveLength(8);
    for (let z = 3; z < 7; z++) {
      const level = layers.filter((l) => l.minzoom === z);
      expect(level.map((l) => l.type).sort()).toEqual(['circle', 'symbol']);
      for (const l of level) {
        expect(l.maxzoom).toBe(z + 1);
        const filter = featureFilter((l as { filter: FilterSpecification }).filter, 'filter');
        expect(filter.filter({ zoom: z }, { type: 1, properties: { z } } as never)).toBe(true);
        expect(filter.filter({ zoom: z }, { type: 1, properties: { z: z + 1 } } as never)).toBe(false);
      }
    }
    // Where the archive starts at the map's own minimum zoom there is nothing to count.
    expect(countLayers(3, 3)).toEqual([]);
  });

  test('the stack badges start where the tiles do', () => {
    for (const l of stackLayers(7)) expect(l.minzoom).toBe(7);
  });
});
