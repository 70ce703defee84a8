// Work that can wait for the first view: the search index, the service worker's downloads.
import { onIdle } from './idle.ts';

/** The mark of the map's first view with its places drawn (plan-map/PlanMap.tsx). */
export const FIRST_VIEW_MARK = 'map:first-idle';
/** The mark that the map will draw no first view: no WebGL, no context, its places' tiles failed. */
export const NO_FIRST_VIEW_MARK = 'map:no-first-view';

/** What waits for the map's first view goes ahead now: there will be none (noFirstView's cases). */
export function noFirstView(): void {
  performance.mark(NO_FIRST_VIEW_MARK);
}

const firstViewOver = (marks: { getEntriesByName(name: string): PerformanceEntryList }) =>
  marks.getEntriesByName(FIRST_VIEW_MARK).length > 0 || marks.getEntriesByName(NO_FIRST_VIEW_MARK).length > 0;

/**
 * Calls `start` once the map has first drawn the places (the `map:first-idle` mark), so that work
 * which can wait does not compete with the first view; at once where the map will draw none
 * (`noFirstView`); after a few seconds in any case.
 */
export function afterFirstView(start: () => void): () => void {
  let started = false;
  const go = () => {
    if (started) return;
    started = true;
    observer?.disconnect();
    clearTimeout(timer);
    start();
  };
  const timer = setTimeout(go, 5000);
  let observer: PerformanceObserver | null = null;
  if (firstViewOver(performance)) go();
  else if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      if (firstViewOver(list)) go();
    });
    observer.observe({ type: 'mark' });
  }
  return () => {
    started = true;
    observer?.disconnect();
    clearTimeout(timer);
  };
}

/**
 * Runs `steps` once the first view is drawn (afterFirstView), each in an idle callback of its own
 * (lib/idle.ts), so that the page may draw between them. Returns a function that cancels the steps
 * that have not run.
 */
export function inIdleAfterFirstView(...steps: (() => void)[]): () => void {
  let cancelled = false;
  let cancelIdle = () => {};
  const from = (k: number) => {
    if (k < steps.length && !cancelled)
      cancelIdle = onIdle(() => {
        steps[k]();
        from(k + 1);
      });
  };
  const cancel = afterFirstView(() => from(0));
  return () => {
    cancelled = true;
    cancel();
    cancelIdle();
  };
}
