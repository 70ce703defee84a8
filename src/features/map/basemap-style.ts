import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';

/** Fujian and its surroundings: the first view. */
export const FUJIAN_BOUNDS: [number, number, number, number] = [115.8, 23.5, 120.7, 28.4];

const FUJIAN = '350000';

/** Absolute URL of a file under public/, wherever the app is served from. */
export const assetUrl = (path: string) => new URL(path, document.baseURI).href;

export type LabelLanguage = 'zh-Hans' | 'zh-Hant' | 'en';

export function labelField(lang: LabelLanguage): ExpressionSpecification {
  const key = lang === 'en' ? 'name_en' : lang === 'zh-Hant' ? 'name_zh_hant' : 'name';
  return ['coalesce', ['get', key], ['get', 'name']];
}

/**
 * The embedded basemap: land and sea (Natural Earth), provinces (echarts china map), prefectures of
 * Fujian and Shandong. No tiles and no glyph server: without a `glyphs` URL MapLibre draws labels
 * with the browser's own fonts.
 */
export function basemapStyle(lang: LabelLanguage): StyleSpecification {
  return {
    version: 8,
    name: 'Fujian plan map (embedded)',
    sources: {
      land: { type: 'geojson', data: assetUrl('basemap/land.geojson') },
      provinces: { type: 'geojson', data: assetUrl('basemap/provinces.geojson') },
      prefectures: { type: 'geojson', data: assetUrl('basemap/prefectures.geojson') },
      labels: { type: 'geojson', data: assetUrl('basemap/labels.geojson') },
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
      {
        // Planner choropleth: shaded by MapView when an industry is chosen.
        id: 'choropleth-fill',
        type: 'fill',
        source: 'prefectures',
        layout: { visibility: 'none' },
        paint: { 'fill-color': 'rgba(0,0,0,0)', 'fill-opacity': 0.85 },
      },
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
