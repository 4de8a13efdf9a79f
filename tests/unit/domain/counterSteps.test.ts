/**
 * Issue 25 items 6, 14, 15 — the case machine's part and what the papers show:
 * 6: 报到 records the unit and the person as two fields; the unit is shown as typed, the person
 *    masked (a 报到 of one free text, recorded before, stays masked); old events still fold.
 * 14: 核实结项 with 已解决 closes the case in the same action (result and notice asked there).
 * 15: 不满意 / 非常不满意 need the reason, kept on the 整改 and in the 评价与整改 ledger.
 */
import { describe, expect, it } from 'vitest';
import { applyAction, type CaseAction, type CaseState } from '../../../shared/domain/caseMachine';
import { checkInShown } from '../../../shared/domain/checkIn';
import { foldCase } from '../../../shared/domain/events/caseEvents';
import type { CaseEvent, CaseRecord, Escalation } from '../../../shared/domain/records';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { ledgersOf } from '../../../shared/reports/ledgers';
import type { ReportData } from '../../../shared/reports/reportData';
import { renderEscalationSheet } from '../../../shared/receipts/escalationSheet';

const cal = createCalendar();
const NOW = Date.UTC(2026, 11, 3, 7, 14); // 2026-12-03 15:14 in UTC+8
const AT = { now: NOW, today: '2026-12-03' };
const HOUR = 3_600_000;
const S1 = { staffId: 'S1', isAdmin: false };

const esc = (over: Partial<Escalation> = {}): Escalation => ({
  level: '日常',
  request: '协调维修小区路灯',
  office: '街道民政办',
  raisedAt: NOW - 24 * HOUR,
  raisedDay: '2026-12-02',
  raisedBy: 'S1',
  stage: '待报到',
  feedback: [],
  ...over,
});

const escalated = (over: Partial<Escalation> = {}): CaseState => ({
  id: 'case-1',
  status: '已上报街道',
  mode: '承诺件',
  acceptedDay: '2026-12-01',
  deadline: '2026-12-08',
  documentsReceived: [],
  documentsMissing: [],
  firstContactId: 'S1',
  handlerId: 'S1',
  timeLimitDays: 5,
  escalations: [esc(over)],
});

const act = (s: CaseState, a: CaseAction) => applyAction(s, a, S1, AT, cal);
const fedBack = () =>
  escalated({
    stage: '已反馈',
    checkIn: { unit: '街道民政办', at: NOW - 3 * HOUR, recordedBy: 'S1' },
    feedback: [{ text: '已派人修复', at: NOW - 2 * HOUR, recordedBy: 'S1' }],
  });

/** One case's row of a ledger of the week 2026-11-30, by column title (masked, as exported by default). */
function ledgerRow(record: CaseRecord, key: string) {
  const data = {
    period: { from: '2026-11-30', to: '2026-12-06' },
    cases: [record],
    residents: [],
    catalog: [],
    staff: [],
    grids: [],
  } as unknown as ReportData;
  const sheet = ledgersOf(data).find((l) => l.key === key)!;
  return { data, row: Object.fromEntries(sheet.columns.map((c, i) => [c.title, sheet.rows[0]?.[i]])) };
}

describe('item 6: 报到 is the unit and the person, two fields', () => {
  it('records both; the timeline note names the unit only', () => {
    const r = act(escalated(), { type: '报到', unit: '街道民政办', person: '赵科长', at: NOW - HOUR });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.next.escalations?.[0]?.checkIn).toEqual({
      unit: '街道民政办',
      person: '赵科长',
      at: NOW - HOUR,
      recordedBy: 'S1',
    });
    expect(r.event.note).toBe('已报到：街道民政办');
  });

  it('refuses a missing unit, a future time and one before the escalation, each at its field', () => {
    const cases: [CaseAction, string, string][] = [
      [{ type: '报到', unit: ' ', person: '赵科长', at: NOW }, '请填写报到的单位（街道科室或部门）', 'unit'],
      [{ type: '报到', unit: '街道民政办', at: NOW + 60_000 }, '报到时间不能晚于当前时间', 'at'],
      [{ type: '报到', unit: '街道民政办', at: NOW - 25 * HOUR }, '报到时间不能早于上报时间', 'at'],
      [{ type: '报到', unit: '街道民政办', person: '赵'.repeat(21), at: NOW }, '报到人员不超过 20 字', 'person'],
    ];
    for (const [action, reason, field] of cases) expect(act(escalated(), action)).toEqual({ ok: false, reason, field });
  });

  it('shows the unit as typed and masks the person; a one-text 报到 of before stays masked', () => {
    const at = NOW;
    expect(checkInShown({ unit: '街道民政办', person: '赵科长', at, recordedBy: 'S1' }, false)).toEqual({
      unit: '街道民政办',
      person: '赵*长',
    });
    expect(checkInShown({ unit: '街道民政办', person: '赵科长', at, recordedBy: 'S1' }, true)).toEqual({
      unit: '街道民政办',
      person: '赵科长',
    });
    expect(checkInShown({ who: '街道民政办 赵科长', at, recordedBy: 'S1' }, false)).toEqual({
      unit: '街*******长',
      person: '',
    });
  });

  it('the 上报事项 ledger: unit as typed, person masked; the printed sheet fills both in', () => {
    const record = {
      id: 'case-1',
      trackingNumber: 'THL-20261203-0001',
      matterName: '路灯维修',
      escalations: [
        esc({ stage: '已报到', checkIn: { unit: '街道民政办', person: '赵科长', at: NOW, recordedBy: 'S1' } }),
      ],
    } as unknown as CaseRecord;
    const { data, row } = ledgerRow(record, 'escalations');
    expect(row).toMatchObject({ 报到单位: '街道民政办', 报到人员: '赵*长' });
    const named = ledgersOf(data, true).find((l) => l.key === 'escalations')!;
    expect(named.rows[0]).toContain('赵科长');

    const html = renderEscalationSheet({
      communityName: '桃花岭社区',
      communityPhone: '0731-88886666',
      trackingNumber: record.trackingNumber,
      matterName: record.matterName,
      escalation: record.escalations![0]!,
      raisedByName: '王秀英',
      checkInAt: '2026-12-03 15:14',
      printedAt: '2026-12-03 15:20',
      printedBy: '王秀英',
    });
    expect(html).toMatch(/报到单位<\/dt><dd>街道民政办/);
    expect(html).toMatch(/报到人员<\/dt><dd>赵科长/);
    expect(html).toContain('2026-12-03 15:14');
  });

  it('an event of before (one text `who`) still folds by its recorded decision', () => {
    const opening = {
      id: 'e0',
      caseId: 'case-1',
      at: NOW - 2 * HOUR,
      by: 'S1',
      action: '上报街道',
      from: '办理中',
      to: '已上报街道',
      base: { ...escalated(), trackingNumber: 'T1' },
    } as unknown as CaseEvent;
    const old = {
      id: 'e1',
      caseId: 'case-1',
      at: NOW - HOUR,
      by: 'S1',
      action: '报到',
      from: '已上报街道',
      to: '已上报街道',
      input: { type: '报到', who: '街道民政办 赵科长', at: NOW - HOUR },
      decided: {
        set: {
          escalations: [
            esc({ stage: '已报到', checkIn: { who: '街道民政办 赵科长', at: NOW - HOUR, recordedBy: 'S1' } }),
          ],
        },
      },
    } as unknown as CaseEvent;
    const folded = foldCase([opening, old]) as Partial<CaseRecord> | undefined;
    expect(folded?.escalations?.[0]?.checkIn?.who).toBe('街道民政办 赵科长');
    expect(folded?.escalations?.[0]?.stage).toBe('已报到');
  });
});

