/**
 * The kept last 走访 of every 重点服务对象 (`careLastVisits`, DB v34, db/careVisits): moved in the
 * same transaction as the write of a 走访 entry, a correction, a resident's move of 网格, their
 * 迁出 or a change of tags; by documents applied by the inbound sync; equal to a recount on the
 * generated desk loaded by the bench loader; rebuilt by a restore (never the backup's rows);
 * filled once by the v33 → v34 upgrade; equal to a recount after random writes of every kind
 * (property); and a disagreement is repaired once and logged without personal data.
 */
import { Dexie } from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createCalendar } from '@shared/domain/workingCalendar';
import { addDays } from '@shared/domain/localDate';
import { letters } from '@shared/domain/auditIdentity';
import { careKeysOf, careVisitDifferences, type CareVisitRow } from '@shared/domain/homeVisits';
import type { HomeVisitInput } from '@shared/domain/homeVisits';
import type { HomeVisit, Resident } from '@shared/domain/records';
import { generateDesk, NOW } from '../../bench/data/generate';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { schemaAt } from '../../renderer/src/db/backup/upgradeTables';
import { readSnapshot, replaceAll } from '../../renderer/src/db/backup/snapshot';
import { recountCareVisits } from '../../renderer/src/db/careVisits/recount';
import { checkCareVisits } from '../../renderer/src/db/careVisits/repair';
import { logHomeVisit } from '../../renderer/src/db/repositories/homeVisits';
import { markResidentStatus } from '../../renderer/src/db/repositories/residentLifecycle';
import { createResident, updateResident } from '../../renderer/src/db/repositories/residents';
import { updateCommunity } from '../../renderer/src/db/repositories/community';
import { DEFAULT_PROXY_SETTINGS, proxySettings } from '@shared/domain/proxy';
import type { CommunityProfile } from '@shared/domain/records';
import { unvisitedCarePage } from '../../renderer/src/db/repositories/unvisitedCare';
import { ensureSearchKeys } from '../../renderer/src/db/searchKeys';
import { applyDocs, type Incoming } from '../../renderer/src/sync/applyDocs';
import { toSyncDoc } from '../../renderer/src/sync/docs';
import { afterRandomWrites } from './support/randomWrites';
import { communityDesk, freshDb, setUpCommunity, T0, testDesk, WANG_WU } from './testDb';
import { loadedDb } from './generatedDesk';

const calendar = createCalendar();
const MON = '2026-11-23';

/** The kept rows that differ from a recount of the indexes (none when they agree). */
async function drift(db: DutyDeskDB): Promise<string[]> {
  const want = await recountCareVisits((name) => (db as unknown as Dexie).table(name));
  return careVisitDifferences(await db.careLastVisits.toArray(), want);
}

async function center() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const desk = await communityDesk(db, { staffId: admin.id, role: '站长/管理员', today: MON, calendar });
  const [g1, g2] = desk.community.grids.map((g) => g.id) as [string, string];
  const li = await createResident(desk, {
    ...WANG_WU,
    name: '李奶奶',
    phone: '13900001010',
    tags: ['独居老人'],
    gridId: g1,
    building: '3栋',
    unit: '1单元',
    room: '101',
  });
  return { db, desk, g1, g2, li };
}

const entry = (residentId: string, gridId: string, patch: Partial<HomeVisitInput> = {}): HomeVisitInput => ({
  day: MON,
  gridId,
  residentId,
  purpose: '重点人员关怀',
  found: '身体尚好',
  followUp: '',
  then: { kind: '无' },
  ...patch,
});

const sep = '\u001f';

/** The stored community profile with `registerTags` as its register (a meta row, as written). */
async function withRegister(db: DutyDeskDB, registerTags: string[]) {
  const value = ((await db.meta.get('community')) as { value: CommunityProfile }).value;
  return { key: 'community' as const, value: { ...value, proxy: { ...proxySettings(value), registerTags } } };
}

