// Splits a document into runs of text, each with the clauses (of any place) that cover it, so the
// reader can mark every clause the dataset cites without nesting marks.

export interface CitedClause {
  start: number;
  end: number;
  featureIds: string[];
}

export interface Segment {
  start: number;
  end: number;
  clauses: CitedClause[];
}

export function collectClauses(
  features: { id: string; sources: { doc: string; start: number; end: number }[] }[],
  doc: string,
): CitedClause[] {
  const byRange = new Map<string, CitedClause>();
  for (const f of features) {
    for (const s of f.sources) {
      if (s.doc !== doc) continue;
      const key = `${s.start}-${s.end}`;
      const c = byRange.get(key) ?? { start: s.start, end: s.end, featureIds: [] };
      if (!c.featureIds.includes(f.id)) c.featureIds.push(f.id);
      byRange.set(key, c);
    }
  }
  return [...byRange.values()].sort((a, b) => a.start - b.start || a.end - b.end);
}

export function segmentText(length: number, clauses: CitedClause[]): Segment[] {
  const cuts = new Set<number>([0, length]);
  for (const c of clauses) {
    cuts.add(Math.max(0, Math.min(length, c.start)));
    cuts.add(Math.max(0, Math.min(length, c.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (end <= start) continue;
    segments.push({ start, end, clauses: clauses.filter((c) => c.start <= start && c.end >= end) });
  }
  return segments;
}
