/**
 * 办件 → 导入街道反馈 (issue 27 item 5): a street's 反馈包 into the community's cases, through the
 * case machine's door, one transaction per item; what does not fit is listed, never forced.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { writeFeedback, type FeedbackContent, type FeedbackItem } from '@shared/reports/feedback';
import { performCaseAction } from '../../renderer/src/db/repositories/cases';
import { caseEvents } from '../../renderer/src/db/repositories/caseTimeline';
import { importStreetFeedback } from '../../renderer/src/db/repositories/streetFeedbackImport';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { acceptCommittedCase, addClerkLiMing, communityDesk, communityWithZhangSan, T0 } from './testDb';

const HOUR = 3600_000;
const STREET = '和平街道';
const iso = (ms: number) => new Date(ms).toISOString();
const sha256Hex = async (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

async function world() {
  const { db, admin, resident } = await communityWithZhangSan();
  const clerk = await addClerkLiMing(db, admin.id);
  const stored = await communityDesk(db);
  const community = { ...stored.community, street: STREET };
  /** The desk of `staffId` at `now` (the day is the test day: the rules read only the instant here). */
  const at = (now: number, staffId = admin.id) => communityDesk(db, { staffId, now, community });
  const cases = [];
  for (let i = 0; i < 3; i++) {
    const { record } = await acceptCommittedCase(await at(T0), resident.id);
    const raised = await performCaseAction(await at(T0 + i * 60_000), record.id, {
      type: '上报街道',
      level: '日常',
      request: '楼道堆物需清理',
      office: '城管科',
    });
    cases.push(raised);
  }
  return { db, admin, clerk, cases, at, community };
}

type Case = Awaited<ReturnType<typeof world>>['cases'][number];

function itemFor(c: Case, o: Partial<FeedbackItem> = {}): FeedbackItem {
  const raisedAt = c.escalations![0]!.raisedAt;
  return {
    trackingNumber: c.trackingNumber,
    raisedAt: iso(raisedAt),
    department: '城管科',
    checkIn: { at: iso(raisedAt + 2 * HOUR), unit: '城管科', person: '王科长' },
    feedback: [
      { at: iso(raisedAt + 24 * HOUR), text: '已安排人员清理' },
      { at: iso(raisedAt + 30 * HOUR), text: '清理完毕，请社区核实' },
    ],
    ...o,
  };
}

const fileOf = (community: { code: string; name: string }, items: FeedbackItem[]) =>
  writeFeedback(
    {
      street: { name: STREET },
      community: { code: community.code, name: community.name },
      generatedAt: iso(T0 + 48 * HOUR),
      items,
    } satisfies FeedbackContent,
    sha256Hex,
  );

const auditDetails = async (db: DutyDeskDB) =>
  (await db.auditLog.toArray()).map((r) => `${r.action} ${r.detail ?? ''}`).join('\n');

