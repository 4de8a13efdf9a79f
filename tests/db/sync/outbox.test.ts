/**
 * The outbox (issue 24, renderer/src/sync/outbox.ts + writeTx): a desk joined to its center
 * records every travelling record and audit row a transaction writes, as ONE outbox row in the
 * same transaction; a desk alone writes nothing there; a refused or failed write leaves none.
 */
import { describe, expect, it } from 'vitest';
import type { DutyDeskDB } from '../../../renderer/src/db/database';
import { portableRecord } from '../../../renderer/src/sync/docs';
import { TRAVELLING } from '../../../renderer/src/sync/outbox';
import { DomainRefusal } from '../../../renderer/src/db/refusal';
import { writeTx } from '../../../renderer/src/db/write';
import { tableCounts } from '../../../renderer/src/db/backup/integrity';
import { acceptCommittedCase, TODAY } from '../testDb';
import { joinedWorld } from './world';

const docIds = async (db: DutyDeskDB) => (await db.outbox.toArray()).map((r) => r.docs.map((d) => d._id));

describe('the outbox', () => {
  it('alone: a registration writes nothing to the outbox', async () => {
    const { db, desk, zhang } = await joinedWorld({ joined: false });
    await acceptCommittedCase(desk, zhang.id);
    expect(await db.outbox.count()).toBe(0);
  });

  it('joined: one row per transaction with every travelling record and audit row as stored, projected records left out', async () => {
    const { db, desk, zhang } = await joinedWorld();
    const auditBefore = await db.auditLog.count();
    const { record } = await acceptCommittedCase(desk, zhang.id);
    const rows = await db.outbox.toArray();
    expect(rows).toHaveLength(1);
    const docs = rows[0]!.docs;
    const ids = docs.map((d) => d._id);
    // The case itself is a projection: its opening event travels, the record never does.
    expect(ids).not.toContain(`cases:${record.id}`);
    expect(ids.some((id) => id.startsWith('counters:'))).toBe(false);
    const visit = (await db.visits.toArray())[0]!;
    const event = (await db.caseEvents.where('caseId').equals(record.id).toArray())[0]!;
    const audits = (await db.auditLog.toArray()).slice(auditBefore);
    expect(audits.length).toBeGreaterThan(0);
    expect(ids.sort()).toEqual(
      [`visits:${visit.id}`, `caseEvents:${event.id}`, ...audits.map((a) => `auditLog:${a.id}`)].sort(),
    );
    // Each document: the record as stored without derived fields (a visit's `words`) or the local seq.
    const visitDoc = docs.find((d) => d._id === `visits:${visit.id}`)!;
    expect(visitDoc.record).toEqual(portableRecord('visits', visit));
    expect(visitDoc.record).not.toHaveProperty('words');
    const auditDoc = docs.find((d) => d.type === 'auditLog')!;
    expect(auditDoc.record).not.toHaveProperty('seq');
    expect(auditDoc.record).toHaveProperty('hash');
    // One action: the same id and size on every document, the writing desk and the schema.
    expect(new Set(docs.map((d) => d.action.id))).toEqual(new Set([rows[0]!.action]));
    expect(docs.every((d) => d.action.size === docs.length && d.desk === 1 && d.schema === 1)).toBe(true);
  });

  it('joined: an update travels as the whole record, a delete as a _deleted document, a record written twice once', async () => {
    const { db, desk, admin } = await joinedWorld();
    await writeTx(desk, ['rota'], async (tx) => {
      await tx.rota.put({ id: 'r1', day: TODAY, staffId: admin.id, post: '值班岗' });
      await tx.rota.put({ id: 'r1', day: TODAY, staffId: admin.id, post: '走访岗' });
      await tx.rota.add({ id: 'r2', day: TODAY, staffId: admin.id, post: '值班岗' });
    });
    await writeTx(desk, ['rota'], async (tx) => {
      await tx.rota.update('r2', { post: '走访岗' });
      await tx.rota.delete('r1');
    });
    const rows = await db.outbox.toArray();
    expect(rows.map((r) => r.docs.map((d) => [d._id, d._deleted ?? false, d.record.post]))).toEqual([
      [
        ['rota:r1', false, '走访岗'],
        ['rota:r2', false, '值班岗'],
      ],
      [
        ['rota:r2', false, '走访岗'],
        ['rota:r1', true, undefined],
      ],
    ]);
    // The whole record as stored (its stamps included: rota cells are stamped since DB v24).
    const stored = (await db.rota.get('r2'))!;
    expect(stored).toMatchObject({ id: 'r2', day: TODAY, staffId: admin.id, post: '走访岗' });
    expect(rows[1]!.docs.find((d) => d._id === 'rota:r2')!.record).toEqual(stored);
  });

  it('a refused or failed write leaves no outbox row (one transaction)', async () => {
    const { db, desk, admin } = await joinedWorld();
    await expect(
      writeTx(desk, ['rota'], async (tx) => {
        await tx.rota.put({ id: 'r1', day: TODAY, staffId: admin.id, post: '值班岗' });
        throw new DomainRefusal('不行');
      }),
    ).rejects.toThrow('不行');
    await expect(
      writeTx(desk, ['rota'], async (tx) => {
        await tx.rota.add({ id: 'r2', day: TODAY, staffId: admin.id, post: '值班岗' });
        await tx.rota.add({ id: 'r2', day: TODAY, staffId: admin.id, post: '值班岗' }); // ConstraintError
      }),
    ).rejects.toThrow();
    expect(await docIds(db)).toEqual([]);
    expect(await db.rota.count()).toBe(0);
  });

  it('travels: every center table but the projected ones; the outbox is not counted by wipe detection', async () => {
    expect(TRAVELLING).toContain('auditLog');
    expect(TRAVELLING).toContain('caseEvents');
    expect(TRAVELLING).not.toContain('cases');
    expect(TRAVELLING).not.toContain('outbox');
    expect(TRAVELLING).not.toContain('counters');
    const { db, desk, zhang } = await joinedWorld();
    await acceptCommittedCase(desk, zhang.id);
    expect(Object.keys(await tableCounts(db))).not.toContain('outbox');
  });
});
