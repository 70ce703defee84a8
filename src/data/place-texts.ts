// The words only a panel shows (a place's function and notes, its clauses' quotes and the project's
// English), fetched for the places a panel shows: one small chunk file of data/texts/ per 64 rows of
// the attribute table, each fetched once and kept. Not part of the first view.
import { fetchJson } from './fetch-json.ts';
import type { Dataset, PlaceTexts, PlanFeature, TextedPlace } from './types.ts';

const chunks = new Map<string, Promise<Record<string, PlaceTexts>>>();

async function fetchChunk(url: string): Promise<Record<string, PlaceTexts>> {
  const json = await fetchJson<{ places?: Record<string, PlaceTexts> }>(url, { en: 'clauses', zh: '条款原文' });
  if (!json?.places || typeof json.places !== 'object') throw new Error('The clause file is damaged. 条款文件已损坏。');
  return json.places;
}

function chunk(url: string): Promise<Record<string, PlaceTexts>> {
  let pending = chunks.get(url);
  if (!pending) {
    pending = fetchChunk(url);
    chunks.set(url, pending);
    // A failed download is tried again the next time a panel asks.
    pending.catch(() => chunks.delete(url));
  }
  return pending;
}

/** A place with its texts; its clauses' words in order. Null when the texts do not fit the place. */
export function withTexts(place: PlanFeature, texts: PlaceTexts | undefined): TextedPlace | null {
  if (!texts || !Array.isArray(texts.clauses) || texts.clauses.length !== place.sources.length) return null;
  const { clauses, ...fields } = texts;
  return { ...place, ...fields, sources: place.sources.map((c, i) => ({ ...c, ...clauses[i] })) };
}

/** The places with their texts, in the order given. Rejects with a message a person can read. */
export async function loadPlaceTexts(dataset: Dataset, places: readonly PlanFeature[]): Promise<TextedPlace[]> {
  const { texts } = dataset;
  if (!texts) throw new Error('The data name no clause files. 数据未列出条款文件。');
  const urls = [...new Set(places.map((p) => texts.urls[Math.floor(p.row / texts.chunk)]))];
  if (urls.some((u) => u === undefined)) throw new Error('A place has no clause file. 有地点缺少条款文件。');
  const byUrl = new Map(await Promise.all(urls.map(async (u) => [u, await chunk(u)] as const)));
  return places.map((p) => {
    const texted = withTexts(p, byUrl.get(texts.urls[Math.floor(p.row / texts.chunk)])?.[p.id]);
    if (!texted) throw new Error(`The clauses of ${p.id} are missing or do not match. 条款与地点不符。`);
    return texted;
  });
}
