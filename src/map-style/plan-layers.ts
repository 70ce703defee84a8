// The dataset on the map: one vector-tile source (and, for the places that are whole prefectures,
// the basemap's outlines of them), styled by kind, filtered by expressions on the GPU.
import type {
  CircleLayerSpecification,
  FillLayerSpecification,
  LineLayerSpecification,
  SymbolLayerSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  VectorSourceSpecification,
} from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import type { Filters } from '../data/query.ts';
import type { Kind } from '../data/types.ts';
import type { Language } from '../i18n/languages.ts';
import { NAME_PROPERTY } from '../i18n/names.ts';
import { PREFECTURE_SOURCE, SLOTS } from './basemap-style.ts';
import { KIND_COLORS } from './kind-colors.ts';

export const PLAN_SOURCE = 'plan';
export const PLAN_LAYERS = {
  areaFill: 'plan-area-fill',
  areaLine: 'plan-area-line',
  points: 'plan-points',
  labels: 'plan-labels',
  areaLineApprox: 'plan-area-line-approx',
} as const;
export type PlanLayerId = (typeof PLAN_LAYERS)[keyof typeof PLAN_LAYERS];
/** Where each plan layer sits in the basemap (see SLOTS): areas low, the rest over the boundaries. */
export const PLAN_LAYER_SLOT: Record<PlanLayerId, string> = {
  [PLAN_LAYERS.areaFill]: SLOTS.areas,
  [PLAN_LAYERS.areaLine]: SLOTS.plan,
  [PLAN_LAYERS.areaLineApprox]: SLOTS.plan,
  [PLAN_LAYERS.points]: SLOTS.plan,
  [PLAN_LAYERS.labels]: SLOTS.plan,
};
/** The places that are whole prefectures, drawn from the basemap's outlines (outlineLayers). */
export const OUTLINE_LAYERS = { fill: 'plan-outline-fill', line: 'plan-outline-line' } as const;
export type OutlineLayerId = (typeof OUTLINE_LAYERS)[keyof typeof OUTLINE_LAYERS];
/** Where they sit: below the plan's other areas (prefectures are the lowest kind), whenever added. */
export const OUTLINE_LAYER_SLOT: Record<OutlineLayerId, string> = {
  [OUTLINE_LAYERS.fill]: SLOTS.outlineAreas,
  [OUTLINE_LAYERS.line]: SLOTS.outlineLines,
};
/** The layers a pointer finds places on, topmost first where they overlap. */
export const INTERACTIVE_LAYERS = [PLAN_LAYERS.points, PLAN_LAYERS.areaFill, OUTLINE_LAYERS.fill];

/** The layer of the plan archive the plan layers draw (scripts/lib/plan-split.ts writes it). */
export const PLAN_SOURCE_LAYER = 'plan';
/**
 * Places are labelled from this zoom; the tiles carry the names from here only (below it a national
 * view reads every place, and the names were about half of its bytes).
 */
export const PLAN_LABEL_MINZOOM = 8;

/**
 * The plan layer's source: vector tiles from one PMTiles archive (data/plan.pmtiles, built by
 * `npm run data`), read by range requests, only the tiles in view. Each tile feature holds what the
 * filters and labels read (scripts/lib/plan-split.ts, `tileProperties`): id, kind, area, approx,
 * rank, the names, and the industry (rolled up), document and prefecture sets as '|a|b|' strings.
 * `promoteId` makes `id` the feature-state id.
 */
export function planSource(archiveUrl: string): VectorSourceSpecification {
  return { type: 'vector', url: `pmtiles://${archiveUrl}`, promoteId: 'id' };
}

const anyIn = (prop: string, values: string[]): ExpressionSpecification =>
  ['any', ...values.map((v): ExpressionSpecification => ['in', `|${v}|`, ['get', prop]])] as ExpressionSpecification;

/**
 * The map's global state (`map.setGlobalStateProperty`) that holds a search's places: an object
 * with each matched id as a key (`searchHitsState`). A search of 7,000 places as a literal `match`
 * in five layer filters cost ~70 ms of parsing and sending per keystroke; as one state value the
 * filters stay the same and MapLibre sends the ids to its worker once. Its keys are `#` + id.
 */
export const SEARCH_HITS_STATE = 'search-hits';

// Keys with a mark no inherited property has (`has` is `key in object`: an id 'constructor' would
// be found in any object).
const hitKey = (id: string) => `#${id}`;

