/**
 * The audit log chained per desk (issue 23 item 4), through the real write path on
 * fake-indexeddb: rows chain per desk inside the transaction, the verification names a changed
 * row, a deleted middle row and deleted last rows (against the anchor kept outside IndexedDB),
 * a restore keeps every row and chains its own onto this desk's head, the v12 upgrade seals the
 * rows from before.
 */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/domain/records';
import { fromTuples, GENESIS, type ChainHead } from '@shared/domain/auditChain';
import { chainProblemText } from '@shared/domain/auditChainTexts';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { writeTx } from '../../renderer/src/db/write';
import { verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { recordIntegrity } from '../../renderer/src/db/backup/integrity';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { changePassphrase } from '../../renderer/src/db/backup/keys';
import { startEmpty } from '../../renderer/src/db/backup/startEmpty';
import { createDeskBase } from '../../renderer/src/db/desk';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { openBackup } from '../../renderer/src/db/backup/seal';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import { freshDb } from './testDb';
import { adminDesk, bySeq, depsWithRecord, note, rowsOf, write } from './auditChainHelpers';
import { openShipped } from './shippedSchemas';

describe('the audit chain on the write path', () => {
  it('chains every row of a desk in order, several in one transaction, from the genesis', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    await write(desk, note(1), note(2), note(3));
    await writeTx(desk, [], (tx) => Promise.all([tx.audit(note(4)), tx.audit(note(5))]).then(() => undefined));
    const rows = await rowsOf(db);
    expect(rows.every((r) => r.desk === 1)).toBe(true);
    expect(rows.map((r) => r.deskSeq)).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]!.prevHash).toBe(GENESIS);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.prevHash).toBe(rows[i - 1]!.hash);
    expect(rows.every((r) => /^[a-p]{64}$/.test(r.hash!))).toBe(true);
    const report = await verifyAuditLog(desk, []);
    expect(report.problems).toEqual([]);
    expect(report.desks).toEqual([{ desk: 1, rows: rows.length, head: expect.anything(), sealed: 0 }]);
    db.close();
  });

  it('a desk writes its own chain under its own number (deskNumberOf)', async () => {
    const db = freshDb();
    const one = await adminDesk(db);
    const three = { ...one, identity: { no: 3, name: '后台' } };
    await write(three, note(1), note(2));
    await write(one, note(3));
    const heads = (await verifyAuditLog(one, [])).desks.map((d) => [d.desk, d.head?.seq]);
    expect(heads).toEqual([
      [1, await db.auditLog.where('[desk+deskSeq]').between([1, 0], [1, Infinity]).count()],
      [3, 2],
    ]);
    expect((await bySeq(db, 3, 1)).prevHash).toBe(GENESIS);
    db.close();
  });

  it('a transaction that fails adds no row and leaves the chain whole', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    await expect(
      writeTx(desk, [], async (tx) => {
        await tx.audit(note(1));
        throw new DomainRefusal('不行');
      }),
    ).rejects.toThrow('不行');
    await write(desk, note(2));
    expect((await verifyAuditLog(desk, [])).problems).toEqual([]);
    db.close();
  });

  it('only 审计员 and admins verify the log', async () => {
    const db = freshDb();
    const admin = await adminDesk(db);
    await expect(verifyAuditLog({ ...admin, actor: { id: 'nobody', role: '值班员' } }, [])).rejects.toThrow(
      '只有审计员或站长/管理员可以查看操作日志',
    );
    db.close();
  });
});

