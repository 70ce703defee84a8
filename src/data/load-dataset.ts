import placesUrl from '../../data/places.bin?url';
import searchWordsUrl from '../../data/search-words.json?url';
import industriesJson from '../../data/industries.json';
import regionsJson from '../../data/regions.json';
import manifestJson from '../../seeds/manifest.json';
import type { Dataset, DocumentMeta, Industry, IndustryGroup, Region } from './types.ts';
import { rollupOf } from './taxonomy.ts';
import {
  damagedTableMessage,
  decodePlacesTable,
  decodePlacesTableInSlices,
  TableError,
  type DecodedTable,
} from './places-table.ts';
import { BinaryTableError, isBinaryTable, readPlacesTableBinary } from './places-table-binary.ts';
import { shareListIds } from './query.ts';
import { loadSearchTables } from './search/tables.ts';
import { placeWordsOf, type PlaceWords } from './search/place-words.ts';
import { fetchJson, fetchOk, networkError, notJson } from './fetch-json.ts';
import { afterFirstView } from '../lib/after-first-view.ts';
import { tableReceiver, unpackTable } from './places-table-transfer.ts';
import type { TableWorkerReply, TableWorkerRequest } from './places-table.worker.ts';

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

type Taxonomy = { groups: IndustryGroup[]; industries: Industry[] };

const damaged = (e: unknown) => (e instanceof TableError ? new Error(damagedTableMessage(e.message), { cause: e }) : e);

/**
 * Builds the in-memory dataset from the attribute table (data/places.json, places-table.ts): rows
 * that cannot be read are skipped and reported; a file that is not such a table throws.
 */
export function datasetFrom(
  json: unknown,
  industries: Taxonomy,
  regions: Region[],
  documents: DocumentMeta[],
  /** Where the table was read from: its text chunks' URLs are relative to it. */
  tableUrl: string = 'http://localhost/data/places.json',
): Dataset {
  const documentById = new Map(documents.map((d) => [d.doc, d]));
  let decoded: DecodedTable;
  try {
    decoded = decodePlacesTable(json, documentById, rollupOf(industries.industries));
  } catch (e) {
    throw damaged(e);
  }
  return datasetOf(decoded, industries, regions, documents, documentById, tableUrl);
}

/** datasetFrom, decoding in slices with a turn of the event loop between them (the page's path). */
async function datasetInSlices(
  json: unknown,
  industries: Taxonomy,
  regions: Region[],
  documents: DocumentMeta[],
  tableUrl: string,
): Promise<Dataset> {
  const documentById = new Map(documents.map((d) => [d.doc, d]));
  let decoded: DecodedTable;
  try {
    decoded = await decodePlacesTableInSlices(json, documentById, rollupOf(industries.industries), pageTurn);
  } catch (e) {
    throw damaged(e);
  }
  return datasetOf(decoded, industries, regions, documents, documentById, tableUrl);
}

/**
 * A turn of the event loop, for the map's frames and input: a task at the back of the queue, behind
 * MapLibre's (its workers' tiles, its frames). Not scheduler.yield, whose continuation goes ahead of
 * them: at 100,000 places the decode then held the map's first view back by 0.7 s (medians of 6
 * runs: first-idle 3090 → 2366 ms, the list as soon as before, 2721 → 2718 ms).
 */
export const pageTurn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

function datasetOf(
  decoded: DecodedTable,
  industries: Taxonomy,
  regions: Region[],
  documents: DocumentMeta[],
  documentById: Map<string, DocumentMeta>,
  tableUrl: string,
): Dataset {
  const { features, byId, problems, table, listOrder, listOrderSorted, listIds } = decoded;
  shareListIds(features, listIds);
  const t = table.texts;
  const texts =
    t && isStringArray(t.files) ? { chunk: t.chunk, urls: t.files.map((f) => new URL(`texts/${f}`, tableUrl).href) } : null;
  if (!texts) problems.push('the table lists no text files: clauses and notes cannot be shown');
  return {
    features,
    texts,
    // A table without it has tiles from the map's own minimum zoom.
    tileMinZoom: table.tiles?.minzoom ?? 0,
    listOrder,
    listOrderSorted,
    byId,
    industries: industries.industries,
    industryById: new Map(industries.industries.map((i) => [i.id, i])),
    groups: industries.groups,
    regions,
    regionByCode: new Map(regions.map((r) => [r.code, r])),
    documents,
    documentById,
    problems,
  };
}

const PLAN_DATA = { en: 'plan data', zh: '规划数据' };

/**
 * The attribute table: downloaded here (the page preloads it; a large one is taken in after the map's
 * first view, tableBytes), parsed by a worker (places-table.worker.ts) while the page goes on drawing
 * the map; parsed here where no worker can be started.
 */