/** The value of SEARCH_HITS_STATE for a search's places. */
export function searchHitsState(ids: readonly string[]): Record<string, true> {
  const hits: Record<string, true> = {};
  for (const id of ids) hits[hitKey(id)] = true;
  return hits;
}

/**
 * The same selection as `matchesFilters` + search, as a MapLibre filter expression. With
 * `searching`, a place must also be one of SEARCH_HITS_STATE's ids (none while it is unset).
 */
export function planFilter(filters: Filters, searching: boolean): ExpressionSpecification {
  const parts: ExpressionSpecification[] = [];
  if (filters.industries.length) parts.push(anyIn('ind', filters.industries));
  if (filters.kinds.length) parts.push(['in', ['get', 'kind'], ['literal', filters.kinds]]);
  if (filters.docs.length) parts.push(anyIn('docs', filters.docs));
  if (filters.prefectures.length) parts.push(anyIn('pref', filters.prefectures));
  if (searching)
    parts.push([
      'has',
      ['concat', '#', ['get', 'id']],
      ['object', ['coalesce', ['global-state', SEARCH_HITS_STATE], ['literal', {}]]],
    ]);
  return ['all', ...parts] as ExpressionSpecification;
}

/** The colour of a place of kind `kind` (an expression: the tiles' property, or an outline's kind). */
const colorOfKind = (kind: ExpressionSpecification): ExpressionSpecification =>
  ['match', kind, ...Object.entries(KIND_COLORS).flat(), '#616161'] as unknown as ExpressionSpecification;
const kindColor = colorOfKind(['get', 'kind']);

const state = (name: string): ExpressionSpecification => ['boolean', ['feature-state', name], false];

/**
 * An area's fill, for a place of kind `kind` that is approximate where `approx` is true (both
 * expressions: the tiles' properties, or what an outline stands for). Whole prefectures are faint
 * until a filter or search has picked them (`narrowed`).
 */
function areaFillPaint(
  kind: ExpressionSpecification,
  approx: ExpressionSpecification,
  narrowed: boolean,
): FillLayerSpecification['paint'] {
  return {
    'fill-color': colorOfKind(kind),
    'fill-opacity': [
      'case',
      state('selected'),
      0.38,
      state('hover'),
      0.3,
      ['==', kind, 'prefecture'],
      narrowed ? 0.14 : 0.05,
      ['==', approx, true],
      0.08,
      0.18,
    ],
  };
}

/** An area's outline (see areaFillPaint). */
function areaLinePaint(kind: ExpressionSpecification, narrowed: boolean): LineLayerSpecification['paint'] {
  return {
    'line-color': colorOfKind(kind),
    'line-width': [
      'case',
      state('selected'),
      3,
      state('hover'),
      2.4,
      ['==', kind, 'prefecture'],
      narrowed ? 2.4 : 0.6,
      1.2,
    ],
    'line-opacity': 0.9,
  };
}

export function labelText(lang: Language): ExpressionSpecification {
  return ['get', NAME_PROPERTY[lang]];
}

const isArea: ExpressionSpecification = ['==', ['get', 'area'], true];
const isPoint: ExpressionSpecification = ['==', ['get', 'area'], false];

/**
 * Each plan layer's filter for one selection: the layer's own geometry test and `selection`
 * (from `planFilter`). One definition for the layers' first filter and every later update.
 */
export function planLayerFilters(selection: ExpressionSpecification): Record<PlanLayerId, FilterSpecification> {
  return {
    [PLAN_LAYERS.areaFill]: ['all', isArea, selection],
    [PLAN_LAYERS.areaLine]: ['all', isArea, selection],
    [PLAN_LAYERS.areaLineApprox]: ['all', isArea, ['==', ['get', 'approx'], true], selection],
    [PLAN_LAYERS.points]: ['all', isPoint, selection],
    [PLAN_LAYERS.labels]: ['all', isPoint, selection],
  } as Record<PlanLayerId, FilterSpecification>;
}

/**
 * The plan layers, bottom to top, for one selection (`planFilter`) and label language. Whole
 * prefectures are faint in the full view (all sixteen would hide everything else) and stand out
 * once a filter or search has picked them (`narrowed`): then they are results like any place.
 */