describe('the kept last 走访 (careLastVisits)', { timeout: 120_000 }, () => {
  it('moves with a 走访 entry, a correction, a move of 网格, a change of tags and 迁出', async () => {
    const { db, desk, g1, g2, li } = await center();
    // A new 重点服务对象: never visited, listed first in their zone.
    expect(await db.careLastVisits.get(li.id)).toEqual({
      residentId: li.id,
      zone: g1,
      tags: ['独居老人'],
      key: `${g1}${sep}${sep}${li.id}`,
    });

    const first = await logHomeVisit(desk, entry(li.id, g1, { day: addDays(MON, -3) }));
    expect(await db.careLastVisits.get(li.id)).toMatchObject({ lastDay: addDays(MON, -3) });
    // An older entry logged later does not move it back.
    await logHomeVisit(desk, entry(li.id, g1, { day: addDays(MON, -31) }));
    expect(await db.careLastVisits.get(li.id)).toMatchObject({ lastDay: addDays(MON, -3) });
    // The latest corrected to an earlier day: the correction's day is the last.
    await logHomeVisit(desk, entry(li.id, g1, { day: addDays(MON, -31), corrects: first.entry.id }));
    expect(await db.careLastVisits.get(li.id)).toMatchObject({ lastDay: addDays(MON, -31) });
    expect((await unvisitedCarePage(desk, g1)).rows.map((r) => [r.residentId, r.lastDay, r.daysSince])).toEqual([
      [li.id, addDays(MON, -31), 31],
    ]);

    // A move of 网格: the row's key moves to the new zone with the same day; two register tags, one key.
    const input = { ...WANG_WU, name: li.name, phone: li.phone ?? '', building: '3栋', unit: '1单元', room: '101' };
    await updateResident(desk, li.id, { ...input, tags: ['独居老人', '高龄'], gridId: g2 });
    expect(await db.careLastVisits.get(li.id)).toEqual({
      residentId: li.id,
      lastDay: addDays(MON, -31),
      zone: g2,
      tags: ['独居老人', '高龄'],
      key: `${g2}${sep}${addDays(MON, -31)}${sep}${li.id}`,
    });
    expect((await unvisitedCarePage(desk, g1)).rows).toEqual([]);
    // Two register tags: listed once.
    expect((await unvisitedCarePage(desk, g2)).rows.map((r) => r.residentId)).toEqual([li.id]);

    // No register tag: the row stays (its day kept) with no key, not listed.
    await updateResident(desk, li.id, { ...input, tags: ['党员'], gridId: g2 });
    expect(await db.careLastVisits.get(li.id)).toEqual({
      residentId: li.id,
      lastDay: addDays(MON, -31),
      zone: g2,
      tags: ['党员'],
    });
    expect((await unvisitedCarePage(desk, g2)).rows).toEqual([]);
    // No tag left: no row; a tag again: the row comes back with the day from the entries.
    await updateResident(desk, li.id, { ...input, tags: [], gridId: g2 });
    expect(await db.careLastVisits.get(li.id)).toBeUndefined();
    await updateResident(desk, li.id, { ...input, tags: ['高龄'], gridId: g2 });
    expect(await db.careLastVisits.get(li.id)).toMatchObject({ lastDay: addDays(MON, -31) });

    // 迁出: no row, not listed.
    await markResidentStatus(desk, li.id, { status: '已迁出', day: MON, note: '搬家', confirmOpen: true });
    expect(await db.careLastVisits.get(li.id)).toBeUndefined();
    expect((await unvisitedCarePage(desk, g2)).rows).toEqual([]);
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('is written in the transaction of the entry: seen inside it, gone with it when it fails', async () => {
    const { db, g1, li } = await center();
    const before = await db.careLastVisits.get(li.id);
    const visit = {
      id: 'hv-1',
      day: MON,
      at: `${MON}T10:00:00.000Z`,
      staffId: 's1',
      gridId: g1,
      purpose: '重点人员关怀',
      residentId: li.id,
      household: '3栋-1单元-101',
      found: '好',
      followUp: '',
      createdAt: T0,
      createdBy: 's1',
      updatedAt: T0,
      updatedBy: 's1',
    } as HomeVisit;
    await expect(
      (db as unknown as Dexie).transaction('rw', ['homeVisits', 'careLastVisits'], async () => {
        await db.homeVisits.add(visit);
        expect(await db.careLastVisits.get(li.id)).toMatchObject({ lastDay: MON });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.careLastVisits.get(li.id)).toEqual(before);
    expect(await db.homeVisits.get('hv-1')).toBeUndefined();
    db.close();
  });

  it('is re-keyed in the transaction of a change of the register tags: seen inside it, gone with it when it fails', async () => {
    const { db, desk, g1, li } = await center();
    const listed = async () => (await unvisitedCarePage(desk, g1)).rows.map((r) => r.residentId);
    const before = await db.careLastVisits.get(li.id);
    expect(before?.key).toBe(`${g1}${sep}${sep}${li.id}`);
    const off = await withRegister(db, ['高龄']);
    await expect(
      (db as unknown as Dexie).transaction('rw', ['meta', 'careLastVisits'], async () => {
        await db.meta.put(off);
        // In the setting's own transaction, before it commits: the row has no key.
        expect(await db.careLastVisits.get(li.id)).toEqual({ residentId: li.id, zone: g1, tags: ['独居老人'] });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await db.careLastVisits.get(li.id)).toEqual(before);
    expect(await listed()).toEqual([li.id]);

    // The 站长's 帮代办设置: off the register, then on it again — the list right after each.
    let rowWrites = 0;
    db.careLastVisits.hook('updating', () => {
      rowWrites++;
    });
    const proxy = (registerTags: string[]) => ({ proxy: { ...proxySettings(desk.community), registerTags } });
    await updateCommunity(desk, proxy(['高龄']));
    expect(rowWrites).toBe(1);
    expect(await listed()).toEqual([]);
    expect(await drift(db)).toEqual([]);
    await updateCommunity(desk, proxy(['高龄', '独居老人']));
    expect(rowWrites).toBe(2);
    expect(await listed()).toEqual([li.id]);
    expect(await db.careLastVisits.get(li.id)).toEqual(before);
    // A write of the profile that leaves the register as it was (other tags' order too) rewrites no row.
    await updateCommunity(desk, { phone: '0731-12345678', ...proxy(['独居老人', '高龄']) });
    expect(rowWrites).toBe(2);
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('is re-keyed by a change of the register tags from another desk (inbound sync) and by a restore', async () => {
    const { db, desk, g1, li } = await center();
    const other = testDesk(db, { identity: { no: 2, name: '二号窗口' }, now: NOW });
    const doc = (row: object, n: number) =>
      ({
        doc: {
          ...toSyncDoc('meta', 'community', row, {
            desk: 2,
            action: { id: letters(n.toString(16).padStart(32, '0')), size: 1 },
          }),
          _rev: `1-${n}`,
        },
      }) as Incoming;
    await applyDocs(other, [doc(await withRegister(db, ['重病']), 1)], { checkpoint: 1 });
    expect((await db.careLastVisits.get(li.id))?.key).toBeUndefined();
    expect((await unvisitedCarePage(desk, g1)).rows).toEqual([]);
    expect(await drift(db)).toEqual([]);

    // A backup whose register holds 独居老人: the restored profile keys the restored rows.
    const backup = await readSnapshot(db);
    const meta = (backup.meta ?? []) as { key: string }[];
    backup.meta = [...meta.filter((m) => m.key !== 'community'), await withRegister(db, ['独居老人'])];
    await replaceAll(db, backup);
    expect((await db.careLastVisits.get(li.id))?.key).toBe(`${g1}${sep}${sep}${li.id}`);
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('agrees with a recount and with the records on the generated desk loaded in bulk (1/100)', async () => {
    const data = generateDesk('tiny');
    const db = await loadedDb(data);
    const kept = await db.careLastVisits.toArray();
    expect(kept.length).toBeGreaterThan(10);
    expect(kept.some((r) => r.lastDay !== undefined)).toBe(true);
    expect(await drift(db)).toEqual([]);
    // Against the records themselves: each row's day is the latest of the resident's entries.
    const latest = new Map<string, string>();
    for (const v of data.homeVisits)
      if (v.residentId && v.day > (latest.get(v.residentId) ?? '')) latest.set(v.residentId, v.day);
    const onFile = data.residents.filter((r) => careKeysOf(r).length > 0);
    expect(new Set(kept.map((r) => r.residentId))).toEqual(new Set(onFile.map((r) => r.id)));
    for (const r of kept) expect(r.lastDay).toBe(latest.get(r.residentId));
    db.close();
  });

  it('moves with documents applied by the inbound sync, entries before or after their residents', async () => {
    const data = generateDesk('tiny');
    const docOf = (table: 'residents' | 'homeVisits', record: Resident | HomeVisit, n: number) => ({
      doc: {
        ...toSyncDoc(table, record.id, record, {
          desk: 1,
          action: { id: letters(n.toString(16).padStart(32, '0')), size: 1 },
        }),
        _rev: `1-${n}`,
      },
    });
    const entries = data.homeVisits.filter((v) => v.residentId);
    const half = Math.floor(entries.length / 2);
    // Half the entries, the residents, the other half and a correction of the latest entry of someone listed.
    const cared = new Set(data.residents.filter((r) => careKeysOf(r).length > 0).map((r) => r.id));
    const target = entries.filter((v) => cared.has(v.residentId!)).reduce((a, b) => (b.day > a.day ? b : a));
    const correction: HomeVisit = {
      ...target,
      id: 'hv-correction',
      day: addDays(target.day, -400),
      corrects: target.id,
    };
    let n = 0;
    const items: Incoming[] = [
      ...entries.slice(0, half).map((v) => docOf('homeVisits', v, n++)),
      ...data.residents.map((r) => docOf('residents', r, n++)),
      ...entries.slice(half).map((v) => docOf('homeVisits', v, n++)),
      docOf('homeVisits', correction, n++),
    ] as Incoming[];
    const db = freshDb();
    const desk = testDesk(db, { identity: { no: 2, name: '二号窗口' }, now: NOW });
    const cut = half + data.residents.length;
    await applyDocs(desk, items.slice(0, cut), { checkpoint: cut });
    expect(await drift(db)).toEqual([]);
    await applyDocs(desk, items.slice(cut), { checkpoint: items.length });
    expect(await drift(db)).toEqual([]);
    expect(await db.careLastVisits.count()).toBeGreaterThan(10);
    // The corrected entry no longer counts for its resident: their latest other entry, or the correction's day.
    const others = [...entries.filter((v) => v.residentId === target.residentId && v.id !== target.id), correction];
    const want = others
      .map((v) => v.day)
      .sort()
      .at(-1);
    expect(want).not.toBe(target.day);
    expect((await db.careLastVisits.get(target.residentId!))?.lastDay).toBe(want);
    db.close();
  });

  it('is rebuilt by a restore from the restored records, never taken from the backup', async () => {
    const { db, desk, g1, li } = await center();
    await logHomeVisit(desk, entry(li.id, g1, { day: addDays(MON, -3) }));
    const want = await db.careLastVisits.get(li.id);
    expect(want).toMatchObject({ lastDay: addDays(MON, -3) });
    const backup = await readSnapshot(db);
    // A backup whose kept rows are wrong: a restore never brings them back.
    backup.careLastVisits = [
      { residentId: li.id, lastDay: '1999-01-01', zone: g1, tags: [] },
      { residentId: 'ghost', zone: g1, tags: ['高龄'], key: `${g1}${sep}${sep}ghost` },
    ];
    await replaceAll(db, backup);
    expect(await db.careLastVisits.toArray()).toEqual([want]);
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('is filled once by the v33 → v34 upgrade from the stored residents and entries', async () => {
    await ensureSearchKeys();
    const name = `upgrade-v34-${Math.random()}`;
    const old = new Dexie(name);
    old.version(33).stores(schemaAt(33));
    await old.open();
    const resident = (id: string, patch: Partial<Resident>) => {
      const r = { ...(WANG_WU as object), id, name: id, tags: ['高龄'], gridId: 'g1', ...patch } as unknown as Resident;
      const careKeys = careKeysOf(r);
      return careKeys.length > 0 ? { ...r, careKeys } : r;
    };
    await old
      .table('residents')
      .bulkAdd([
        resident('r1', {}),
        resident('r2', {}),
        resident('r3', { status: '已迁出' }),
        resident('r4', { tags: [] }),
      ]);
    const v = (id: string, residentId: string, day: string, corrects?: string) => ({
      id,
      day,
      residentId,
      gridId: 'g1',
      ...(corrects ? { corrects } : {}),
    });
    await old
      .table('homeVisits')
      .bulkAdd([
        v('a', 'r1', '2026-10-01'),
        v('b', 'r1', '2026-11-01'),
        v('c', 'r1', '2026-09-15', 'b'),
        v('d', 'r3', '2026-10-01'),
      ]);
    old.close();
    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    const rows: CareVisitRow[] = await db.careLastVisits.toArray();
    expect(rows).toEqual([
      { residentId: 'r1', lastDay: '2026-10-01', zone: 'g1', tags: ['高龄'], key: `g1${sep}2026-10-01${sep}r1` },
      { residentId: 'r2', zone: 'g1', tags: ['高龄'], key: `g1${sep}${sep}r2` },
    ]);
    expect(await drift(db)).toEqual([]);
    db.close();
  });

  it('stays equal to a recount after random writes of residents, entries and the register tags (property)', async () => {
    await ensureSearchKeys();
    const GRIDS = ['g1', 'g2'];
    const TAGS = [[], ['高龄'], ['独居老人', '高龄']];
    // Four residents and six entries under fixed ids, so writes replace each other.
    const resident = (n: number, grid: number, tags: number, status: number): Resident =>
      ({
        ...(WANG_WU as object),
        id: `r${n}`,
        name: `居民${n}`,
        idNumber: `X${n}`,
        gridId: GRIDS[grid % 2],
        tags: TAGS[tags % 3],
        ...(status % 4 === 1
          ? { status: '已迁出' }
          : status % 4 === 2
            ? { deleted: { at: 5, by: 's', reason: '删除' } }
            : {}),
        createdAt: T0,
        createdBy: 's1',
        updatedAt: T0,
        updatedBy: 's1',
      }) as unknown as Resident;
    const visit = (n: number, who: number, day: number, corrects: number): HomeVisit =>
      ({
        id: `v${n}`,
        day: addDays(MON, -day),
        at: `${MON}T10:00:00.000Z`,
        staffId: 's1',
        gridId: 'g1',
        purpose: '重点人员关怀',
        residentId: `r${who % 4}`,
        household: 'h',
        found: '好',
        followUp: '',
        ...(corrects < 6 && corrects !== n ? { corrects: `v${corrects}` } : {}),
        createdAt: T0,
        createdBy: 's1',
        updatedAt: T0,
        updatedBy: 's1',
      }) as HomeVisit;
    // The register tags as stored: one of three, or a profile with no 帮代办 settings (the defaults).
    const REGISTERS = [['高龄'], ['独居老人'], []];
    const profile = (n: number) => ({
      key: 'community',
      value: n < REGISTERS.length ? { proxy: { ...DEFAULT_PROXY_SETTINGS, registerTags: REGISTERS[n] } } : {},
    });
    const small = (max: number) => fc.integer({ min: 0, max });
    const aResident = fc.tuple(small(3), small(1), small(2), small(3)).map(([n, g, t, st]) => resident(n, g, t, st));
    const aVisit = fc.tuple(small(5), small(3), small(60), small(9)).map(([n, w, d, c]) => visit(n, w, d, c));
    const op = fc.oneof(
      aResident.map((row) => ({ t: 'residents' as const, kind: 'put' as const, rows: [row] })),
      aVisit.map((row) => ({ t: 'homeVisits' as const, kind: 'put' as const, rows: [row] })),
      fc.array(aVisit, { maxLength: 4 }).map((rows) => ({ t: 'homeVisits' as const, kind: 'bulkPut' as const, rows })),
      fc
        .array(aResident, { maxLength: 3 })
        .map((rows) => ({ t: 'residents' as const, kind: 'parallel' as const, rows })),
      fc.array(aVisit, { maxLength: 3 }).map((rows) => ({ t: 'homeVisits' as const, kind: 'parallel' as const, rows })),
      fc.tuple(fc.constantFrom('residents' as const, 'homeVisits' as const), small(5)).map(([t, n]) => ({
        t,
        kind: 'delete' as const,
        id: t === 'residents' ? `r${n % 4}` : `v${n}`,
      })),
      fc.constantFrom('residents' as const, 'homeVisits' as const).map((t) => ({ t, kind: 'clear' as const })),
      aVisit.map((row) => ({ t: 'homeVisits' as const, kind: 'aborted' as const, rows: [row] })),
      small(3).map((n) => ({ t: 'meta' as const, kind: 'put' as const, rows: [profile(n)] })),
      small(3).map((n) => ({ t: 'meta' as const, kind: 'aborted' as const, rows: [profile(n)] })),
      fc
        .constantFrom('delete' as const, 'clear' as const)
        .map((kind) =>
          kind === 'delete' ? { t: 'meta' as const, kind, id: 'community' } : { t: 'meta' as const, kind },
        ),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 14 }), (ops) =>
        afterRandomWrites(ops, async (db) => expect(await drift(db)).toEqual([])),
      ),
      { numRuns: 60, seed: 34 },
    );
  });

  it('disagreeing with the recount is repaired once and logged without personal data', async () => {
    const { db, desk, g1, li } = await center();
    await logHomeVisit(desk, entry(li.id, g1, { day: addDays(MON, -3) }));
    const zhang = await createResident(desk, {
      ...WANG_WU,
      name: '张爷爷',
      phone: '13900001020',
      tags: ['高龄'],
      gridId: g1,
      building: '3栋',
      unit: '1单元',
      room: '102',
    });
    expect(await checkCareVisits(desk)).toEqual({ rows: 2, repaired: 0 });
    const logged = await db.auditLog.count();
    // Three kinds of drift: a wrong day, a row lost, a row that should not exist.
    const wrong = (await db.careLastVisits.get(li.id))!;
    await db.careLastVisits.put({ ...wrong, lastDay: '1999-01-01' });
    await db.careLastVisits.delete(zhang.id);
    await db.careLastVisits.put({ residentId: 'ghost', zone: g1, tags: ['高龄'], key: `${g1}${sep}${sep}ghost` });
    expect(await drift(db)).toHaveLength(3);

    expect(await checkCareVisits(desk)).toEqual({ rows: 2, repaired: 3 });
    expect(await drift(db)).toEqual([]);
    expect((await unvisitedCarePage(desk, g1)).rows.map((r) => r.residentId)).toEqual([zhang.id]);
    expect(await db.auditLog.count()).toBe(logged + 1);
    const row = (await db.auditLog.where('seq').above(0).reverse().first())!;
    expect(row).toMatchObject({ action: 'tallies.careRepair', entity: 'desk' });
    expect(row.detail).toBe('超期未走访名单的上次走访与重新计算不符，已修复 3 人');
    expect(JSON.stringify(row)).not.toMatch(/李奶奶|张爷爷|1999|ghost/);
    expect(JSON.stringify(row)).not.toContain(li.id);
    // Agreeing now: nothing more is written.
    expect(await checkCareVisits(desk)).toEqual({ rows: 2, repaired: 0 });
    expect(await db.auditLog.count()).toBe(logged + 1);
    db.close();
  });
});
