// npm run coverage: lists every sentence that names a known place with an industry term and that no
// feature cites, unless sources/coverage-reviewed.yaml reviews it; writes data/coverage.json. Fails on
// any open sentence or stale review. `npm run data` runs the same check.
import { loadInput } from './build-data.ts';
import { writeCoverage } from './lib/coverage-check.ts';
import { buildDataset } from './lib/dataset.ts';

function main() {
  const input = loadInput();
  const built = buildDataset(input);
  if (built.errors.length) {
    console.error('coverage: the dataset does not build; run `npm run data` for the problems');
    process.exit(1);
  }
  if (!writeCoverage(input, built)) process.exit(1);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
