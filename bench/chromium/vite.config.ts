/**
 * The benchmark page: the app's own database class, repositories and the generator, bundled
 * for Chromium and served next to the built app (same origin, so the same IndexedDB).
 */
import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  publicDir: false,
  resolve: { alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify('bench') },
  build: { outDir: '../../dist/bench', emptyOutDir: true, chunkSizeWarningLimit: 5000 },
  // The desk's worker, as the app builds it (vite.config.ts).
  worker: { format: 'es' },
  logLevel: 'warn',
});
