/**
 * One build for the three Electron targets.
 * - main: ESM (package.json "type": "module"), out/main/index.js. Dependencies stay external
 *   (electron-store is ESM-only, which an ESM main can import as is).
 * - preload: the main window is sandboxed, and sandboxed preloads can't be ES modules or
 *   require anything but 'electron' — so ONE self-contained CommonJS file, out/preload/index.cjs.
 * - renderer: the very same config as the browser build (vite.config.ts), only the output
 *   folder moves to out/renderer, which main serves under app://duty-desk, and its CSP <meta> is
 *   Electron's policy (electron/main/csp.ts; today the same as the browser's).
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import { cspMeta, ELECTRON_CSP_PARAMS } from './electron/main/csp';
import { rendererConfigWith } from './vite.config';

// The page's CSP <meta> is Electron's policy (ELECTRON_CSP_PARAMS), the same the app:// header sends.
const rendererConfig = rendererConfigWith(cspMeta(ELECTRON_CSP_PARAMS));

const root = import.meta.dirname;

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/main/index.ts') },
      },
    },
  },
  preload: {
    build: {
      // Bundle everything except 'electron' (always external) into the one file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs', inlineDynamicImports: true },
      },
    },
  },
  renderer: {
    ...rendererConfig,
    root: resolve(root, 'renderer'),
    build: {
      ...rendererConfig.build,
      outDir: resolve(root, 'out/renderer'),
      rolldownOptions: { input: resolve(root, 'renderer/index.html') },
    },
  },
});
