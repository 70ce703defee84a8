// Work that can wait for a moment when the page has nothing else to do.

export type IdleDeadline = { timeRemaining: () => number; didTimeout?: boolean };

/**
 * Calls `cb` in idle time (requestIdleCallback, within half a second even on a busy page; a timer
 * where the browser has none, as Safari). Returns a function that cancels it.
 */
export function onIdle(cb: (deadline: IdleDeadline) => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(cb, { timeout: 500 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => cb({ timeRemaining: () => 8 }), 16);
  return () => clearTimeout(handle);
}
