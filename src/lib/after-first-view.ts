// Work that can wait for the first view: the search index, the service worker's downloads.

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
