/**
 * Properties of the 问题库 and 联席会议 validators: a problem's input (problemInputRefusal), an
 * agenda title (agendaTitleRefusal), a decision (checkDecision) and a meeting's actions
 * (applyMeetingAction). Strange but valid text up to each limit is accepted and kept as typed
 * (trimmed); anything else is refused at its field in Chinese, never with an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDecision, type DecisionInput } from '../../../shared/domain/meetings/decisions';
import { applyMeetingAction, type MeetingAction, type MeetingState } from '../../../shared/domain/meetings/meeting';
import { agendaTitleRefusal, problemInputRefusal, type ProblemInput } from '../../../shared/domain/meetings/problems';
import { DECISION_TYPES, ESCALATION_LEVELS, PROBLEM_CATEGORIES } from '../../../shared/domain/records';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { anyText, chars, expectChineseMessage, RUNS, strangeText, TODAY } from './arbitraries';

const calendar = createCalendar();
/** Titles may not name an ID or phone number: strange text without digit runs. */
const title = (max: number) =>
  strangeText(max)
    .map((s) => s.replace(/\p{Nd}/gu, ''))
    .filter((s) => chars(s.trim()) >= 2);

describe('problems: a valid problem is accepted; a bad one refused at its field', () => {
  it('a title of 2–60 characters in strange text, a category, a place or a 网格: accepted', () => {
    fc.assert(
      fc.property(
        title(60),
        fc.constantFrom(...PROBLEM_CATEGORIES),
        fc.oneof(
          strangeText(60).map((place) => ({ place })),
          fc.constant({ gridId: 'g1' }),
          fc.constant({ residentId: 'res-1' }),
        ),
        (t, category, where) => {
          expect(problemInputRefusal({ title: t, category, ...where })).toBeNull();
          expect(agendaTitleRefusal(t)).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('anything: no exception; a refusal is Chinese and at a field of the form', () => {
    fc.assert(
      fc.property(
        fc.record({
          title: anyText,
          category: fc.oneof(fc.constantFrom(...PROBLEM_CATEGORIES), anyText),
          gridId: fc.option(anyText, { nil: undefined }),
          place: fc.option(anyText, { nil: undefined }),
          residentId: fc.option(anyText, { nil: undefined }),
        }),
        (p) => {
          const r = problemInputRefusal(p as ProblemInput);
          if (r) {
            expect(['title', 'category', 'place']).toContain(r.field);
            expectChineseMessage(r.reason, [p.title]);
          }
          const a = agendaTitleRefusal(p.title);
          if (a) {
            expect(a.field).toBe('title');
            expectChineseMessage(a.reason, [p.title]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each bad value at its own field', () => {
    const ok: ProblemInput = { title: '3栋楼道堆物', category: '环境卫生', place: '3栋' };
    const bad = fc.oneof(
      fc
        .constantFrom('', ' ', '堆', '😀', '题'.repeat(61), '😀'.repeat(61))
        .map((t) => ({ field: 'title', patch: { title: t } })),
      fc
        .constantFrom('张三13812345678反映噪音', '430104195803151237 家门口', '电话 138 1234 5678')
        .map((t) => ({ field: 'title', patch: { title: t } })),
      fc.constantFrom('', '卫生', 'other').map((category) => ({ field: 'category', patch: { category } })),
      fc.constantFrom('地'.repeat(61), '🏠'.repeat(61)).map((place) => ({ field: 'place', patch: { place } })),
      fc.constant({ field: 'place', patch: { place: ' ' } }),
    );
    fc.assert(
      fc.property(bad, ({ field, patch }) => {
        const p = { ...ok, ...patch } as ProblemInput;
        const r = problemInputRefusal(p);
        expect(r?.field).toBe(field);
        expectChineseMessage(r?.reason, [p.title]);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('decisions: valid ones are kept as typed; bad ones refused at their field', () => {
  const decisionArb: fc.Arbitrary<DecisionInput> = fc.oneof(
    fc.record({
      type: fc.constant('社区处置' as const),
      ownerId: fc.constant('staff-2'),
      workingDays: fc.integer({ min: 1, max: 60 }),
      note: fc.option(strangeText(500), { nil: undefined }),
    }),
    fc.record({
      type: fc.constant('上报街道' as const),
      level: fc.constantFrom(...ESCALATION_LEVELS),
      office: strangeText(60),
      request: strangeText(500),
      note: fc.option(strangeText(500), { nil: undefined }),
    }),
    fc.record({
      type: fc.constantFrom('继续跟踪' as const, '已解决' as const),
      note: strangeText(500).filter((s) => chars(s.trim()) >= 2),
    }),
  );

  it('a valid decision in strange text up to its limits is stored as typed (trimmed)', () => {
    fc.assert(
      fc.property(decisionArb, (d) => {
        const out = checkDecision(d, TODAY, calendar);
        expect(out.ok, JSON.stringify(out)).toBe(true);
        if (!out.ok) return;
        const note = 'note' in d ? d.note?.trim() : undefined;
        expect((out.decision as { note?: string }).note).toBe(note || undefined);
        if (d.type === '上报街道' && out.decision.type === '上报街道') {
          expect(out.decision.office).toBe(d.office.trim());
          expect(out.decision.request).toBe(d.request.trim());
        }
        if (out.decision.type === '社区处置') expect(calendar.isWorkingDay(out.decision.dueDay)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('anything: no exception; a refusal is Chinese, at one of the decision’s fields', () => {
    fc.assert(
      fc.property(
        fc.record({
          type: fc.oneof(fc.constantFrom(...DECISION_TYPES), anyText),
          ownerId: anyText,
          workingDays: fc.oneof(fc.integer({ min: -5, max: 100 }), fc.double()),
          level: fc.oneof(fc.constantFrom(...ESCALATION_LEVELS), anyText),
          office: anyText,
          request: anyText,
          note: fc.option(anyText, { nil: undefined }),
        }),
        (d) => {
          const out = checkDecision(d as unknown as DecisionInput, TODAY, calendar);
          if (out.ok) return;
          expect(['type', 'note', 'ownerId', 'workingDays', 'level', 'office', 'request']).toContain(out.field);
          expectChineseMessage(out.reason);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each bad value at its own field', () => {
    const bad = fc.oneof(
      fc.constant({ field: 'ownerId', d: { type: '社区处置', ownerId: '', workingDays: 5 } }),
      fc.constantFrom(0, 61, 2.5, Number.NaN).map((workingDays) => ({
        field: 'workingDays',
        d: { type: '社区处置', ownerId: 's', workingDays },
      })),
      fc.constantFrom('说'.repeat(501), '😀'.repeat(501)).map((note) => ({
        field: 'note',
        d: { type: '社区处置', ownerId: 's', workingDays: 5, note },
      })),
      fc.constant({ field: 'level', d: { type: '上报街道', level: '一般', office: '城管科', request: '清理' } }),
      fc.constant({ field: 'office', d: { type: '上报街道', level: '日常', office: ' ', request: '清理' } }),
      fc.constant({ field: 'request', d: { type: '上报街道', level: '日常', office: '城管科', request: '' } }),
      fc.constant({
        field: 'office',
        d: { type: '上报街道', level: '日常', office: '科'.repeat(61), request: '清理' },
      }),
      fc.constant({
        field: 'request',
        d: { type: '上报街道', level: '日常', office: '城管科', request: '😀'.repeat(501) },
      }),
      fc.constantFrom('', '好', '😀').map((note) => ({ field: 'note', d: { type: '已解决', note } })),
      fc.constant({ field: 'type', d: { type: '待定' } }),
    );
    fc.assert(
      fc.property(bad, ({ field, d }) => {
        const out = checkDecision(d as unknown as DecisionInput, TODAY, calendar);
        expect(out.ok).toBe(false);
        if (out.ok) return;
        expect(out.field).toBe(field);
        expectChineseMessage(out.reason);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('meetings: 改期 / 取消 / 召开', () => {
  const planned: MeetingState = { day: TODAY, status: '筹备中', attendees: [] };
  const dayOf = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 10);
  const NOW = Date.parse(`${TODAY}T18:00:00+08:00`);
  const CTX = { today: TODAY, now: NOW, dayOf };

  it('a cancel reason and a summary in strange text up to their limits are kept as typed (trimmed)', () => {
    fc.assert(
      fc.property(
        strangeText(200).filter((s) => chars(s.trim()) >= 2),
        strangeText(2000),
        (reason, summary) => {
          const c = applyMeetingAction(planned, { type: '取消', reason }, CTX);
          expect(c).toEqual({ ok: true, next: { ...planned, status: '已取消', cancelReason: reason.trim() } });
          const h = applyMeetingAction(
            planned,
            { type: '召开', attendees: [{ staffId: 's', name: '王', present: true }] as never, summary, heldAt: NOW },
            CTX,
          );
          expect(h.ok).toBe(true);
          if (h.ok) expect(h.next.summary).toBe(summary.trim());
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('anything: no exception; a refusal is Chinese, at the action’s field when it has one', () => {
    const actionArb = fc.oneof(
      fc.record({
        type: fc.constant('改期'),
        day: fc.oneof(anyText, fc.constantFrom('2026-11-23', '2026-12-01', TODAY)),
      }),
      fc.record({ type: fc.constant('取消'), reason: anyText }),
      fc.record({
        type: fc.constant('召开'),
        attendees: fc.array(fc.record({ staffId: anyText, present: fc.boolean() }), { maxLength: 3 }),
        summary: fc.option(anyText, { nil: undefined }),
        heldAt: fc.oneof(fc.integer(), fc.constantFrom(NOW, NaN, Infinity)),
      }),
      fc.record({ type: anyText }),
    );
    fc.assert(
      fc.property(
        fc.constantFrom<MeetingState>(
          planned,
          { day: '2026-12-01', status: '筹备中', attendees: [] },
          { day: TODAY, status: '已召开', attendees: [] },
        ),
        actionArb,
        (s, a) => {
          const out = applyMeetingAction(s, a as MeetingAction, CTX);
          if (out.ok) return;
          if (out.field !== undefined) expect(['day', 'reason', 'heldAt', 'attendees', 'summary']).toContain(out.field);
          expectChineseMessage(out.reason);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each bad value at its own field', () => {
    const present = [{ staffId: 's', name: '王', present: true }] as never;
    const bad = fc.oneof(
      fc.constantFrom('', '2026-02-30', '明天').map((day) => ({ field: 'day', a: { type: '改期', day } })),
      fc.constant({ field: 'day', a: { type: '改期', day: '2026-11-23' } }),
      fc
        .constantFrom('', ' ', '忙', '😀', '因'.repeat(201))
        .map((reason) => ({ field: 'reason', a: { type: '取消', reason } })),
      fc.constant({ field: 'attendees', a: { type: '召开', attendees: [], heldAt: NOW } }),
      fc
        .constantFrom(NaN, NOW + 60_000)
        .map((heldAt) => ({ field: 'heldAt', a: { type: '召开', attendees: present, heldAt } })),
      fc.constantFrom('结'.repeat(2001), '😀'.repeat(2001)).map((summary) => ({
        field: 'summary',
        a: { type: '召开', attendees: present, summary, heldAt: NOW },
      })),
    );
    fc.assert(
      fc.property(bad, ({ field, a }) => {
        const out = applyMeetingAction(planned, a as MeetingAction, CTX);
        expect(out.ok).toBe(false);
        if (out.ok) return;
        expect(out.field).toBe(field);
        expectChineseMessage(out.reason);
      }),
      { numRuns: RUNS },
    );
  });
});
