// npm run data: sources/ (records, translations) + seeds/ + data/boundaries/ -> data/features.geojson, data/industries.json,
// data/search-terms.json (sources/search-terms.yaml + OpenCC's tables), and what the first view loads
// cut from data/features.geojson (scripts/lib/plan-split.ts): data/places.json, data/texts/, data/plan.pmtiles;
// data/schema/*.schema.json. Stops with every problem listed (file, record, field) on bad input.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { writeCoverage } from './lib/coverage-check.ts';
import { encodePlacesTableBinary } from '../src/data/places-table-binary.ts';
import { rollupOf } from '../src/data/taxonomy.ts';
import { buildDataset, type DatasetInput } from './lib/dataset.ts';
import { placesTable, planArchive } from './lib/plan-split.ts';
import { FeatureCollectionOut, IndustriesOut, RegionsOut } from './lib/schema.ts';
import { buildSearchTerms } from './lib/search-terms.ts';
import type { SearchTables } from '../src/data/search/fold.ts';
import { writeJson } from './lib/write-json.ts';

const ROOT = resolve(import.meta.dirname, '..');

/** Every .yaml file of a folder, parsed, as `${as}/${name}`; a YAML syntax error becomes data the schema rejects. */
function readYamlFolder(dir: string, as: string): { path: string; data: unknown }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const path = `${as}/${f}`;
      try {
        return { path, data: parse(readFileSync(join(dir, f), 'utf8')) as unknown };
      } catch (e) {
        return { path, data: { yamlError: (e as Error).message } };
      }
    });
}

export function loadInput(
  root = ROOT,
  recordsDir = join(root, 'sources/records'),
  translationsDir = join(root, 'sources/translations'),
): DatasetInput {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  const texts: Record<string, string> = {};
  for (const f of readdirSync(join(root, 'seeds')).sort()) {
    if (f.endsWith('.txt')) texts[f.replace(/\.txt$/, '')] = read(`seeds/${f}`);
  }
  const records = readYamlFolder(recordsDir, 'sources/records');
  const translations = readYamlFolder(translationsDir, 'sources/translations');
  return {
    manifest: JSON.parse(read('seeds/manifest.json')),
    texts,
    taxonomy: parse(read('sources/industries.yaml')),
    records,
    translations,
    counties: JSON.parse(read('data/boundaries/counties.geojson')),
    prefectures: JSON.parse(read('data/boundaries/prefectures.geojson')),
  };
}

function main() {
  const read = (p: string) => readFileSync(join(ROOT, p), 'utf8');
  const input = loadInput();
  const out = buildDataset(input);
  if (out.errors.length) {
    console.error(`npm run data: ${out.errors.length} problem(s); nothing was written.\n`);
    for (const e of out.errors) console.error(`  ${e}`);
    process.exit(1);
  }
  const search = buildSearchTerms(parse(read('sources/search-terms.yaml')));
  if (search.errors.length) {
    for (const e of search.errors) console.error(`  ${e}`);
    process.exit(1);
  }
  mkdirSync(join(ROOT, 'data/schema'), { recursive: true });
  writeJson(join(ROOT, 'data/features.geojson'), out.features);
  const split = placesTable(out.features!, search.out as SearchTables);
  writeJson(join(ROOT, 'data/places.json'), split.table);
  // The same table as the app downloads it: no parsing (src/data/places-table-binary.ts).
  writeFileSync(join(ROOT, 'data/places.bin'), encodePlacesTableBinary(split.table));
  writeJson(join(ROOT, 'data/search-words.json'), split.words);
  // The chunk files are named by their content: old names go.
  rmSync(join(ROOT, 'data/texts'), { recursive: true, force: true });
  mkdirSync(join(ROOT, 'data/texts'));
  for (const t of split.texts) writeJson(join(ROOT, 'data/texts', t.file), t.content);
  writeFileSync(join(ROOT, 'data/plan.pmtiles'), planArchive(out.features!, rollupOf(out.industries!.industries)));
  writeJson(join(ROOT, 'data/industries.json'), out.industries);
  writeJson(join(ROOT, 'data/regions.json'), out.regions);
  writeJson(join(ROOT, 'data/search-terms.json'), search.out);
  writeJson(join(ROOT, 'data/schema/features.schema.json'), z.toJSONSchema(FeatureCollectionOut));
  writeJson(join(ROOT, 'data/schema/industries.schema.json'), z.toJSONSchema(IndustriesOut));
  writeJson(join(ROOT, 'data/schema/regions.schema.json'), z.toJSONSchema(RegionsOut));
  const n = out.features!.features.length;
  console.log(`npm run data: ${n} features`);
  console.log('  by kind:', JSON.stringify(out.stats!.byKind));
  console.log('  by document:', JSON.stringify(out.stats!.byDoc));
  if (!writeCoverage(input, out)) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
