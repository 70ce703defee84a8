// Before the browser tests (vitest.config.ts, globalSetup): Fujian's places cut as a national
// archive would be, their places from zoom 6 and their count bubbles below it
// (scripts/lib/plan-split.ts, planArchive), for place-counts.test.tsx. Built, not committed: the
// same build as data/plan.pmtiles, with its first zoom given.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { planArchive } from '../../../scripts/lib/plan-split.ts';
import { rollupOf } from '../../../src/data/taxonomy.ts';
import type { Industry } from '../../../src/data/types.ts';
import { NATIONAL_ARCHIVE, NATIONAL_FIRST_ZOOM } from '../support/national.ts';

const ROOT = join(import.meta.dirname, '..', '..', '..');

export default function setup() {
  const collection = JSON.parse(readFileSync(join(ROOT, 'data/features.geojson'), 'utf8')) as FeatureCollection;
  const { industries } = JSON.parse(readFileSync(join(ROOT, 'data/industries.json'), 'utf8')) as {
    industries: Industry[];
  };
  const bytes = planArchive(collection, rollupOf(industries), { placesFrom: NATIONAL_FIRST_ZOOM });
  mkdirSync(dirname(join(ROOT, NATIONAL_ARCHIVE)), { recursive: true });
  writeFileSync(join(ROOT, NATIONAL_ARCHIVE), bytes);
}
