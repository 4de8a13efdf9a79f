/**
 * The audit chain's anchor and restores (issue 23 item 4, the review's fixes), on fake-indexeddb
 * through the real write path: the anchor kept outside IndexedDB never moves backwards (the
 * auditor's own sign-in after deleted last rows must not hide them); a restore seals a backup's
 * rows whose place on the desk is taken (a new PC, 从空白开始, one backup then a newer one) so a
 * legitimate restore leaves the chain whole; a restore after a loss chains onto the anchor and
 * sets it; the chunked verification sees a duplicate on a chunk boundary.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/records';
import { chainRow, headOf, isChained, verifyChain, type ChainFields, type ChainHead } from '@shared/domain/auditChain';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { createDeskBase, type Desk } from '../../renderer/src/db/desk';
import { VERIFY_CHUNK, verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import { signIn } from '../../renderer/src/db/repositories/staff';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { recordIntegrity } from '../../renderer/src/db/backup/integrity';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { changePassphrase } from '../../renderer/src/db/backup/keys';
import { startEmpty } from '../../renderer/src/db/backup/startEmpty';
import { freshDb } from './testDb';
import { adminDesk, bySeq, depsWithRecord, note, rowsOf, write } from './auditChainHelpers';

const PIN = '246810';
const PASSPHRASE = '梅花香自苦寒来2026年';

/** A write as the app does it: committed, then the wipe record (and the anchor) written again. */
async function committed(desk: Desk, deps: ReturnType<typeof depsWithRecord>['deps'], n: number) {
  await write(desk, note(n));
  await recordIntegrity(desk.db as DutyDeskDB, deps);
}

const headOfDesk1 = async (db: DutyDeskDB): Promise<ChainHead> => {
  const last = await db.auditLog.where('[desk+deskSeq]').between([1, 0], [1, Infinity]).last();
  if (!last || !isChained(last)) throw new Error('desk 1 has no chained row');
  return headOf(last);
};

/** An old PC with some history and a backup of it sealed with PASSPHRASE: the file's text. */
async function oldPcBackup(notes: number[]) {
  const db = freshDb();
  const desk = await adminDesk(db);
  const { deps } = depsWithRecord();
  await changePassphrase(desk, deps, { passphrase: PASSPHRASE, again: PASSPHRASE }, { iterations: 1000 });
  await write(desk, ...notes.map(note));
  const made = await makeBackup(desk, deps, 'regular');
  if (!made.ok) throw new Error(made.message);
  return { db, desk, deps, text: () => [...deps.files.values()].at(-1)! };
}

describe('the anchor never moves backwards', () => {
  it('deleted last rows stay reported after the auditor signs in and the desk writes on', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    const { deps, anchors } = depsWithRecord();
    for (let n = 1; n <= 6; n++) await committed(desk, deps, n);
    const anchor = anchors()[0]!;
    expect(anchor).toEqual(await headOfDesk1(db)); // ordinary writes move it forward
    for (const s of [anchor.seq, anchor.seq - 1]) await db.auditLog.delete((await bySeq(db, 1, s)).seq!);
    // An ordinary write (the auditor's sign-in), recorded as after every commit.
    expect((await signIn(desk, desk.actor.id, PIN)).ok).toBe(true);
    await recordIntegrity(db, deps);
    expect(anchors()).toEqual([anchor]);
    expect((await verifyAuditLog(desk, anchors())).problems).toEqual([
      { kind: 'truncated', desk: 1, from: anchor.seq, to: anchor.seq },
    ]);
    // The chain written on past the anchor's sequence: the row there is not the one it names.
    for (let n = 7; n <= 9; n++) await committed(desk, deps, n);
    expect(anchors()).toEqual([anchor]);
    const report = await verifyAuditLog(desk, anchors());
    expect(report.problems).toMatchObject([{ kind: 'headMismatch', row: { desk: 1, deskSeq: anchor.seq } }]);
    db.close();
  });
});

