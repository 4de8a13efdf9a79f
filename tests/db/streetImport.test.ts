/**
 * 周报接收 in the data layer (issue 27 item 3): each file checked by readPackage and refused with a
 * reason naming it; one writeTx per file with its audit row (code, period, hash — no file name);
 * the same community and period again replaces the earlier one only if newer, both kept; an
 * unknown community asked about; `currentPackages`; the week's status against the deadline.
 */
import { describe, expect, it } from 'vitest';
import {
  communityHistory,
  currentPackages,
  importPackageFile,
  weekTable,
} from '../../renderer/src/db/repositories/street/packages';
import {
  deleteStreetCommunity,
  HAS_PACKAGES,
  saveStreetCommunity,
} from '../../renderer/src/db/repositories/street/communities';
import { weekStatus } from '@shared/domain/street/weekStatus';
import { reportDeadline } from '@shared/domain/street/settings';
import type { WireContent } from '@shared/reports/wire/types';
import { packageText } from '../fixtures/streetPackages';
import { setUpStreet } from './streetTestDb';
import { fails, freshDb } from './testDb';

const THL = { code: 'THL', name: '桃花岭社区' };
const YLQ = { code: 'YLQ', name: '岳麓社区' };
const WEEK = '2026-11-16';
const office = (c: { code: string; name: string }) => ({ ...c, contact: '刘主任', phone: '0731-88886666' });

async function world() {
  const db = freshDb();
  const street = await setUpStreet(db, { now: Date.parse('2026-11-24T09:30:00+08:00'), today: '2026-11-24' });
  await saveStreetCommunity(street.adminDesk, office(THL));
  await saveStreetCommunity(street.adminDesk, office(YLQ));
  return { db, ...street };
}

