/**
 * The restore drill (issue 11): a generated desk holding every table is backed up, the
 * database wiped, the backup restored — every table equal record for record. Damaged files
 * (single-byte flips, truncations), a wrong passphrase and a newer schema are refused before
 * anything is touched.
 */
import { TRANSIENT_TABLES } from '../../renderer/src/db/dataScope';
import { KEPT_SUMMARIES } from '../../renderer/src/db/keptSummaries/middleware';
import { STREET_TABLES } from '../../renderer/src/db/installKind';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { DomainRefusal } from '../../renderer/src/db/refusal';
import {
  BACKUP_MESSAGES,
  newBackupKey,
  openBackup,
  sealBackup,
  type BackupKey,
} from '../../renderer/src/db/backup/seal';
import { countsOf, readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { prng } from '../../bench/data/random';
import { testDesk } from './testDb';
import { memoryBackupDeps } from './backupDeps';
import { makeBackup } from '../../renderer/src/db/backup/make';
import { restoreBackup } from '../../renderer/src/db/backup/restore';
import { auditIdOf } from '@shared/domain/auditIdentity';
import { chainRow, headOf, headsOfRows, isChained, type ChainHead } from '@shared/domain/auditChain';
import type { AuditEntry } from '@shared/domain/records';
import { loadedDb } from './generatedDesk';

const STAMP = { createdAt: 1, createdBy: 'staff-admin', updatedAt: 1, updatedBy: 'staff-admin' };

const canonical = (v: unknown) =>
  JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort()) : x,
  );

/** Every table as canonical JSON (rows by primary key, object keys sorted). */
/** Every table — but the kept summaries (a cache: a restore's writes change its write token). */
async function dump(db: DutyDeskDB): Promise<Record<string, string>> {
  const dexie = db as unknown as Dexie;
  const out: Record<string, string> = {};
  for (const t of dexie.tables) if (t.name !== KEPT_SUMMARIES) out[t.name] = canonical(await t.toArray());
  return out;
}

/**
 * The dump after a restore: the same, except that an audit row that had no identity (the
 * bench loader writes rows as they were before v10) now carries the one derived from it, and
 * one outside the audit chain (ditto, before v12) is sealed onto desk 1's chain in its order,
 * after the rows the setup wrote through the write path.
 */
function withAuditIds(d: Record<string, string>): Record<string, string> {
  const rows = JSON.parse(d.auditLog!) as AuditEntry[];
  // (after the rows the setup wrote through the write path, already chained)
  let head: ChainHead | null = headsOfRows(rows).find((h) => h.desk === 1) ?? null;
  const sealed = [...rows]
    .sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))
    .map((r) => {
      if (isChained(r)) return r;
      const row = chainRow({ ...r, id: auditIdOf(r) }, 1, head, { sealed: true });
      head = headOf(row);
      return row;
    });
  return { ...d, auditLog: canonical(sealed) };
}

