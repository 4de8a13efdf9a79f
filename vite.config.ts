/**
 * The renderer build. Used by `npm run web` / e2e (plain browser) and, through
 * electron.vite.config.ts, by the Electron build, so both ship the same renderer.
 * `base: './'` lets the same files load under Electron's app:// origin and over HTTP.
 * The Content-Security-Policy <meta> tag is injected here from the one source,
 * electron/main/csp.ts (renderer/index.html has none of its own).
 */
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BROWSER_CSP_PARAMS, cspMeta } from './electron/main/csp';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** Puts `policy` into the page as its CSP <meta> tag, first in <head>; a page with its own is refused. */
export function cspMetaPlugin(policy: string): Plugin {
  return {
    name: 'duty-desk-csp-meta',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (/http-equiv\s*=\s*["']?content-security-policy/i.test(html)) {
          throw new Error('index.html has its own CSP <meta>: the policy comes from electron/main/csp.ts only');
        }
        return [
          {
            tag: 'meta',
            attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
            injectTo: 'head-prepend',
          },
        ];
      },
    },
  };
}

/** The renderer's config with `policy` as its page's CSP (the browser's here, Electron's there). */
export function rendererConfigWith(policy: string) {
  return {
    root: 'renderer',
    base: './',
    publicDir: false as const,
    plugins: [react(), cspMetaPlugin(policy)],
    resolve: { alias: { '@shared': fileURLToPath(new URL('./shared', import.meta.url)) } },
    define: { __APP_VERSION__: JSON.stringify(pkg.version) },
    build: { outDir: '../dist/web', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
    // The desk's worker (renderer/src/worker) is a module worker whose jobs load code on demand
    // (the pinyin keys, exceljs): ES chunks, as the page's.
    worker: { format: 'es' as const },
    preview: { host: '127.0.0.1', strictPort: true },
  };
}

export const rendererConfig = rendererConfigWith(cspMeta(BROWSER_CSP_PARAMS));

export default defineConfig(rendererConfig);