describe('item 14: 核实结项 with 已解决 closes the case in the same action', () => {
  it('one action, one event: 已上报街道 → 已办结, with the result and how the resident was told', () => {
    const r = act(fedBack(), {
      type: '核实结项',
      solved: true,
      result: '路灯已修复',
      notifiedBy: '电话',
      needsCallback: true,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({ action: '核实结项', from: '已上报街道', to: '已办结' });
    expect(r.next).toMatchObject({
      status: '已办结',
      result: '路灯已修复',
      notifiedBy: '电话',
      completedDay: '2026-12-03',
      callback: { status: '待回访' },
    });
    expect(r.next.escalations?.[0]).toMatchObject({ stage: '已核实', verification: { solved: true } });
  });

  it('asks the result and the notice there (at their fields); 未解决 still goes back to 办理中', () => {
    expect(act(fedBack(), { type: '核实结项', solved: true, notifiedBy: '电话', needsCallback: false })).toEqual({
      ok: false,
      reason: '请填写办理结果',
      field: 'result',
    });
    expect(act(fedBack(), { type: '核实结项', solved: true, result: '已修复', needsCallback: false })).toMatchObject({
      ok: false,
      field: 'notifiedBy',
    });
    const back = act(fedBack(), { type: '核实结项', solved: false, note: '仍未修复' });
    expect(back.ok && back.next.status).toBe('办理中');
  });
});

describe('item 15: 不满意 / 非常不满意 ask the reason before the 整改 opens', () => {
  const closed: CaseState = {
    ...escalated(),
    escalations: [],
    status: '已办结',
    result: '已办理',
    notifiedBy: '当面',
    completedDay: '2026-12-02',
  };
  it('refuses without a reason (at its field) and keeps it on the 整改', () => {
    for (const rating of ['不满意', '非常不满意'] as const) {
      expect(act(closed, { type: '评价', rating, by: '本人' })).toEqual({
        ok: false,
        reason: `评价为「${rating}」时，请填写居民不满意的原因`,
        field: 'reason',
      });
      const r = act(closed, { type: '评价', rating, by: '本人', reason: ' 等了三次才办好 ' });
      expect(r.ok && r.next.rectification).toMatchObject({ status: '整改中', reason: '等了三次才办好' });
    }
    const fine = act(closed, { type: '评价', rating: '满意', by: '本人' });
    expect(fine.ok && fine.next.rectification).toBeUndefined();
  });

  it('the 评价与整改 ledger carries the reason (its numbers masked unless 实名)', () => {
    const record = {
      ...closed,
      trackingNumber: 'THL-20261203-0002',
      matterName: '高龄津贴',
      rating: '不满意',
      ratedAt: NOW,
      rectification: {
        status: '整改中',
        openedDay: '2026-12-03',
        dueDay: '2026-12-24',
        reason: '电话13812345678打不通',
      },
    } as unknown as CaseRecord;
    const { data, row } = ledgerRow(record, 'ratings');
    expect(row['不满意原因']).toBe('电话138****5678打不通');
    const named = ledgersOf(data, true).find((l) => l.key === 'ratings')!;
    expect(named.rows[0]).toContain('电话13812345678打不通');
  });
});