export function planLayers(
  selection: ExpressionSpecification,
  lang: Language,
  { narrowed = false }: { narrowed?: boolean } = {},
): LayerSpecification[] {
  const filters = planLayerFilters(selection);
  return [
    {
      id: PLAN_LAYERS.areaFill,
      type: 'fill',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: filters[PLAN_LAYERS.areaFill],
      layout: { 'fill-sort-key': ['get', 'rank'] },
      paint: areaFillPaint(['get', 'kind'], ['get', 'approx'], narrowed),
    },
    {
      id: PLAN_LAYERS.areaLine,
      type: 'line',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: filters[PLAN_LAYERS.areaLine],
      layout: { 'line-join': 'round' },
      paint: areaLinePaint(['get', 'kind'], narrowed),
    },
    {
      id: PLAN_LAYERS.areaLineApprox,
      type: 'line',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: filters[PLAN_LAYERS.areaLineApprox],
      layout: { 'line-join': 'round' },
      paint: { 'line-color': '#fff', 'line-width': 1.2, 'line-dasharray': [2, 2], 'line-opacity': 0.9 },
    },
    {
      id: PLAN_LAYERS.points,
      type: 'circle',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: filters[PLAN_LAYERS.points],
      paint: {
        'circle-color': kindColor,
        'circle-radius': [
          'interpolate',
          ['linear'],
          ['zoom'],
          5,
          ['case', state('selected'), 8, state('hover'), 7, 4.5],
          9,
          ['case', state('selected'), 10, state('hover'), 9, 7],
          12,
          ['case', state('selected'), 12, state('hover'), 11, 9],
        ],
        'circle-stroke-color': ['case', state('selected'), '#111', '#fff'],
        'circle-stroke-width': ['case', state('selected'), 3, 1.5],
      },
    },
    {
      id: PLAN_LAYERS.labels,
      type: 'symbol',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: filters[PLAN_LAYERS.labels],
      minzoom: PLAN_LABEL_MINZOOM,
      layout: {
        'text-field': labelText(lang),
        'text-font': ['sans-serif'],
        'text-size': 12,
        'text-offset': [0, 1.1],
        'text-anchor': 'top',
        'text-optional': true,
        'text-max-width': 9,
      },
      paint: { 'text-color': '#2b2620', 'text-halo-color': '#fff', 'text-halo-width': 1.4 },
    },
  ];
}

/** A place that is one whole prefecture (`outline`: its GB/T 2260 code; data/types.ts). */
export interface OutlinedPlace {
  id: string;
  kind: Kind;
  outline: string;
}

/**
 * The places that are whole prefectures, drawn from the basemap's outlines of those prefectures
 * (PREFECTURE_SOURCE, property `code`) instead of a copy in the tiles, as the plan's areas are
 * drawn: `places` says which prefecture stands for which place (its kind gives the colour),
 * `listed` which of those prefectures the selection lists. Their hover and selection are feature
 * states of the basemap's source, by code. From `minzoom`, the tiles' first zoom: below it places
 * are counted, not drawn (countLayers), these as the others.
 */
export function outlineLayers(
  places: readonly OutlinedPlace[],
  listed: readonly string[],
  { narrowed = false, minzoom = 0 }: { narrowed?: boolean; minzoom?: number } = {},
): LayerSpecification[] {
  const kinds = new Map<string, Kind>();
  for (const p of places) if (!kinds.has(p.outline)) kinds.set(p.outline, p.kind);
  if (!kinds.size) return [];
  const kind = ['match', ['get', 'code'], ...[...kinds].flat(), ''] as unknown as ExpressionSpecification;
  const filter: FilterSpecification = listed.length
    ? ['in', ['get', 'code'], ['literal', [...listed]]]
    : ['boolean', false];
  return [
    {
      id: OUTLINE_LAYERS.fill,
      type: 'fill',
      source: PREFECTURE_SOURCE,
      minzoom,
      filter,
      paint: areaFillPaint(kind, ['literal', false], narrowed),
    },
    {
      id: OUTLINE_LAYERS.line,
      type: 'line',
      source: PREFECTURE_SOURCE,
      minzoom,
      filter,
      layout: { 'line-join': 'round' },
      paint: areaLinePaint(kind, narrowed),
    },
  ];
}

/**
 * The place a feature the map drew stands for: a plan feature's `id`, or the place a basemap
 * outline is (`byOutline`: prefecture code → place id). Null for anything else.
 */
export function placeIdOf(
  feature: { properties: Record<string, unknown> | null },
  byOutline: ReadonlyMap<string, string>,
): string | null {
  const p = feature.properties ?? {};
  if (typeof p.id === 'string') return p.id;
  return typeof p.code === 'string' ? (byOutline.get(p.code) ?? null) : null;
}

