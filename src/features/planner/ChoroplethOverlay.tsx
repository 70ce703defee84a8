// The choropleth on the shared map, while the choropleth tab shows it: prefectures shaded by the
// number of places planning the chosen industry, over the plan's area fills.
import { useMemo } from 'react';
import { choroplethCounts } from '../../data/choropleth.ts';
import type { Dataset } from '../../data/types.ts';
import { Layer } from '../../map/Layer.tsx';
import { SLOTS } from '../../map-style/basemap-style.ts';
import { choroplethLayer } from '../../map-style/choropleth.ts';
import { useAppStore } from '../../state/store.ts';

export function ChoroplethOverlay({ dataset, industry }: { dataset: Dataset; industry: string }) {
  const filters = useAppStore((s) => s.filters);
  const spec = useMemo(
    () => choroplethLayer(choroplethCounts(dataset, industry, filters)),
    [dataset, industry, filters],
  );
  return <Layer spec={spec} beforeId={SLOTS.overlays} />;
}
