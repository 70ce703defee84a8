// A declared layer: added when mounted (below `beforeId` when that layer exists), then only what
// changed is sent to MapLibre — a filter, a paint or layout property, the zoom range — and it is
// removed on unmount. Layout changes make MapLibre re-tile the layer's source, so an unchanged
// value is never sent again.
import { useEffect, useRef, useState } from 'react';
import type { LayerSpecification, Map as MapLibreMap } from 'maplibre-gl';
import { styleEqual } from './equal.ts';
import { useMap } from './MapProvider.tsx';

type Props = Record<string, unknown>;

// Filters here are built by code, not typed by a person, and can be long (a search can list
// 100,000 ids): MapLibre's style validator is skipped for them.
const NO_VALIDATION = { validate: false };

function update(map: MapLibreMap, prev: LayerSpecification, next: LayerSpecification) {
  const id = next.id;
  const p = prev as Props;
  const n = next as Props;
  if (!styleEqual(p.filter, n.filter)) map.setFilter(id, (n.filter ?? null) as never, NO_VALIDATION);
  for (const group of ['layout', 'paint'] as const) {
    const before = (p[group] ?? {}) as Props;
    const after = (n[group] ?? {}) as Props;
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (styleEqual(before[key], after[key])) continue;
      if (group === 'layout') map.setLayoutProperty(id, key as never, after[key] as never, NO_VALIDATION);
      else map.setPaintProperty(id, key as never, after[key] as never, NO_VALIDATION);
    }
  }
  if (p.minzoom !== n.minzoom || p.maxzoom !== n.maxzoom)
    map.setLayerZoomRange(id, (n.minzoom as number) ?? 0, (n.maxzoom as number) ?? 24);
}

/** The source a layer draws from, if it names one. */
const sourceOf = (spec: LayerSpecification): string | undefined =>
  'source' in spec && typeof spec.source === 'string' ? spec.source : undefined;

/** Whether the map has the source `id` (true when there is none to wait for); re-renders when it arrives. */
function useSourcePresent(map: MapLibreMap | null, id: string | undefined): boolean {
  const [, setArrived] = useState(0);
  const present = !map || !id || map.getSource(id) !== undefined;
  useEffect(() => {
    if (!map || !id || present) return;
    const check = () => {
      if (map.getSource(id)) setArrived((n) => n + 1);
    };
    map.on('sourcedata', check);
    return () => void map.off('sourcedata', check);
  }, [map, id, present]);
  return present;
}

export function Layer({ spec, beforeId }: { spec: LayerSpecification; beforeId?: string }) {
  const map = useMap();
  const current = useRef<LayerSpecification | null>(null);
  // A layer declared before its source (another component's) waits for it.
  const ready = useSourcePresent(map, sourceOf(spec));

  useEffect(() => {
    if (!map || !ready) return;
    map.addLayer(spec, beforeId && map.getLayer(beforeId) ? beforeId : undefined);
    current.current = spec;
    return () => {
      current.current = null;
      if (map.style && map.getLayer(spec.id)) map.removeLayer(spec.id);
    };
    // Added once per map and id; later changes go through `update`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [map, spec.id, ready]);

  useEffect(() => {
    if (!map || !current.current || current.current === spec) return;
    update(map, current.current, spec);
    current.current = spec;
  }, [map, spec]);

  return null;
}
