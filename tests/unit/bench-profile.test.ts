import { describe, expect, it } from 'vitest';
import { busyByThread, cpuTimes, markTime } from '../../bench/profile.ts';

const meta = (pid: number, tid: number, name: string) => ({
  ph: 'M',
  name: 'thread_name',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (pid: number, tid: number, ts: number, dur: number, name = 'RunTask') => ({
  ph: 'X',
  name,
  pid,
  tid,
  ts,
  dur,
});

describe('busyByThread (bench:profile)', () => {
  const events = [
    meta(1, 10, 'CrRendererMain'),
    meta(1, 11, 'DedicatedWorker thread'),
    meta(1, 12, 'DedicatedWorker thread'),
    meta(2, 20, 'CrGpuMain'),
    meta(2, 21, 'VizCompositorThread'),
    // main: 0–10 ms with a nested event (not counted twice), then 20–25 ms; 4 ms of it waiting for the GPU
    task(1, 10, 0, 10_000),
    task(1, 10, 2_000, 4_000, 'CommandBufferProxyImpl::WaitForToken'),
    task(1, 10, 20_000, 5_000),
    task(1, 10, 21_000, 1_000, 'FireAnimationFrame'),
    task(1, 10, 3_000, 1_000, 'FireAnimationFrame'),
    // two workers overlapping in time: their union, 0–30 ms
    task(1, 11, 0, 20_000),
    task(1, 12, 10_000, 20_000),
    task(2, 20, 5_000, 1_000),
    // a thread the profile does not report
    task(2, 21, 0, 99_000),
    // an instant event has no duration
    { ph: 'I', name: 'mark', pid: 1, tid: 10, ts: 1 },
  ];

  it('adds up each thread kind without counting nested or overlapping tasks twice', () => {
    expect(busyByThread(events)).toEqual({
      'page main thread': 15,
      'MapLibre worker(s)': 30,
      'GPU process': 1,
      'main thread waiting for the GPU process': 4,
      'animation frames': 2,
      'main thread in animation frames': 2,
    });
  });

  it('counts only the span between two marks, cutting tasks at its edges', () => {
    const marked = [
      ...events,
      { ph: 'R', name: 'go', pid: 1, tid: 10, ts: 5_000 },
      { ph: 'R', name: 'done', pid: 1, tid: 10, ts: 22_000 },
    ];
    const [from, to] = [markTime(marked, 'go'), markTime(marked, 'done', 'last')];
    expect([from, to]).toEqual([5_000, 22_000]);
    expect(busyByThread(marked, from, to)).toEqual({
      'page main thread': 7,
      'MapLibre worker(s)': 17,
      'GPU process': 1,
      'main thread waiting for the GPU process': 1,
      'animation frames': 1,
      // The frame at 21–22 ms; the one at 3 ms began before the span.
      'main thread in animation frames': 1,
    });
    expect(markTime(marked, 'never')).toBeUndefined();
  });

  it('reports nothing for a thread that did no work', () => {
    expect(busyByThread([meta(1, 10, 'CrRendererMain')])).toEqual({
      'main thread waiting for the GPU process': 0,
      'animation frames': 0,
      'main thread in animation frames': 0,
    });
  });
});

describe('cpuTimes (bench:profile --cpu)', () => {
  const app = 'http://127.0.0.1:1/app/assets/index-abc.js';
  const frame = (functionName: string, url = app) => ({ functionName, url });
  // root → ResultList → Row → render (MapLibre-like, not the app's) ; root → placeCounts → rowsOf ;
  // ResultList → ResultList (recursion: one sample counts once)
  const profile = {
    nodes: [
      { id: 1, callFrame: frame('(root)', ''), children: [2, 5] },
      { id: 2, callFrame: frame('ResultList'), children: [3, 7] },
      { id: 3, callFrame: frame('Row'), children: [4] },
      { id: 4, callFrame: frame('render') },
      { id: 5, callFrame: frame('placeCounts'), children: [6] },
      { id: 6, callFrame: frame('rowsOf') },
      { id: 7, callFrame: frame('ResultList') },
      { id: 8, callFrame: frame('Elsewhere', 'http://127.0.0.1:1/app/assets/PlannerView-x.js') },
    ],
    samples: [4, 4, 6, 3, 7, 8],
    timeDeltas: [1000, 2000, 500, 250, 100, 4000],
  };
  const { self, inclusive, byScript } = cpuTimes(profile);

  it('counts the time sampled in each function itself', () => {
    expect(Object.fromEntries(self)).toEqual({ render: 3, rowsOf: 0.5, Row: 0.25, ResultList: 0.1, Elsewhere: 4 });
  });

  it("counts the app's own functions in the main chunk with what they called, once per sample", () => {
    expect(Object.fromEntries(inclusive)).toEqual({ ResultList: 3.35, Row: 3.25, placeCounts: 0.5, rowsOf: 0.5 });
  });

  it('adds up the time sampled in each script, its content hash left off', () => {
    const hashed = {
      ...profile,
      nodes: [
        ...profile.nodes,
        { id: 9, callFrame: frame('parse', 'http://127.0.0.1:1/app/assets/index-CueKgvVV.js') },
      ],
      samples: [...profile.samples, 9, 1],
      timeDeltas: [...profile.timeDeltas, 700, 300],
    };
    const scripts = cpuTimes(hashed).byScript;
    expect([...scripts.keys()].sort()).toEqual(['(root)', 'PlannerView-x.js', 'index-abc.js', 'index.js']);
    expect(scripts.get('index-abc.js')).toBeCloseTo(3.85);
    expect(scripts.get('index.js')).toBeCloseTo(0.7);
    expect(byScript.get('PlannerView-x.js')).toBe(4);
  });
});
