import { writeFileSync } from 'node:fs';

/**
 * Formats JSON deterministically: a FeatureCollection gets one feature per line and a table of
 * columns (src/data/places-table.ts) one column per line, which keeps diffs readable and files
 * small; anything else is indented. Key order is the order objects were built in.
 */
export function formatJson(value: unknown): string {
  const v = value as { type?: string; features?: unknown[]; columns?: Record<string, unknown>; starts?: unknown };
  // One string and its offsets (src/data/search/place-words.ts): one line each.
  if (v && typeof v === 'object' && Array.isArray(v.starts))
    return `{${Object.entries(v)
      .map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`)
      .join(',\n')}}\n`;
  if (v && typeof v.columns === 'object' && v.columns !== null && !Array.isArray(v.columns)) {
    const { columns, ...rest } = v;
    const head = Object.entries(rest).map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`);
    const body = Object.entries(columns).map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`);
    return `{${head.join(',\n')},\n"columns":{\n${body.join(',\n')}\n}}\n`;
  }
  if (v && v.type === 'FeatureCollection' && Array.isArray(v.features)) {
    const { features, ...rest } = v;
    const head = JSON.stringify(rest).slice(0, -1);
    return `${head}${head.length > 1 ? ',' : ''}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  }
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function writeJson(path: string, value: unknown): void {
  writeFileSync(path, formatJson(value));
}
