// The taxonomy's hierarchy: an industry includes its sub-industries. A place tagged with a
// sub-industry (集成电路) is also a place of its industry (电子信息) for filters, counts and the map.
import type { Industry } from './types.ts';

/** A function from industry ids to those ids plus all their ancestors, in taxonomy order. */
export function rollupOf(industries: readonly Industry[]): (ids: readonly string[]) => string[] {
  const byId = new Map(industries.map((i) => [i.id, i]));
  const order = new Map(industries.map((i, n) => [i.id, n]));
  return (ids) => {
    const out = new Set<string>();
    for (const id of ids) {
      // Bounded walk: a malformed parent chain cannot loop.
      let current: string | undefined = id;
      for (let depth = 0; current && depth < 8 && !out.has(current); depth++) {
        out.add(current);
        current = byId.get(current)?.parent;
      }
    }
    return [...out].sort((a, b) => (order.get(a) ?? Infinity) - (order.get(b) ?? Infinity));
  };
}

export interface IndustryTreeEntry {
  industry: Industry;
  depth: number;
}

const trees = new WeakMap<readonly Industry[], Map<string, readonly IndustryTreeEntry[]>>();

/**
 * Industries as a tree for lists: each top-level entry of a group followed by its sub-industries.
 * Once per taxonomy and group: the filter panel lists every group again on each filter.
 */
export function industryTree(industries: readonly Industry[], group: string): readonly IndustryTreeEntry[] {
  let byGroup = trees.get(industries);
  if (!byGroup) trees.set(industries, (byGroup = new Map()));
  let tree = byGroup.get(group);
  if (!tree) byGroup.set(group, (tree = buildIndustryTree(industries, group)));
  return tree;
}

function buildIndustryTree(industries: readonly Industry[], group: string): IndustryTreeEntry[] {
  const inGroup = industries.filter((i) => i.group === group);
  const ids = new Set(inGroup.map((i) => i.id));
  const out: IndustryTreeEntry[] = [];
  const visit = (i: Industry, depth: number) => {
    out.push({ industry: i, depth });
    for (const child of inGroup) if (child.parent === i.id) visit(child, depth + 1);
  };
  for (const i of inGroup) if (!i.parent || !ids.has(i.parent)) visit(i, 0);
  return out;
}
