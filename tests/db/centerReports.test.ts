/**
 * Issue 24 item 7 on two desks of one center, with rows as inbound sync writes them (each desk's
 * writes pumped into its replica, the replicas exchanged, `createInbound` applying them): the
 * report and its JSON package cover both desks' work and name them; the package's export is
 * recorded for the whole center; the audit chains of both desks verify on either; the wipe record
 * counts replicated rows; a joined desk's backup holds the center's rows and its own name.
 */
import { describe, expect, it } from 'vitest';
import { summariesOf } from '@shared/reports/reportData';
import { packageContent } from '@shared/reports/package';
import { periodOf, previousPeriod } from '@shared/reports/periods';
import { EMPTY_NOTES } from '@shared/reports/reportData';
import { acted, exchange, follow, memoryPouch } from './support/syncHarness';
import { acceptCommittedCase, communityDesk, createZhangSan, freshDb, setUpCommunity, T0, TODAY } from './testDb';
import { readReportData } from '../../renderer/src/db/repositories/reports';
import { recordExport } from '../../renderer/src/db/repositories/reportExports';
import { centerDeskRow } from '../../renderer/src/db/repositories/centerDesks';
import { packageExportsOf } from '../../renderer/src/db/repositories/packageExports';
import { verifyAuditLog } from '../../renderer/src/db/repositories/auditLog';
import { writeTx } from '../../renderer/src/db/write';
import { onWriteCommitted } from '../../renderer/src/db/committed';
import { checkIntegrity, recordIntegrity, tableCounts } from '../../renderer/src/db/backup/integrity';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { openBackup } from '../../renderer/src/db/backup/seal';
import { memoryBackupDeps, recordingBackupDeps } from './backupDeps';
import { Dexie } from 'dexie';
import { schemaAt } from '../../renderer/src/db/backup/upgradeTables';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { coveredDesks } from '@shared/reports/centerDesks';
import { exportedText } from '../../renderer/src/features/reports/centerTexts';
import { localDateTime } from '../../renderer/src/app/clock';
import type { Desk } from '../../renderer/src/db/desk';
import type { PouchDatabase } from '../../renderer/src/sync/pouchApi';
import type { SyncDoc } from '../../renderer/src/sync/contract';

const DESK1 = { no: 1, name: '一号窗口' };
const DESK2 = { no: 2, name: '后台' };
const WEEK = periodOf('week', TODAY);
const PREVIOUS = previousPeriod(WEEK, 'week');

type Side = { db: DutyDeskDB; local: PouchDatabase<SyncDoc>; desk: Desk };

/** Everything either replica holds, applied on both desks (as live sync through a hub ends). */
async function sync(a: Side, b: Side): Promise<void> {
  await exchange(a.local, b.local);
  for (const s of [a, b]) {
    const { inbound, warnings } = follow(s.desk, s.local);
    await inbound.idle();
    inbound.stop();
    expect(warnings).toEqual([]);
  }
}

/** The join's row of a desk (join.ts writes it with `joinedCenter`), pumped as the join's upload does. */
const joined = (s: Side, no: number) =>
  acted(s.db, s.local, no, () =>
    writeTx(s.desk, ['centerDesks'], (tx) => tx.centerDesks.put(centerDeskRow(s.desk.identity!, tx.now))),
  );

/** Desk 1 accepts two cases, desk 2 (后台) one, both joined; everything exchanged and applied. */
async function twoDeskCenter() {
  const db1 = freshDb();
  const local1 = memoryPouch();
  const admin = await acted(db1, local1, 1, () => setUpCommunity(db1));
  const one: Side = {
    db: db1,
    local: local1,
    desk: await communityDesk(db1, { staffId: admin.id, role: '站长/管理员', identity: DESK1 }),
  };
  const zhang = await acted(db1, local1, 1, () => createZhangSan(db1, admin.id, TODAY));
  await joined(one, 1);
  for (let i = 0; i < 2; i++) await acted(db1, local1, 1, () => acceptCommittedCase(one.desk, zhang.id));
  const db2 = freshDb();
  const two: Side = { db: db2, local: memoryPouch(), desk: undefined as unknown as Desk };
  two.desk = { ...one.desk, db: db2, identity: DESK2 }; // the same admin, signed in at desk 2
  await exchange(local1, two.local);
  const { inbound } = follow(two.desk, two.local);
  await inbound.idle();
  inbound.stop();
  await joined(two, 2);
  await acted(db2, two.local, 2, () => acceptCommittedCase(two.desk, zhang.id));
  await sync(one, two);
  return { one, two, admin };
}

