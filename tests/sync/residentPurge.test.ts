/**
 * Issue 24 item 4, the whole way: a resident deleted (删除居民) and one merged away (合并居民档案)
 * on a joined desk, each after an edit, every step sent through the desk's real outbox and pump to
 * a real hub process. Before compaction the hub still serves their old revisions with the name,
 * ID number and phone; after `hub-setup --compact` no revision the hub can return (open_revs=all,
 * revs_info, GET ?rev= of every old revision) carries any of them. What the hub's LevelDB folder
 * still holds on disk is measured in the last test (see its comment).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PouchDBNode from 'pouchdb-node';
import { computeCheckDigit } from '@shared/domain/idNumber';
import { compactHub } from '../../scripts/hub-setup.mjs';
import { pumpOutbox } from '../../renderer/src/sync/pump';
import { createResident, updateResident } from '../../renderer/src/db/repositories/residents';
import { deleteResident, residentDeletionPreview } from '../../renderer/src/db/repositories/residentLifecycle';
import { mergeResidents } from '../../renderer/src/db/repositories/residentMerge';
import { joinedWorld } from '../db/sync/world';
import { memoryPouch } from '../db/sync/pouchMemory';
import { WANG_WU } from '../db/testDb';
import { adminRemote } from './deskFixtures';
import { startHub, type TestHub } from './hub';

const idOf = (first17: string) => first17 + computeCheckDigit(first17);
const GONE = { name: '赵六', idNumber: idOf('11010119500101123'), phone: '13711112222', later: '13711113333' };
const MERGED = { name: '钱七', idNumber: idOf('11010119600202234'), phone: '13722224444', later: '13722225555' };
const SECRETS = [GONE.idNumber, GONE.phone, GONE.later, GONE.name, MERGED.idNumber, MERGED.phone, MERGED.later];

let hub: TestHub;
beforeAll(async () => {
  hub = await startHub({ users: 1 });
});
afterAll(async () => {
  await hub?.stop();
});

const admin = () => adminRemote(hub);
const leaking = (value: unknown) => SECRETS.filter((s) => JSON.stringify(value).includes(s));

/** Every body the hub returns for `id`: its leaves, and each revision it lists, asked by rev. */
async function everythingServed(id: string): Promise<{ revs: string[]; bodies: unknown[] }> {
  const db = admin();
  // PouchDB's typings know neither revs_info nor get by rev: asked as plain CouchDB options.
  const get = (o: object) => (db.get as unknown as (id: string, o: object) => Promise<unknown>).call(db, id, o);
  const leaves = await get({ open_revs: 'all' });
  const info = (await get({ revs_info: true })) as { _revs_info: { rev: string }[] };
  const revs = info._revs_info.map((r) => r.rev);
  const bodies: unknown[] = [leaves, info];
  for (const rev of revs) bodies.push(await get({ rev }).catch((e: { status?: number }) => e.status));
  await db.close();
  return { revs, bodies };
}

/** Files below `dir` holding `text` (as UTF-8 bytes). */
async function filesHolding(dir: string, text: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await readFile(file)).includes(Buffer.from(text))) out.push(path.relative(dir, file));
  }
  return out;
}

describe('a deleted and a merged resident on the hub', () => {
  const ids = { gone: '', merged: '' };

  it('every step goes up; before compaction the old revisions still carry the personal data', async () => {
    const { db, desk } = await joinedWorld();
    const local = memoryPouch('purge');
    const remote = new PouchDBNode(hub.dbUrl, { auth: hub.deskAuth(1), skip_setup: true });
    const send = async () => {
      await pumpOutbox(db, local);
      await local.replicate.to(remote);
    };
    const person = (p: typeof GONE, phone: string) => ({ ...WANG_WU, name: p.name, idNumber: p.idNumber, phone });
    const gone = await createResident(desk, person(GONE, GONE.phone));
    await send();
    await updateResident(desk, gone.id, person(GONE, GONE.later));
    await send();
    const { open: _open, ...expected } = await residentDeletionPreview(desk, gone.id);
    await deleteResident(desk, gone.id, { reason: '重复登记已核实', expected });
    await send();

    const kept = await createResident(desk, { ...WANG_WU, name: MERGED.name, phone: '13733336666' });
    const merged = await createResident(desk, person(MERGED, MERGED.phone));
    await send();
    await updateResident(desk, merged.id, person(MERGED, MERGED.later));
    await send();
    await mergeResidents(desk, { keptId: kept.id, mergedId: merged.id, choices: {} });
    await send();
    Object.assign(ids, { gone: `residents:${gone.id}`, merged: `residents:${merged.id}` });

    for (const id of [ids.gone, ids.merged]) {
      const { revs, bodies } = await everythingServed(id);
      expect(revs.length).toBe(3); // created, edited, tombstoned
      expect(leaking(bodies).length).toBeGreaterThan(0);
    }
    await remote.close();
  });

  it('after compaction no revision the hub serves carries a name, ID number or phone of either', async () => {
    await compactHub({
      hub: hub.apiUrl,
      db: 'center',
      admin: { name: hub.adminAuth.username, password: hub.adminAuth.password },
    });
    for (const id of [ids.gone, ids.merged]) {
      const { revs, bodies } = await everythingServed(id);
      expect(revs.length).toBe(3); // the history stays, without its bodies
      expect(leaking(bodies)).toEqual([]);
    }
    // The merged-away record's tombstone still points at the kept one; the deleted one names no one.
    const db = admin();
    const tomb = (await db.get(ids.merged)) as unknown as { record: { deleted?: { mergedInto?: string } } };
    expect(tomb.record.deleted?.mergedInto).toBeTruthy();
    await db.close();
  });

  it('the hub folder on disk: measured, see the comment', async () => {
    // LevelDB (pouchdb-node's store in the test hub) deletes by writing a deletion marker; the old
    // bytes stay in its files until LevelDB's own compaction rewrites them. Measured here: after
    // the hub's compaction the ID number is still in the write-ahead log (center/000003.log), in
    // clear; the API serves it nowhere. CouchDB 3's compaction copies the live data to a new shard
    // file and deletes the old one.
    const found = await filesHolding(hub.dir, GONE.idNumber);
    console.log(`hub folder files still holding the deleted resident's ID number: ${found.join(', ') || 'none'}`);
    expect(found.every((f) => /\.(log|ldb|sst)$/.test(f))).toBe(true);
  });
});