describe('the verification names the first broken row', () => {
  async function tenRows() {
    const db = freshDb();
    const desk = await adminDesk(db);
    for (let n = 1; n <= 10; n++) await write(desk, note(n));
    const total = await db.auditLog.count();
    return { db, desk, total };
  }

  it('a changed detail: the row whose hash no longer fits', async () => {
    const { db, desk } = await tenRows();
    const row = await bySeq(db, 1, 5);
    await db.auditLog.update(row.seq!, { detail: '改过的说明' });
    const report = await verifyAuditLog(desk, []);
    expect(report.problems).toEqual([
      { kind: 'changed', row: { desk: 1, deskSeq: 5, at: row.at, action: row.action } },
    ]);
    expect(chainProblemText(report.problems[0]!, () => '某时')).toBe(
      '1号台第 5 条记录（某时，办件备注）的内容与它的哈希不符：写入后被改动过。',
    );
    db.close();
  });

  it('a row replaced with a fresh hash: the next row no longer links to it', async () => {
    const { db, desk } = await tenRows();
    const { chainRow } = await import('@shared/domain/auditChain');
    const before = await bySeq(db, 1, 3);
    const row = await bySeq(db, 1, 4);
    const forged = chainRow({ ...row, detail: '伪造' }, 1, { seq: 3, hash: before.hash! });
    await db.auditLog.put({ ...forged, seq: row.seq });
    const report = await verifyAuditLog(desk, []);
    expect(report.problems.map((p) => [p.kind, 'row' in p ? p.row.deskSeq : null])).toEqual([['unlinked', 5]]);
    db.close();
  });

  it('a deleted middle row: the gap, named before the row that follows it', async () => {
    const { db, desk } = await tenRows();
    await db.auditLog.delete((await bySeq(db, 1, 6)).seq!);
    const [problem, ...more] = (await verifyAuditLog(desk, [])).problems;
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ kind: 'gap', from: 6, to: 6, row: { desk: 1, deskSeq: 7 } });
    db.close();
  });

  it('deleted last rows: only the anchor kept outside IndexedDB shows it', async () => {
    const { db, desk, total } = await tenRows();
    const { deps, anchors } = depsWithRecord();
    await recordIntegrity(db, deps); // as after every committed write
    expect(anchors()).toEqual([{ desk: 1, seq: total, hash: (await bySeq(db, 1, total)).hash }]);
    for (const s of [total, total - 1]) await db.auditLog.delete((await bySeq(db, 1, s)).seq!);
    expect((await verifyAuditLog(desk, [])).problems).toEqual([]); // the log alone looks whole
    const report = await verifyAuditLog(desk, anchors());
    expect(report.problems).toEqual([{ kind: 'truncated', desk: 1, from: total - 1, to: total }]);
    expect(chainProblemText(report.problems[0]!, String)).toContain(`1号台最后的第 ${total - 1}–${total} 条记录缺失`);
    db.close();
  });

  it('a last row replaced: it is not the head the anchor names', async () => {
    const { db, desk, total } = await tenRows();
    const { deps, anchors } = depsWithRecord();
    await recordIntegrity(db, deps);
    const { chainRow } = await import('@shared/domain/auditChain');
    const last = await bySeq(db, 1, total);
    const prev = await bySeq(db, 1, total - 1);
    await db.auditLog.put({
      ...chainRow({ ...last, detail: '伪造' }, 1, { seq: total - 1, hash: prev.hash! }),
      seq: last.seq,
    });
    expect((await verifyAuditLog(desk, anchors())).problems).toMatchObject([
      { kind: 'headMismatch', row: { deskSeq: total } },
    ]);
    db.close();
  });

  it('a row added around the program (no chain fields) is named by its local number', async () => {
    const { db, desk } = await tenRows();
    const seq = await db.auditLog.add({ id: 'x', at: 1, staffId: null, action: 'signin.ok', entity: 'staff' });
    expect((await verifyAuditLog(desk, [])).problems).toMatchObject([{ kind: 'unchained', seq }]);
    db.close();
  });

  it('reads a long log of several desks a chunk at a time and still names the broken row', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    const { chainRow, headOf } = await import('@shared/domain/auditChain');
    const rows: AuditEntry[] = [];
    for (const d of [2, 4]) {
      let head: ChainHead | null = null;
      for (let n = 1; n <= 2600; n++) {
        const row = chainRow({ id: `r${d}-${n}`, at: n, staffId: null, action: 'signin.ok', entity: 'staff' }, d, head);
        head = headOf(row);
        rows.push(row);
      }
    }
    await db.auditLog.bulkAdd(rows);
    expect((await verifyAuditLog(desk, [])).problems).toEqual([]);
    await db.auditLog.where('id').equals('r4-2301').modify({ detail: 'x' });
    expect((await verifyAuditLog(desk, [])).problems).toMatchObject([
      { kind: 'changed', row: { desk: 4, deskSeq: 2301 } },
    ]);
    db.close();
  });
});