export const SELECTED_LAYERS = { point: 'plan-selected-point', label: 'plan-selected-label' } as const;
/** The chosen point place, from the attribute table: drawn at every zoom, tiles or none. */
export const SELECTED_SOURCE = 'plan-selected';

/**
 * The point places of `places` as GeoJSON points, each with the properties its layers read: the
 * data of SELECTED_SOURCE (the chosen place) and HIGHLIGHT_SOURCE (a planner cell's places).
 * Places without a point (areas) are left out.
 */
export function placePointsData<P extends { point: [number, number] | null }, Props>(
  places: readonly P[],
  properties: (place: P) => Props,
): FeatureCollection<Point, Props> {
  return {
    type: 'FeatureCollection',
    features: places.flatMap((p) =>
      p.point
        ? [
            {
              type: 'Feature' as const,
              geometry: { type: 'Point' as const, coordinates: p.point },
              properties: properties(p),
            },
          ]
        : [],
    ),
  };
}

/**
 * The chosen place drawn over every other place: at a point several places share, the dot and the
 * label are the chosen one's, not whichever place happens to be drawn last. It is drawn from its
 * own source (SELECTED_SOURCE), not the tiles: below the tiles' first zoom (a national dataset's
 * counts) there is no tile to draw it from. Its `name`, in the reader's language, is given here.
 */
export function selectedLayers(name: string): LayerSpecification[] {
  return [
    {
      id: SELECTED_LAYERS.point,
      type: 'circle',
      source: SELECTED_SOURCE,
      paint: {
        'circle-color': kindColor,
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 8, 9, 10, 12, 12],
        'circle-stroke-color': '#111',
        'circle-stroke-width': 3,
      },
    },
    {
      id: SELECTED_LAYERS.label,
      type: 'symbol',
      source: SELECTED_SOURCE,
      layout: {
        'text-field': name,
        'text-font': ['sans-serif'],
        'text-size': 13,
        'text-offset': [0, 1.2],
        'text-anchor': 'top',
        'text-allow-overlap': true,
        'text-max-width': 10,
      },
      paint: { 'text-color': '#111', 'text-halo-color': '#fff', 'text-halo-width': 1.8 },
    },
  ];
}

export const STACK_SOURCE = 'plan-stacks';
export const STACK_LAYERS = { badge: 'plan-stack-badge', count: 'plan-stack-count' } as const;

/**
 * A count badge at each point that several listed places share (21 export bases at a handful of
 * prefecture seats would otherwise look like a handful of places), offset to the dot's upper right.
 */
export function stackLayers(minzoom = 0): LayerSpecification[] {
  return [
    {
      id: STACK_LAYERS.badge,
      type: 'circle',
      source: STACK_SOURCE,
      // Below the archive's first zoom the places are counted, not drawn: no dots to badge.
      minzoom,
      paint: {
        'circle-color': '#2b2620',
        'circle-radius': 8,
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1.5,
        'circle-translate': [9, -9],
      },
    },
    {
      id: STACK_LAYERS.count,
      type: 'symbol',
      source: STACK_SOURCE,
      minzoom,
      layout: {
        'text-field': ['to-string', ['get', 'count']],
        'text-font': ['sans-serif'],
        'text-size': 11,
        'text-allow-overlap': true,
        'text-ignore-placement': true,
        'text-offset': [0.75, -0.75],
      },
      paint: { 'text-color': '#fff' },
    },
  ];
}

export const COUNT_SOURCE = 'plan-counts';

/** A count bubble, which grows with its count (whichever source it is drawn from). */
const COUNT_BUBBLE: Omit<CircleLayerSpecification, 'id' | 'source'> = {
  type: 'circle',
  paint: {
    'circle-color': '#2b6f8f',
    'circle-opacity': 0.85,
    'circle-radius': ['interpolate', ['linear'], ['sqrt', ['get', 'count']], 1, 9, 10, 18, 100, 34],
    'circle-stroke-color': '#fff',
    'circle-stroke-width': 1.5,
  },
};

/** A count bubble's number. */
const COUNT_LABEL: Omit<SymbolLayerSpecification, 'id' | 'source'> = {
  type: 'symbol',
  layout: {
    'text-field': ['get', 'label'],
    'text-font': ['sans-serif'],
    'text-size': 12,
    // Always drawn, and the basemap's labels give way to it (the count layers are on top).
    'text-allow-overlap': true,
  },
  paint: { 'text-color': '#fff' },
};
/**
 * The tile archive's source layer of count bubbles (scripts/lib/plan-split.ts, countTiles): every
 * place counted, below the places' first zoom; drawn while nothing narrows the list.
 */