describe('a legitimate restore leaves the chain whole', () => {
  it('a new PC: setup rows on desk 1, then the old PC’s backup of desk 1, then a newer one', async () => {
    const old = await oldPcBackup([1, 2, 3]);
    const first = old.text();
    await write(old.desk, note(4), note(5));
    const backupIds = (await rowsOf(old.db)).map((r) => r.id); // the rows the newer file holds
    const made = await makeBackup(old.desk, old.deps, 'regular');
    if (!made.ok) throw new Error(made.message);
    const newer = old.text();

    const db = freshDb();
    const desk = await adminDesk(db); // the setup wizard writes desk 1's first rows
    const { deps, anchors } = depsWithRecord();
    await recordIntegrity(db, deps);
    const setupRows = await rowsOf(db);
    await restoreBackup(desk, deps, first, PASSPHRASE, { liveBackedUp: true });
    let rows = await rowsOf(db);
    expect(rows.slice(0, setupRows.length)).toEqual(setupRows); // live rows stay as they were
    expect(verifyChain(rows, anchors()).problems).toEqual([]);
    expect(anchors()).toEqual([await headOfDesk1(db)]);
    // The old PC's rows are all there, sealed after the live ones; the restore row last.
    const sealed = rows.slice(setupRows.length, -1);
    expect(sealed.every((r) => r.sealed === true && r.desk === 1)).toBe(true);
    expect(rows.at(-1)!.action).toBe('backup.restore');

    await restoreBackup(desk, deps, newer, PASSPHRASE, { liveBackedUp: true });
    rows = await rowsOf(db);
    expect(verifyChain(rows, anchors()).problems).toEqual([]);
    const ids = new Set(rows.map((r) => r.id));
    expect(backupIds.filter((id) => !ids.has(id))).toEqual([]);
    expect(rows.length).toBe(new Set(rows.map((r) => r.id)).size); // nothing doubled
    await committed(desk, deps, 9);
    expect(verifyChain(await rowsOf(db), anchors()).problems).toEqual([]);
    old.db.close();
    db.close();
  });

  it('从空白开始 without a wipe record, then the backup: sealed onto the new chain, whole', async () => {
    const old = await oldPcBackup([1, 2]);
    let db = old.db;
    const name = db.name;
    db.close();
    await new DutyDeskDB(name).delete();
    db = new DutyDeskDB(name);
    const { deps, anchors } = depsWithRecord();
    const base = createDeskBase(db, old.desk.clock, old.desk.newId);
    await startEmpty(base, deps); // no record, no accounts: desk 1 starts again at 1
    expect((await rowsOf(db)).map((r) => r.deskSeq)).toEqual([1]);
    await restoreBackup({ ...base, actor: old.desk.actor }, deps, old.text(), PASSPHRASE, { liveBackedUp: true });
    const rows = await rowsOf(db);
    expect(verifyChain(rows, anchors()).problems).toEqual([]);
    expect(rows.map((r) => r.deskSeq)).toEqual(rows.map((_, i) => i + 1));
    db.close();
  });

  it('after a loss, 从空白开始 chains onto the anchor; the backup fills all but the rows it never had', async () => {
    const old = await oldPcBackup([1, 2]);
    const { deps, anchors } = depsWithRecord();
    await recordIntegrity(old.db, deps); // after the backup's own row: the anchor is one past the file
    const lost = anchors()[0]!;
    const name = old.db.name;
    old.db.close();
    await new DutyDeskDB(name).delete();
    const db = new DutyDeskDB(name);
    const base = createDeskBase(db, old.desk.clock, old.desk.newId);
    await startEmpty(base, deps, { pin: PIN });
    await restoreBackup({ ...base, actor: old.desk.actor }, deps, old.text(), PASSPHRASE, { liveBackedUp: true });
    // Only the backup's own row (written after the file) is missing: a true gap, nothing doubled.
    expect(verifyChain(await rowsOf(db), anchors()).problems).toMatchObject([
      { kind: 'gap', from: lost.seq, to: lost.seq },
    ]);
    expect(anchors()).toEqual([await headOfDesk1(db)]);
    db.close();
  });
});

describe('a restore after the last rows were lost chains onto the anchor and sets it', () => {
  it('the loss stays a gap; a later truncation is still seen', async () => {
    const old = await oldPcBackup([1]);
    const { db, desk } = old;
    const { deps, anchors } = depsWithRecord();
    for (let n = 2; n <= 4; n++) await committed(desk, deps, n);
    const anchor = anchors()[0]!;
    for (const s of [anchor.seq, anchor.seq - 1]) await db.auditLog.delete((await bySeq(db, 1, s)).seq!);
    await restoreBackup(desk, deps, old.text(), PASSPHRASE, { liveBackedUp: true });
    const restoreRow = await headOfDesk1(db);
    expect(restoreRow.seq).toBe(anchor.seq + 1);
    expect(verifyChain(await rowsOf(db), anchors()).problems).toMatchObject([
      { kind: 'gap', from: anchor.seq - 1, to: anchor.seq },
    ]);
    expect(anchors()).toEqual([restoreRow]);
    await db.auditLog.delete((await bySeq(db, 1, restoreRow.seq)).seq!);
    // (the rows before it were the gap: the log now ends before them)
    expect(verifyChain(await rowsOf(db), anchors()).problems).toEqual([
      { kind: 'truncated', desk: 1, from: anchor.seq - 1, to: restoreRow.seq },
    ]);
    db.close();
  });
});

describe('the chunked verification', () => {
  it('names a duplicate that sits on a chunk boundary', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    await db.auditLog.clear();
    const rows: (AuditEntry & ChainFields)[] = [];
    let head: ChainHead | null = null;
    for (let n = 1; n <= VERIFY_CHUNK + 2; n++) {
      const row = chainRow({ id: `r-${n}`, at: n, staffId: null, action: 'signin.ok', entity: 'staff' }, 1, head);
      head = headOf(row);
      rows.push(row);
    }
    await db.auditLog.bulkAdd(rows);
    expect((await verifyAuditLog(desk, [])).problems).toEqual([]);
    // A second row at the chunk's last sequence, linked to the row before it (a fork).
    const before = rows[VERIFY_CHUNK - 2]!;
    const twin = chainRow({ id: 'twin', at: 1, staffId: null, action: 'signout', entity: 'staff' }, 1, headOf(before));
    await db.auditLog.add(twin);
    expect((await verifyAuditLog(desk, [])).problems).toContainEqual({
      kind: 'duplicate',
      row: { desk: 1, deskSeq: VERIFY_CHUNK, at: 1, action: 'signout' },
    });
    db.close();
  });
});
