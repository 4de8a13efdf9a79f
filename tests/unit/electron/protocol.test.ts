import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  APP_ORIGIN,
  APP_SCHEME_PRIVILEGES,
  APP_START_URL,
  contentTypeFor,
  createAppProtocolHandler,
  withMetaCsp,
  resolveAppPath,
} from '../../../electron/main/protocol';

const root = '/opt/DutyDesk/resources/app.asar/out/renderer';

describe('app origin', () => {
  it('is fixed (changing it orphans every user database)', () => {
    expect(APP_ORIGIN).toBe('app://duty-desk');
    expect(APP_START_URL).toBe('app://duty-desk/index.html');
    expect(APP_SCHEME_PRIVILEGES).toEqual({ standard: true, secure: true, supportFetchAPI: true });
  });
});

describe('resolveAppPath', () => {
  it('serves index.html for the root and files below the renderer folder', () => {
    expect(resolveAppPath('app://duty-desk/', root)).toEqual({ ok: true, filePath: `${root}/index.html` });
    expect(resolveAppPath('app://duty-desk', root)).toEqual({ ok: true, filePath: `${root}/index.html` });
    expect(resolveAppPath('app://duty-desk/assets/index-abc.js?v=1#x', root)).toEqual({
      ok: true,
      filePath: `${root}/assets/index-abc.js`,
    });
    expect(resolveAppPath('app://duty-desk/assets/%E5%AD%97%E4%BD%93.woff2', root)).toEqual({
      ok: true,
      filePath: `${root}/assets/字体.woff2`,
    });
  });

  it.each([
    'app://duty-desk/..%2f..%2f..%2fetc%2fpasswd',
    'app://duty-desk/assets/..%2F..%2F..%2Fsecret',
    'app://duty-desk/assets/%2E%2E%2Findex.html',
  ])('refuses traversal: %s', (url) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: false, status: 403 });
  });

  it('keeps URL-level dot segments inside the root (the URL parser collapses them first)', () => {
    expect(resolveAppPath('app://duty-desk/%2e%2e/%2e%2e/etc/passwd', root)).toEqual({
      ok: true,
      filePath: `${root}/etc/passwd`,
    });
    expect(resolveAppPath('app://duty-desk/../../../etc/passwd', root)).toEqual({
      ok: true,
      filePath: `${root}/etc/passwd`,
    });
  });

  it.each([
    'app://duty-desk/..%5c..%5cwindows%5csystem32',
    'app://duty-desk/C:%2fWindows%2fwin.ini',
    'app://duty-desk/index.html%00.png',
    'app://duty-desk/index.html::$DATA',
    'app://duty-desk/%E0%A4%A',
  ])('refuses separators, drive letters, NUL and bad escapes: %s', (url) => {
    expect(resolveAppPath(url, root)).toEqual({ ok: false, status: 400 });
  });

  it('refuses other hosts, schemes and credentials', () => {
    expect(resolveAppPath('app://evil/index.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('app://user:pw@duty-desk/index.html', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('file:///etc/passwd', root)).toEqual({ ok: false, status: 403 });
    expect(resolveAppPath('not a url', root)).toEqual({ ok: false, status: 400 });
  });

  it('applies the same rules with Windows paths', () => {
    const winRoot = 'C:\\Program Files\\DutyDesk\\resources\\app.asar\\out\\renderer';
    expect(resolveAppPath('app://duty-desk/assets/a.js', winRoot, path.win32)).toEqual({
      ok: true,
      filePath: `${winRoot}\\assets\\a.js`,
    });
    expect(resolveAppPath('app://duty-desk/..%5C..%5Cx', winRoot, path.win32).ok).toBe(false);
    expect(resolveAppPath('app://duty-desk/D:/x', winRoot, path.win32).ok).toBe(false);
  });
});

describe('createAppProtocolHandler', () => {
  const files = new Map([[`${root}/index.html`, new TextEncoder().encode('<!doctype html><title>社区值班台</title>')]]);
  const readFile = vi.fn(async (p: string) => {
    const data = files.get(p);
    if (!data) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
    return data;
  });
  const handler = createAppProtocolHandler({ rootDir: root, readFile, csp: "default-src 'self'" });

  it('serves a file with its type, the CSP header and nosniff', async () => {
    const response = await handler(new Request('app://duty-desk/index.html'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('社区值班台');
  });

  it('answers 404 for a missing file and refuses traversal without touching the disk', async () => {
    expect((await handler(new Request('app://duty-desk/nope.js'))).status).toBe(404);
    readFile.mockClear();
    const response = await handler(new Request('app://duty-desk/..%2f..%2fetc%2fpasswd'));
    expect(response.status).toBe(403);
    expect(readFile).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET/HEAD', async () => {
    expect((await handler(new Request('app://duty-desk/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('reads the policy per response and puts it in the page’s <meta> too (the hub an admin just set, issue 24)', async () => {
    files.set(
      `${root}/app.html`,
      new TextEncoder().encode(
        `<!doctype html><meta http-equiv="Content-Security-Policy" content="connect-src 'self'"><title>台</title>`,
      ),
    );
    let hub: string | null = null;
    const policy = () => `connect-src 'self'${hub ? ` ${hub}` : ''}`;
    const live = createAppProtocolHandler({ rootDir: root, readFile, csp: policy, metaCsp: policy });
    const before = await live(new Request('app://duty-desk/app.html'));
    expect(before.headers.get('content-security-policy')).toBe("connect-src 'self'");
    hub = 'https://192.168.1.10:6984';
    const after = await live(new Request('app://duty-desk/app.html'));
    expect(after.headers.get('content-security-policy')).toBe("connect-src 'self' https://192.168.1.10:6984");
    expect(await after.text()).toContain(`content="connect-src 'self' https://192.168.1.10:6984"`);
    expect(withMetaCsp('<p>no meta</p>', 'x')).toBe('<p>no meta</p>');
  });

  it('maps content types', () => {
    expect(contentTypeFor('/a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/b.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/a/b.unknown')).toBe('application/octet-stream');
  });
});
