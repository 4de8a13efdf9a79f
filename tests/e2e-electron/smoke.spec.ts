/**
 * Electron smoke test: the packaged shape (out/main + out/preload + out/renderer) starts, shows
 * the window from the app:// origin with the secure webPreferences, and the bridge answers.
 *
 * Skips (does not fail) where the Electron binary is missing, as on the offline dev machines.
 * The binary is located the way node_modules/electron/index.js does it, but WITHOUT requiring
 * that module: requiring it when the binary is missing starts a download, which hangs/fails
 * offline.
 */
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspMeta, ELECTRON_CSP_PARAMS } from '../../electron/main/csp';
import { contentSecurityPolicy } from '../../electron/main/security';
import { bridgeMethods } from '../../shared/ipc/contract';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function electronBinary(): string | null {
  const require = createRequire(import.meta.url);
  let moduleDir: string;
  try {
    moduleDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(moduleDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? path.join(moduleDir, 'dist');
  const binary = path.join(distDir, relative);
  return existsSync(binary) ? binary : null;
}

const executablePath = electronBinary();
if (executablePath === null) {
  console.warn(
    'electron smoke SKIPPED: Electron binary not installed on this machine (offline); run on a machine with the binary',
  );
}

test('the desk window starts securely and the bridge answers', async () => {
  test.skip(
    executablePath === null,
    'Electron binary not installed on this machine (offline); run on a machine with the binary',
  );
  if (
    !existsSync(path.join(repoRoot, 'out/main/index.js')) ||
    !existsSync(path.join(repoRoot, 'out/renderer/index.html'))
  ) {
    throw new Error('Build first: npx electron-vite build');
  }

  const profile = mkdtempSync(path.join(os.tmpdir(), 'duty-desk-e2e-'));
  const app = await electron.launch({
    executablePath: executablePath ?? undefined,
    args: [repoRoot, ...(process.platform === 'linux' ? ['--no-sandbox'] : [])],
    cwd: repoRoot,
    env: {
      ...process.env,
      DUTY_DESK_USER_DATA_DIR: profile, // fresh profile; ignored by packaged builds
      ELECTRON_RENDERER_URL: '', // always test the built app:// renderer, never a dev server
    },
  });
  try {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/duty-desk\//);
    await expect
      .poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]?.getTitle()))
      .toContain('社区值班台');

    // webPreferences themselves are asserted in tests/unit/electron/window.test.ts (Electron no
    // longer exposes them at runtime); here we check their visible effect on the page.
    const exposed = await page.evaluate(() => ({
      desk: Object.keys((window as unknown as { desk?: object }).desk ?? {}).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    }));
    // Exactly the contract's bridge methods (as tests/unit/electron/preload.test.ts checks the preload).
    expect(exposed.desk).toEqual(Object.keys(bridgeMethods).sort());
    expect(exposed.hasRequire).toBe('undefined');
    expect(exposed.hasProcess).toBe('undefined');

    const info = await page.evaluate(() =>
      (window as unknown as { desk: { appInfo(): Promise<{ shell: string }> } }).desk.appInfo(),
    );
    expect(info.shell).toBe('electron');

    // One policy (electron/main/csp.ts): the app:// header and the page's <meta> tag.
    const csp = await page.evaluate(async () => ({
      header: (await fetch('app://duty-desk/index.html')).headers.get('content-security-policy'),
      meta: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
    }));
    expect(csp.header).toBe(contentSecurityPolicy);
    expect(csp.meta).toBe(cspMeta(ELECTRON_CSP_PARAMS));
  } finally {
    await app.close();
    rmSync(profile, { recursive: true, force: true });
  }
});
