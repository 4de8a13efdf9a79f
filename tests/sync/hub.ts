/**
 * THE test hub harness (issue 24): a real hub process — scripts/hub.mjs, express-pouchdb over
 * pouchdb-node in `fullCouchDB` mode, LevelDB in a folder — spawned as a child so a test can
 * SIGKILL it and restart it on the same folder, set up by the README's steps
 * (scripts/hub-setup.mjs: the center database, `_security`, one account per desk, the design
 * document).
 *
 *   const hub = await startHub({ users: 2 });
 *   new PouchDB(hub.dbUrl, { auth: hub.deskAuth(1) });
 *   await hub.kill(); await hub.restart(); … await hub.stop();
 *
 * Always `await hub.stop()` in an afterAll/afterEach (it runs when a test fails too). Behind
 * that: every hub still running when the test process exits is SIGKILLed, and a hub whose
 * parent dies anyhow stops by itself (`--exit-with-stdin`: its stdin closes).
 * The temporary folder (when no `dir` is given) is removed by `stop()`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setupHub, type HubUser } from '../../scripts/hub-setup.mjs';
import { designDoc } from '../../shared/sync/designDoc';
import { IMMUTABLE_TABLES, SYNC_SCHEMA } from '../../renderer/src/sync/contract';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const HUB_SCRIPT = path.join(ROOT, 'scripts/hub.mjs');

/** PouchDB's `auth` option (and HubConfig's username/password). */
export type HubAuth = { username: string; password: string };

export type StartHubOptions = {
  /** The data folder (kept); default a new temporary folder, removed by stop(). */
  dir?: string;
  /** Default: a free port chosen by the hub. restart() reuses the port of the first start. */
  port?: number;
  /** Desk accounts desk1…deskN to create (default 2); 0 for none. */
  users?: number;
  /** The center database's name (default `center`). */
  db?: string;
  /** false: a bare hub (admin only; no database, no accounts, no design document). */
  setup?: boolean;
  /** The web build to serve at `/` (default dist/web of this checkout, if built). */
  web?: string;
};

export type TestHub = {
  /** The hub's origin, e.g. http://127.0.0.1:40123 (the web build is served here). */
  url: string;
  /** The CouchDB API root (`<url>/db`). */
  apiUrl: string;
  /** The center database (`<url>/db/<db>`): HubConfig.url. */
  dbUrl: string;
  dir: string;
  adminAuth: HubAuth;
  /** Desk n's account (n from 1; created when n ≤ users). */
  deskAuth(n: number): HubAuth;
  /** SIGTERM and wait (the clean stop), then remove the temporary folder. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL and wait: no clean shutdown; the folder stays for restart(). */
  kill(): Promise<void>;
  /** Starts the hub again on the same folder and port (after kill() or stop({ keep })). */
  restart(): Promise<void>;
  /** SIGTERM and wait, keeping the folder (for restart()). */
  halt(): Promise<void>;
};

const ADMIN: HubAuth = { username: 'hubadmin', password: 'hub-admin-test-password' };
const deskAuth = (n: number): HubAuth => ({ username: `desk${n}`, password: `desk-${n}-test-password` });

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Spawns the hub and resolves its port once it prints that it listens. */
function spawnHub(o: { dir: string; port: number; web: string }): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [HUB_SCRIPT, '--dir', o.dir, '--port', String(o.port), '--web', o.web, '--exit-with-stdin'],
    { cwd: ROOT, env: { ...process.env, HUB_ADMIN: `${ADMIN.username}:${ADMIN.password}` }, stdio: 'pipe' },
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /hub listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
      if (m) {
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        resolve({ child, port: Number(m[1]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('exit', (code, signal) => reject(new Error(`hub exited before listening (${code ?? signal}): ${err}`)));
  });
}

function waitExit(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

export async function startHub(options: StartHubOptions = {}): Promise<TestHub> {
  const temp = options.dir === undefined;
  const dir = options.dir ?? (await mkdtemp(path.join(os.tmpdir(), 'duty-desk-hub-')));
  const web = options.web ?? path.join(ROOT, 'dist/web');
  const db = options.db ?? 'center';
  let { child, port } = await spawnHub({ dir, port: options.port ?? 0, web });
  let removed = false;
  const url = `http://127.0.0.1:${port}`;
  const apiUrl = `${url}/db`;

  const hub: TestHub = {
    url,
    apiUrl,
    dbUrl: `${apiUrl}/${db}`,
    dir,
    adminAuth: ADMIN,
    deskAuth,
    async stop() {
      await waitExit(child, 'SIGTERM');
      if (temp && !removed) {
        removed = true;
        await rm(dir, { recursive: true, force: true });
      }
    },
    halt: () => waitExit(child, 'SIGTERM'),
    kill: () => waitExit(child, 'SIGKILL'),
    async restart() {
      await waitExit(child, 'SIGKILL');
      ({ child } = await spawnHub({ dir, port, web }));
    },
  };

  if (options.setup !== false) {
    const desks: HubUser[] = Array.from({ length: options.users ?? 2 }, (_, i) => {
      const a = deskAuth(i + 1);
      return { name: a.username, password: a.password };
    });
    try {
      await setupHub({
        hub: apiUrl,
        db,
        admin: { name: ADMIN.username, password: ADMIN.password },
        desks,
        designDoc: designDoc({ maxSchema: SYNC_SCHEMA, immutableTables: IMMUTABLE_TABLES }),
      });
    } catch (e) {
      await hub.stop();
      throw e;
    }
  }
  return hub;
}
