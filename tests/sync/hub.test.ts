/**
 * The test hub as the desks meet it (issue 24): a real hub process (tests/sync/hub.ts) set up by
 * the README's steps, spoken to over HTTP and through PouchDB's http adapter, as a desk does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type HubAuth, type TestHub } from './hub';
import { memoryDb, remoteDb, type PouchDb } from './pouch';
import { deskClaimId, SYNC_SCHEMA } from '../../renderer/src/sync/contract';

const remote = (hub: TestHub, auth: HubAuth) => remoteDb(hub.dbUrl, auth);
const basic = (a: HubAuth) => 'Basic ' + Buffer.from(`${a.username}:${a.password}`).toString('base64');
const doc = (table: string, key: string, extra: object = {}) => ({
  _id: `${table}:${key}`,
  type: table,
  schema: SYNC_SCHEMA,
  desk: 1,
  action: { id: `a-${key}`, size: 1 },
  record: { id: key },
  ...extra,
});
const statusOf = async (p: Promise<unknown>): Promise<number | undefined> =>
  p.then(
    () => 200,
    (e: { status?: number }) => e.status,
  );

let hub: TestHub;
let desk1: PouchDb;
let desk2: PouchDb;

beforeAll(async () => {
  hub = await startHub({ users: 2 });
  desk1 = remote(hub, hub.deskAuth(1));
  desk2 = remote(hub, hub.deskAuth(2));
});
afterAll(async () => {
  await hub?.stop();
});

describe('no anonymous access', () => {
  it('refuses a request without credentials, and with wrong ones (401)', async () => {
    for (const path of ['/db/center', '/db/center/_all_docs', '/db/_all_dbs', '/db/']) {
      expect((await fetch(hub.url + path)).status, path).toBe(401);
    }
    const wrong = await fetch(hub.dbUrl, { headers: { authorization: basic({ username: 'desk1', password: 'x' }) } });
    expect(wrong.status).toBe(401);
    const unknown = await fetch(hub.dbUrl, {
      headers: { authorization: basic({ username: 'nobody', password: 'desk-1-test-password' }) },
    });
    expect(unknown.status).toBe(401);
    expect(await statusOf(remote(hub, { username: 'desk2', password: 'wrong' }).allDocs())).toBe(401);
  });

  it('lets a desk account read and write the center, nothing more', async () => {
    expect((await desk1.info()).db_name).toBe('center');
    const auth = { authorization: basic(hub.deskAuth(1)), 'content-type': 'application/json' };
    const security = await fetch(`${hub.dbUrl}/_security`, { method: 'PUT', headers: auth, body: '{}' });
    expect(security.status).toBe(401);
    const compact = await fetch(`${hub.dbUrl}/_compact`, { method: 'POST', headers: auth, body: '{}' });
    expect(compact.status).toBe(401);
    expect(await statusOf(desk1.put({ _id: '_design/evil', validate_doc_update: 'function(){}' }))).toBe(401);
  });
});

describe('the hub validates every document (validate_doc_update)', () => {
  it('refuses a document without type or schema, a wrong type, and a newer schema (403)', async () => {
    expect(await statusOf(desk1.put({ _id: 'residents:nt', schema: SYNC_SCHEMA }))).toBe(403);
    expect(await statusOf(desk1.put({ _id: 'residents:ns', type: 'residents' }))).toBe(403);
    expect(await statusOf(desk1.put(doc('residents', 'wt', { type: 'staff' })))).toBe(403);
    expect(await statusOf(desk1.put(doc('residents', 'new', { schema: SYNC_SCHEMA + 1 })))).toBe(403);
    expect(await statusOf(desk1.put(doc('residents', 'ok')))).toBe(200);
  });

  it('refuses an edited event and a deleted audit row, and lets a record change', async () => {
    const ev = await desk1.put(doc('caseEvents', 'e1'));
    expect(
      await statusOf(desk2.put({ ...doc('caseEvents', 'e1', { record: { id: 'e1', note: 'x' } }), _rev: ev.rev })),
    ).toBe(403);
    const audit = await desk1.put(doc('auditLog', 'a1'));
    expect(await statusOf(desk2.remove('auditLog:a1', audit.rev))).toBe(403);
    expect(await statusOf(desk1.put(doc('custodyEvents', 'c1')))).toBe(200);
    const rec = await desk1.put(doc('residents', 'r1'));
    const edited = await desk2.put({ ...doc('residents', 'r1', { record: { id: 'r1', v: 2 } }), _rev: rec.rev });
    expect(edited.ok).toBe(true);
    expect(await statusOf(desk2.remove('residents:r1', edited.rev))).toBe(200);
  });

  it('refuses a changed or deleted record of a package export (packageExports is append-only)', async () => {
    const exported = await desk1.put(doc('packageExports', 'x1', { record: { id: 'x1', sha256: 'a'.repeat(64) } }));
    const changed = { ...doc('packageExports', 'x1', { record: { id: 'x1', sha256: 'b'.repeat(64) } }) };
    expect(await statusOf(desk2.put({ ...changed, _rev: exported.rev }))).toBe(403);
    expect(await statusOf(desk2.remove('packageExports:x1', exported.rev))).toBe(403);
    expect((await desk2.get<{ record: { sha256: string } }>('packageExports:x1')).record.sha256).toBe('a'.repeat(64));
    expect(await statusOf(desk2.put(doc('packageExports', 'x2')))).toBe(200);
  });

  it('refuses inside _bulk_docs document by document', async () => {
    const results = await desk1.bulkDocs([
      doc('residents', 'b1'),
      { _id: 'residents:b2', schema: SYNC_SCHEMA },
      doc('visits', 'b3'),
      doc('visits', 'b4', { schema: SYNC_SCHEMA + 1 }),
    ]);
    // Refused rows carry `error: 'forbidden'` (PouchDB's client reports status 500 for them), and
    // express-pouchdb lists them first: the engine matches results by id, never by position.
    const outcome = Object.fromEntries(
      results.map((r) => [r.id, 'ok' in r && r.ok ? 'ok' : (r as { error?: unknown }).error]),
    );
    expect(outcome).toEqual({
      'residents:b1': 'ok',
      'residents:b2': 'forbidden',
      'visits:b3': 'ok',
      'visits:b4': 'forbidden',
    });
    const all = await desk2.allDocs({ keys: ['residents:b1', 'residents:b2', 'visits:b3', 'visits:b4'] });
    expect(all.rows.map((r) => ('error' in r ? r.error : 'ok'))).toEqual(['ok', 'not_found', 'ok', 'not_found']);
  });

  it('validates replicated revisions too: an event edited on a desk does not reach the hub', async () => {
    const local = memoryDb();
    await desk1.put(doc('caseEvents', 'rep'));
    await local.replicate.from(desk1, { doc_ids: ['caseEvents:rep'] });
    const mine = await local.get('caseEvents:rep');
    await local.put({ ...mine, record: { id: 'rep', forged: true } });
    await local.put(doc('caseEvents', 'rep2'));
    const result = await local.replicate.to(desk1);
    expect(result.doc_write_failures).toBe(1);
    expect(result.docs_written).toBe(1);
    const onHub = await desk2.get<{ record: object }>('caseEvents:rep');
    expect(onHub.record).toEqual({ id: 'rep' });
    await local.destroy();
  });

  it('takes a replicated edit of a record whole: a linear edit and a concurrent one (a conflict)', async () => {
    const base = await desk1.put(doc('residents', 'rx', { record: { id: 'rx', v: 1 } }));
    const a = memoryDb();
    const b = memoryDb();
    await a.replicate.from(desk1, { doc_ids: ['residents:rx'] });
    await b.replicate.from(desk1, { doc_ids: ['residents:rx'] });
    const ra = await a.put(doc('residents', 'rx', { _rev: base.rev, record: { id: 'rx', v: 'a' } }));
    const rb = await b.put(doc('residents', 'rx', { _rev: base.rev, record: { id: 'rx', v: 'b' } }));
    expect((await a.replicate.to(desk1)).docs_written).toBe(1);
    expect((await desk2.get('residents:rx'))._rev).toBe(ra.rev);
    expect((await b.replicate.to(desk1)).docs_written).toBe(1);
    const onHub = await desk2.get('residents:rx', { conflicts: true });
    expect([onHub._rev, ...(onHub._conflicts ?? [])].sort()).toEqual([ra.rev, rb.rev].sort());
    await a.destroy();
    await b.destroy();
  });

  it('lets a desk number be claimed once and never changed by a desk', async () => {
    const claim = { _id: deskClaimId(7), type: 'desk', schema: SYNC_SCHEMA, desk: 7, record: { name: '七号窗口' } };
    const made = await desk1.put(claim);
    expect(await statusOf(desk2.put({ ...claim, record: { name: '别的窗口' } }))).toBe(403);
    expect(await statusOf(desk2.put({ ...claim, _rev: made.rev, record: { name: '别的窗口' } }))).toBe(403);
    expect(await statusOf(desk1.put({ ...claim, _rev: made.rev, record: { name: '改名' } }))).toBe(403);
    expect(await statusOf(desk2.remove(deskClaimId(7), made.rev))).toBe(403);
    const admin = remote(hub, hub.adminAuth);
    expect((await desk2.get<typeof claim>(deskClaimId(7))).record).toEqual({ name: '七号窗口' });
    expect(await statusOf(admin.remove(deskClaimId(7), made.rev))).toBe(200);
  });
});

describe('the hub process', () => {
  it('keeps what was written when SIGKILLed, on restart over the same folder', async () => {
    const own = await startHub({ users: 1 });
    try {
      const db = remote(own, own.deskAuth(1));
      const docs = Array.from({ length: 60 }, (_, i) => doc('visits', `k${i}`, { record: { id: `k${i}`, n: i } }));
      await db.bulkDocs(docs);
      await db.put(doc('residents', 'last'));
      await own.kill();
      expect(await statusOf(db.info())).not.toBe(200);
      await own.restart();
      const all = await db.allDocs({ include_docs: true, startkey: 'visits:', endkey: 'visits:\uffff' });
      expect(all.rows).toHaveLength(60);
      expect(
        all.rows.map((r) => (r.doc as unknown as { record: { n: number } }).record.n).sort((a, b) => a - b),
      ).toEqual(docs.map((_, i) => i));
      expect((await db.get('residents:last'))._id).toBe('residents:last');
    } finally {
      await own.stop();
    }
  });
});
