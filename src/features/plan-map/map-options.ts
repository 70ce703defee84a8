import type { MapOptions } from 'maplibre-gl';
import { basemapStyle, FUJIAN_BOUNDS } from '../../map-style/basemap-style.ts';
import { useAppStore } from '../../state/store.ts';

const LOCAL_CJK_FONTS = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

/** The widest view: China whole. The tile archive starts at this zoom (scripts/lib/plan-split.ts). */
export const PLAN_MAP_MIN_ZOOM = 3;

/** How the map starts: the link's own view (applied to the store before the first render) or Fujian. */
export function planMapOptions(): Omit<MapOptions, 'container'> {
  const { view, lang } = useAppStore.getState();
  return {
    style: basemapStyle(lang),
    ...(view ? { center: [view.lng, view.lat], zoom: view.zoom } : { bounds: FUJIAN_BOUNDS }),
    fitBoundsOptions: { padding: 20 },
    localIdeographFontFamily: LOCAL_CJK_FONTS,
    attributionControl: { compact: true, customAttribution: 'Natural Earth · echarts map data' },
    maxBounds: [95, 10, 140, 48],
    minZoom: PLAN_MAP_MIN_ZOOM,
    dragRotate: false,
    pitchWithRotate: false,
    // Labels appear at once instead of fading in over 300 ms: every faded frame is a full
    // repaint, which a machine without a GPU pays for in full (see README, Performance).
    fadeDuration: 0,
  };
}
