// What both reference pages share: the view and map size from the query string, the data URL, and
// the performance marks the benchmark reads (the same names the app uses).

const params = new URLSearchParams(location.search);

/** `?map=zoom/lat/lng` in MapLibre zoom levels (512 px tiles), as the app's URLs. */
export function initialView(): { zoom: number; lat: number; lng: number } {
  const [zoom, lat, lng] = (params.get('map') ?? '6/26/118').split('/').map(Number);
  return { zoom, lat, lng };
}

/** The map element, sized as the app's map pane (`?w=&h=` in CSS pixels). */
export function mapElement(): HTMLDivElement {
  const el = document.getElementById('map') as HTMLDivElement;
  el.style.width = `${Number(params.get('w') ?? 1006)}px`;
  el.style.height = `${Number(params.get('h') ?? 740)}px`;
  return el;
}

/** The benchmark server answers every `features-*.geojson` with the synthetic dataset of the run. */
export const DATA_URL = new URL('./data/features-bench.geojson', document.baseURI).href;
export const BASEMAP_URL = (name: string) => new URL(`./basemap/${name}.geojson`, document.baseURI).href;

let firstIdle = false;
/** Marks an idle map: `map:idle` each time, `map:first-idle` the first time everything is drawn. */
export function markIdle(allDrawn: boolean): void {
  performance.mark('map:idle');
  if (allDrawn && !firstIdle) {
    firstIdle = true;
    performance.mark('map:first-idle');
    requestAnimationFrame(() => requestAnimationFrame(() => performance.mark('map:first-painted')));
    document.documentElement.dataset.mapReady = 'true';
  }
}

export interface BenchHooks {
  /** Toggles "places planned for this industry" on or off, as the app's industry checkbox does. */
  toggleIndustry: (id: string) => void;
  /** How many distinct places the map draws now (a check that the pages draw the same thing). */
  drawn: () => number;
}

declare global {
  interface Window {
    __bench?: BenchHooks;
  }
}