export const PLAN_COUNT_LAYER = 'counts';
/** The count layers of one zoom level (each level has its own grid: src/features/plan-map/counts.ts). */
export const countLayerIds = (z: number) => ({ bubble: `plan-count-bubble-${z}`, label: `plan-count-label-${z}` });

/**
 * Below the tile archive's first zoom, a bubble per grid cell with the number of listed places in
 * it: for each zoom level from `fromZoom` up to `toZoom` (exclusive), a bubble layer and a label
 * layer drawing only that level's cells (a layer's zoom range, not a filter: filters cannot read
 * the zoom). The bubble grows with the count.
 */
export function countLayers(fromZoom: number, toZoom: number): LayerSpecification[] {
  const layers: LayerSpecification[] = [];
  for (let z = fromZoom; z < toZoom; z++) {
    const ids = countLayerIds(z);
    const level: FilterSpecification = ['==', ['get', 'z'], z];
    const range = { minzoom: z, maxzoom: z + 1 };
    layers.push(
      { id: ids.bubble, ...COUNT_BUBBLE, source: COUNT_SOURCE, ...range, filter: level },
      { id: ids.label, ...COUNT_LABEL, source: COUNT_SOURCE, ...range, filter: level },
    );
  }
  return layers;
}

/** The count layers that draw the tile archive's bubbles (PLAN_COUNT_LAYER), as countLayers draws its own. */
export const TILE_COUNT_LAYERS = { bubble: 'plan-tile-count-bubble', label: 'plan-tile-count-label' } as const;

/**
 * Every place counted, from the tile archive (its tiles of zoom z hold level z's bubbles): what the
 * map draws below the places' first zoom while nothing narrows the list, without waiting for the
 * attribute table.
 */
export function tileCountLayers(): LayerSpecification[] {
  const from = { source: PLAN_SOURCE, 'source-layer': PLAN_COUNT_LAYER };
  return [
    { id: TILE_COUNT_LAYERS.bubble, ...COUNT_BUBBLE, ...from },
    { id: TILE_COUNT_LAYERS.label, ...COUNT_LABEL, ...from },
  ];
}

export const HIGHLIGHT_LAYERS = {
  points: 'plan-highlight-points',
  areas: 'plan-highlight-areas',
  outlines: 'plan-highlight-outlines',
} as const;
/** The ringed point places, from the attribute table: ringed at every zoom, tiles or none. */
export const HIGHLIGHT_SOURCE = 'plan-highlight';

const RING_PAINT = { 'line-color': '#111', 'line-width': 2.6, 'line-opacity': 0.85 } as const;

/**
 * A ring around each of a planner cell's places (which places a number stands for): the areas
 * `areaIds` outlined from the tiles, the whole prefectures `outlineCodes` from the basemap's
 * outlines, the points from HIGHLIGHT_SOURCE (below a national archive's first zoom there are no
 * tiles to ring them from). In that order: areas, outlines, points.
 */
export function highlightLayers(areaIds: string[], outlineCodes: string[] = []): LayerSpecification[] {
  const chosen: ExpressionSpecification = areaIds.length
    ? ['match', ['get', 'id'], areaIds, true, false]
    : ['boolean', false];
  return [
    {
      id: HIGHLIGHT_LAYERS.areas,
      type: 'line',
      source: PLAN_SOURCE,
      'source-layer': PLAN_SOURCE_LAYER,
      filter: ['all', isArea, chosen],
      layout: { 'line-join': 'round' },
      paint: RING_PAINT,
    },
    {
      id: HIGHLIGHT_LAYERS.outlines,
      type: 'line',
      source: PREFECTURE_SOURCE,
      filter: outlineCodes.length ? ['in', ['get', 'code'], ['literal', outlineCodes]] : ['boolean', false],
      layout: { 'line-join': 'round' },
      paint: RING_PAINT,
    },
    {
      id: HIGHLIGHT_LAYERS.points,
      type: 'circle',
      source: HIGHLIGHT_SOURCE,
      paint: {
        'circle-color': 'rgba(0,0,0,0)',
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 5, 9, 9, 12, 12, 14],
        'circle-stroke-color': '#111',
        'circle-stroke-width': 2.5,
      },
    },
  ];
}