describe('a restore never removes a row and chains onto the live head', () => {
  const PASSPHRASE = '梅花香自苦寒来2026年';

  it('live rows stay, the backup rows the log lacks come back with their own hashes, the restore row chains last', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    const { deps, anchors } = depsWithRecord();
    await changePassphrase(desk, deps, { passphrase: PASSPHRASE, again: PASSPHRASE }, { iterations: 1000 });
    await write(desk, note(1), note(2));
    const made = await makeBackup(desk, deps, 'regular');
    if (!made.ok) throw new Error(made.message);
    const text = [...deps.files.values()].at(-1)!;
    // The header carries the heads the file reaches.
    const inBackup = (await openBackup(text, { currentSchema: db.verno, machineKey: await deps.keys.load() })).header;
    const backupHead = (await bySeq(db, 1, (await db.auditLog.count()) - 1)).hash; // before backup.create
    expect(fromTuples(inBackup.auditHeads)).toEqual([
      { desk: 1, seq: (await db.auditLog.count()) - 1, hash: backupHead },
    ]);
    await write(desk, note(3));
    const live = await rowsOf(db);
    await restoreBackup(desk, deps, text, undefined, { liveBackedUp: true });
    const after = await rowsOf(db);
    expect(after.slice(0, live.length)).toEqual(live);
    const restoreRow = after.at(-1)!;
    expect(restoreRow.action).toBe('backup.restore');
    expect([restoreRow.desk, restoreRow.deskSeq, restoreRow.prevHash]).toEqual([
      1,
      live.at(-1)!.deskSeq! + 1,
      live.at(-1)!.hash,
    ]);
    expect((await verifyAuditLog(desk, anchors())).problems).toEqual([]);
    db.close();
  });

  it('into a log that lost rows: the backup brings them back and the chain is whole again', async () => {
    const db = freshDb();
    const desk = await adminDesk(db);
    await write(desk, note(1), note(2), note(3));
    const backup = await readSnapshot(db);
    const total = await db.auditLog.count();
    await db.auditLog.delete((await bySeq(db, 1, 2)).seq!);
    expect((await verifyAuditLog(desk, [])).problems).toMatchObject([{ kind: 'gap', from: 2, to: 2 }]);
    await replaceAll(db, backup, { id: 'restore-1', at: 9, staffId: null, action: 'backup.restore', entity: 'backup' });
    const report = await verifyAuditLog(desk, []);
    expect(report.problems).toEqual([]);
    expect(report.desks[0]?.head?.seq).toBe(total + 1);
    db.close();
  });

  it('rows of a backup from before the chain are sealed onto this desk’s chain, then the restore row', async () => {
    const name = `v10-restore-${Date.now()}`;
    const v10 = openShipped(name, 10);
    await v10.table('auditLog').bulkAdd([
      { id: 'old-1', at: 1, staffId: 's1', action: 'signin.ok', entity: 'staff' },
      { id: 'old-2', at: 2, staffId: 's1', action: 'signout', entity: 'staff' },
    ]);
    const backup = await readSnapshot(v10);
    await v10.delete();
    const db = freshDb();
    const desk = await adminDesk(db, 2);
    await write(desk, note(1));
    await replaceAll(
      db,
      backup,
      { id: 'restore-1', at: 9, staffId: null, action: 'backup.restore', entity: 'backup' },
      { desk: 2 },
    );
    const desk2 = await db.auditLog.where('[desk+deskSeq]').between([2, 0], [2, Infinity]).toArray();
    expect(desk2.map((r) => [r.id, r.deskSeq, r.sealed ?? false])).toEqual([
      [desk2[0]!.id, 1, false],
      ['old-1', 2, true],
      ['old-2', 3, true],
      ['restore-1', 4, false],
    ]);
    // (the backup had no accounts: the log is verified as it stands, by the same fold)
    const { verifyChain } = await import('@shared/domain/auditChain');
    expect(verifyChain(await rowsOf(db)).problems).toEqual([]);
    db.close();
  });
});

describe('从空白开始 after a loss: the chain goes on from the anchor', () => {
  it('the lost rows stay a gap in the log until a backup fills it; never a second chain from 1', async () => {
    let db = freshDb();
    const desk = await adminDesk(db);
    const { deps, anchors } = depsWithRecord();
    await write(desk, note(1), note(2));
    const backup = await readSnapshot(db);
    await recordIntegrity(db, deps);
    const { seq: lost, hash: lostHash } = anchors()[0]!;
    const name = db.name;
    db.close();
    await new DutyDeskDB(name).delete();
    db = new DutyDeskDB(name);
    const base = createDeskBase(db, desk.clock, desk.newId);
    await startEmpty(base, deps, { pin: '246810' });
    const [row] = await rowsOf(db);
    expect([row!.action, row!.deskSeq, row!.prevHash]).toEqual(['backup.startEmpty', lost + 1, lostHash]);
    const { verifyChain } = await import('@shared/domain/auditChain');
    expect(verifyChain(await rowsOf(db), anchors()).problems).toMatchObject([{ kind: 'gap', from: 1, to: lost }]);
    await replaceAll(db, backup, undefined, { desk: 1 });
    expect(verifyChain(await rowsOf(db), anchors()).problems).toEqual([]);
    db.close();
  });
});

describe('upgrade v10 → v12 (the audit chain)', () => {
  it('seals the rows written before once, in their order, into desk 1’s chain; new rows go on from there', async () => {
    const name = `upgrade-v12-${Date.now()}`;
    const v10 = openShipped(name, 10);
    const old: AuditEntry[] = [3, 1, 2].map((n) => ({
      id: `old-${n}`,
      at: n,
      staffId: 's1',
      action: 'signin.ok',
      entity: 'staff',
    }));
    await v10.table('auditLog').bulkAdd(old);
    v10.close();
    const db = new DutyDeskDB(name);
    const rows = await rowsOf(db);
    expect(rows.map((r) => [r.id, r.desk, r.deskSeq, r.sealed])).toEqual([
      ['old-3', 1, 1, true],
      ['old-1', 1, 2, true],
      ['old-2', 1, 3, true],
    ]);
    const { verifyChain } = await import('@shared/domain/auditChain');
    const report = verifyChain(rows);
    expect(report.problems).toEqual([]);
    expect(report.desks[0]).toMatchObject({ sealed: 3, sealedUntil: 3 });
    // Opened again: nothing changes (the upgrade ran once).
    db.close();
    const again = new DutyDeskDB(name);
    expect(await rowsOf(again)).toEqual(rows);
    again.close();
    await new DutyDeskDB(name).delete();
  });
});
