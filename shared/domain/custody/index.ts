/**
 * 材料交接: the chain of custody of a resident's documents on a proxy case, as one rule table in
 * the case machine's style (one `{ refuse, apply }` per action, `satisfies CustodyRuleTable`).
 *
 *   (none) ─收取 (at home, by the staff member)→ 在外, held by that staff member
 *   在外, held by a staff member ─移交→ another staff member / 中心保管柜 / a department / the street office
 *   在外, held by the cabinet, a department or the street ─取回→ the staff member who fetches it
 *   在外, held by a staff member ─归还 (the resident signs the 材料归还单)→ 已归还 (settled)
 *   在外, held by a department or the street ─留存 (with the reason)→ 已留存 (settled)
 *   在外 ─遗失损坏 (with a report)→ 遗失损坏 (settled)
 *
 * Only the staff member holding an item hands it over or returns it; an item is collected once.
 * A proxy case cannot be closed while one of its originals is 在外 (`unsettledOriginals`).
 * Notes and refusals never carry the resident's personal data.
 */
import type { CustodyActionType, CustodyEvent, CustodyHolder, CustodyItem, CustodyStatus } from '../records';
import { CUSTODY_ACTION_TYPES } from '../records';

export type CustodyState = Pick<CustodyItem, 'holder' | 'status' | 'events'>;

export type CustodyAction =
  | { type: '收取' }
  | { type: '移交'; to: Exclude<CustodyHolder, { kind: 'resident' }> }
  | { type: '取回' }
  | { type: '归还' }
  | { type: '留存'; reason: string }
  | { type: '遗失损坏'; report: string };

type Ctx = { actorId: string; now: number };
type Outcome = { next: Omit<CustodyState, 'events'>; to: CustodyHolder; note?: string } | string;

type CustodyRule<T extends CustodyActionType> = {
  /** Why the action is not possible for this item (undefined: not collected yet) and actor now, or null. */
  refuse(s: CustodyState | undefined, actorId: string): string | null;
  apply(s: CustodyState | undefined, action: Extract<CustodyAction, { type: T }>, ctx: Ctx): Outcome;
};
export type CustodyRuleTable = { [T in CustodyActionType]: CustodyRule<T> };

const held = (s: CustodyState | undefined, actorId: string) =>
  s?.status === '在外' && s.holder.kind === 'staff' && s.holder.staffId === actorId;
const NOT_OUT = '该材料不在外（已归还、留存或登记遗失），不能再交接';
const notHolder = (s: CustodyState | undefined) =>
  !s ? '该材料尚未收取' : s.status !== '在外' ? NOT_OUT : `该材料现由${holderLabel(s.holder)}保管，只有保管人可以办理`;

export const CUSTODY_RULES = {
  收取: {
    refuse: (s) => (s ? '该材料已收取过，不能重复收取' : null),
    apply: (_s, _a, { actorId }) => ({
      next: { holder: { kind: 'staff', staffId: actorId }, status: '在外' },
      to: { kind: 'staff', staffId: actorId },
    }),
  },
  移交: {
    refuse: (s, actorId) => (held(s, actorId) ? null : notHolder(s)),
    apply(_s, a, { actorId }) {
      const to = a.to;
      if (to.kind === 'staff' && (!to.staffId || to.staffId === actorId)) return '请选择接收的工作人员（不能是自己）';
      if ((to.kind === 'department' || to.kind === 'street') && !to.name.trim()) return '请填写接收的单位';
      const clean: CustodyHolder =
        to.kind === 'department' || to.kind === 'street' ? { ...to, name: to.name.trim() } : to;
      return { next: { holder: clean, status: '在外' }, to: clean };
    },
  },
  取回: {
    refuse: (s) =>
      !s
        ? '该材料尚未收取'
        : s.status !== '在外'
          ? NOT_OUT
          : s.holder.kind === 'staff'
            ? '该材料在工作人员手中，请用“移交”'
            : null,
    apply: (_s, _a, { actorId }) => ({
      next: { holder: { kind: 'staff', staffId: actorId }, status: '在外' },
      to: { kind: 'staff', staffId: actorId },
    }),
  },
  归还: {
    refuse: (s, actorId) => (held(s, actorId) ? null : notHolder(s)),
    apply: () => ({ next: { holder: { kind: 'resident' }, status: '已归还' }, to: { kind: 'resident' } }),
  },
  留存: {
    refuse: (s) =>
      !s
        ? '该材料尚未收取'
        : s.status !== '在外'
          ? NOT_OUT
          : s.holder.kind === 'department' || s.holder.kind === 'street'
            ? null
            : '只有交给部门或街道的材料可以登记留存',
    apply(s, a) {
      const reason = a.reason.trim();
      if (!reason) return '请填写留存的原因（如：部门按规定留存原件）';
      return { next: { holder: s!.holder, status: '已留存' }, to: s!.holder, note: reason };
    },
  },
  遗失损坏: {
    refuse: (s) => (!s ? '该材料尚未收取' : s.status !== '在外' ? NOT_OUT : null),
    apply(s, a) {
      const report = a.report.trim();
      if (!report) return '请填写遗失或损坏的情况说明';
      return { next: { holder: s!.holder, status: '遗失损坏' }, to: s!.holder, note: report };
    },
  },
} satisfies CustodyRuleTable;

