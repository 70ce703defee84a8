// `npm run bench:profile -- 100000 [app|maplibre|leaflet ...] [--cpu]`: where the time of the benchmark's
// first-idle and filter goes. One traced run per page (not counted by `npm run bench`: tracing slows
// everything down): how long each thread that draws the map was busy in the span, from a Chrome
// trace: the page's main thread, MapLibre's worker(s), the GPU process (where SwiftShader draws
// WebGL without a GPU), and how long the main thread sat waiting for the GPU process.
// `--cpu`: the app built without minifying, and the filter's main-thread JavaScript from a CPU
// profile: the functions that took most time themselves, and the app's own functions (components,
// hooks, counts) with what they called. `PROFILE_OUT=dir`: the traces and CPU profiles are also
// written there (for Chrome's DevTools or a script of one's own).
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.config.ts';
import { ensureData } from './generate.ts';
import { buildAll, fitView, measurePane, serve } from './run.ts';

type Target = 'app' | 'maplibre' | 'leaflet';
interface TraceEvent {
  ph: string;
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

const THREADS: Record<string, string> = {
  CrRendererMain: 'page main thread',
  'DedicatedWorker thread': 'MapLibre worker(s)',
  CrGpuMain: 'GPU process',
};
/** Trace events in which the page's main thread blocks until the GPU process has caught up. */
const GPU_WAITS = new Set(['CommandBufferProxyImpl::WaitForToken', 'CommandBufferProxyImpl::WaitForGetOffset']);

/** The trace time (µs) of the first or last user-timing mark of that name (`performance.mark`). */
export function markTime(events: TraceEvent[], name: string, which: 'first' | 'last' = 'first'): number | undefined {
  const times = events.filter((e) => e.name === name && e.ph !== 'M').map((e) => e.ts);
  return times.length ? (which === 'first' ? Math.min(...times) : Math.max(...times)) : undefined;
}

/**
 * Busy milliseconds per thread kind between `from` and `to` (trace µs): the union of its tasks'
 * intervals, so nested or overlapping tasks (two workers) are not counted twice; and how many
 * animation frames the page ran.
 */
export function busyByThread(events: TraceEvent[], from = -Infinity, to = Infinity): Record<string, number> {
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const intervals = new Map<string, [number, number][]>();
  let waits = 0;
  let frames = 0;
  let inFrames = 0;
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const [start, end] = [Math.max(e.ts, from), Math.min(e.ts + e.dur, to)];
    if (end <= start) continue;
    const thread = names.get(`${e.pid}:${e.tid}`) ?? '';
    if (thread === 'CrRendererMain' && GPU_WAITS.has(e.name)) waits += end - start;
    if (thread === 'CrRendererMain' && e.name === 'FireAnimationFrame' && e.ts >= from) {
      frames++;
      inFrames += end - start;
    }
    const kind = THREADS[thread];
    if (!kind) continue;
    const list = intervals.get(kind) ?? [];
    list.push([start, end]);
    intervals.set(kind, list);
  }
  const out: Record<string, number> = {};
  for (const [kind, list] of intervals) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [s, t] = list[0];
    for (const [a, b] of list.slice(1)) {
      if (a > t) {
        total += t - s;
        [s, t] = [a, b];
      } else t = Math.max(t, b);
    }
    out[kind] = (total + t - s) / 1000;
  }
  out['main thread waiting for the GPU process'] = waits / 1000;
  // requestAnimationFrame callbacks run: MapLibre draws one map frame in each.
  out['animation frames'] = frames;
  out['main thread in animation frames'] = inFrames / 1000;
  return out;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The app's own functions worth naming in a profile: components, hooks and the counting code. */
const APP_FUNCTION = /^([A-Z][A-Za-z]{2,}|use[A-Z]\w*|\w*(Counts|Places|Facets|Of|Target))$/;

/**
 * Milliseconds per function in a CPU profile: `self` (sampled in the function itself) and, for the
 * app's own functions in its main chunk, `inclusive` (in it or what it called, counted once a sample).
 */
