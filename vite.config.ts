import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  // Relative asset URLs: the built app works from any folder or sub-path.
  base: './',
  plugins: [react()],
  // maplibre-gl ships its own worker; pre-bundling breaks the worker URL ("Worker failed to load").
  optimizeDeps: { exclude: ['maplibre-gl'] },
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
  server: { host: '127.0.0.1' },
});
