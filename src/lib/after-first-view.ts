// Work that can wait for the first view: the search index, the service worker's downloads.
import { onIdle } from './idle.ts';

/**
 * Calls `start` once the map has first drawn the places (the `map:first-idle` mark), so that work
 * which can wait does not compete with the first view; after a few seconds in any case (no map).
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
  if (performance.getEntriesByName('map:first-idle').length) go();
  else if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName('map:first-idle').length) go();
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
