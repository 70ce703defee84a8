import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { selectPlaces, type Filters } from '../data/query.ts';
import {
  createIndexBuilder,
  hasQueryWords,
  matchedIds,
  matchQuery,
  type IndexBuilder,
  type QueryMatch,
  type SearchIndex,
} from '../data/search/index.ts';
import { searchTables } from '../data/search/tables.ts';
import type { Dataset, PlanFeature } from '../data/types.ts';
import { loadPlaceWords } from '../data/load-dataset.ts';
import type { PlaceWords } from '../data/search/place-words.ts';
import { useAppStore } from './store.ts';
import { onIdle, type IdleDeadline } from '../lib/idle.ts';

const searchIndexes = new WeakMap<Dataset, { builder: IndexBuilder; done: boolean }>();
/** The places' words as the build folded them, once fetched (prepareSearch): the index need not fold them. */
const fetchedWords = new WeakMap<Dataset, PlaceWords | null>();
const buildOf = (dataset: Dataset) => {
  let build = searchIndexes.get(dataset);
  if (!build)
    searchIndexes.set(
      dataset,
      (build = {
        builder: createIndexBuilder(dataset, searchTables(), fetchedWords.get(dataset) ?? null),
        done: false,
      }),
    );
  return build;
};

/** The search index of a dataset (`buildSearchIndex`), finished now if idle time has not done it yet. */
export function searchIndexOf(dataset: Dataset): SearchIndex {
  const build = buildOf(dataset);
  build.done = true;
  return build.builder.finish();
}

/** What the query matched (words, industries, scores), for rows that show why; null for no words. */
export function queryMatchOf(dataset: Dataset, query: string): QueryMatch | null {
  return hasQueryWords(query) ? matchQuery(searchIndexOf(dataset), query) : null;
}

/** The longest a slice of index building holds the main thread when there is no idle time. */
const SLICE_MS = 10;

/**
 * Fetches the places' words as the build folded them (data/search-words.json), then builds the
 * search index in idle time, a slice at a time, so that the first search does not wait for it (at
 * 100,000 places: a few hundred milliseconds with the file, about two seconds folding without it).
 * Returns a function that stops it.
 */
export function prepareSearch(dataset: Dataset): () => void {
  let cancel = () => {};
  let stopped = false;
  const slice = (deadline: IdleDeadline) => {
    const build = buildOf(dataset);
    // A busy page (the map drawing a filter, say) may leave no idle time for seconds: when the
    // callback comes by its timeout instead, it still takes a slice of its own, or the index would
    // wait for the first search to finish it in one go.
    const end = deadline.didTimeout ? performance.now() + SLICE_MS : 0;
    while (deadline.timeRemaining() > 2 || performance.now() < end) {
      for (let i = 0; i < 200; i++) {
        if (build.done) return;
        if (!build.builder.step()) {
          build.builder.finish();
          build.done = true;
          return;
        }
      }
    }
    cancel = onIdle(slice);
  };
  // The build's folded words first (a search before they are in folds them itself).
  void loadPlaceWords(dataset).then((words) => {
    if (!searchIndexes.has(dataset)) fetchedWords.set(dataset, words);
    if (!stopped && !buildOf(dataset).done) cancel = onIdle(slice);
  });
  return () => {
    stopped = true;
    cancel();
  };
}

export interface Places {
  places: PlanFeature[];
  searchIds: string[] | null;
}

const NONE: Places = { places: [], searchIds: null };
let last: { dataset: Dataset; filters: Filters; query: string; value: Places } | null = null;

/**
 * The selection for one state of the store. The map, the list and the planner all ask for the same
 * state at once, so the last answer is kept: one computation per change, not one per component.
 * The search index is only built once someone searches.
 */
