// The planner's "map as PNG": what the map shows now, its legend (kinds drawn, a person's own
// layer, the choropleth's scale when it is on) and the documents behind it.
import { KIND_ORDER, type Dataset, type PlanFeature } from '../../data/types.ts';
import { download, todayStamp } from '../../lib/download.ts';
import { renderMapPng, type PngCaption } from '../../map/export-png.ts';
import { useMap } from '../../map/MapProvider.tsx';
import { choroplethClasses } from '../../map-style/choropleth.ts';
import { KIND_COLORS } from '../../map-style/kind-colors.ts';
import { OWN_LAYER_COLOR } from '../../map-style/own-layer.ts';
import { useAppStore } from '../../state/store.ts';
import { usePlannerLabels } from './usePlannerLabels.ts';

export function useMapPng(dataset: Dataset) {
  const map = useMap();
  const userLayer = useAppStore((s) => s.userLayer);
  const l = usePlannerLabels(dataset);
  const { t } = l;
  return {
    ready: map !== null,
    /** Downloads the PNG; `choropleth`: the industry shaded and its counts, when the shading is on. */
    save: async (places: PlanFeature[], choropleth?: { industry: string; counts: Map<string, number> }) => {
      if (!map) return;
      const kinds = KIND_ORDER.filter((k) => places.some((p) => p.kind === k));
      const docs = dataset.documents.filter((d) => places.some((p) => p.docs.includes(d.doc)));
      const caption: PngCaption = {
        title: t('title'),
        legend: [
          ...kinds.map((k) => ({
            color: KIND_COLORS[k],
            label: l.kindName(k),
            shape: places.some((p) => p.kind === k && p.point !== null) ? ('dot' as const) : ('square' as const),
          })),
          ...(userLayer ? [{ color: OWN_LAYER_COLOR, label: `${t('yourLayer')}: ${userLayer.name}` }] : []),
        ],
        scale: choropleth
          ? {
              title: `${l.industryName(dataset.industryById.get(choropleth.industry)!)} · ${t('placesCount')}`,
              classes: choroplethClasses(Math.max(0, ...choropleth.counts.values())).map((c) => ({
                color: c.color,
                label: c.label,
              })),
            }
          : undefined,
        sources: docs.map((d) => `${l.docLine(d)} (${l.docIssuer(d)})`),
        footnote: `${t('pngFootnote')} · ${todayStamp()}`,
      };
      const { blob } = await renderMapPng(map, caption);
      download(`fujian-plan-map-${todayStamp()}.png`, blob, 'image/png');
    },
  };
}
