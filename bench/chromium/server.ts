/** A static file server for the benchmarks: the built app and the bench page on one origin. */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

export type StaticServer = { url: string; close: () => Promise<void> };

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves each mount (URL prefix → folder); `/blank.html` is an empty page (the baseline). The
 * port is fixed: IndexedDB belongs to an origin, so a cached profile is found again only on
 * the same one.
 */
export async function serveStatic(mounts: Record<string, string>, port: number): Promise<StaticServer> {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    if (path === '/blank.html') {
      res.writeHead(200, { 'content-type': TYPES['.html'] }).end('<!doctype html><title>blank</title>');
      return;
    }
    const prefix = prefixes.find((p) => path.startsWith(p)) ?? '/';
    const rel = normalize(path.slice(prefix.length) || 'index.html').replace(/^(\.\.[/\\])+/, '');
    const file = join(mounts[prefix] ?? '', rel.endsWith('/') ? `${rel}index.html` : rel);
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((ok, fail) => server.once('error', fail).listen(port, '127.0.0.1', ok));
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