describe('导入街道反馈', () => {
  it('applies two items through the door, lists the one of a case closed meanwhile, and a second import applies nothing', async () => {
    const { db, clerk, cases, at, community } = await world();
    const [one, two, three] = cases as [Case, Case, Case];
    // The third case is closed meanwhile: the clerk took the street's answer by phone and verified it.
    await performCaseAction(await at(T0 + 3 * HOUR), three.id, { type: '报到', unit: '城管科', at: T0 + HOUR });
    await performCaseAction(await at(T0 + 4 * HOUR), three.id, { type: '处理反馈', text: '电话告知已清理' });
    await performCaseAction(await at(T0 + 5 * HOUR), three.id, {
      type: '核实结项',
      solved: true,
      result: '已清理',
      notifiedBy: '电话',
      needsCallback: false,
    });
    const text = await fileOf(community, [itemFor(one), itemFor(two, { feedback: [] }), itemFor(three)]);

    const importer = await at(T0 + 72 * HOUR, clerk.id);
    const result = await importStreetFeedback(importer, text);
    expect(result).toEqual({
      ok: true,
      street: STREET,
      items: [
        {
          trackingNumber: one.trackingNumber,
          department: '城管科',
          caseId: one.id,
          applied: ['报到', '处理反馈', '处理反馈'],
          notes: [],
        },
        { trackingNumber: two.trackingNumber, department: '城管科', caseId: two.id, applied: ['报到'], notes: [] },
        {
          trackingNumber: three.trackingNumber,
          department: '城管科',
          caseId: three.id,
          applied: [],
          notes: [],
          reason: '该上报事项社区已核实结项，办件状态：已办结',
        },
      ],
    });

    // The steps are in the cases as the clerk's, the street named, the street's times kept.
    const stored = (await db.cases.get(one.id))!;
    const esc = stored.escalations![0]!;
    expect(esc.stage).toBe('已反馈');
    expect(esc.checkIn).toEqual({
      unit: '城管科',
      person: '王科长',
      at: esc.raisedAt + 2 * HOUR,
      recordedBy: clerk.id,
    });
    expect(esc.feedback.map((f) => [f.text, f.at - esc.raisedAt, f.recordedBy])).toEqual([
      ['已安排人员清理', 24 * HOUR, clerk.id],
      ['清理完毕，请社区核实', 30 * HOUR, clerk.id],
    ]);
    const timeline = (await caseEvents(importer, one.id)).filter((e) => e.action === '报到' || e.action === '处理反馈');
    expect(timeline.map((e) => [e.action, e.note, e.by])).toEqual([
      ['报到', '已报到：城管科（街道反馈（和平街道））', clerk.id],
      ['处理反馈', '已记录处理反馈（街道反馈（和平街道））', clerk.id],
      ['处理反馈', '已记录处理反馈（街道反馈（和平街道））', clerk.id],
    ]);
    expect((await db.cases.get(two.id))!.escalations![0]!.stage).toBe('已报到');
    const closed = (await db.cases.get(three.id))!;
    expect(closed.escalations![0]!.checkIn?.at).toBe(T0 + HOUR);
    expect(closed.escalations![0]!.feedback.map((f) => f.text)).toEqual(['电话告知已清理']);

    // Audit: one row per step and one for the file; no person, no feedback text.
    const details = await auditDetails(db);
    expect(details).toMatch(/case\.streetFeedback 和平街道反馈包 [0-9a-f]{12}：3 项，导入 2 项，未导入 1 项/);
    expect(details).not.toMatch(/王科长|已安排人员清理|张三/);

    // The same file again: nothing new anywhere.
    const events = await db.caseEvents.count();
    const again = await importStreetFeedback(importer, text);
    expect(again.ok && again.items.map((i) => [i.applied, i.reason])).toEqual([
      [[], undefined],
      [[], undefined],
      [[], '该上报事项社区已核实结项，办件状态：已办结'],
    ]);
    expect(await db.caseEvents.count()).toBe(events);

    // A later file with the second item's feedback applies only that.
    const later = await fileOf(community, [itemFor(one), itemFor(two)]);
    const third = await importStreetFeedback(importer, later);
    expect(third.ok && third.items.map((i) => i.applied)).toEqual([[], ['处理反馈', '处理反馈']]);
  });

  it('a step refused half-way leaves nothing of that item written; the other items still apply', async () => {
    const { db, clerk, cases, at, community } = await world();
    const [one, two] = cases as [Case, Case];
    const importAt = T0 + 72 * HOUR;
    // The 报到 fits, its 反馈 is dated after now: the machine refuses the second step.
    const broken = itemFor(one, { feedback: [{ at: iso(importAt + HOUR), text: '将于明日处理' }] });
    const text = await fileOf(community, [broken, itemFor(two)]);
    const before = await db.caseEvents.where('caseId').equals(one.id).count();

    const result = await importStreetFeedback(await at(importAt, clerk.id), text);
    expect(result.ok && result.items.map((i) => [i.applied, i.reason])).toEqual([
      [[], '反馈时间不能晚于当前时间'],
      [['报到', '处理反馈', '处理反馈'], undefined],
    ]);
    const untouched = (await db.cases.get(one.id))!.escalations![0]!;
    expect(untouched.stage).toBe('待报到');
    expect(untouched.checkIn).toBeUndefined();
    expect(await db.caseEvents.where('caseId').equals(one.id).count()).toBe(before);
  });

  it('lists an item whose case or escalation is not here, and keeps a 报到 the community recorded itself', async () => {
    const { clerk, cases, at, community } = await world();
    const [one, two] = cases as [Case, Case];
    await performCaseAction(await at(T0 + 3 * HOUR), two.id, { type: '报到', unit: '城管执法中队', at: T0 + HOUR });
    const text = await fileOf(community, [
      itemFor(one, { raisedAt: iso(T0 - 24 * HOUR) }),
      itemFor(one, { trackingNumber: 'THL-20991231-999' }),
      itemFor(two),
    ]);
    const result = await importStreetFeedback(await at(T0 + 72 * HOUR, clerk.id), text);
    expect(result.ok && result.items.map((i) => [i.applied, i.reason, i.notes])).toEqual([
      [[], '办件中没有这次上报（上报时间不符）', []],
      [[], '本社区没有这个受理编号的办件', []],
      [['处理反馈', '处理反馈'], undefined, ['社区已记录报到，保留社区的记录']],
    ]);
  });

  it('refuses a file for another community or street before anything is written', async () => {
    const { db, clerk, cases, at, community } = await world();
    const events = await db.caseEvents.count();
    const other = await fileOf({ code: 'HP02', name: '和平二社区' }, [itemFor(cases[0]!)]);
    expect(await importStreetFeedback(await at(T0 + 72 * HOUR, clerk.id), other)).toEqual({
      ok: false,
      reason: '这是和平二社区（HP02）的反馈包，不是本社区的',
    });
    const desk = await at(T0 + 72 * HOUR, clerk.id);
    const own = await fileOf(community, [itemFor(cases[0]!)]);
    expect(await importStreetFeedback({ ...desk, community: { ...desk.community, street: '新华街道' } }, own)).toEqual({
      ok: false,
      reason: '这是和平街道的反馈包，本社区所属街道为新华街道',
    });
    expect(await db.caseEvents.count()).toBe(events);
  });
});
