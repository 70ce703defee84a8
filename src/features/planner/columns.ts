import type { Dataset } from '../../data/types.ts';
import { prefectureColumn, zoneColumn, zoneIds, type RegionColumn } from './analysis.ts';

/** The prefectures of a province, then (optionally) its zones, as comparison columns. */
export function regionColumns(dataset: Dataset, province: string, withZones: boolean): RegionColumn[] {
  const cols = dataset.regions.filter((r) => r.province === province).map((r) => prefectureColumn(r.code));
  if (withZones) {
    for (const id of zoneIds(dataset)) {
      if (dataset.byId.get(id)!.province === province) cols.push(zoneColumn(dataset, id));
    }
  }
  return cols;
}

export { PLANNER_PROVINCES as PROVINCES } from '../../state/model.ts';
