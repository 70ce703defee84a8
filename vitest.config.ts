import { existsSync } from 'node:fs';
import { defineConfig, mergeConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import viteConfig from './vite.config.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.config.ts';

/** The system Chromium the browser tests drive (Playwright's own download cannot work offline). */
const chromium = CHROMIUM_PATH;
const wantsBrowser = !process.argv.includes('--project=unit');
if (wantsBrowser && !existsSync(chromium)) {
  throw new Error(
    `Browser tests need Chromium at ${chromium}. Install it (Debian: apt-get install -y chromium fonts-noto-cjk) ` +
      'or point CHROMIUM_PATH at a Chromium binary. Unit tests alone: npx vitest run --project=unit',
  );
}

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
        },
        {
          // The built app (what `npm start` serves), driven from Node by Playwright: offline, CSP.
          extends: true,
          test: {
            name: 'built',
            environment: 'node',
            include: ['tests/built/**/*.test.ts'],
            testTimeout: 120_000,
            hookTimeout: 120_000,
          },
        },
        {
          extends: true,
          test: {
            name: 'browser',
            include: ['tests/browser/**/*.test.{ts,tsx}'],
            // Test files the browser tests read that the build makes (tests/browser/generated/).
            globalSetup: ['tests/browser/setup/national-archive.ts'],
            testTimeout: 60_000,
            hookTimeout: 60_000,
            browser: {
              enabled: true,
              headless: true,
              screenshotFailures: false,
              provider: playwright({
                launchOptions: {
                  executablePath: chromium,
                  args: CHROMIUM_ARGS,
                },
              }),
              instances: [{ browser: 'chromium', viewport: { width: 1366, height: 800 } }],
            },
          },
        },
      ],
    },
  }),
);
