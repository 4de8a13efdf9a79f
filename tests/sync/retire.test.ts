/**
 * Personal data off the hub's old revisions (issue 24 item 4) against the real test hub: what a
 * deletion leaves, what compaction drops, what a conflicting leaf keeps, and that
 * retireDocument + compaction leave no body of the resident anywhere on the hub's API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHub, type TestHub } from './hub';
import { memoryDb, remoteDb, type PouchDb } from './pouch';
import { compactHub } from '../../scripts/hub-setup.mjs';
import { retireDocument } from '../../renderer/src/sync/retire';
import { SYNC_SCHEMA } from '../../renderer/src/sync/contract';

let hub: TestHub;
let desk: PouchDb;

beforeAll(async () => {
  hub = await startHub({ users: 1 });
  desk = remoteDb(hub.dbUrl, hub.deskAuth(1));
});
afterAll(async () => {
  await hub?.stop();
});

const resident = (key: string, phone: string) => ({
  _id: `residents:${key}`,
  type: 'residents',
  schema: SYNC_SCHEMA,
  desk: 1,
  action: { id: `a-${key}-${phone}`, size: 1 },
  record: { id: key, name: '张三', phone },
});

/** The body of one revision, or 'gone' when the hub no longer has it. */
async function body(id: string, rev: string): Promise<unknown> {
  try {
    const doc = await desk.get<{ record?: { phone?: string } }>(id, { rev });
    return doc.record?.phone ?? 'tombstone';
  } catch (e) {
    expect((e as { status?: number }).status).toBe(404);
    return 'gone';
  }
}

const compact = async () => {
  await compactHub({
    hub: hub.apiUrl,
    db: 'center',
    admin: { name: hub.adminAuth.username, password: hub.adminAuth.password },
  });
  // express-pouchdb answers once PouchDB's compaction ran (202 after the callback).
};

describe('personal data on the hub', () => {
  it('a deletion alone keeps the old bodies; compaction drops them', async () => {
    const r1 = await desk.put(resident('p1', '13800000001'));
    const r2 = await desk.put({ ...resident('p1', '13800000002'), _rev: r1.rev });
    await desk.remove('residents:p1', r2.rev);
    expect(await body('residents:p1', r1.rev)).toBe('13800000001');
    expect(await body('residents:p1', r2.rev)).toBe('13800000002');
    await compact();
    expect(await body('residents:p1', r1.rev)).toBe('gone');
    expect(await body('residents:p1', r2.rev)).toBe('gone');
  });

  it('a conflicting leaf survives compaction and wins over the tombstone; retireDocument deletes every leaf', async () => {
    const r1 = await desk.put(resident('p2', '13900000001'));
    // Desk 2 has the resident, edits it offline while desk 1 edits it on the hub; then it syncs.
    const desk2 = memoryDb();
    await desk2.replicate.from(desk, { doc_ids: ['residents:p2'] });
    const other = await desk2.put({ ...resident('p2', '13900000009'), _rev: r1.rev });
    const r2 = await desk.put({ ...resident('p2', '13900000002'), _rev: r1.rev });
    expect((await desk2.replicate.to(desk)).docs_written).toBe(1);
    await desk2.destroy();
    const winner = await desk.get('residents:p2', { conflicts: true });
    expect(winner._conflicts).toHaveLength(1);
    await desk.remove('residents:p2', winner._rev);
    await compact();
    // The live leaf is now the document: the resident came back with desk 2's phone.
    const back = await desk.get<{ record: { phone: string } }>('residents:p2');
    expect(back.record.phone).toMatch(/^139/);

    expect(await retireDocument(desk, 'residents:p2', { type: 'residents', schema: SYNC_SCHEMA })).toBe(1);
    expect(await retireDocument(desk, 'residents:p2')).toBe(0);
    await compact();
    await expect(desk.get('residents:p2')).rejects.toMatchObject({ status: 404 });
    for (const rev of [r1.rev, r2.rev, other.rev]) expect(await body('residents:p2', rev)).toBe('gone');
    const leaves = (await desk.get('residents:p2', { open_revs: 'all' })) as {
      ok: { _deleted?: boolean; record?: unknown };
    }[];
    expect(leaves.length).toBe(2);
    for (const l of leaves) expect(l.ok).toMatchObject({ _deleted: true });
    for (const l of leaves) expect(l.ok.record).toBeUndefined();
  });
});
