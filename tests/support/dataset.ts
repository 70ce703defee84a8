// The real dataset as the app reads it, for Node tests: one loader instead of a copy per file.
import { readdirSync, readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { datasetFrom } from '../../src/data/load-dataset.ts';
import { outlinesFrom, type Outlines } from '../../src/data/outlines.ts';
import type { SearchTables } from '../../src/data/search/index.ts';
import { withTexts } from '../../src/data/place-texts.ts';
import type {
  Dataset,
  DocumentMeta,
  Industry,
  PlanFeature,
  IndustryGroup,
  PlaceTexts,
  Region,
  TextedPlace,
} from '../../src/data/types.ts';

/** A JSON file of the repository, by its path from the root. */
export const readJson = <T = unknown>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

export const taxonomy = readJson<{ groups: IndustryGroup[]; industries: Industry[] }>('data/industries.json');
export const regions = readJson<Region[]>('data/regions.json');
export const documents = readJson<DocumentMeta[]>('seeds/manifest.json');
export const searchTables = readJson<SearchTables>('data/search-terms.json');

/** An attribute table (src/data/places-table.ts) read with the project's taxonomy, regions and documents. */
export const datasetOf = (table: unknown): Dataset => datasetFrom(table, taxonomy, regions, documents);

/** The real attribute table (`data/places.json`, what the app loads) as a Dataset. */
export const realDataset = (): Dataset => datasetOf(readJson('data/places.json'));

/** The real places with their texts (data/texts/), as the panels show them. */
export const realTextedPlaces = (dataset: Dataset = realDataset()): TextedPlace[] => {
  const texts: Record<string, PlaceTexts> = {};
  for (const file of readdirSync('data/texts').sort())
    Object.assign(texts, readJson<{ places: Record<string, PlaceTexts> }>(`data/texts/${file}`).places);
  return dataset.features.map((f) => {
    const texted = withTexts(f, texts[f.id]);
    if (!texted) throw new Error(`no texts for ${f.id}`);
    return texted;
  });
};

/** The real areas' outlines (`data/features.geojson`), as the app loads them for exports and distances. */
export const realOutlines = (): Outlines => outlinesFrom(readJson<FeatureCollection>('data/features.geojson'));

/** A loaded place as the table stores it: without what the loader computes (roll-ups, point, origin, box, row). */
export const storedOf = ({
  industryRollup: _r,
  point: _p,
  origin: _o,
  bbox: _b,
  row: _w,
  sources,
  ...rest
}: PlanFeature): Record<string, unknown> => ({
  ...rest,
  sources: sources.map(({ industryRollup: _c, ...clause }) => clause),
});

/** A stored place's properties less the words that go to data/texts/ (what the attribute table keeps). */
export const withoutTexts = ({
  function_zh: _f,
  note: _n,
  note_zh: _z,
  sources,
  ...stored
}: Record<string, unknown> & { sources?: Record<string, unknown>[] }): Record<string, unknown> => ({
  ...stored,
  sources: sources!.map(({ quote: _q, quote_en: _e, ...c }) => c),
});