const report = (s: Side) => readReportData(s.desk, 'week', WEEK, PREVIOUS, EMPTY_NOTES);

describe('the center’s report on two desks', () => {
  it('covers both desks’ cases, the same on either desk, and the package names the desks with their cases', async () => {
    const { one, two } = await twoDeskCenter();
    const [r1, r2] = await Promise.all([report(one), report(two)]);
    expect(r1.cases.map((c) => c.trackingNumber).sort()).toEqual([
      'THL-20261124-010001',
      'THL-20261124-010002',
      'THL-20261124-020001',
    ]);
    expect(r2.cases.map((c) => c.id).sort()).toEqual(r1.cases.map((c) => c.id).sort());
    expect(summariesOf(r2)).toEqual(summariesOf(r1));
    expect(summariesOf(r1).now.accepted.total).toBe(3);
    const expected = [
      { ...DESK1, cases: 2 },
      { ...DESK2, cases: 1 },
    ];
    expect(coveredDesks(r1.desks, r1.cases, WEEK)).toEqual(expected);
    expect(coveredDesks(r2.desks, r2.cases, WEEK)).toEqual(expected);
    const p1 = packageContent(r1, 'install-desk-1', '2026-11-30T01:00:00.000Z', DESK1);
    const p2 = packageContent(r2, 'install-desk-2', '2026-11-30T01:00:00.000Z', DESK2);
    const onWire = expected.map((d) => ({ number: d.no, name: d.name, casesAccepted: d.cases }));
    expect(p1.desks).toEqual(onWire);
    expect(p2.desks).toEqual(onWire);
    expect(p2.ledger).toEqual(p1.ledger);
    // Each desk knows how recent the other's data is: its last audit row here.
    const lastOf2 = (await one.db.auditLog.toArray()).filter((r) => r.desk === 2).at(-1)!;
    expect(r1.desks.find((d) => d.no === 2)?.lastAt).toBe(lastOf2.at);
  });

  it('verifies both desks’ audit chains on either desk, and names a changed row of the other desk', async () => {
    const { one, two } = await twoDeskCenter();
    for (const s of [one, two]) {
      const r = await verifyAuditLog(s.desk, []);
      expect(r.problems).toEqual([]);
      expect(r.desks.map((d) => d.desk)).toEqual([1, 2]);
      expect(r.rows).toBe(await s.db.auditLog.count());
    }
    // A replicated row of desk 2, changed on desk 1, is found there.
    const row = (await one.db.auditLog.toArray()).find((r) => r.desk === 2 && r.action === 'case.accept')!;
    await one.db.auditLog.update(row.seq!, { detail: 'changed' });
    const after = await verifyAuditLog(one.desk, []);
    expect(after.problems[0]).toMatchObject({ kind: 'changed', row: { desk: 2, deskSeq: row.deskSeq } });
  });
});

describe('the package is made once per center', () => {
  const exportOn = (s: Side, desks: { no: number; name: string; cases: number }[], sha = 'a'.repeat(64)) =>
    acted(s.db, s.local, s.desk.identity!.no, () =>
      recordExport(s.desk, {
        format: '报送包',
        period: WEEK,
        label: '2026年第48周',
        rows: { 办件: 3 },
        package: { kind: 'week', format: 'json', sha256: sha, desks },
      }),
    );

  it('an export on desk 1 is seen on desk 2, who made it, where and when; a re-export is said and audited', async () => {
    const { one, two, admin } = await twoDeskCenter();
    const desks = coveredDesks((await report(one)).desks, (await report(one)).cases, WEEK);
    expect(await packageExportsOf(two.desk, 'week', WEEK)).toEqual([]);
    await exportOn(one, desks);
    await sync(one, two);
    const seen = await packageExportsOf(two.desk, 'week', WEEK);
    expect(seen).toEqual([
      expect.objectContaining({ desk: DESK1, staffId: admin.id, staffName: '王秀英', at: T0, desks, kind: 'week' }),
    ]);
    expect(exportedText('week', seen)).toBe(
      `本周报送包已由 窗口号 1（一号窗口） 王秀英 于 ${localDateTime(T0)} 导出，涵盖窗口号 1、2。`,
    );
    // Another period (the month, or the week before) has none.
    expect(await packageExportsOf(two.desk, 'month', WEEK)).toEqual([]);
    expect(await packageExportsOf(two.desk, 'week', PREVIOUS)).toEqual([]);
    // Desk 2 exports again: allowed, and its audit row says it is the second.
    await exportOn(two, desks, 'b'.repeat(64));
    const audit = (await two.db.auditLog.toArray()).filter((r) => r.action === 'report.export');
    expect(audit.map((r) => r.detail)).toEqual([
      expect.stringMatching(/涵盖窗口号 1、2$/),
      expect.stringMatching(/涵盖窗口号 1、2；本期第 2 次导出（再次导出）$/),
    ]);
    await sync(one, two);
    const both = await packageExportsOf(one.desk, 'week', WEEK);
    expect(both.map((e) => [e.desk.no, e.sha256])).toEqual([
      [1, 'a'.repeat(64)],
      [2, 'b'.repeat(64)],
    ]);
    expect(exportedText('week', both)).toMatch(
      /；共导出 2 次，最近一次由 窗口号 2（后台） 王秀英 于 .+ 导出，涵盖窗口号 1、2。$/,
    );
  });

  it('two desks exporting the same week offline both keep their record: nothing conflicts', async () => {
    const { one, two } = await twoDeskCenter();
    await exportOn(one, [{ ...DESK1, cases: 2 }]);
    await exportOn(two, [{ ...DESK2, cases: 1 }]);
    await sync(one, two);
    for (const s of [one, two]) {
      expect((await packageExportsOf(s.desk, 'week', WEEK)).map((e) => e.desk.no).sort()).toEqual([1, 2]);
      expect(await s.db.syncConflicts.count()).toBe(0);
    }
  });
});