export function placesFor(dataset: Dataset, filters: Filters, query: string): Places {
  if (last && last.dataset === dataset && last.filters === filters && last.query === query) return last.value;
  const match = queryMatchOf(dataset, query);
  const value = {
    places: selectPlaces(dataset, filters, match),
    searchIds: match ? matchedIds(searchIndexOf(dataset), match) : null,
  };
  last = { dataset, filters, query, value };
  return value;
}

/** The places the current filters and search select, and the ids the search alone matched. */
export function usePlaces(): Places {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const query = useAppStore((s) => s.query);
  return useMemo(() => (dataset ? placesFor(dataset, filters, query) : NONE), [dataset, filters, query]);
}

/**
 * `usePlaces` with the filters one step behind the store (React's deferred values): a click on a
 * filter is answered at once by its checkbox, and the list and what follows it (the map's layer
 * filter and camera) in a render that input can interrupt. `current` is false while it lags behind.
 * The search words are not deferred: a keystroke's match costs what it matched (about 15 ms at
 * 100,000 places), and the list shows in the frame that shows the words, not one or two frames
 * after them (the benchmark's search, full runs: 52 → 17 ms at 1,000 places, 75 → 41 ms at 100,000).
 * New data are never deferred (the list is there as soon as the data are).
 */
export function useDeferredPlaces(): Places & {
  current: boolean;
  dataset: Dataset | null;
  filters: Filters;
  query: string;
} {
  const dataset = useAppStore((s) => s.dataset);
  const filters = useAppStore((s) => s.filters);
  const query = useAppStore((s) => s.query);
  const now = useMemo(() => ({ dataset, filters, query }), [dataset, filters, query]);
  const lagging = useDeferredValue(now);
  const deferred = useMemo(() => {
    // The first selection after the data arrive is not deferred: the list is there with the data.
    // Nor is one whose filters have caught up (only the words changed, or nothing).
    if (lagging.dataset !== dataset || lagging.filters === filters) return now;
    // The filters lag: with the words as typed.
    return lagging.query === query ? lagging : { ...lagging, query };
  }, [lagging, now, dataset, filters, query]);
  const places = useMemo(
    () => (deferred.dataset ? placesFor(deferred.dataset, deferred.filters, deferred.query) : NONE),
    [deferred],
  );
  const current = deferred.dataset === dataset && deferred.filters === filters && deferred.query === query;
  return { ...places, current, dataset: deferred.dataset, filters: deferred.filters, query: deferred.query };
}

export type DeferredPlaces = ReturnType<typeof useDeferredPlaces>;

/** What the map draws: the deferred selection without whether it has caught up. */
export type MapSelection = Omit<DeferredPlaces, 'current'>;

/**
 * `useDeferredPlaces` for the map: the same selection, one painted frame after the list. A redraw
 * of the map (new layer filters, count badges, a camera move) costs a frame of its own, up to a
 * hundred milliseconds without a GPU; sent in the list's frame, it would hold that frame back, so
 * the map takes the new selection right after the browser has shown the list. `current`, beside
 * the selection, is false until the map has it (the map pane says so with aria-busy). Run once for
 * the whole map (`MapPlacesProvider` in map-places.tsx): every map component takes the selection
 * in the same commit, so that MapLibre gets one batch of changes per filter, not one per component.
 */
export function useMapPlacesPass(): { selection: MapSelection; current: boolean } {
  const deferred = useDeferredPlaces();
  const { places, searchIds, current, dataset, filters, query } = deferred;
  // One object per selection (useDeferredPlaces spreads a new one each render). Without `current`:
  // the click's own render, which only marks the map busy, leaves the map's components alone.
  const latest = useMemo(
    () => ({ places, searchIds, dataset, filters, query }),
    [places, searchIds, dataset, filters, query],
  );
  const [shown, setShown] = useState(latest);
  useEffect(() => {
    if (shown === latest) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // A task queued from an animation frame runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setShown(latest), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [latest, shown]);
  // New data are drawn at once: there is no earlier list to show first.
  const selection = shown.dataset !== latest.dataset ? latest : shown;
  return { selection, current: current && selection === latest };
}
