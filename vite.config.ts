import type { ServerResponse } from 'node:http';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { defineConfig, type Plugin, type ResolvedConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * index.html's Content-Security-Policy is for the built app, which has no inline script or style.
 * The dev server injects both (React's refresh preamble, CSS with hot reload), so only there the
 * policy also allows inline code; it still allows no other origin.
 */
function devServerCsp(): Plugin {
  return {
    name: 'dev-server-csp',
    apply: 'serve',
    transformIndexHtml: (html) =>
      html
        .replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
        .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  };
}

/**
 * The tile archive (*.pmtiles) served as what it is, `application/vnd.pmtiles`, by the dev and
 * preview servers. Their static server knows no type for it and sends none; their compression
 * then takes it for text and gzips the whole file on the fly, and the service worker's precached
 * copy held the gzipped bytes: every tile range cut from it after the first visit failed. The
 * type is not one they compress, as a static host does not compress it either.
 */
const PMTILES_TYPE = 'application/vnd.pmtiles';
function pmtilesType(): Plugin {
  const typed = (req: { url?: string }, res: ServerResponse, next: () => void) => {
    const [path, query = ''] = (req.url ?? '').split('?');
    // The file itself, not the dev server's module for `plan.pmtiles?url` (its type is JavaScript).
    if (path.endsWith('.pmtiles') && !/(?:^|&)(?:url|import|raw)(?:[&=]|$)/.test(query)) {
      const setHeader = res.setHeader.bind(res);
      res.setHeader = (name, value) => setHeader(name, name.toLowerCase() === 'content-type' ? PMTILES_TYPE : value);
      res.setHeader('Content-Type', PMTILES_TYPE);
    }
    next();
  };
  return {
    name: 'pmtiles-type',
    configureServer: (server) => void server.middlewares.use(typed),
    configurePreviewServer: (server) => void server.middlewares.use(typed),
  };
}

/**
 * Starts the download of the attribute table while the app's script is still loading: the app
 * fetches the file once it runs (load-dataset.ts) and then gets this response.
 */
function preloadPlanData(): Plugin {
  return {
    name: 'preload-plan-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const data = Object.values(ctx.bundle ?? {}).find((f) => /(^|\/)places-[^/]*\.bin$/.test(f.fileName));
        return data
          ? [
              {
                tag: 'link',
                attrs: { rel: 'preload', href: `./${data.fileName}`, as: 'fetch', crossorigin: '' },
                injectTo: 'head',
              },
            ]
          : [];
      },
    },
  };
}

/**
 * The places' texts (data/texts/: a chunk file per 64 rows of the attribute table, named by its
 * content) go into the build beside the table, as <assets>/texts/<file>: the app fetches them
 * relative to the table's URL when a panel shows a place. Read from the folder beside whichever
 * table the build imports, and only the files that table lists.
 */
function placeTexts(): Plugin {
  let table: string | null = null;
  return {
    name: 'place-texts',
    apply: 'build',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0];
      // The app imports the binary table; its texts are listed in the JSON form beside it.
      if (/(^|\/)places\.bin$/.test(file)) table = file.replace(/\.bin$/, '.json');
      return null;
    },
    async generateBundle(_options, bundle) {
      if (!table) return;
      const asset = Object.values(bundle).find((f) => /(^|\/)places-[^/]*\.bin$/.test(f.fileName));
      const dir = asset ? dirname(asset.fileName) : 'assets';
      const { texts } = JSON.parse(await readFile(table, 'utf8')) as { texts?: { files?: string[] } };
      for (const file of texts?.files ?? [])
        this.emitFile({
          type: 'asset',
          fileName: `${dir}/texts/${file}`,
          source: await readFile(join(dirname(table), 'texts', file)),
        });
    },
  };
}

/**
 * With SITE_URL set (the address the app is published at, e.g. https://example.org/fujian/), the
 * Open Graph image and page URL become absolute, as link-card scrapers require; without it they
 * stay relative, which is all a build for an unknown host can say.
 */
