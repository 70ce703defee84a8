import type { Dataset } from '../../data/types.ts';
import { useI18n } from '../../state/use-i18n.ts';
import type { RegionColumn } from './analysis.ts';

export function usePlannerLabels(dataset: Dataset) {
  const i18n = useI18n();
  const columnLabel = (c: RegionColumn) => {
    if (c.type === 'prefecture') {
      const r = dataset.regionByCode.get(c.ref);
      return r ? i18n.regionName(r) : c.ref;
    }
    const f = dataset.byId.get(c.ref);
    return f ? i18n.featureName(f) : c.ref;
  };
  return { ...i18n, columnLabel };
}
