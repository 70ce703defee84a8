// Owns the MapLibre instance: creates it once in its container, registers it with the provider
// when its style has loaded, removes it on unmount. Everything drawn on it is declared elsewhere
// (<Source>, <Layer>, <Popup>), so this component knows nothing of what the app shows.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Map as MapLibreMap, setWorkerUrl, type MapOptions } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
// The worker is a separate, self-contained file: ship it as an asset and tell MapLibre where it is
// (its own default URL does not survive bundling).
import maplibreWorkerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { noFirstView } from '../lib/after-first-view.ts';
import { warmGlyphCanvas } from './glyph-canvas.ts';
import { useSetMap } from './MapProvider.tsx';
import { hasWebGL } from './webgl.ts';
import './map.css';

setWorkerUrl(new URL(maplibreWorkerUrl, document.baseURI).href);
// Before the first map: its labels' canvas then costs the first view nothing (glyph-canvas.ts).
warmGlyphCanvas();

export interface MapCanvasProps {
  /** Read once, when the map is created (style, first view, interaction options). */
  options: () => Omit<MapOptions, 'container'>;
  /** Shown instead of the map where WebGL is missing or no context can be made. */
  fallback: ReactNode;
  /** The map region's accessible name. */
  label: string;
  /** Rendered once the map is ready, inside its context. */
  children?: ReactNode;
}

export function MapCanvas({ options, fallback, label, children }: MapCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const setMap = useSetMap();
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(() => !hasWebGL());
  // The first options are the ones that count: a new function on a later render changes nothing.
  const initialOptions = useRef(options);

  useEffect(() => {
    if (failed || !container.current) return;
    let map: MapLibreMap;
    try {
      map = new MapLibreMap({ container: container.current, ...initialOptions.current() });
    } catch {
      // WebGL exists but no context could be made (blocklisted GPU, lost context).
      queueMicrotask(() => setFailed(true));
      return;
    }
    // Ready once the style is in, not at 'load' (which waits until the basemap is drawn): what is
    // declared on the map then loads beside the basemap instead of after it.
    const onLoad = () => {
      setReady(true);
      setMap(map);
    };
    if (map.isStyleLoaded()) queueMicrotask(onLoad);
    else map.once('style.load', onLoad);
    return () => {
      map.off('style.load', onLoad);
      setMap(null);
      setReady(false);
      map.remove();
    };
  }, [failed, setMap]);

  // No map: what waits for its first view goes ahead.
  useEffect(() => {
    if (failed) noFirstView();
  }, [failed]);

  if (failed) return <>{fallback}</>;
  return (
    <>
      <div ref={container} className="map" data-testid="map" role="region" aria-label={label} />
      {ready && children}
    </>
  );
}