describe('per desk, while joined: wipe detection and backups', () => {
  it('the wipe record after an inbound commit counts the replicated rows; losing them is detected', async () => {
    const { one, two } = await twoDeskCenter();
    const deps = recordingBackupDeps();
    let recording = Promise.resolve();
    const off = onWriteCommitted(() => {
      recording = recording.then(async () => void (await recordIntegrity(two.db, deps)));
    });
    const [zhang] = await one.db.residents.toArray();
    await acted(one.db, one.local, 1, () => acceptCommittedCase(one.desk, zhang!.id));
    await sync(one, two);
    off();
    await recording;
    const recorded = (await deps.bridge.readIntegrity())!;
    expect(recorded.counts.cases).toBe(4);
    expect(recorded.counts.caseEvents).toBe(await one.db.caseEvents.count());
    expect(recorded.counts.centerDesks).toBe(2);
    expect(await checkIntegrity(two.db, deps)).toEqual({ ok: true, counts: await tableCounts(two.db) });
    // The replicated rows of desk 1 lost on desk 2 (e.g. the browser cleared part of the store).
    const ofDesk1 = (await two.db.caseEvents.toArray()).filter((e) => e.desk === 1).map((e) => e.id);
    await two.db.caseEvents.bulkDelete(ofDesk1);
    expect(await checkIntegrity(two.db, deps)).toEqual({
      ok: false,
      lost: [
        {
          table: 'caseEvents',
          recorded: recorded.counts.caseEvents,
          now: recorded.counts.caseEvents! - ofDesk1.length,
        },
      ],
    });
  });

  it('a joined desk backs up by itself: the center’s rows, its own name and every desk’s chain head', async () => {
    const { two } = await twoDeskCenter();
    await two.db.deskMeta.put({ key: 'joinedCenter', value: { at: T0 } });
    const deps = memoryBackupDeps();
    const made = await makeBackup(two.desk, deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
    if (!made.ok) throw new Error(made.message);
    expect(made.name).toContain('-D02-');
    const opened = await openBackup(deps.files.get(made.name)!, {
      currentSchema: two.db.verno,
      machineKey: await deps.keys.load(),
    });
    expect(opened.tables.cases).toHaveLength(3);
    expect((opened.tables.centerDesks as { no: number }[]).map((d) => d.no).sort()).toEqual([1, 2]);
    expect(opened.header.auditHeads?.map(([desk]) => desk)).toEqual([1, 2]);
  });
});

describe('DB v22', () => {
  it('a v21 database opens with its rows kept and the two new tables empty', async () => {
    const old = new Dexie('center-v21');
    old.version(21).stores(schemaAt(21));
    await old.open();
    await old.table('meta').put({ key: 'importMapping', value: { 姓名: 'name' } });
    await old.table('auditLog').add({ id: 'a1', at: T0, staffId: 's1', action: 'x', entity: 'y', desk: 1, deskSeq: 1 });
    old.close();
    const db = new DutyDeskDB('center-v21');
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.meta.get('importMapping')).toEqual({ key: 'importMapping', value: { 姓名: 'name' } });
    expect(await db.auditLog.count()).toBe(1);
    expect([await db.centerDesks.count(), await db.packageExports.count()]).toEqual([0, 0]);
    db.close();
  });
});
