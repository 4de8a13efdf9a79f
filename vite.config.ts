/**
 * The renderer build. Used by `npm run web` / e2e (plain browser) and, through
 * electron.vite.config.ts, by the Electron build, so both ship the same renderer.
 * `base: './'` lets the same files load under Electron's app:// origin and over HTTP.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export const rendererConfig = {
  root: 'renderer',
  base: './',
  publicDir: false as const,
  plugins: [react()],
  resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  preview: { host: '127.0.0.1', strictPort: true },
};

export default defineConfig(rendererConfig);