describe('restore drill', { timeout: 120_000 }, () => {
  let db: DutyDeskDB;
  let key: BackupKey;
  let file: string;
  let before: Record<string, string>;
  const schema = () => db.verno;

  beforeAll(async () => {
    db = await loadedDb('tiny');
    // The tables the generator does not fill yet, so that every table is in the drill.
    await db.custodyItems.put({
      id: 'ci-1',
      caseId: 'c-1',
      residentId: 'r-1',
      document: '户口簿',
      original: true,
      count: 1,
      holder: { kind: 'staff', staffId: 'staff-1' },
      status: '在外',
      collectedAt: 5,
      events: [
        {
          n: 1,
          type: '收取',
          from: { kind: 'resident' },
          to: { kind: 'staff', staffId: 'staff-1' },
          at: 5,
          by: 'staff-1',
        },
      ],
      ...STAMP,
    });
    await db.meetings.put({ id: 'm-1', day: '2026-11-27', status: '筹备中', attendees: [], ...STAMP });
    await db.problems.put({
      id: 'p-1',
      title: '3 栋路灯不亮',
      category: '公共设施',
      place: '3 栋门口',
      raisedDay: '2026-11-24',
      status: '待研究',
      sources: [{ kind: '入户走访', day: '2026-11-24', by: 'staff-1' }],
      decisions: [],
      ...STAMP,
    });
    await db.agendaItems.put({
      id: 'a-1',
      meetingId: 'm-1',
      order: 1,
      kind: '新问题',
      problemId: 'p-1',
      title: '3 栋路灯不亮',
      category: '公共设施',
    });
    await db.rota.put({ id: '2026-11-24|staff-1', day: '2026-11-24', staffId: 'staff-1', post: '值班岗', ...STAMP });
    await db.handovers.put({
      id: 'h-1',
      day: '2026-11-24',
      forDay: '2026-11-25',
      staffId: 'staff-1',
      facts: [{ kind: '已超期', count: 1, refs: ['THL-20261101-0001'] }],
      text: '交接',
      watch: ['街道回电'],
      ...STAMP,
    });
    await db.handoverReads.put({ id: 'hr-1', noteId: 'h-1', staffId: 'staff-2', at: 7, day: '2026-11-25' });
    await db.homeVisits.put({
      id: 'hv-1',
      day: '2026-11-24',
      at: '2026-11-24T02:00:00.000Z',
      staffId: 'staff-1',
      gridId: 'g1',
      purpose: '政策宣传',
      address: '3 栋 101',
      household: '3-101',
      found: '宣传养老政策',
      followUp: '',
      ...STAMP,
    });
    await db.offHoursLines.put({
      id: 'oh-1',
      staffId: 'staff-1',
      day: '2026-11-21',
      start: '19:00',
      end: '20:00',
      content: '晚间接听居民电话',
      at: 7,
    });
    // The desk-local tables (v14) are in this desk's backup too.
    await db.signInGuards.put({ staffId: 'staff-1', failedAttempts: 2, lockedUntil: 0 });
    await db.deskMeta.put({ key: 'installId', value: 'install-1' });
    // A merge's same-day undo snapshot (v16, desk-local): two residents of the generated desk.
    const [kept, merged] = await db.residents.limit(2).toArray();
    await db.mergeUndos.put({
      mergedId: merged!.id,
      keptId: kept!.id,
      at: Date.parse('2026-11-24T09:00:00+08:00'),
      day: '2026-11-24',
      merged: merged!,
      kept: kept!,
      moved: { visits: [], cases: [], proxyTasks: [], custodyItems: [], problems: [] },
      problemSources: {},
    });
    await db.importBatches.put({
      id: 'ib-1',
      day: '2026-11-24',
      fileName: '台账.xlsx',
      mode: 'skip',
      created: [],
      updated: [],
      skipped: 0,
      rejected: 0,
      savedAt: 5,
      ...STAMP,
    });
    await db.centerDesks.put({ id: '2', no: 2, name: '后台', joinedAt: 6 });
    await db.packageExports.put({
      id: 'pe-1',
      kind: 'week',
      from: '2026-11-16',
      to: '2026-11-22',
      at: 6,
      staffId: 'staff-admin',
      desk: { no: 2, name: '后台' },
      desks: [{ no: 2, name: '后台', cases: 1 }],
      sha256: 'a'.repeat(64),
    });
    key = (await newBackupKey('正确的备份密码2026', 1000)).backupKey;
    const tables = await readSnapshot(db);
    file = await sealBackup(
      tables,
      {
        app: 'test',
        schema: schema(),
        createdAt: 7,
        createdBy: 'staff-admin',
        community: 'THL',
        generation: 'g-1',
        kind: 'regular',
        counts: countsOf(tables),
      },
      key,
    );
    before = await dump(db);
  });

  it('holds every table, and restores each record for record after a wipe', async () => {
    const dexie = db as unknown as Dexie;
    // Every table but the transient outbox (a restored desk is alone: its rows never come back) and
    // the street's (a community desk never holds them; a street backup restores only on a street install).
    const none = [...TRANSIENT_TABLES, ...STREET_TABLES] as string[];
    for (const t of dexie.tables.filter((t) => !none.includes(t.name)))
      expect(JSON.parse(before[t.name]!).length, t.name).toBeGreaterThan(0);
    // Wipe: the database is gone; the app opens an empty one.
    const name = db.name;
    db.close();
    await Dexie.delete(name);
    const empty = new DutyDeskDB(name);
    expect(await empty.cases.count()).toBe(0);
    // The same machine: its key opens the file without the passphrase.
    const opened = await openBackup(file, { currentSchema: empty.verno, machineKey: key });
    await replaceAll(empty, opened.tables, undefined, { sameMachine: true });
    expect(await dump(empty)).toEqual(withAuditIds(before));
    db = empty;
    before = withAuditIds(before);
  });

  it('a new machine opens it with the passphrase; a wrong one is refused', async () => {
    const opened = await openBackup(file, { currentSchema: schema(), passphrase: '正确的备份密码2026' });
    expect(opened.header.counts.cases).toBeGreaterThan(0);
    await expect(openBackup(file, { currentSchema: schema() })).rejects.toThrow(BACKUP_MESSAGES.needPassphrase);
    await expect(openBackup(file, { currentSchema: schema(), passphrase: '错误的密码' })).rejects.toThrow(
      BACKUP_MESSAGES.wrongPassphrase,
    );
  });

  it('refuses a backup made by a newer schema', async () => {
    const [head = '', ...chunks] = file.split('\n');
    const newer = JSON.parse(head) as { header: { schema: number } };
    newer.header.schema = schema() + 1;
    await expect(
      openBackup([JSON.stringify(newer), ...chunks].join('\n'), { currentSchema: schema(), machineKey: key }),
    ).rejects.toThrow(BACKUP_MESSAGES.newer(schema() + 1));
  });

  it('refuses 100 single-byte flips and 20 truncations; live data stays as it was', async () => {
    const rand = prng(11);
    const bytes = new TextEncoder().encode(file);
    const refusals = new Set<string>();
    for (let i = 0; i < 100; i++) {
      const damaged = bytes.slice();
      const at = Math.floor(rand() * damaged.length);
      damaged[at] = (damaged[at] ?? 0) ^ (1 << Math.floor(rand() * 7));
      const text = new TextDecoder().decode(damaged);
      const result = await openBackup(text, { currentSchema: schema(), machineKey: key }).then(
        () => 'opened',
        (e: unknown) => (e instanceof DomainRefusal ? e.message : `crash: ${String(e)}`),
      );
      expect(result, `flip at ${at}`).not.toBe('opened');
      expect(result).not.toMatch(/^crash/);
      refusals.add(result);
    }
    for (let i = 0; i < 20; i++) {
      const cut = Math.floor(rand() * file.length);
      await expect(openBackup(file.slice(0, cut), { currentSchema: schema(), machineKey: key })).rejects.toBeInstanceOf(
        DomainRefusal,
      );
    }
    expect(refusals.has(BACKUP_MESSAGES.tampered)).toBe(true);
    expect(await dump(db)).toEqual(before);
  });

  it('restoreBackup backs up the live data first, unless the clerk just saved it (browser build)', async () => {
    const deps = memoryBackupDeps();
    const desk = testDesk(db, { staffId: 'staff-admin', role: '站长/管理员' });
    await makeBackup(desk, deps, 'regular', { passphrase: '梅花香自苦寒来2026年' });
    const [, text] = [...deps.files][0]!;
    await restoreBackup(desk, deps, text);
    expect([...deps.files.keys()].filter((n) => n.endsWith('-preRestore.ddbak'))).toHaveLength(1);
    const count = deps.files.size;
    await restoreBackup(desk, deps, text, undefined, { liveBackedUp: true });
    expect(deps.files.size).toBe(count);
    // Only an admin restores.
    await expect(restoreBackup(testDesk(db, { staffId: 'staff-1' }), deps, text)).rejects.toThrow('站长/管理员');
  });
});
