/**
 * The `app://duty-desk` origin: serves the built renderer (out/renderer) to the main window.
 *
 * Why a custom scheme: IndexedDB, localStorage and CSP 'self' all key on the origin. A fixed,
 * privileged origin keeps the staff's data in the same store across versions and install
 * folders (file:// would give every page an opaque, path-dependent origin). NEVER change
 * APP_SCHEME or APP_HOST after the first release: every user's database would be orphaned.
 *
 * Invariants: only files inside `rootDir` are served; anything that decodes to a path outside
 * it (.., encoded slashes, backslashes, drive letters, NUL) is refused before touching disk.
 * Pure apart from the injected `readFile`; no 'electron' import.
 */
import nodePath from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'duty-desk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The URL the main window loads in production. */
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** Privileges for protocol.registerSchemesAsPrivileged (must run before app 'ready'). */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const;

export type ResolvedAppPath = { ok: true; filePath: string } | { ok: false; status: 400 | 403 | 404 };

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute' | 'sep'>;

/**
 * Map an app:// request URL to a file under `rootDir`, or refuse it.
 * `pathApi` is injectable so tests can check Windows path rules on Linux.
 */
export function resolveAppPath(requestUrl: string, rootDir: string, pathApi: PathApi = nodePath): ResolvedAppPath {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { ok: false, status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host.toLowerCase() !== APP_HOST || url.username || url.password) {
    return { ok: false, status: 403 };
  }

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  // Backslashes and ':' have no business in a URL path of ours; on Windows they would be a
  // separator and a drive letter / alternate data stream. NUL truncates paths in some APIs.
  if (/[\\:\u0000]/.test(decoded)) return { ok: false, status: 400 };
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return { ok: false, status: 403 };

  const relative = segments.length === 0 ? 'index.html' : segments.join(pathApi.sep);
  const root = pathApi.resolve(rootDir);
  const filePath = pathApi.resolve(root, relative);
  // Belt and braces: whatever the checks above missed, the result must stay inside root.
  const rel = pathApi.relative(root, filePath);
  if (rel === '' || rel.startsWith('..') || pathApi.isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, filePath };
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** Content-Type for a served file; unknown types are served as opaque bytes (with nosniff). */
export function contentTypeFor(filePath: string): string {
  const ext = nodePath.extname(filePath).toLowerCase();
  return CONTENT_TYPES[ext] ?? 'application/octet-stream';
}

export type AppProtocolDeps = {
  rootDir: string;
  readFile: (filePath: string) => Promise<Uint8Array>;
  /**
   * The policy header, read per response: it names the configured sync hub (issue 24), which an
   * admin may change while the app runs.
   */
  csp: string | (() => string);
  /**
   * The policy for the page's own <meta> (built in at build time, without a hub): an HTML
   * response gets its <meta> content replaced by this, since both policies apply and the
   * stricter one would otherwise block the hub.
   */
  metaCsp?: () => string;
  pathApi?: PathApi;
};

const CSP_META = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/i;

/** An HTML page with its CSP <meta> content replaced (`policy` holds no double quote). */
export function withMetaCsp(html: string, policy: string): string {
  return html.replace(CSP_META, (_m, open: string, close: string) => `${open}${policy}${close}`);
}

/** Builds the function given to `protocol.handle(APP_SCHEME, …)`. */
export function createAppProtocolHandler(deps: AppProtocolDeps): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response(null, { status: 405 });
    }
    const resolved = resolveAppPath(request.url, deps.rootDir, deps.pathApi);
    if (!resolved.ok) return new Response(null, { status: resolved.status });
    let body: Uint8Array;
    try {
      body = await deps.readFile(resolved.filePath);
    } catch {
      // Missing file (or a directory): the hash router never asks for deep paths, so 404.
      return new Response(null, { status: 404 });
    }
    if (deps.metaCsp && nodePath.extname(resolved.filePath).toLowerCase() === '.html')
      body = new TextEncoder().encode(withMetaCsp(new TextDecoder().decode(body), deps.metaCsp()));
    return new Response(request.method === 'HEAD' ? null : (body as ConstructorParameters<typeof Response>[0]), {
      status: 200,
      headers: {
        'Content-Type': contentTypeFor(resolved.filePath),
        'Content-Security-Policy': typeof deps.csp === 'function' ? deps.csp() : deps.csp,
        'X-Content-Type-Options': 'nosniff',
        'Cache-Control': 'no-cache',
      },
    });
  };
}