export type CustodyResult = { ok: true; next: CustodyState; event: CustodyEvent } | { ok: false; reason: string };

/** Applies one custody action; pure. `s` is undefined for an item not collected yet. */
export function applyCustody(s: CustodyState | undefined, action: CustodyAction, ctx: Ctx): CustodyResult {
  if (!CUSTODY_ACTION_TYPES.includes(action?.type)) return { ok: false, reason: '未知的交接操作' };
  if (!ctx.actorId) return { ok: false, reason: '请先登录' };
  const rule = CUSTODY_RULES[action.type] as CustodyRule<CustodyActionType>;
  const refused = rule.refuse(s, ctx.actorId);
  if (refused) return { ok: false, reason: refused };
  const out = rule.apply(s, action as never, ctx);
  if (typeof out === 'string') return { ok: false, reason: out };
  const events = s?.events ?? [];
  const event: CustodyEvent = {
    n: events.length + 1,
    type: action.type,
    from: s?.holder ?? { kind: 'resident' },
    to: out.to,
    at: ctx.now,
    by: ctx.actorId,
    ...(out.note ? { note: out.note } : {}),
  };
  return { ok: true, next: { ...out.next, events: [...events, event] }, event };
}

/** The action types the UI may offer for this item and actor now. */
export function allowedCustodyActions(s: CustodyState | undefined, actorId: string): CustodyActionType[] {
  return CUSTODY_ACTION_TYPES.filter((t) => CUSTODY_RULES[t].refuse(s, actorId) === null);
}

export const isSettled = (status: CustodyStatus) => status !== '在外';

/** The originals still out: a proxy case is not closed while there are any. */
export function unsettledOriginals<T extends Pick<CustodyItem, 'original' | 'status' | 'document'>>(
  items: readonly T[],
): T[] {
  return items.filter((i) => i.original && i.status === '在外');
}

/** The refusal of closing a case while originals are out, naming them. */
export function closingRefusal(items: readonly Pick<CustodyItem, 'original' | 'status' | 'document'>[]): string | null {
  const out = unsettledOriginals(items);
  return out.length === 0 ? null : `以下原件尚未归还居民（或登记留存、遗失）：${out.map((i) => i.document).join('、')}`;
}

/** Who holds it, in words ('值班员' names come from the caller for staff). */
export function holderLabel(h: CustodyHolder, staffName: (id: string) => string = () => '工作人员'): string {
  if (h.kind === 'resident') return '居民本人';
  if (h.kind === 'staff') return staffName(h.staffId);
  if (h.kind === 'cabinet') return '中心保管柜';
  return h.name;
}

/** The index key of who holds an item now (only while it is out). */
export function holderKeyOf(item: Pick<CustodyItem, 'holder' | 'status'>): string | undefined {
  if (item.status !== '在外') return undefined;
  const h = item.holder;
  return h.kind === 'staff'
    ? `staff:${h.staffId}`
    : h.kind === 'resident'
      ? undefined
      : h.kind === 'cabinet'
        ? 'cabinet'
        : `${h.kind}:${h.name}`;
}

/** Days a document may stay out before the 工作台 flags it (the center may set its own). */
export const DEFAULT_CUSTODY_ALERT_DAYS = 7;

export function custodyAlertDays(community: { custodyAlertDays?: number }): number {
  const d = community.custodyAlertDays;
  return d !== undefined && Number.isInteger(d) && d >= 1 && d <= 90 ? d : DEFAULT_CUSTODY_ALERT_DAYS;
}
