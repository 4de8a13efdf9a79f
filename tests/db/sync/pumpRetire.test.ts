/**
 * The pump retires conflicting leaves (renderer/src/sync/retire.ts, wired in pump.ts): a resident
 * deleted on this desk while another desk's offline edit of them sits in the desk's PouchDB as a
 * conflicting revision — after the pump, the tombstone row is the document's only live leaf (the
 * edit, with the person's phone, is tombstoned: compaction then drops it from the hub), and the
 * deletion of a record whose document is in conflict leaves no live leaf to bring it back. A
 * restart after a crash between the write and the retirement retires them too.
 * fake-indexeddb + pouchdb memory; the other desk is a second PouchDB replicating into this one.
 */
import { describe, expect, it } from 'vitest';
import { writeTx } from '../../../renderer/src/db/write';
import { deleteResident, residentDeletionPreview } from '../../../renderer/src/db/repositories/residentLifecycle';
import { updateResident } from '../../../renderer/src/db/repositories/residents';
import type { SyncDoc } from '../../../renderer/src/sync/contract';
import type { LocalPouch } from '../../../renderer/src/sync/pouch';
import { pumpOutbox } from '../../../renderer/src/sync/pump';
import { joinedWorld } from './world';
import { memoryPouch } from './pouchMemory';

type Leaf = { ok?: SyncDoc & { _rev: string; _deleted?: boolean } };

/** The live leaves of `id` in `db` (not deleted). */
async function liveLeaves(db: LocalPouch, id: string): Promise<SyncDoc[]> {
  const leaves = (await db.get(id, { open_revs: 'all' })) as unknown as Leaf[];
  return leaves.flatMap((l) => (l.ok && !l.ok._deleted ? [l.ok] : []));
}

/** Another desk's edit of `id` (made offline on what it had), replicated into `local`: a conflict there. */
async function conflictingEdit(local: LocalPouch, id: string, change: (record: Record<string, unknown>) => object) {
  const other = memoryPouch('other');
  await local.replicate.to(other, { doc_ids: [id] } as never);
  const doc = await other.get(id);
  await other.put({ ...doc, desk: 2, record: change(doc.record) } as SyncDoc & { _rev: string });
  return other;
}

describe('the pump retires the conflicting leaves of what this desk deletes', () => {
  it('a resident deleted here while another desk edited them: only the tombstone row stays live', async () => {
    const { db, desk, zhang } = await joinedWorld();
    const local = memoryPouch();
    const id = `residents:${zhang.id}`;
    const edit = (building: string) =>
      updateResident(desk, zhang.id, {
        name: zhang.name,
        idNumber: zhang.idNumber!,
        phone: zhang.phone!,
        building,
        unit: '',
        room: '',
        gridId: '',
        tags: [],
      });
    // The resident travels (an edit after joining); another desk edits the phone offline while
    // this one edits the building: the other edit arrives, in conflict.
    await edit('3');
    await pumpOutbox(db, local);
    const other = await conflictingEdit(local, id, (r) => ({ ...r, phone: '13900000009' }));
    await edit('4');
    await pumpOutbox(db, local);
    await other.replicate.to(local);
    expect(await liveLeaves(local, id)).toHaveLength(2);
    const { open: _open, ...expected } = await residentDeletionPreview(desk, zhang.id);
    await deleteResident(desk, zhang.id, { reason: '重复登记的档案', expected });

    // A crash after the write, before the retirement: the restart retires.
    await pumpOutbox(db, local, (step) => {
      if (step === 'afterWrite') throw new Error('killed');
    }).catch(() => undefined);
    await pumpOutbox(db, local);

    const live = await liveLeaves(local, id);
    expect(live).toHaveLength(1);
    expect(live[0]!.record.deleted).toBeDefined();
    expect(JSON.stringify(live)).not.toContain('139000');
    expect(JSON.stringify(live)).not.toContain(zhang.idNumber);
    const winner = await local.get(id, { conflicts: true });
    expect(winner._conflicts ?? []).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
    await other.destroy();
    await local.destroy();
    db.close();
  });

  it('a record deleted here while its document is in conflict: no live leaf brings it back', async () => {
    const w = await joinedWorld();
    const local = memoryPouch();
    const put = (post: '值班岗' | '走访岗') =>
      writeTx(w.desk, ['rota'], (tx) => tx.rota.put({ id: 'r1', day: '2026-11-24', staffId: w.admin.id, post }));
    await put('值班岗');
    await pumpOutbox(w.db, local);
    const other = await conflictingEdit(local, 'rota:r1', (r) => ({ ...r, day: '2026-11-25' }));
    await put('走访岗');
    await pumpOutbox(w.db, local);
    await other.replicate.to(local);
    expect(await liveLeaves(local, 'rota:r1')).toHaveLength(2);
    await writeTx(w.desk, ['rota'], (tx) => tx.rota.delete('r1'));
    await pumpOutbox(w.db, local);

    expect(await liveLeaves(local, 'rota:r1')).toEqual([]);
    await expect(local.get('rota:r1')).rejects.toMatchObject({ status: 404 });
    await other.destroy();
    await local.destroy();
    w.db.close();
  });
});