async function fetchTable(url: string): Promise<unknown> {
  const response = await fetchOk(url, PLAN_DATA);
  let worker: Worker;
  try {
    worker = new Worker(new URL('./places-table.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return parseHere(response);
  }
  // Listening from the start: a script that fails to load may say so before the bytes are in.
  let failed = false;
  const receiver = tableReceiver();
  const reply = new Promise<{ table: unknown } | 'failed'>((resolve, reject) => {
    // The table comes in parts, each taken in a task of its own (places-table-transfer.ts).
    worker.onmessage = (e: MessageEvent<TableWorkerReply>) => {
      try {
        const done = receiver.take(e.data);
        if (done) resolve(done);
      } catch (error) {
        reject(error as Error);
      }
    };
    worker.onerror = (e) => {
      e.preventDefault();
      failed = true;
      resolve('failed');
    };
  });
  const bytes = await tableBytes(response).catch(() => null);
  if (!bytes) {
    worker.terminate();
    throw networkError(PLAN_DATA);
  }
  // The worker could not run: the page parses the bytes itself.
  if (failed) {
    worker.terminate();
    return parseBytes(bytes);
  }
  worker.postMessage({ bytes, what: PLAN_DATA } satisfies TableWorkerRequest, [bytes]);
  let answer: { table: unknown } | 'failed';
  try {
    answer = await reply;
  } finally {
    worker.terminate();
  }
  // It failed after the bytes went to it: the page downloads the file again and parses it.
  if (answer === 'failed') return parseHere(await fetchOk(url, PLAN_DATA));
  return answer.table;
}

/**
 * Above this size the table's body is taken in only after the map's first view (afterFirstView).
 * A national table (33 MB at 100,000 places) taken in at once competes with the map for the two
 * cores the page has: first-idle at 100k 1934 → 1556 ms against the empty map's 1195 (medians of 8,
 * interleaved), for a list 0.15 s later. The real table (75 KB) is far below it: its list is as early
 * as before. The file is still preloaded: its bytes wait in the browser's cache.
 */
export const LARGE_TABLE_BYTES = 2 ** 20;

/** The table's bytes, the body of a large table (LARGE_TABLE_BYTES) read after the first view. */
async function tableBytes(response: Response): Promise<ArrayBuffer> {
  const header = response.headers.get('Content-Length');
  const length = header === null ? NaN : Number(header);
  if (length <= LARGE_TABLE_BYTES || !response.body) return response.arrayBuffer();
  const firstView = () => new Promise<void>((resolve) => afterFirstView(resolve));
  if (length > LARGE_TABLE_BYTES) {
    await firstView();
    return response.arrayBuffer();
  }
  // No length given (a host that compresses on the fly): read until the table proves large.
  const reader = response.body.getReader();
  const parts: Uint8Array<ArrayBuffer>[] = [];
  let size = 0;
  let waited = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    size += value.byteLength;
    if (!waited && size > LARGE_TABLE_BYTES) {
      waited = true;
      await firstView();
    }
  }
  return new Blob(parts).arrayBuffer();
}

/** The table from its bytes, on the page: the binary form (places-table-binary.ts), or the JSON. */
function parseBytes(bytes: ArrayBuffer): unknown {
  if (isBinaryTable(bytes)) {
    try {
      return unpackTable(readPlacesTableBinary(bytes));
    } catch (e) {
      throw e instanceof BinaryTableError ? new Error(damagedTableMessage(e.message), { cause: e }) : e;
    }
  }
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw notJson(PLAN_DATA);
  }
}

async function parseHere(response: Response): Promise<unknown> {
  const bytes = await tableBytes(response).catch(() => null);
  if (!bytes) throw networkError(PLAN_DATA);
  return parseBytes(bytes);
}

/** The first view's data: the attribute table (the map's geometry comes from the tiles). */
export async function loadDataset(url = placesUrl): Promise<Dataset> {
  // Search's tables come with the data (in parallel), so the index can be built once both are in.
  const searchTables = loadSearchTables();
  const json = await fetchTable(new URL(url, window.location.href).href);
  await searchTables;
  return datasetInSlices(
    json,
    industriesJson as Taxonomy,
    regionsJson as Region[],
    manifestJson as DocumentMeta[],
    new URL(url, window.location.href).href,
  );
}

const placeWords = new WeakMap<Dataset, Promise<PlaceWords | null>>();

/**
 * The places' words folded for search (data/search-words.json, search/place-words.ts), once per
 * dataset, fetched after the first view; null when the file cannot be had or does not fit.
 */
export function loadPlaceWords(dataset: Dataset, url: string = searchWordsUrl): Promise<PlaceWords | null> {
  let words = placeWords.get(dataset);
  if (!words) {
    words = Promise.resolve()
      .then(() => fetchJson<unknown>(new URL(url, window.location.href).href, { en: 'search words', zh: '搜索词' }))
      .then(
        (json) => placeWordsOf(dataset.features, json),
        () => null,
      );
    placeWords.set(dataset, words);
  }
  return words;
}
