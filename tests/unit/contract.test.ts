// The dataset's contract is written twice — the build's zod schemas (scripts/lib/schema.ts, which
// also make the JSON Schemas) and the app's types (src/data/types.ts) — so this test holds them
// equal: the type checks run under `tsc` (npm run lint), the value checks here.
import { describe, expect, expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import {
  FeatureProperties,
  IndustriesOut,
  KINDS,
  PRECISIONS,
  RegionsOut,
  SourceOut,
} from '../../scripts/lib/schema.ts';
import {
  KIND_ORDER,
  type Industry,
  type IndustryGroup,
  type Kind,
  type Precision,
  type Region,
  type StoredClause,
  type StoredProperties,
} from '../../src/data/types.ts';

describe('the build schema and the app types are one contract', () => {
  test('kinds and precisions', () => {
    expect([...KIND_ORDER].sort()).toEqual([...KINDS].sort());
    expectTypeOf<(typeof KINDS)[number]>().toEqualTypeOf<Kind>();
    expectTypeOf<(typeof PRECISIONS)[number]>().toEqualTypeOf<Precision>();
  });

  test('a place and its clauses', () => {
    expectTypeOf<z.infer<typeof SourceOut>>().toEqualTypeOf<StoredClause>();
    // The app's type lists the build's fields (and the build the app's): each is assignable to the other.
    expectTypeOf<z.infer<typeof FeatureProperties>>().toExtend<StoredProperties>();
    expectTypeOf<StoredProperties>().toExtend<z.infer<typeof FeatureProperties>>();
  });

  test('industries and regions', () => {
    expectTypeOf<z.infer<typeof IndustriesOut>['industries'][number]>().toExtend<Industry>();
    expectTypeOf<z.infer<typeof IndustriesOut>['groups'][number]>().toExtend<IndustryGroup>();
    expectTypeOf<z.infer<typeof RegionsOut>[number]>().toEqualTypeOf<Region>();
  });
});
