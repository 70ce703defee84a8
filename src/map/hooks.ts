// Imperative corners of MapLibre as hooks that clean up after themselves: event listeners,
// controls, and properties of layers that the style itself declares (basemap labels).
import { useEffect, useRef } from 'react';
import type { ControlPosition, IControl, Map as MapLibreMap, MapEventType, MapMouseEvent } from 'maplibre-gl';
import { styleEqual } from './equal.ts';
import { useMap } from './MapProvider.tsx';

/**
 * Listens to a map event while mounted (on one layer's features when `layerIds` is given). The
 * newest handler is always called; the listener itself is added once and removed on unmount.
 */
export function useMapEvent<T extends keyof MapEventType>(
  type: T,
  handler: (event: MapEventType[T], map: MapLibreMap) => void,
  layerIds?: string[],
): void {
  const map = useMap();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  const layers = layerIds?.join('\n');
  useEffect(() => {
    if (!map) return;
    const listener = (e: MapEventType[T]) => latest.current(e, map);
    if (layers) {
      const ids = layers.split('\n');
      map.on(type as never, ids, listener as never);
      return () => void map.off(type as never, ids, listener as never);
    }
    map.on(type, listener);
    return () => void map.off(type, listener);
  }, [map, type, layers]);
}

/** Click priorities: a one-off pick (a point for a search) > overlays drawn on top > the base layers. */
export const CLICK_PRIORITY = { pick: 30, overlay: 20, base: 10 } as const;

type ClickHandler = (event: MapMouseEvent, map: MapLibreMap) => boolean;
const clickHandlers = new WeakMap<MapLibreMap, { priority: number; handler: { current: ClickHandler } }[]>();

/**
 * One click, one answer: handlers are asked in order of `priority` (highest first, e.g. the layer
 * drawn on top) and the first that returns true takes the click; the others are not called. So a
 * person's own site over a plan place opens one popup, not two.
 */
export function useMapClick(handler: ClickHandler, priority: number): void {
  const map = useMap();
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  }, [handler]);
  useEffect(() => {
    if (!map) return;
    let list = clickHandlers.get(map);
    if (!list) {
      const handlers: { priority: number; handler: { current: ClickHandler } }[] = [];
      clickHandlers.set(map, (list = handlers));
      // One dispatcher per map, for its whole life (map.remove() drops it); handlers come and go.
      map.on('click', (e) => {
        for (const h of [...handlers].sort((a, b) => b.priority - a.priority)) if (h.handler.current(e, map)) return;
      });
    }
    const entry = { priority, handler: latest };
    list.push(entry);
    return () => {
      const l = clickHandlers.get(map);
      if (l) l.splice(l.indexOf(entry), 1);
    };
  }, [map, priority]);
}

/** Adds a control while mounted. */
export function useControl(make: () => IControl, position: ControlPosition): void {
  const map = useMap();
  const makeRef = useRef(make);
  useEffect(() => {
    if (!map) return;
    const control = makeRef.current();
    map.addControl(control, position);
    return () => {
      if (map.hasControl(control)) map.removeControl(control);
    };
  }, [map, position]);
}

/** Keeps a layout property of a style layer at `value`, sending it only when it changes. */
export function useLayoutProperty(layerId: string, name: string, value: unknown): void {
  const map = useMap();
  const sent = useRef<unknown>(undefined);
  useEffect(() => {
    if (!map || !map.getLayer(layerId)) return;
    const now = map.getLayoutProperty(layerId, name as never);
    if (!styleEqual(now, value)) map.setLayoutProperty(layerId, name as never, value as never);
    sent.current = value;
  }, [map, layerId, name, value]);
}
