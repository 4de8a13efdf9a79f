#!/usr/bin/env node
/**
 * `npm run hub`: a CouchDB-protocol hub for development and the tests (issue 24) — express-pouchdb
 * 4.2.0 over pouchdb-node 9 (LevelDB in a data folder), in `fullCouchDB` mode (the other mode
 * ignores `validate_doc_update`), bound to 127.0.0.1. Production uses Apache CouchDB 3 (README
 * 中心同步服务器); the desks speak only the CouchDB protocol, so either works.
 *
 *   node scripts/hub.mjs --dir .hub --port 5985 --admin admin:secret [--web dist/web] [--cors app://duty-desk]
 *   (or HUB_ADMIN=admin:secret in the environment, which keeps the password out of `ps`)
 *
 * - The CouchDB API is under `/db/…` (the center database: `/db/<name>`), the web build
 *   (dist/web) at `/`: the browser build, served from the hub's own origin, reaches the hub with
 *   its CSP `connect-src 'self'` and no CORS.
 * - No anonymous access: a hub admin is required at start, and a request under /db without
 *   credentials (basic auth or an AuthSession cookie) is refused with 401 before it reaches
 *   express-pouchdb — CouchDB 3's `[chttpd] require_valid_user = true`, which the README sets.
 *   Wrong credentials are refused by express-pouchdb itself (401).
 * - `--cors <origin>`: allow that origin (Electron's app://duty-desk) with credentials; none by default.
 * - Prints `hub listening on http://127.0.0.1:<port>` once it answers (`--port 0`: a free port).
 * - `--exit-with-stdin` (the test harness): it stops when its stdin closes, so a crashed test
 *   runner leaves no hub behind.
 * - SIGTERM / SIGINT stop it cleanly: the desks' `_changes` long-polls would keep a plain
 *   `server.close()` waiting forever, so open connections are closed too.
 */
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);

/** The hub's command line and environment, checked. */
export function hubOptions(argv, env) {
  const { values } = parseArgs({
    args: argv,
    options: {
      dir: { type: 'string', default: '.hub' },
      port: { type: 'string', default: '5985' },
      admin: { type: 'string' },
      web: { type: 'string', default: 'dist/web' },
      cors: { type: 'string', multiple: true, default: [] },
      'exit-with-stdin': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const admin = values.admin ?? env.HUB_ADMIN ?? '';
  const colon = admin.indexOf(':');
  if (colon <= 0 || colon === admin.length - 1) {
    throw new Error('hub: an admin is required (--admin name:password or HUB_ADMIN): no anonymous hub');
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('hub: --port must be 0–65535');
  for (const origin of values.cors) {
    if (!/^[a-z][a-z0-9+.-]*:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(origin)) throw new Error(`hub: bad --cors ${origin}`);
  }
  return {
    dir: path.resolve(values.dir),
    port,
    admin: { name: admin.slice(0, colon), password: admin.slice(colon + 1) },
    web: path.resolve(values.web),
    cors: values.cors,
    exitWithStdin: values['exit-with-stdin'],
  };
}

/** 401 for a request with neither basic credentials nor a session cookie (CouchDB's require_valid_user). */
export function requireCredentials(req, res, next) {
  const auth = req.headers.authorization ?? '';
  const cookie = req.headers.cookie ?? '';
  if (req.method === 'OPTIONS' || /^Basic\s+\S/i.test(auth) || /(^|;\s*)AuthSession=[^;]+/.test(cookie)) {
    next();
    return;
  }
  res.status(401).set('WWW-Authenticate', 'Basic realm="hub"').json({
    error: 'unauthorized',
    reason: 'Authentication required.',
  });
}

function corsFor(origins) {
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin && origins.includes(origin)) {
      res.set({
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Allow-Methods': 'GET, PUT, POST, HEAD, DELETE',
        'Access-Control-Allow-Headers': 'accept, authorization, content-type, origin, referer',
        'Access-Control-Expose-Headers': 'content-type, cache-control, etag',
        Vary: 'Origin',
      });
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/** Starts the hub; resolves with its server and port once it listens. */
export async function startHubServer(opts) {
  const express = require('express');
  const expressPouchDB = require('express-pouchdb');
  mkdirSync(opts.dir, { recursive: true });
  const PouchDB = require('pouchdb-node').defaults({ prefix: opts.dir + path.sep });

  // The admin goes into config.json, hashed, BEFORE express-pouchdb reads it: setting it
  // afterwards (couchConfig.set) races the loader's own save of that file (ENOENT on rename).
  const configPath = path.join(opts.dir, 'config.json');
  const config = existsSync(configPath) ? JSON.parse(readFileSync(configPath, 'utf8')) : {};
  // Hashed here with express-pouchdb's own pouchdb-auth (what its config loader would do).
  const Auth = createRequire(require.resolve('express-pouchdb'))('pouchdb-auth');
  config.admins = await Auth.hashAdminPasswords({ [opts.admin.name]: opts.admin.password });
  writeFileSync(configPath, JSON.stringify(config, null, 2) + '\n', { mode: 0o600 });

  const pouchApp = expressPouchDB(PouchDB, {
    mode: 'fullCouchDB',
    configPath,
    logPath: path.join(opts.dir, 'log.txt'),
    // Fauxton (the admin UI) and the request log to stdout are not needed.
    overrideMode: { exclude: ['routes/fauxton', 'routes/http-log'] },
  });

  const app = express();
  app.disable('x-powered-by');
  if (opts.cors.length > 0) app.use('/db', corsFor(opts.cors));
  app.use('/db', requireCredentials, pouchApp);
  if (existsSync(opts.web)) app.use('/', express.static(opts.web, { index: 'index.html' }));

  const server = await new Promise((resolve, reject) => {
    const s = app.listen(opts.port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });
  const port = server.address().port;
  const stop = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { server, port, stop };
}

async function main() {
  let opts;
  try {
    opts = hubOptions(process.argv.slice(2), process.env);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  }
  const hub = await startHubServer(opts);
  console.log(`hub listening on http://127.0.0.1:${hub.port} (data ${opts.dir})`);
  const shutdown = () => {
    hub.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  // Started by a test harness: the parent's end (even a crash) closes our stdin, and we go too.
  if (opts.exitWithStdin) {
    process.stdin.on('end', shutdown).on('error', shutdown).resume();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await main();
}
