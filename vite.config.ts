import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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
 * Starts the download of the plan data while the app's script is still loading: the app fetches
 * the file once it runs (load-dataset.ts) and then gets this response.
 */
function preloadPlanData(): Plugin {
  return {
    name: 'preload-plan-data',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (_html, ctx) => {
        const data = Object.values(ctx.bundle ?? {}).find((f) => /(^|\/)features-[^/]*\.geojson$/.test(f.fileName));
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

export default defineConfig({
  // Relative asset URLs: the built app works from any folder or sub-path.
  base: './',
  plugins: [react(), devServerCsp(), preloadPlanData()],
  // maplibre-gl ships its own worker; pre-bundling breaks the worker URL ("Worker failed to load").
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
