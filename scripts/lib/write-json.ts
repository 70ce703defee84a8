import { writeFileSync } from 'node:fs';

/**
 * Writes JSON deterministically: one feature per line keeps diffs readable and files small.
 * Key order is the order the caller built the objects in.
 */
export function writeJson(path: string, value: unknown): void {
  const v = value as { type?: string; features?: unknown[] };
  let text: string;
  if (v && v.type === 'FeatureCollection' && Array.isArray(v.features)) {
    const { features, ...rest } = v;
    const head = JSON.stringify(rest).slice(0, -1);
    text = `${head}${head.length > 1 ? ',' : ''}"features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
  } else {
    text = `${JSON.stringify(value, null, 2)}\n`;
  }
  writeFileSync(path, text);
}