function absoluteOpenGraph(siteUrl = process.env.SITE_URL): Plugin {
  return {
    name: 'absolute-open-graph',
    apply: 'build',
    transformIndexHtml: (html) => {
      if (!siteUrl) return html;
      const site = new URL(siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`);
      return html
        .replace(/(<meta property="og:image" content=")([^"]+)"/, (_, head, url) => `${head}${new URL(url, site)}"`)
        .replace(
          '<meta property="og:type"',
          `<meta property="og:url" content="${site}" />\n    <meta property="og:type"`,
        );
    },
  };
}

/**
 * Brotli's best level takes about 3 s per MB here; source maps (5 MB, fetched only by developer
 * tools) get a fast level that is 10 % larger.
 */
const FAST_BROTLI_QUALITY = 5;

const COMPRESSIBLE = /\.(html|js|mjs|css|json|bin|geojson|webmanifest|svg|txt|map)$/;

/**
 * Writes FILE.gz and FILE.br beside every compressible file of the build, for hosts that serve
 * precompressed files (nginx gzip_static/brotli_static, Caddy precompressed, Netlify, …). Runs
 * after everything else has written dist/, the service worker included. node:zlib has both
 * encoders, so no dependency is needed. A file is skipped when compressing does not shrink it.
 * PRECOMPRESS=off skips the step, PRECOMPRESS=fast uses brotli's fast level for every file (the
 * built-app tests: they check the files, not the last percent of their size).
 */
function precompress(): Plugin {
  let config: ResolvedConfig;
  const gz = promisify(gzip);
  const br = promisify(brotliCompress);
  return {
    name: 'precompress',
    apply: 'build',
    configResolved: (c) => void (config = c),
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        if (process.env.PRECOMPRESS === 'off') return;
        const fast = process.env.PRECOMPRESS === 'fast';
        const outDir = resolve(config.root, config.build.outDir);
        const files = (await readdir(outDir, { recursive: true })).filter((f) => COMPRESSIBLE.test(f));
        await Promise.all(
          files.map(async (name) => {
            const file = join(outDir, name);
            if ((await stat(file)).size < 1024) return;
            const data = await readFile(file);
            const [g, b] = await Promise.all([
              gz(data, { level: 9 }),
              br(data, {
                params: {
                  [zlib.BROTLI_PARAM_QUALITY]: fast || name.endsWith('.map') ? FAST_BROTLI_QUALITY : 11,
                  [zlib.BROTLI_PARAM_MODE]: zlib.BROTLI_MODE_TEXT,
                  [zlib.BROTLI_PARAM_SIZE_HINT]: data.length,
                },
              }),
            ]);
            if (g.length < data.length) await writeFile(`${file}.gz`, g);
            if (b.length < data.length) await writeFile(`${file}.br`, b);
          }),
        );
      },
    },
  };
}

/**
 * The service worker (src/sw.ts): precaches the app shell, its chunks (the five documents are chunks), the
 * dataset, the basemap and the icons, so that after one visit the app works offline. Hashed files
 * under assets/ are versioned by their names, the rest (index.html, basemap/*) by Workbox's
 * content revisions, so a new build replaces exactly what changed. 'prompt': a new build waits
 * until the person accepts (UpdatePrompt), so a page never mixes two builds' files.
 */
const serviceWorker = () =>
  VitePWA({
    registerType: 'prompt',
    // src/lib/service-worker.ts registers it (an inline script would break the CSP).
    injectRegister: false,
    manifest: {
      name: '福建规划产业布局地图 · Fujian planned industrial locations',
      short_name: '福建规划地图',
      description: "Where Fujian's official plans place each industry, with the clause behind every place.",
      lang: 'zh-CN',
      display: 'standalone',
      background_color: '#f6f4ef',
      theme_color: '#2b2620',
      icons: [
        { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: 'icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
      ],
    },
    strategies: 'injectManifest',
    srcDir: 'src',
    filename: 'sw.ts',
    // The manifest's icons are found by the glob below too; listing them twice would duplicate them.
    includeManifestIcons: false,
    injectManifest: {
      // A classic script (what registerSW registers), built without Vite 8's deprecated
      // inlineDynamicImports that the ES format would use.
      rollupFormat: 'iife',
      globPatterns: ['**/*.{html,js,mjs,css,geojson,json,bin,svg,png,pmtiles}'],
      // The link-card image is for scrapers, not for the app.
      globIgnores: ['og-image.png'],
      // The full dataset (outlines, for exports) is 1.9 MB, the Traditional-script converter 1.1 MB.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
  });

export default defineConfig({
  // Relative asset URLs: the built app works from any folder or sub-path.
  base: './',
  plugins: [
    react(),
    devServerCsp(),
    pmtilesType(),
    preloadPlanData(),
    placeTexts(),
    absoluteOpenGraph(),
    serviceWorker(),
    precompress(),
  ],
  // maplibre-gl ships its own worker; pre-bundling breaks the worker URL ("Worker failed to load").
  optimizeDeps: { exclude: ['maplibre-gl'] },
  // Source maps are published: the shipped code can be read and debugged as written.
  build: { target: 'es2022', chunkSizeWarningLimit: 1500, sourcemap: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
