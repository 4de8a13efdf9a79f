#!/usr/bin/env node
/**
 * The hub's setup as CouchDB HTTP steps (issue 24; README 中心同步服务器): the same steps for the
 * test hub (`npm run hub`) and for Apache CouchDB 3. Run with the hub ADMIN's account, once per
 * center, again to add a desk or after an app update that changes the validation:
 *
 *   node scripts/hub-setup.mjs --hub http://127.0.0.1:5984 --db center-ylq --desk desk1 --desk desk2
 *     (admin from HUB_ADMIN=name:password; a desk as `name` gets a generated password, printed
 *      once, or `name:password`)
 *   node scripts/hub-setup.mjs --hub … --db … --compact     (drop old revision bodies now)
 *   node scripts/hub-setup.mjs --print-design-doc            (the design document as JSON)
 *
 * Steps, each idempotent (README gives them by hand too):
 * 1. (CouchDB only) the server: `require_valid_user` (no anonymous request at all), and CORS for
 *    Electron's origin app://duty-desk with credentials. The test hub does both itself.
 * 2. the `_users` database and the center database.
 * 3. `_security`: members = role `desk`; database admins = nobody but the server admins. A desk
 *    account may read and write documents and nothing else: it cannot change the validation, the
 *    members or compact — so one stolen desk password cannot open the center to others or switch
 *    the hub's checks off, and the desk never needs more.
 * 4. one `_users` account per desk (role `desk`); an existing one gets the new password.
 * 5. the design document (shared/sync/designDoc.ts) — written only if it differs.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const DESK_ROLE = 'desk';
export const APP_ORIGIN = 'app://duty-desk';

const basic = (user) => 'Basic ' + Buffer.from(`${user.name}:${user.password}`).toString('base64');

/** One HTTP call to the hub as `admin`; resolves { status, body }. */
function client(hub, admin) {
  const base = hub.replace(/\/+$/, '');
  return async (method, urlPath, body) => {
    const res = await fetch(base + urlPath, {
      method,
      headers: { authorization: basic(admin), 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
}

function expectOk(step, r, ...also) {
  if ((r.status >= 200 && r.status < 300) || also.includes(r.status)) return r;
  const reason = typeof r.body === 'object' && r.body ? `${r.body.error}: ${r.body.reason}` : String(r.body);
  throw new Error(`hub setup: ${step} failed (${r.status} ${reason})`);
}

/** A generated desk password: 24 characters from 18 random bytes (base64url). */
export const newDeskPassword = () => randomBytes(18).toString('base64url');

/**
 * Runs the steps. `desks`: [{ name, password }]; `designDoc`: shared/sync/designDoc.ts designDoc(…).
 * Resolves what it did (no passwords in it).
 */
export async function setupHub({ hub, db, admin, desks = [], designDoc, log = () => {} }) {
  if (!/^[a-z][a-z0-9_$()+/-]*$/.test(db)) throw new Error('hub setup: a database name is lower-case a–z, 0–9, _-');
  const call = client(hub, admin);
  const done = [];
  const root = expectOk('reach the hub', await call('GET', '/'));
  const isCouchDB = typeof root.body === 'object' && root.body !== null && 'couchdb' in root.body;

  if (isCouchDB) {
    const config = [
      ['chttpd', 'require_valid_user', 'true'],
      ['chttpd', 'enable_cors', 'true'],
      ['cors', 'origins', APP_ORIGIN],
      ['cors', 'credentials', 'true'],
      ['cors', 'methods', 'GET, PUT, POST, HEAD, DELETE'],
      ['cors', 'headers', 'accept, authorization, content-type, origin, referer'],
    ];
    for (const [section, key, value] of config) {
      expectOk(`config ${section}/${key}`, await call('PUT', `/_node/_local/_config/${section}/${key}`, value));
    }
    done.push('server: require_valid_user, CORS for ' + APP_ORIGIN);
  }

  for (const name of ['_users', db]) {
    const r = expectOk(`create ${name}`, await call('PUT', `/${encodeURIComponent(name)}`), 412);
    if (r.status !== 412) done.push(`database ${name} created`);
  }

  expectOk(
    'set _security',
    await call('PUT', `/${db}/_security`, {
      admins: { names: [], roles: [] },
      members: { names: [], roles: [DESK_ROLE] },
    }),
  );
  done.push(`_security: members role ${DESK_ROLE}, no database admins but the server's`);

  for (const desk of desks) {
    if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,59}$/.test(desk.name)) throw new Error('hub setup: bad desk account name');
    const id = `/_users/${encodeURIComponent(`org.couchdb.user:${desk.name}`)}`;
    const old = await call('GET', id);
    const doc = { _id: `org.couchdb.user:${desk.name}`, name: desk.name, type: 'user', roles: [DESK_ROLE] };
    if (old.status === 200) doc._rev = old.body._rev;
    expectOk(`desk account ${desk.name}`, await call('PUT', id, { ...doc, password: desk.password }));
    done.push(`desk account ${desk.name} ${old.status === 200 ? 'updated' : 'created'}`);
  }

  const ddocPath = `/${db}/${designDoc._id}`;
  const current = await call('GET', ddocPath);
  const same =
    current.status === 200 &&
    current.body.validate_doc_update === designDoc.validate_doc_update &&
    current.body.version === designDoc.version &&
    current.body.maxSchema === designDoc.maxSchema;
  if (!same) {
    const rev = current.status === 200 ? { _rev: current.body._rev } : {};
    expectOk('design document', await call('PUT', ddocPath, { ...designDoc, ...rev }));
    done.push(`design document v${designDoc.version} installed`);
  }
  for (const line of done) log(line);
  return done;
}

/** Compaction: the bodies of old (non-leaf) revisions are dropped; needs the admin. */
export async function compactHub({ hub, db, admin }) {
  const call = client(hub, admin);
  expectOk('compact', await call('POST', `/${db}/_compact`, {}));
}

/** The design document of this checkout's app (loads the TypeScript sources through Vite). */
export async function appDesignDoc() {
  const { runnerImport } = await import('vite');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const load = async (file) =>
    (await runnerImport(path.join(root, file), { configFile: false, logLevel: 'silent' })).module;
  const contract = await load('renderer/src/sync/contract.ts');
  const { designDoc } = await load('shared/sync/designDoc.ts');
  return designDoc({ maxSchema: contract.SYNC_SCHEMA, immutableTables: contract.IMMUTABLE_TABLES });
}

function parseUser(text, what) {
  const colon = text.indexOf(':');
  if (colon === 0 || colon === text.length - 1) throw new Error(`hub setup: ${what} is name or name:password`);
  return colon < 0 ? { name: text, password: '' } : { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

async function main() {
  const { values } = parseArgs({
    options: {
      hub: { type: 'string' },
      db: { type: 'string' },
      desk: { type: 'string', multiple: true, default: [] },
      compact: { type: 'boolean', default: false },
      'print-design-doc': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const designDoc = await appDesignDoc();
  if (values['print-design-doc']) {
    console.log(JSON.stringify(designDoc, null, 2));
    return;
  }
  if (!values.hub || !values.db) throw new Error('hub setup: --hub <url> and --db <name> are required');
  const admin = parseUser(process.env.HUB_ADMIN ?? '', 'HUB_ADMIN');
  if (!admin.password) throw new Error('hub setup: HUB_ADMIN=name:password (the hub admin) is required');
  if (values.compact) {
    await compactHub({ hub: values.hub, db: values.db, admin });
    console.log(`compaction of ${values.db} started`);
    return;
  }
  const desks = values.desk.map((d) => parseUser(d, '--desk'));
  const generated = desks.filter((d) => !d.password);
  for (const d of generated) d.password = newDeskPassword();
  await setupHub({ hub: values.hub, db: values.db, admin, desks, designDoc, log: (l) => console.log(l) });
  for (const d of generated) console.log(`desk account ${d.name}: password ${d.password} (shown once; enter it at that desk)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  });
}
