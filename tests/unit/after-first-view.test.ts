// Work that waits for the first view (src/lib/after-first-view.ts): it starts at the map's first
// idle mark, runs step by step in idle turns, and stops where it is cancelled.
import { afterEach, describe, expect, test } from 'vitest';
import {
  afterFirstView,
  FIRST_VIEW_MARK,
  inIdleAfterFirstView,
  NO_FIRST_VIEW_MARK,
  noFirstView,
} from '../../src/lib/after-first-view.ts';

const turn = () => new Promise((resolve) => setTimeout(resolve, 40));

afterEach(() => {
  performance.clearMarks(FIRST_VIEW_MARK);
  performance.clearMarks(NO_FIRST_VIEW_MARK);
});

describe('inIdleAfterFirstView', () => {
  test('waits for the first view, then runs each step in a turn of its own, in order', async () => {
    const ran: string[] = [];
    inIdleAfterFirstView(
      () => ran.push('a'),
      () => ran.push('b'),
    );
    await turn();
    expect(ran).toEqual([]);
    performance.mark(FIRST_VIEW_MARK);
    await turn();
    await turn();
    expect(ran).toEqual(['a', 'b']);
  });

  test('once the first view is drawn, starts at once; cancelled, the steps not yet run do not run', async () => {
    performance.mark(FIRST_VIEW_MARK);
    const ran: string[] = [];
    let cancel = () => {};
    cancel = inIdleAfterFirstView(
      () => {
        ran.push('a');
        cancel();
      },
      () => ran.push('b'),
    );
    await turn();
    await turn();
    expect(ran).toEqual(['a']);

    const none: string[] = [];
    inIdleAfterFirstView(() => none.push('x'))();
    await turn();
    expect(none).toEqual([]);
  });

  test('where the map will draw no first view (no WebGL, failed tiles), what waits for it goes ahead at once', async () => {
    let started = 0;
    afterFirstView(() => started++);
    await turn();
    expect(started).toBe(0);
    noFirstView();
    await turn();
    expect(started).toBe(1);
    // And what comes to wait after that does not wait.
    afterFirstView(() => started++);
    expect(started).toBe(2);
  });
});
