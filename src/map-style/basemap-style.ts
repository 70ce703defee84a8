import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Language } from '../i18n/languages.ts';

/** Fujian and its surroundings: the first view. */
export const FUJIAN_BOUNDS: [number, number, number, number] = [115.8, 23.5, 120.7, 28.4];

const FUJIAN = '350000';

/** Absolute URL of a file under public/, wherever the app is served from. */
export const assetUrl = (path: string, base = document.baseURI) => new URL(path, base).href;

/** The basemap's own label properties: `name` is Simplified Chinese. */
const BASEMAP_NAME: Record<Language, string> = { 'zh-Hans': 'name', 'zh-Hant': 'name_zh_hant', en: 'name_en' };

/** Ids of the basemap's layers that overlays are placed against. */
export const BASEMAP_LAYERS = {
  prefectureBoundaries: 'prefecture-boundaries',
  provinceLabels: 'province-labels',
  prefectureLabels: 'prefecture-labels',
} as const;
/**
 * Empty, hidden layers that mark where overlays go (like Mapbox Standard's slots): a layer added
 * before a slot lands at that height, whatever was added first. Bottom to top: area fills of the
 * plan; overlays that shade regions (the planner's); the plan's lines, points and labels; markers
 * over every place (the chosen place, count badges, highlights).
 */
export const SLOTS = {
  /** The plan's whole prefectures, drawn from this basemap's outlines: below its other areas. */
  outlineAreas: 'slot-outline-areas',
  areas: 'slot-areas',
  overlays: 'slot-overlays',
  outlineLines: 'slot-outline-lines',
  plan: 'slot-plan',
  markers: 'slot-markers',
} as const;
const slot = (id: string) => ({ id, type: 'background' as const, layout: { visibility: 'none' as const } });

export const BASEMAP_LABEL_LAYERS = [BASEMAP_LAYERS.provinceLabels, BASEMAP_LAYERS.prefectureLabels];
/** The source of prefecture outlines (property `code`: GB/T 2260), for overlays shading them. */
export const PREFECTURE_SOURCE = 'prefectures';

export function labelField(lang: Language): ExpressionSpecification {
  return ['coalesce', ['get', BASEMAP_NAME[lang]], ['get', 'name']];
}

/**
 * The embedded basemap: land and sea (Natural Earth), provinces (echarts china map), prefectures of
 * Fujian and Shandong. No tiles and no glyph server: without a `glyphs` URL MapLibre draws labels
 * with the browser's own fonts.
 */
export function basemapStyle(lang: Language, base?: string): StyleSpecification {
  const url = (path: string) => assetUrl(path, base);
  return {
    version: 8,
    name: 'Fujian plan map (embedded)',
    sources: {
      land: { type: 'geojson', data: url('basemap/land.geojson') },
      provinces: { type: 'geojson', data: url('basemap/provinces.geojson') },
      // By code: the plan's whole prefectures are drawn from these outlines, with feature states.
      prefectures: { type: 'geojson', data: url('basemap/prefectures.geojson'), promoteId: 'code' },
      labels: { type: 'geojson', data: url('basemap/labels.geojson') },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': '#cadfea' } },
      { id: 'land', type: 'fill', source: 'land', paint: { 'fill-color': '#ece8df' } },
      {
        id: 'province-fill',
        type: 'fill',
        source: 'provinces',
        paint: { 'fill-color': ['case', ['==', ['get', 'code'], FUJIAN], '#fbf9f3', '#e6e2d8'] },
      },
      slot(SLOTS.outlineAreas),
      slot(SLOTS.areas),
      slot(SLOTS.overlays),
      {
        id: 'prefecture-boundaries',
        type: 'line',
        source: 'prefectures',
        paint: {
          'line-color': '#a0917b',
          'line-width': ['interpolate', ['linear'], ['zoom'], 5, 0.5, 9, 1.4],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'province-boundaries',
        type: 'line',
        source: 'provinces',
        paint: { 'line-color': '#7d7263', 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 9, 2] },
      },
      slot(SLOTS.outlineLines),
      slot(SLOTS.plan),
      slot(SLOTS.markers),
      {
        id: 'province-labels',
        type: 'symbol',
        source: 'labels',
        filter: ['==', ['get', 'level'], 'province'],
        maxzoom: 7.5,
        layout: {
          'text-field': labelField(lang),
          'text-font': ['sans-serif'],
          'text-size': 13,
          'text-letter-spacing': 0.2,
        },
        paint: { 'text-color': '#8a8174', 'text-halo-color': '#f4f1ea', 'text-halo-width': 1.2 },
      },
      {
        id: 'prefecture-labels',
        type: 'symbol',
        source: 'labels',
        filter: ['==', ['get', 'level'], 'prefecture'],
        minzoom: 5,
        layout: {
          'text-field': labelField(lang),
          'text-font': ['sans-serif'],
          'text-size': ['interpolate', ['linear'], ['zoom'], 6, 12, 10, 16],
        },
        paint: { 'text-color': '#4a4237', 'text-halo-color': '#fbf9f3', 'text-halo-width': 1.5 },
      },
    ],
  };
}
