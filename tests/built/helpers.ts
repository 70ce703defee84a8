// Shared by the built-app tests: build the app as `npm run build` does, serve it as `vite preview`
// does, and wait for the map.
import { build, preview, type InlineConfig, type PreviewServer } from 'vite';
import type { Page } from 'playwright';

/**
 * Builds the app into `outDir` with the project's vite.config.ts, as `npm run build` does: with
 * NODE_ENV=production (Vitest sets it to "test", and Vite and the service worker's build would
 * then keep React's and Workbox's development code). `precompress` is the PRECOMPRESS setting
 * of the step that writes .gz/.br files (vite.config.ts): most tests need none of them.
 */
export async function buildApp(
  outDir: string,
  { precompress = 'off', ...config }: InlineConfig & { precompress?: 'off' | 'fast' | 'on' } = {},
): Promise<void> {
  const before = { PRECOMPRESS: process.env.PRECOMPRESS, NODE_ENV: process.env.NODE_ENV };
  Object.assign(process.env, { PRECOMPRESS: precompress, NODE_ENV: 'production' });
  try {
    await build({
      configFile: 'vite.config.ts',
      logLevel: 'error',
      ...config,
      build: { outDir, emptyOutDir: true, ...config.build },
    });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

/** Serves a build on a free loopback port; `origin` has no trailing slash. */
export async function serveApp(outDir: string, base?: string): Promise<{ server: PreviewServer; origin: string }> {
  const server = await preview({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    ...(base ? { base } : {}),
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false },
  });
  return { server, origin: new URL(server.resolvedUrls!.local[0]).origin };
}

export const mapReady = (page: Page) =>
  page.waitForFunction(() => document.documentElement.dataset.mapReady === 'true', null, { timeout: 60_000 });
