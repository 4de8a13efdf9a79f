/**
 * Properties of the 帮代办 validators: a request's actions (applyProxy: the booking's reason for
 * going alone, a delivery's note, a cancellation's note, where the mandate is kept) and the
 * center's settings (validateProxySettings). Strange but valid text up to each limit is kept as
 * typed (trimmed); anything else is refused in Chinese, at its field where it has one, never
 * with an exception.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyProxy,
  DEFAULT_PROXY_SETTINGS,
  PROXY_ACTION_TYPES,
  proxyRequestRefusal,
  validateProxySettings,
  type ProxyRequestInput,
  type ProxyAction,
  type ProxyCtx,
  type ProxyState,
} from '../../../shared/domain/proxy';
import { DELIVERY_METHODS, PROXY_CANCEL_REASONS, VISIT_SLOTS, type ProxyStatus } from '../../../shared/domain/records';
import { createCalendar } from '../../../shared/domain/workingCalendar';
import { anyText, chars, expectChineseMessage, RUNS, strangeText, TODAY } from './arbitraries';

const NOW = Date.parse('2026-11-24T10:00:00+08:00');
const ctx: ProxyCtx = {
  actorId: 'staff-1',
  now: NOW,
  today: TODAY,
  settings: DEFAULT_PROXY_SETTINGS,
  calendar: createCalendar(),
  originalsOut: [],
};
const at = (status: ProxyStatus, extra: Partial<ProxyState> = {}): ProxyState => ({ status, caseId: 'c1', ...extra });
const booked = at('待上门', {
  visit: { day: TODAY, slot: '上午', staffIds: ['s1', 's2'], bookedAt: NOW, bookedBy: 's1' },
});
const FIELDS = [
  'day',
  'slot',
  'staffIds',
  'soloReason',
  'method',
  'by',
  'at',
  'note',
  'reason',
  'keptAt',
  'returnOriginals',
];

describe('帮代办 actions', () => {
  it('free text in strange text up to its limit is kept as typed (trimmed)', () => {
    const twoChars = (max: number) => strangeText(max).filter((s) => chars(s.trim()) >= 2);
    fc.assert(
      fc.property(twoChars(200), twoChars(200), twoChars(40), twoChars(200), (solo, note, keptAt, cancelNote) => {
        const b = applyProxy(
          at('待上门'),
          { type: '预约上门', day: TODAY, slot: '下午', staffIds: ['s1'], soloReason: solo },
          ctx,
        );
        expect(b.ok, JSON.stringify(b)).toBe(true);
        if (b.ok) expect(b.next.visit?.soloReason).toBe(solo.trim());

        const d = applyProxy(at('待送达'), { type: '送达', method: '上门送达', at: NOW, by: 's1', note }, ctx);
        expect(d.ok, JSON.stringify(d)).toBe(true);
        if (d.ok) expect(d.next.delivery?.note).toBe(note.trim());

        const m = applyProxy(at('办理中'), { type: '委托书回收', day: TODAY, keptAt }, ctx);
        expect(m.ok, JSON.stringify(m)).toBe(true);
        if (m.ok) expect(m.next.mandate?.keptAt).toBe(keptAt.trim());

        const c = applyProxy(at('待上门'), { type: '取消', reason: '其他', note: cancelNote }, ctx);
        expect(c.ok, JSON.stringify(c)).toBe(true);
        if (c.ok) expect(c.next.cancel?.note).toBe(cancelNote.trim());
      }),
      { numRuns: RUNS },
    );
  });

  it('any action on any request: no exception; a refusal is Chinese, at the action’s field when it has one', () => {
    const actionArb = fc.oneof(
      fc.record({ type: fc.constant('受理'), caseId: anyText }),
      fc.record({
        type: fc.constant('预约上门'),
        day: fc.oneof(anyText, fc.constantFrom(TODAY, '2026-11-23', '2026-12-01')),
        slot: fc.oneof(fc.constantFrom(...VISIT_SLOTS), anyText),
        staffIds: fc.array(anyText, { maxLength: 6 }),
        soloReason: fc.option(anyText, { nil: undefined }),
      }),
      fc.record({ type: fc.constantFrom('上门完成', '办理完毕') }),
      fc.record({
        type: fc.constant('送达'),
        method: fc.oneof(fc.constantFrom(...DELIVERY_METHODS), anyText),
        at: fc.oneof(fc.constant(NOW), fc.double(), fc.integer()),
        by: anyText,
        note: fc.option(anyText, { nil: undefined }),
      }),
      fc.record({
        type: fc.constant('取消'),
        reason: fc.oneof(fc.constantFrom(...PROXY_CANCEL_REASONS), anyText),
        note: fc.option(anyText, { nil: undefined }),
      }),
      fc.record({ type: fc.constant('委托书回收'), day: fc.oneof(anyText, fc.constant(TODAY)), keptAt: anyText }),
      fc.record({ type: anyText }),
    );
    const stateArb = fc.constantFrom<ProxyState>(
      at('待确认', { caseId: undefined }),
      at('待上门'),
      booked,
      at('办理中'),
      at('待送达'),
      at('已送达'),
      at('已取消'),
    );
    fc.assert(
      fc.property(stateArb, actionArb, fc.boolean(), (s, a, originals) => {
        const out = applyProxy(s, a as ProxyAction, { ...ctx, originalsOut: originals ? ['户口簿'] : [] });
        if (out.ok) return;
        if (out.field !== undefined) expect(FIELDS).toContain(out.field);
        expectChineseMessage(out.reason);
        if (!PROXY_ACTION_TYPES.includes(a.type as never)) expect(out.reason).toBe('未知的代办操作');
      }),
      { numRuns: RUNS },
    );
  });

  it('each bad value at its own field', () => {
    const bad: fc.Arbitrary<{ field: string; s: ProxyState; a: ProxyAction }> = fc.oneof(
      fc.constantFrom('', '2026-02-30', '2026-11-23').map((day) => ({
        field: 'day',
        s: at('待上门'),
        a: { type: '预约上门', day, slot: '上午', staffIds: ['s1', 's2'] } as ProxyAction,
      })),
      fc.constant({
        field: 'slot',
        s: at('待上门'),
        a: { type: '预约上门', day: TODAY, slot: '中午', staffIds: ['s1', 's2'] } as never,
      }),
      fc.constantFrom<string[]>([], [''], ['a', 'b', 'c', 'd', 'e']).map((staffIds) => ({
        field: 'staffIds',
        s: at('待上门'),
        a: { type: '预约上门', day: TODAY, slot: '上午', staffIds } as ProxyAction,
      })),
      fc.constantFrom(undefined, '', '忙', '😀', '因'.repeat(201)).map((soloReason) => ({
        field: 'soloReason',
        s: at('待上门'),
        a: { type: '预约上门', day: TODAY, slot: '上午', staffIds: ['s1'], soloReason } as ProxyAction,
      })),
      fc.constant({
        field: 'method',
        s: at('待送达'),
        a: { type: '送达', method: '快递', at: NOW, by: 's1' } as never,
      }),
      fc.constant({
        field: 'by',
        s: at('待送达'),
        a: { type: '送达', method: '邮寄', at: NOW, by: '' } as ProxyAction,
      }),
      fc.constantFrom(NOW + 60_000, Number.NaN).map((t) => ({
        field: 'at',
        s: at('待送达'),
        a: { type: '送达', method: '邮寄', at: t, by: 's1' } as ProxyAction,
      })),
      fc.constantFrom('注'.repeat(201), '😀'.repeat(201)).map((note) => ({
        field: 'note',
        s: at('待送达'),
        a: { type: '送达', method: '邮寄', at: NOW, by: 's1', note } as ProxyAction,
      })),
      fc.constant({ field: 'reason', s: at('待上门'), a: { type: '取消', reason: '不想办' } as never }),
      fc.constantFrom(undefined, '', '忙', '😀', '说'.repeat(201)).map((note) => ({
        field: 'note',
        s: at('待上门'),
        a: { type: '取消', reason: '其他', note } as ProxyAction,
      })),
      fc.constantFrom('', ' ', '柜'.repeat(41), '🗄'.repeat(41)).map((keptAt) => ({
        field: 'keptAt',
        s: at('办理中'),
        a: { type: '委托书回收', day: TODAY, keptAt } as ProxyAction,
      })),
      fc.constantFrom('2026-11-25', 'x').map((day) => ({
        field: 'day',
        s: at('办理中'),
        a: { type: '委托书回收', day, keptAt: '档案柜 2 号' } as ProxyAction,
      })),
    );
    fc.assert(
      fc.property(bad, ({ field, s, a }) => {
        const out = applyProxy(s, a, ctx);
        expect(out.ok, JSON.stringify(a)).toBe(false);
        if (out.ok) return;
        expect(out.field).toBe(field);
        expectChineseMessage(out.reason);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('帮代办 settings', () => {
  it('promises in strange text up to 20 characters are accepted; bad settings refused at their field', () => {
    fc.assert(
      fc.property(
        fc.array(strangeText(20), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (promises, targetWorkingDays) => {
          expect(validateProxySettings({ ...DEFAULT_PROXY_SETTINGS, promises, targetWorkingDays })).toBeNull();
        },
      ),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .constantFrom(0, 31, 1.5, Number.NaN)
            .map((targetWorkingDays) => ({ field: 'targetWorkingDays', patch: { targetWorkingDays } })),
          fc.constantFrom([], [' '], ['诺'.repeat(21)], ['😀'.repeat(21)], Array(7).fill('不收费')).map((promises) => ({
            field: 'promises',
            patch: { promises },
          })),
        ),
        ({ field, patch }) => {
          const r = validateProxySettings({ ...DEFAULT_PROXY_SETTINGS, ...patch });
          expect(r?.field).toBe(field);
          expectChineseMessage(r?.reason);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('帮代办 requests (a call or a home visit)', () => {
  it('a request in strange text of 2–500 characters is accepted; anything else refused at its field', () => {
    const request = strangeText(500).filter((s) => chars(s.trim()) >= 2);
    fc.assert(
      fc.property(request, fc.constantFrom('电话' as const, '入户走访' as const), (text, source) => {
        expect(proxyRequestRefusal({ residentId: 'res-1', source, request: text })).toBeNull();
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.record({
          residentId: anyText,
          source: fc.oneof(fc.constantFrom('电话', '入户走访', '窗口'), anyText),
          request: anyText,
        }),
        (input) => {
          const r = proxyRequestRefusal(input as ProxyRequestInput);
          if (!r) return;
          expect(['resident', 'source', 'request']).toContain(r.field);
          expectChineseMessage(r.reason);
        },
      ),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constant({ field: 'resident', patch: { residentId: '' } }),
          fc.constantFrom('窗口', '上门').map((source) => ({ field: 'source', patch: { source } })),
          fc.constantFrom('', ' 办', '😀', '代'.repeat(501), '😀'.repeat(501)).map((request) => ({
            field: 'request',
            patch: { request },
          })),
        ),
        ({ field, patch }) => {
          const r = proxyRequestRefusal({
            residentId: 'res-1',
            source: '电话',
            request: '代领高龄津贴',
            ...patch,
          } as ProxyRequestInput);
          expect(r?.field).toBe(field);
          expectChineseMessage(r?.reason);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
