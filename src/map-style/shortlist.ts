// The shortlist on the map: a numbered ring round each shortlisted place, and the radius search
// (its circle, its centre, the places within it).
import type { LayerSpecification } from 'maplibre-gl';
import { SLOTS } from './basemap-style.ts';

export const SHORTLIST_SOURCE = 'shortlist-places';
export const RADIUS_SOURCE = 'radius-area';
export const NEARBY_SOURCE = 'radius-places';
export const SHORTLIST_LAYERS = {
  ring: 'shortlist-ring',
  rank: 'shortlist-rank',
  radiusFill: 'radius-fill',
  radiusLine: 'radius-line',
  radiusCentre: 'radius-centre',
  nearby: 'radius-nearby',
} as const;
const GOLD = '#b58900';
const RADIUS = '#1d5f8a';

/** Rings and numbers (property `rank`) at each shortlisted place's point or area centroid. */
export function shortlistLayers(): { spec: LayerSpecification; beforeId: string }[] {
  return [
    {
      beforeId: SLOTS.plan,
      spec: {
        id: SHORTLIST_LAYERS.ring,
        type: 'circle',
        source: SHORTLIST_SOURCE,
        paint: {
          'circle-radius': 13,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': GOLD,
          'circle-stroke-width': 3,
        },
      },
    },
    {
      beforeId: SLOTS.plan,
      spec: {
        id: SHORTLIST_LAYERS.rank,
        type: 'symbol',
        source: SHORTLIST_SOURCE,
        layout: {
          'text-field': ['to-string', ['get', 'rank']],
          'text-font': ['sans-serif'],
          'text-size': 12,
          'text-offset': [1.3, -1.3],
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': '#5c4500', 'text-halo-color': '#fff4cf', 'text-halo-width': 2 },
      },
    },
  ];
}

/** The radius search: the circle (a polygon), its centre (a point) and the places found (points). */
export function radiusLayers(): { spec: LayerSpecification; beforeId: string }[] {
  return [
    {
      beforeId: SLOTS.overlays,
      spec: {
        id: SHORTLIST_LAYERS.radiusFill,
        type: 'fill',
        source: RADIUS_SOURCE,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'fill-color': RADIUS, 'fill-opacity': 0.08 },
      },
    },
    {
      beforeId: SLOTS.plan,
      spec: {
        id: SHORTLIST_LAYERS.radiusLine,
        type: 'line',
        source: RADIUS_SOURCE,
        filter: ['==', ['geometry-type'], 'Polygon'],
        paint: { 'line-color': RADIUS, 'line-width': 2, 'line-dasharray': [2, 1.5] },
      },
    },
    {
      beforeId: SLOTS.plan,
      spec: {
        id: SHORTLIST_LAYERS.radiusCentre,
        type: 'circle',
        source: RADIUS_SOURCE,
        filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-radius': 4, 'circle-color': RADIUS, 'circle-stroke-color': '#fff', 'circle-stroke-width': 2 },
      },
    },
  ];
}

export function nearbyLayers(): { spec: LayerSpecification; beforeId: string }[] {
  return [
    {
      beforeId: SLOTS.plan,
      spec: {
        id: SHORTLIST_LAYERS.nearby,
        type: 'circle',
        source: NEARBY_SOURCE,
        paint: {
          'circle-radius': 9,
          'circle-color': 'rgba(0,0,0,0)',
          'circle-stroke-color': RADIUS,
          'circle-stroke-width': 2,
        },
      },
    },
  ];
}
