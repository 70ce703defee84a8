// The comparison's rows that depend on the places compared: industries aligned across columns.
import type { Dataset, PlanFeature } from '../../data/types.ts';

export interface IndustryRow {
  id: string;
  /** How many of the compared places plan it. */
  count: number;
  /** Planned by every compared place (and more than one place is compared). */
  shared: boolean;
}

/**
 * One row per industry any compared place plans: shared by all first, then by how many plan it,
 * then in the taxonomy's order. Each industry is one row, so a shared one lines up across columns.
 */
export function industryRows(dataset: Dataset, places: PlanFeature[]): IndustryRow[] {
  const order = new Map(dataset.industries.map((i, n) => [i.id, n]));
  const counts = new Map<string, number>();
  for (const p of places) for (const id of new Set(p.industries)) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts]
    .map(([id, count]) => ({ id, count, shared: places.length > 1 && count === places.length }))
    .sort((a, b) => b.count - a.count || (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
}
