/**
 * 吹哨事项 on the street (issue 27 item 5): the clerk records 报到 and 处理反馈 per escalation
 * (street.work, one writeTx with its audit row, refusals at the field), the page's rows mark 报到
 * overdue by the street's limit, per department the 报到 speed and ratings, and the 反馈包 of a
 * community reads back through the community's own reader.
 */
import { describe, expect, it } from 'vitest';
import type { WireEscalation } from '@shared/reports/wire/types';
import { departmentStats } from '@shared/domain/street/whistle';
import { readFeedback } from '@shared/reports/feedback';
import { writePackage } from '@shared/reports/package';
import { importPackageFile } from '../../renderer/src/db/repositories/street/packages';
import {
  exportFeedback,
  recordStreetCheckIn,
  recordStreetFeedback,
  whistleData,
} from '../../renderer/src/db/repositories/street/responses';
import { baseContent, nodeSha256, wireEscalation } from '../fixtures/streetPackages';
import { setUpStreet, STREET } from './streetTestDb';
import { fails, freshDb } from './testDb';

const HOUR = 3600_000;
const at = (s: string) => Date.parse(`${s}+08:00`);
const iso = (s: string) => new Date(at(s)).toISOString();

function esc(n: string, raised: string, department: string, o: Partial<WireEscalation> = {}): WireEscalation {
  return wireEscalation({ trackingNumber: `YLQ-20261117-01000${n}`, raisedAt: iso(raised), department, ...o });
}

async function world() {
  const db = freshDb();
  const now = at('2026-11-23T10:00:00');
  const street = await setUpStreet(db, { now, today: '2026-11-23' });
  const content = structuredClone(await baseContent());
  content.street = { name: STREET.name };
  content.community = { code: 'YLQ', name: '岳麓社区' };
  content.generatedAt = new Date(now - HOUR).toISOString();
  content.escalations = [
    esc('1', '2026-11-17T09:00:00', '城管科'),
    esc('2', '2026-11-18T09:00:00', '城管科', {
      stage: '已核实',
      checkInAt: iso('2026-11-18T15:00:00'),
      feedbackCount: 1,
      evaluation: { rating: '满意', at: iso('2026-11-20T09:00:00') },
    }),
    esc('3', '2026-11-22T09:00:00', '民政科'),
  ];
  const text = await writePackage(content, nodeSha256);
  const imported = await importPackageFile(street.clerkDesk, { fileName: 'ylq.json', text }, { addCommunity: false });
  if (imported.outcome === 'unknownCommunity')
    await importPackageFile(street.adminDesk, { fileName: 'ylq.json', text }, { addCommunity: true });
  const range = { kind: 'week' as const, from: '2026-11-16', to: '2026-11-22' };
  return { db, ...street, range, now };
}

describe('吹哨事项 on the street', () => {
  it('lists the escalations, marks 报到 overdue by the limit, records 报到 and 反馈, and exports the 反馈包', async () => {
    const { db, clerkDesk, clerk, range } = await world();
    const first = await whistleData(clerkDesk, range);
    expect(first.rows.map((r) => [r.esc.trackingNumber.slice(-1), r.overdue])).toEqual([
      ['1', true], // no 报到 after 6 days (limit 2)
      ['2', false], // 报到 after 6 hours
      ['3', false], // raised a day ago
    ]);
    const key = (n: number) => {
      const r = first.rows[n]!;
      return {
        communityCode: r.communityCode,
        trackingNumber: r.esc.trackingNumber,
        raisedAt: r.esc.raisedAt,
        department: r.esc.department,
      };
    };

    // Refusals at the field, nothing written.
    expect(
      await fails(
        recordStreetCheckIn(clerkDesk, key(0), { at: at('2026-11-17T08:00:00'), unit: '城管科', person: '' }),
      ),
    ).toMatchObject({
      message: '报到时间不能早于上报时间',
      field: 'at',
    });
    expect(
      await fails(recordStreetCheckIn(clerkDesk, key(0), { at: at('2026-11-18T08:00:00'), unit: ' ', person: '' })),
    ).toMatchObject({
      field: 'unit',
    });
    expect(
      await fails(
        recordStreetFeedback(
          clerkDesk,
          { ...key(0), communityCheckedIn: false },
          { at: at('2026-11-19T08:00:00'), text: '已处理' },
        ),
      ),
    ).toMatchObject({ message: '部门尚未报到，请先记录报到' });
    expect(await db.streetResponses.count()).toBe(0);

    await recordStreetCheckIn(clerkDesk, key(0), { at: at('2026-11-20T09:00:00'), unit: '城管科', person: '赵队长' });
    await recordStreetFeedback(
      clerkDesk,
      { ...key(0), communityCheckedIn: false },
      { at: at('2026-11-21T09:00:00'), text: '已清理完毕' },
    );
    expect(
      await fails(
        recordStreetCheckIn(clerkDesk, key(0), { at: at('2026-11-20T09:00:00'), unit: '城管科', person: '' }),
      ),
    ).toMatchObject({
      message: '已记录报到，不能重复报到',
    });

    const after = await whistleData(clerkDesk, range);
    expect(after.rows[0]).toMatchObject({ overdue: true, checkInAt: at('2026-11-20T09:00:00') }); // 报到 late: 3 days
    const stats = departmentStats(after.rows);
    expect(stats).toEqual([
      { department: '城管科', escalations: 2, checkedIn: 2, overdue: 1, medianHours: 39, ratings: { 满意: 1 } },
      { department: '民政科', escalations: 1, checkedIn: 0, overdue: 0, medianHours: null, ratings: {} },
    ]);

    const file = await exportFeedback(clerkDesk, { code: 'YLQ', name: '岳麓社区' });
    const read = await readFeedback(file.text, { community: 'YLQ', street: STREET.name }, nodeSha256);
    expect(read.ok && read.pkg.content.items).toEqual([
      {
        trackingNumber: 'YLQ-20261117-010001',
        raisedAt: iso('2026-11-17T09:00:00'),
        department: '城管科',
        checkIn: { at: iso('2026-11-20T09:00:00'), unit: '城管科', person: '赵队长' },
        feedback: [{ at: iso('2026-11-21T09:00:00'), text: '已清理完毕' }],
      },
    ]);
    const log = (await db.auditLog.toArray()).filter(
      (r) => r.action.startsWith('street.') && r.action !== 'street.setup',
    );
    expect(log.map((r) => [r.action, r.staffId])).toEqual(
      expect.arrayContaining([
        ['street.checkIn', clerk.id],
        ['street.feedback', clerk.id],
        ['street.feedbackExport', clerk.id],
      ]),
    );
    expect(JSON.stringify(log)).not.toMatch(/赵队长|已清理完毕/);
  });

  it('refuses a write by someone who is not an account of this street desk', async () => {
    const { as, range, clerkDesk } = await world();
    const r = (await whistleData(clerkDesk, range)).rows[0]!;
    const key = {
      communityCode: r.communityCode,
      trackingNumber: r.esc.trackingNumber,
      raisedAt: r.esc.raisedAt,
      department: '城管科',
    };
    const auditorLike = await as('nobody', '街道工作人员');
    expect(
      (
        await fails(
          recordStreetCheckIn(auditorLike, key, { at: Date.parse(r.esc.raisedAt), unit: '城管科', person: '' }),
        )
      )?.message,
    ).toBeTruthy();
  });
});
