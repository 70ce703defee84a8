// Builds the three reference pages of the benchmark (bench/pages/) into bench/.dist/pages/.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  root: here('./pages'),
  base: './',
  // The same embedded basemap files the app ships.
  publicDir: here('../public'),
  optimizeDeps: { exclude: ['maplibre-gl'] },
  logLevel: 'warn',
  build: {
    target: 'es2022',
    outDir: here('./.dist/pages'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: {
        maplibre: here('./pages/maplibre.html'),
        leaflet: here('./pages/leaflet.html'),
        empty: here('./pages/empty.html'),
      },
    },
  },
});