describe('周报接收 (issue 27)', () => {
  it('imports a package, one row and one audit row without the file name; the same file again is a duplicate', async () => {
    const { db, clerkDesk } = await world();
    const text = await packageText({ community: THL, generatedAt: '2026-11-23T10:00:00.000Z' });
    const fileName = '桃花岭-张三经办-第47周.json';
    const first = await importPackageFile(clerkDesk, { fileName, text });
    expect(first).toMatchObject({ outcome: 'imported', adopted: true, communityCode: 'THL' });
    const again = await importPackageFile(clerkDesk, { fileName: '副本.json', text });
    expect(again.outcome).toBe('duplicate');
    expect(await db.streetPackages.count()).toBe(1);
    const rows = await db.auditLog.where('action').equals('street.import').toArray();
    expect(rows).toHaveLength(1);
    const sha = (JSON.parse(text) as { sha256: string }).sha256;
    expect(rows[0]).toMatchObject({ entity: 'streetPackage', entityId: sha, detail: `THL week:${WEEK}` });
    expect(JSON.stringify(rows)).not.toContain('张三');
    const stored = (await db.streetPackages.toArray())[0]!;
    expect(stored).toMatchObject({
      fileName,
      fromVersion: 2,
      periodKey: `week:${WEEK}`,
      importedBy: clerkDesk.actor.id,
    });
    // Its figures and its records (DB v40) are stored apart and make the package's content again.
    const content = (JSON.parse(text) as { content: WireContent }).content;
    expect(content.escalations.length + content.ledger.length).toBeGreaterThan(0);
    expect(stored.content).not.toHaveProperty('escalations');
    expect(stored.content).not.toHaveProperty('ledger');
    const records = await db.streetPackageRecords.toArray();
    expect(records).toEqual([{ id: sha, escalations: content.escalations, ledger: content.ledger }]);
    const { id: _id, ...parts } = records[0]!;
    expect({ ...stored.content, ...parts }).toEqual(content);
  });

  it('refuses a truncated file, a hash mismatch and another street’s package, naming the file; nothing stored', async () => {
    const { db, clerkDesk } = await world();
    const text = await packageText({ community: THL, generatedAt: '2026-11-23T10:00:00.000Z' });
    const truncated = await importPackageFile(clerkDesk, { fileName: '截断.json', text: text.slice(0, 200) });
    expect(truncated).toEqual({
      outcome: 'refused',
      fileName: '截断.json',
      reason: '截断.json：文件不完整或不是报送包（无法读取 JSON）',
    });
    const tampered = text.replace('"THL"', '"THX"');
    const mismatch = await importPackageFile(clerkDesk, { fileName: '改动.json', text: tampered });
    expect(mismatch).toMatchObject({ outcome: 'refused', reason: expect.stringMatching(/^改动\.json：.*校验/) });
    const other = await packageText({ community: THL, street: '橘子洲街道', generatedAt: '2026-11-23T10:00:00.000Z' });
    const foreign = await importPackageFile(clerkDesk, { fileName: '外街道.json', text: other });
    expect(foreign).toMatchObject({
      outcome: 'refused',
      reason: '外街道.json：这是「橘子洲街道」的报送包，不属于本街道（岳麓街道）',
    });
    expect(await db.streetPackages.count()).toBe(0);
    expect(await db.auditLog.where('action').equals('street.import').count()).toBe(0);
  });

  it('the newer of a period counts; an older one imported later is kept, 较旧未采用; the replaced one 已被更正', async () => {
    const { db, clerkDesk } = await world();
    const first = await packageText({ community: THL, generatedAt: '2026-11-23T10:00:00.000Z' });
    const corrected = await packageText({ community: THL, generatedAt: '2026-11-25T02:00:00.000Z', n: 2 });
    const stale = await packageText({ community: THL, generatedAt: '2026-11-22T12:00:00.000Z' });
    await importPackageFile(clerkDesk, { fileName: 'a.json', text: first });
    clerkDesk.clock.now = () => Date.parse('2026-11-25T10:00:00+08:00');
    expect(await importPackageFile(clerkDesk, { fileName: 'b.json', text: corrected })).toMatchObject({
      adopted: true,
    });
    clerkDesk.clock.now = () => Date.parse('2026-11-25T11:00:00+08:00');
    expect(await importPackageFile(clerkDesk, { fileName: 'c.json', text: stale })).toMatchObject({ adopted: false });
    expect(await db.streetPackages.count()).toBe(3);
    const current = await currentPackages(clerkDesk, { kind: 'week', from: WEEK, to: '2026-11-22' });
    expect(current.map((p) => [p.communityCode, p.fileName, p.correctionN])).toEqual([['THL', 'b.json', 2]]);
    const history = await communityHistory(clerkDesk, 'THL');
    expect(history.map((h) => [h.fileName, h.state])).toEqual([
      ['b.json', '采用'],
      ['a.json', '已被更正'],
      ['c.json', '较旧未采用'],
    ]);
  });

  it('currentPackages: one per community and period inside the range, none outside', async () => {
    const { clerkDesk } = await world();
    for (const [c, week, at] of [
      [THL, '2026-11-09', '2026-11-16T01:00:00.000Z'],
      [THL, WEEK, '2026-11-23T01:00:00.000Z'],
      [YLQ, WEEK, '2026-11-23T02:00:00.000Z'],
      [YLQ, '2026-11-23', '2026-11-30T02:00:00.000Z'],
    ] as const)
      await importPackageFile(clerkDesk, {
        fileName: `${c.code}-${week}.json`,
        text: await packageText({ community: c, week, generatedAt: at }),
      });
    const inRange = await currentPackages(clerkDesk, { kind: 'week', from: '2026-11-09', to: '2026-11-22' });
    expect(inRange.map((p) => `${p.communityCode} ${p.from}`)).toEqual([
      'THL 2026-11-09',
      'THL 2026-11-16',
      'YLQ 2026-11-16',
    ]);
    expect(await currentPackages(clerkDesk, { kind: 'month', from: '2026-11-01', to: '2026-11-30' })).toEqual([]);
  });

  it('an unknown community is asked about, added only when the clerk says so and may (街道管理员)', async () => {
    const { db, clerkDesk, adminDesk } = await world();
    const text = await packageText({
      community: { code: 'JZZ', name: '橘洲社区' },
      generatedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(await importPackageFile(clerkDesk, { fileName: 'j.json', text })).toEqual({
      outcome: 'unknownCommunity',
      fileName: 'j.json',
      community: { code: 'JZZ', name: '橘洲社区' },
    });
    expect(await db.streetCommunities.get('JZZ')).toBeUndefined();
    expect(
      (await fails(importPackageFile(clerkDesk, { fileName: 'j.json', text }, { addCommunity: true })))?.message,
    ).toBe('只有街道管理员可以把新社区加入社区名单');
    expect(await db.streetPackages.count()).toBe(0);
    expect(await importPackageFile(adminDesk, { fileName: 'j.json', text }, { addCommunity: true })).toMatchObject({
      outcome: 'imported',
    });
    expect(await db.streetCommunities.get('JZZ')).toMatchObject({ name: '橘洲社区', source: '报送包', active: true });
    // Never deleted once it has packages: 停用 instead.
    expect((await fails(deleteStreetCommunity(adminDesk, 'JZZ')))?.message).toBe(HAS_PACKAGES);
  });

  it('the week table: 已报送 with time, 有更正, 未报送 before the deadline, 逾期 after it, 未列入 before listing', async () => {
    const { adminDesk, clerkDesk } = await world();
    // JZZ was on the list before last week's deadline (11-23 12:00); WJL was added after it.
    await saveStreetCommunity(
      { ...adminDesk, clock: { ...adminDesk.clock, now: () => Date.parse('2026-11-20T09:00:00+08:00') } },
      office({ code: 'JZZ', name: '橘洲社区' }),
    );
    await saveStreetCommunity(adminDesk, office({ code: 'WJL', name: '望江楼社区' }));
    // Week of 11-16: THL once, YLQ twice (corrected); JZZ nothing. Today 11-24 09:30, deadline 11-23 12:00.
    await importPackageFile(clerkDesk, {
      fileName: 't.json',
      text: await packageText({ community: THL, generatedAt: new Date(2026, 10, 23, 9, 5).toISOString() }),
    });
    await importPackageFile(clerkDesk, {
      fileName: 'y1.json',
      text: await packageText({ community: YLQ, generatedAt: '2026-11-23T02:00:00.000Z' }),
    });
    await importPackageFile(clerkDesk, {
      fileName: 'y2.json',
      text: await packageText({ community: YLQ, generatedAt: '2026-11-23T08:00:00.000Z', n: 2 }),
    });
    const table = await weekTable(clerkDesk);
    expect(table.weeks).toHaveLength(8);
    const last = table.weeks.at(-1)!;
    expect(last).toEqual({ from: WEEK, to: '2026-11-22', deadline: '2026-11-23T12:00' });
    const lastCell = (code: string) => table.rows.find((r) => r.community.code === code)!.cells.at(-1)!;
    expect(lastCell('THL')).toEqual({ kind: '已报送', sentAt: '2026-11-23T09:05', late: false, packages: 1 });
    expect(lastCell('YLQ')).toMatchObject({ kind: '有更正', packages: 2 });
    expect(lastCell('JZZ')).toEqual({ kind: '逾期', packages: 0 });
    expect(lastCell('WJL')).toEqual({ kind: '未列入', packages: 0 });
  });
});

describe('the week status rule (pure)', () => {
  const deadline = reportDeadline('2026-11-22', { deadlineWeekday: 1, deadlineTime: '12:00' });
  it('Monday 12:00 after the week; another weekday counts forward from the Sunday', () => {
    expect(deadline).toBe('2026-11-23T12:00');
    expect(reportDeadline('2026-11-22', { deadlineWeekday: 7, deadlineTime: '18:30' })).toBe('2026-11-29T18:30');
    expect(reportDeadline('2026-11-22', { deadlineWeekday: 3, deadlineTime: '09:00' })).toBe('2026-11-25T09:00');
  });
  it('未报送 until the deadline, 逾期 after; a late first sending is marked', () => {
    expect(weekStatus([], deadline, '2026-11-23T11:59').kind).toBe('未报送');
    expect(weekStatus([], deadline, '2026-11-23T12:01').kind).toBe('逾期');
    expect(weekStatus([{ generatedAt: '2026-11-23T15:00', correctionN: 1 }], deadline, '2026-11-24T09:00')).toEqual({
      kind: '已报送',
      sentAt: '2026-11-23T15:00',
      late: true,
      packages: 1,
    });
    expect(weekStatus([{ generatedAt: '2026-11-23T10:00', correctionN: 2 }], deadline, '2026-11-24T09:00').kind).toBe(
      '有更正',
    );
  });
  it('未列入: a week whose deadline passed before the community was on the list, unless it reported', () => {
    // Listed after the deadline: never chased, not 逾期.
    expect(weekStatus([], deadline, '2026-11-30T09:00', '2026-11-23T12:30').kind).toBe('未列入');
    // Listed before the deadline: the week counts.
    expect(weekStatus([], deadline, '2026-11-30T09:00', '2026-11-23T11:30').kind).toBe('逾期');
    expect(weekStatus([], deadline, '2026-11-23T11:40', '2026-11-23T11:30').kind).toBe('未报送');
    // A package for it still counts, whenever the community was listed.
    const sent = [{ generatedAt: '2026-11-23T10:00', correctionN: 1 }];
    expect(weekStatus(sent, deadline, '2026-11-30T09:00', '2026-11-29T08:00').kind).toBe('已报送');
  });
});
