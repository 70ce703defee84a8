// Runs the coverage check over a built dataset and writes data/coverage.json (used by npm run data and
// npm run coverage).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { computeCoverage, ReviewedFile, type CoverageOutput } from './coverage.ts';
import type { DatasetInput, DatasetOutput } from './dataset.ts';
import { Manifest } from './schema.ts';
import { writeJson } from './write-json.ts';

const ROOT = resolve(import.meta.dirname, '../..');
export const REVIEWED_PATH = 'sources/coverage-reviewed.yaml';

export function loadReviewed(root = ROOT): unknown {
  const path = join(root, REVIEWED_PATH);
  return existsSync(path) ? (parse(readFileSync(path, 'utf8')) ?? []) : [];
}

/** Coverage of a built dataset; `reviewed` is the parsed YAML of sources/coverage-reviewed.yaml. */
export function coverageOf(input: DatasetInput, built: DatasetOutput, reviewed: unknown): CoverageOutput {
  const parsedReviewed = ReviewedFile.safeParse(reviewed);
  if (!parsedReviewed.success) {
    const errors = parsedReviewed.error.issues.map((i) => `${REVIEWED_PATH}: ${i.path.join('.')}: ${i.message}`);
    return {
      errors,
      candidates: [],
      report: { totals: { candidates: 0, cited: 0, reviewed: 0, open: 0 }, documents: {} },
    };
  }
  const manifest = Manifest.parse(input.manifest);
  const adminNames = [
    ...input.prefectures.features.map((f) => String(f.properties!.name)),
    ...input.counties.features.map((f) => String(f.properties!.name)),
  ];
  return computeCoverage({
    texts: input.texts,
    scopes: Object.fromEntries(manifest.map((m) => [m.doc, m.anchor_scope])),
    features: built.features!,
    industries: built.industries!,
    adminNames,
    reviewed: parsedReviewed.data,
  });
}

/** Prints the problems and returns false, or writes data/coverage.json and returns true. */
export function writeCoverage(input: DatasetInput, built: DatasetOutput, root = ROOT): boolean {
  const out = coverageOf(input, built, loadReviewed(root));
  if (out.errors.length) {
    console.error(`coverage: ${out.errors.length} problem(s); data/coverage.json was not written.\n`);
    for (const e of out.errors) console.error(`  ${e}\n`);
    return false;
  }
  writeJson(join(root, 'data/coverage.json'), out.report);
  const t = out.report.totals;
  console.log(
    `coverage: ${t.candidates} sentences name a place with an industry: ${t.cited} cited, ${t.reviewed} reviewed, ${t.open} open`,
  );
  return true;
}