export function cpuTimes(profile: CpuProfile): {
  self: Map<string, number>;
  inclusive: Map<string, number>;
  byScript: Map<string, number>;
} {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const byScript = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const { functionName, url } = byId.get(id)!.callFrame;
    const own = functionName || '(anonymous)';
    self.set(own, (self.get(own) ?? 0) + ms);
    // Which script the time was spent in (the app's chunks, MapLibre's, the browser's own work).
    const script = url
      ? (url.split('/').pop() ?? url).replace(/-[\w-]{8}\.js$/, '.js')
      : `(${own.replace(/[()]/g, '')})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const { functionName, url } = byId.get(at)!.callFrame;
      if (/\/assets\/index-/.test(url) && APP_FUNCTION.test(functionName)) seen.add(functionName);
    }
    for (const name of seen) inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
  });
  return { self, inclusive, byScript };
}

/** Runs `action` under the CPU profiler (0.1 ms samples) and returns what it sampled. */
async function cpuProfiled<T>(page: Page, action: () => Promise<T>): Promise<[T, CpuProfile]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const result = await action();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
  await cdp.detach();
  return [result, profile];
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'gpu', 'v8.execute', 'blink.user_timing'];

async function profile(
  browser: Browser,
  target: Target,
  origin: string,
  map: string,
  pane: { w: number; h: number },
  industry: string,
  cpu: boolean,
): Promise<{
  phases: Record<string, { wall: number; busy: Record<string, number> }>;
  wall?: number;
  cpuProfile?: CpuProfile;
}> {
  const context = await browser.newContext({
    viewport: { width: 1366, height: 800 },
    locale: 'zh-CN',
    bypassCSP: true,
  });
  const page = await context.newPage();
  const url =
    target === 'app'
      ? `${origin}/app/?lang=zh-Hans&map=${map}`
      : `${origin}/pages/${target}.html?map=${map}&w=${pane.w}&h=${pane.h}`;
  /** Runs `action` traced; counts only what happened between the two marks (the measured span). */
  const traced = async (action: () => Promise<number>, from: string, to: string) => {
    await browser.startTracing(page, { categories: CATEGORIES });
    const wall = await action();
    const buffer = await browser.stopTracing();
    if (process.env.PROFILE_OUT)
      writeFileSync(resolve(process.env.PROFILE_OUT, `${target}-${to.replace(/\W+/g, '-')}.trace.json`), buffer);
    const json = JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] } | TraceEvent[];
    const events = Array.isArray(json) ? json : json.traceEvents;
    const [start, end] = [markTime(events, from), markTime(events, to, 'last')];
    if (start === undefined || end === undefined) throw new Error(`the trace has no ${from} or ${to} mark`);
    return { wall, busy: busyByThread(events, start, end) };
  };
  const load = await traced(
    async () => {
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(`document.documentElement.dataset.mapReady === 'true'`, null, {
        timeout: 240_000,
        polling: 100,
      });
      return page.evaluate(() => performance.getEntriesByName('map:first-idle')[0].startTime);
    },
    'navigationStart',
    'map:first-idle',
  );
  await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 1500));
  if (target === 'app') {
    await page.locator('details.filters > summary').click();
    await page.waitForTimeout(300);
  }
  const toggle = () =>
    page.evaluate(
      async ({ app, industry }) => {
        const t0 = performance.mark('bench:toggle').startTime;
        if (app) document.querySelector<HTMLInputElement>(`input[name="industries"][value="${industry}"]`)?.click();
        else
          (window as unknown as { __bench: { toggleIndustry: (id: string) => void } }).__bench.toggleIndustry(industry);
        for (;;) {
          await new Promise((r) => setTimeout(r, 50));
          const applied = performance.getEntriesByName('map:filter').find((e) => e.startTime >= t0)?.startTime;
          const idles = performance
            .getEntriesByName('map:idle')
            .filter((e) => applied !== undefined && e.startTime > applied);
          const last = idles.at(-1)?.startTime;
          if (last !== undefined && performance.now() - last > 300) {
            performance.mark('bench:done', { startTime: last });
            return last - t0;
          }
          if (performance.now() - t0 > 120_000) throw new Error('no idle after the filter');
        }
      },
      { app: target === 'app', industry },
    );
  // The CPU profiler and the trace each slow the page down: one or the other for the filter.
  if (cpu) {
    const [wall, cpuProfile] = await cpuProfiled(page, toggle);
    await context.close();
    return { phases: { load }, wall, cpuProfile };
  }
  const filter = await traced(toggle, 'bench:toggle', 'bench:done');
  await context.close();
  return { phases: { load, filter } };
}

async function main() {
  const args = process.argv.slice(2);
  const n = Number(args.find((a) => /^\d+$/.test(a)) ?? 10_000);
  const targets = args.filter((a): a is Target => ['app', 'maplibre', 'leaflet'].includes(a));
  const cpu = args.includes('--cpu');
  const [meta] = ensureData([n]);
  await buildAll({ minify: !cpu });
  const { origin, server } = await serve(n);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const pane = await measurePane(browser, origin);
    const view = fitView(pane.w, pane.h, meta.bbox);
    const industry = meta.industries[0][0];
    console.log(
      `N = ${n}, one traced run each (tracing slows pages down; compare threads, not totals with npm run bench)`,
    );
    for (const target of targets.length ? targets : (['app', 'maplibre', 'leaflet'] as Target[])) {
      const r = await profile(browser, target, origin, `${view.zoom}/${view.lat}/${view.lng}`, pane, industry, cpu);
      for (const [phase, { wall, busy }] of Object.entries(r.phases)) {
        const parts = Object.entries(busy).map(([k, v]) =>
          k === 'animation frames' ? `${v} ${k}` : `${k} ${Math.round(v)} ms`,
        );
        console.log(`${target.padEnd(8)} ${phase.padEnd(6)} ${Math.round(wall)} ms: ${parts.join(', ')}`);
      }
      if (r.cpuProfile) {
        if (process.env.PROFILE_OUT)
          writeFileSync(resolve(process.env.PROFILE_OUT, `${target}-${n}.cpuprofile`), JSON.stringify(r.cpuProfile));
        const { self, inclusive, byScript } = cpuTimes(r.cpuProfile);
        const top = (m: Map<string, number>) =>
          [...m]
            .filter(([name]) => !['(idle)', '(program)', '(garbage collector)'].includes(name))
            .sort((a, b) => b[1] - a[1])
            .slice(0, Number(process.env.PROFILE_TOP ?? 15))
            .map(([name, ms]) => `${name} ${ms.toFixed(1)}`)
            .join(', ');
        console.log(`${target.padEnd(8)} filter ${Math.round(r.wall ?? 0)} ms, CPU profile (ms, unminified):`);
        console.log(`  self: ${top(self)}`);
        console.log(`  app functions with what they called: ${top(inclusive)}`);
        console.log(`  by script (self): ${top(byScript)}`);
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
