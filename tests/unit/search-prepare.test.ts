// The search index is built in idle slices after the first view (prepareSearch). A page that is
// never idle (the map drawing a filter) gets its idle callbacks by their timeout, with no idle time
// left: the build must still move on, not wait for the first search to do it all at once.
import { afterEach, expect, test, vi } from 'vitest';
import { prepareSearch } from '../../src/state/use-places.ts';
import { realDataset } from '../support/dataset.ts';

afterEach(() => vi.unstubAllGlobals());

/** Runs idle callbacks as a busy page gets them; resolves with how many ran until none was asked for. */
function busyPage(deadline: { timeRemaining: () => number; didTimeout: boolean }) {
  const pending: ((d: typeof deadline) => void)[] = [];
  vi.stubGlobal('requestIdleCallback', (cb: (d: typeof deadline) => void) => pending.push(cb));
  vi.stubGlobal('cancelIdleCallback', () => {});
  return () => {
    let ran = 0;
    while (pending.length && ran < 1000) {
      pending.shift()!(deadline);
      ran++;
    }
    return { ran, stillAsking: pending.length > 0 };
  };
}

/** prepareSearch starts slicing once the build's folded words are fetched (in Node: none, at once). */
const wordsFetched = () => new Promise((resolve) => setTimeout(resolve, 0));

test('with no idle time, callbacks that come by their timeout still build the index', async () => {
  const run = busyPage({ timeRemaining: () => 0, didTimeout: true });
  prepareSearch(realDataset());
  await wordsFetched();
  const { ran, stillAsking } = run();
  expect(stillAsking).toBe(false);
  expect(ran).toBeLessThan(10);
});

test('with idle time, the index is built in idle slices and then stops asking', async () => {
  const run = busyPage({ timeRemaining: () => 5, didTimeout: false });
  prepareSearch(realDataset());
  await wordsFetched();
  expect(run().stillAsking).toBe(false);
});
