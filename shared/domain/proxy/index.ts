/**
 * 帮代办: the life of a proxy request as one rule table in the case machine's style (one
 * `{ refuse, apply }` per action, `satisfies ProxyRuleTable`). The case itself — its deadline,
 * transfer, escalation, callback and rating — follows the case machine; this table holds what
 * only a proxy has.
 *
 *   待确认 (a call or a home visit, no catalog matter yet) ─受理 (a matter chosen: the case)→ 待上门
 *   待上门 ─预约上门 (day, slot, staff: two by default, one alone with a reason)→ 待上门 (booked)
 *   待上门, booked ─上门完成→ 办理中 (recorded on the booked day; another day, not in the future,
 *                   only with the clerk's reason; the routine target: N working days from the visit)
 *   办理中 ─办理完毕→ 待送达 ─送达 (上门送达 / 来站领取 / 邮寄, who delivered)→ 已送达, only once no
 *                   original is out (the door may return them with the result in the same step)
 *   any open status ─取消 (居民撤回 / 住院 / 去世 / 其他)→ 已取消, only once no original is out
 *   any status but 待确认 / 已取消 ─委托书回收 (the day, where it is kept), once
 *
 * Refusals and notes never carry the resident's personal data.
 */
import type {
  CommunityProfile,
  Delivery,
  DeliveryMethod,
  HomeVisitBooking,
  ProxyCancelReason,
  ProxySettings,
  ProxySource,
  ProxyStatus,
  ProxyTask,
  VisitSlot,
} from '../records';
import { DELIVERY_METHODS, PROXY_CANCEL_REASONS, VISIT_SLOTS } from '../records';
import type { WorkingCalendar } from '../workingCalendar';
import { isValidLocalDate as isLocalDate } from '../localDate';
import { charCount } from '../textLength';
import { dayOfInstant } from '../../reports/reportIndex';

export const PROXY_ACTION_TYPES = ['受理', '预约上门', '上门完成', '办理完毕', '送达', '取消', '委托书回收'] as const;
export type ProxyActionType = (typeof PROXY_ACTION_TYPES)[number];

export type ProxyAction =
  | { type: '受理'; caseId: string }
  | { type: '预约上门'; day: string; slot: VisitSlot; staffIds: string[]; soloReason?: string }
  /** `day`: when the visit was made (default: the booked day, if not in the future); another day needs `reason`. */
  | { type: '上门完成'; day?: string; reason?: string }
  | { type: '办理完毕' }
  /** `returnOriginals`: the originals still out go back with the result (随结果一并归还, the door returns them first). */
  | { type: '送达'; method: DeliveryMethod; at: number; by: string; note?: string; returnOriginals?: boolean }
  | { type: '取消'; reason: ProxyCancelReason; note?: string }
  | { type: '委托书回收'; day: string; keptAt: string };

export type ProxyState = Pick<
  ProxyTask,
  'status' | 'caseId' | 'visit' | 'visitedDay' | 'visitedReason' | 'targetDay' | 'mandate' | 'delivery' | 'cancel'
>;

export type ProxyCtx = {
  actorId: string;
  now: number;
  today: string;
  settings: ProxySettings;
  calendar: WorkingCalendar;
  /** The documents of the request's case still out of the home (for 取消 and 送达). */
  originalsOut: readonly string[];
  /** The day the request was made: nothing is delivered before it (送达时间). */
  requestedDay?: string;
};

/** A refusal names the field it belongs to when there is one. */
export type ProxyRefusal = { reason: string; field?: string };
type Outcome = { next: ProxyState; note: string } | ProxyRefusal;

type ProxyRule<T extends ProxyActionType> = {
  refuse(s: ProxyState): string | null;
  apply(s: ProxyState, action: Extract<ProxyAction, { type: T }>, ctx: ProxyCtx): Outcome;
};
export type ProxyRuleTable = { [T in ProxyActionType]: ProxyRule<T> };

const OPEN: readonly ProxyStatus[] = ['待确认', '待上门', '办理中', '待送达'];
const statusIn = (s: ProxyState, allowed: readonly ProxyStatus[], what: string) =>
  allowed.includes(s.status) ? null : `${s.status}的代办不能${what}`;
const refusal = (reason: string, field?: string): ProxyRefusal => (field ? { reason, field } : { reason });

export const DEFAULT_PROXY_SETTINGS: ProxySettings = {
  twoStaff: true,
  targetWorkingDays: 2,
  promises: ['不收费', '不拖延', '不泄露信息'],
  registerTags: ['独居老人', '高龄', '残疾人', '重病'],
};

/** The center's 帮代办 settings, each falling back to its default when missing or out of range. */
export function proxySettings(community: Pick<CommunityProfile, 'proxy'>): ProxySettings {
  const p = community.proxy;
  const d = DEFAULT_PROXY_SETTINGS;
  if (!p) return d;
  const days = Number.isInteger(p.targetWorkingDays) && p.targetWorkingDays >= 1 && p.targetWorkingDays <= 30;
  const promises = p.promises?.filter((x) => x.trim()) ?? [];
  return {
    twoStaff: typeof p.twoStaff === 'boolean' ? p.twoStaff : d.twoStaff,
    targetWorkingDays: days ? p.targetWorkingDays : d.targetWorkingDays,
    promises: promises.length > 0 ? promises : d.promises,
    registerTags: Array.isArray(p.registerTags) ? p.registerTags : d.registerTags,
  };
}

/**
 * The register's tags of the stored profile (before the setup, none stored: the defaults) — what
 * puts a resident on the 重点服务对象 register and keys their kept last 走访 (db/careVisits).
 */
export const registerTagsOf = (community: Pick<CommunityProfile, 'proxy'> | undefined): ReadonlySet<string> =>
  new Set(proxySettings(community ?? {}).registerTags);

/** Whether two registers hold the same tags (in any order). */
export const sameRegister = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean =>
  a.size === b.size && [...a].every((t) => b.has(t));

/** A request from a call or a home visit (待确认), as the form hands it over. */
export type ProxyRequestInput = { residentId: string; source: Exclude<ProxySource, '窗口'>; request: string };

/** The first problem of a new request at its field, or null; the request is stored trimmed. */
export function proxyRequestRefusal(input: ProxyRequestInput): ProxyRefusal | null {
  const request = input.request.trim();
  if (!input.residentId) return refusal('请先选定居民', 'resident');
  if (input.source !== '电话' && input.source !== '入户走访') return refusal('请选择需求来源', 'source');
  if (charCount(request) < 2) return refusal('请填写居民需要代办什么', 'request');
  if (charCount(request) > 500) return refusal('需求内容不超过 500 字', 'request');
  return null;
}

/** Checks the settings an admin saves; every message names its field. */
export function validateProxySettings(p: ProxySettings): ProxyRefusal | null {
  if (!Number.isInteger(p.targetWorkingDays) || p.targetWorkingDays < 1 || p.targetWorkingDays > 30)
    return refusal('代办目标应为 1–30 个工作日', 'targetWorkingDays');
  const promises = p.promises.map((x) => x.trim()).filter(Boolean);
  if (promises.length === 0) return refusal('请至少填写一项承诺', 'promises');
  if (promises.some((x) => charCount(x) > 20)) return refusal('每项承诺不超过 20 个字', 'promises');
  if (promises.length > 6) return refusal('承诺最多 6 项', 'promises');
  return null;
}

export const PROXY_RULES = {
  受理: {
    refuse: (s) => (s.status === '待确认' ? null : s.status === '已取消' ? '已取消的代办不能受理' : '该代办已受理'),
    apply: (s, a) => ({ next: { ...s, status: '待上门', caseId: a.caseId }, note: '确认事项并受理' }),
  },
  预约上门: {
    refuse: (s) => statusIn(s, ['待上门'], '预约上门'),
    apply(s, a, ctx) {
      if (!isLocalDate(a.day)) return refusal('请选择上门日期', 'day');
      if (a.day < ctx.today) return refusal('上门日期不能早于今天', 'day');
      if (!VISIT_SLOTS.includes(a.slot)) return refusal('请选择上门时段', 'slot');
      const staffIds = [...new Set(a.staffIds.filter(Boolean))];
      if (staffIds.length === 0) return refusal('请选择上门的工作人员', 'staffIds');
      if (staffIds.length > 4) return refusal('上门人员最多 4 人', 'staffIds');
      const soloReason = a.soloReason?.trim() ?? '';
      if (ctx.settings.twoStaff && staffIds.length === 1 && charCount(soloReason) < 2)
        return refusal('上门应有两名工作人员；一人上门请填写原因', 'soloReason');
      if (charCount(soloReason) > 200) return refusal('一人上门的原因不超过 200 字', 'soloReason');
      const visit: HomeVisitBooking = {
        day: a.day,
        slot: a.slot,
        staffIds,
        bookedAt: ctx.now,
        bookedBy: ctx.actorId,
        ...(staffIds.length === 1 && soloReason ? { soloReason } : {}),
      };
      const again = s.visit ? '改约' : '预约';
      return { next: { ...s, visit }, note: `${again}上门：${a.day} ${a.slot}，${staffIds.length} 人` };
    },
  },
  上门完成: {
    refuse: (s) => statusIn(s, ['待上门'], '登记上门') ?? (s.visit ? null : '请先预约上门'),
    apply(s, a, ctx) {
      const booked = s.visit?.day ?? ctx.today;
      const day = a.day ?? (booked <= ctx.today ? booked : ctx.today);
      if (!isLocalDate(day) || day > ctx.today) return refusal('上门日期不能晚于今天', 'day');
      const reason = a.reason?.trim() ?? '';
      if (day !== booked && charCount(reason) < 2)
        return refusal(`预约的上门日期是 ${booked}；登记为 ${day} 上门，请填写原因`, 'reason');
      if (charCount(reason) > 200) return refusal('原因不超过 200 字', 'reason');
      const target = ctx.calendar.addWorkingDays(day, ctx.settings.targetWorkingDays);
      const other = day !== booked ? `（预约 ${booked}，${reason}）` : '';
      return {
        next: {
          ...s,
          status: '办理中',
          visitedDay: day,
          ...(day !== booked ? { visitedReason: reason } : {}),
          targetDay: target.date,
        },
        note: `${day} 已上门${other}，代办目标 ${target.date}（${ctx.settings.targetWorkingDays} 个工作日）`,
      };
    },
  },
  办理完毕: {
    refuse: (s) => statusIn(s, ['办理中'], '登记办理完毕'),
    apply: (s) => ({ next: { ...s, status: '待送达' }, note: '办理完毕，待送达' }),
  },
  送达: {
    refuse: (s) => statusIn(s, ['办理中', '待送达'], '登记送达'),
    apply(s, a, ctx) {
      if (!DELIVERY_METHODS.includes(a.method)) return refusal('请选择送达方式', 'method');
      if (!a.by) return refusal('请选择送达人', 'by');
      if (!Number.isFinite(a.at) || a.at > ctx.now) return refusal('送达时间不能晚于现在', 'at');
      if (ctx.requestedDay && dayOfInstant(a.at) < ctx.requestedDay)
        return refusal(`送达时间不能早于申请日期（${ctx.requestedDay}）`, 'at');
      const note = a.note?.trim();
      if (note && charCount(note) > 200) return refusal('备注不超过 200 字', 'note');
      if (ctx.originalsOut.length > 0)
        return refusal(
          `以下原件仍在外：${ctx.originalsOut.join('、')}；请先归还居民，或选择“随结果一并归还”`,
          'returnOriginals',
        );
      const delivery: Delivery = { method: a.method, at: a.at, by: a.by, ...(note ? { note } : {}) };
      return { next: { ...s, status: '已送达', delivery }, note: `送达：${a.method}` };
    },
  },
  取消: {
    refuse: (s) => statusIn(s, OPEN, '取消'),
    apply(s, a, ctx) {
      if (!PROXY_CANCEL_REASONS.includes(a.reason)) return refusal('请选择取消原因', 'reason');
      const note = a.note?.trim() ?? '';
      if (a.reason === '其他' && charCount(note) < 2) return refusal('请说明取消的原因', 'note');
      if (charCount(note) > 200) return refusal('说明不超过 200 字', 'note');
      if (ctx.originalsOut.length > 0) return refusal(`请先归还居民的原件：${ctx.originalsOut.join('、')}`);
      const cancel = { reason: a.reason, at: ctx.now, by: ctx.actorId, ...(note ? { note } : {}) };
      return { next: { ...s, status: '已取消', cancel }, note: `取消代办：${a.reason}` };
    },
  },
  委托书回收: {
    refuse: (s) =>
      s.status === '待确认' || s.status === '已取消'
        ? `${s.status}的代办没有委托书`
        : s.mandate
          ? '委托书已登记收回'
          : null,
    apply(s, a, ctx) {
      if (!isLocalDate(a.day) || a.day > ctx.today) return refusal('请填写收回日期（不晚于今天）', 'day');
      const keptAt = a.keptAt.trim();
      if (!keptAt) return refusal('请填写委托书存放位置（如：档案柜 2 号）', 'keptAt');
      if (charCount(keptAt) > 40) return refusal('存放位置不超过 40 个字', 'keptAt');
      return {
        next: { ...s, mandate: { day: a.day, keptAt, by: ctx.actorId } },
        note: `委托书已收回（${a.day}），存放：${keptAt}`,
      };
    },
  },
} satisfies ProxyRuleTable;

export type ProxyResult = { ok: true; next: ProxyState; note: string } | ({ ok: false } & ProxyRefusal);

/** Applies one action to a proxy request; pure. */
export function applyProxy(s: ProxyState, action: ProxyAction, ctx: ProxyCtx): ProxyResult {
  if (!PROXY_ACTION_TYPES.includes(action?.type)) return { ok: false, reason: '未知的代办操作' };
  if (!ctx.actorId) return { ok: false, reason: '请先登录' };
  const rule = PROXY_RULES[action.type] as ProxyRule<ProxyActionType>;
  const refused = rule.refuse(s);
  if (refused) return { ok: false, reason: refused };
  const out = rule.apply(s, action as never, ctx);
  if ('reason' in out) return { ok: false, ...out };
  return { ok: true, ...out };
}

/** The actions the UI may offer on this request now. */
export function allowedProxyActions(s: ProxyState): ProxyActionType[] {
  return PROXY_ACTION_TYPES.filter((t) => PROXY_RULES[t].refuse(s) === null);
}

/** Why a proxy case may not be closed (办结) yet: the result has not reached the resident. */
export function deliveryRefusal(task: Pick<ProxyTask, 'status'> | undefined): string | null {
  if (!task || task.status === '已送达' || task.status === '已取消') return null;
  return '帮代办的办件须先登记送达（结果交到居民手中）再办结';
}

/** Why a proxy case may not be closed (办结) yet: a document is still listed missing (缺件), named. */
export function missingRefusal(documentsMissing: readonly string[]): string | null {
  if (documentsMissing.length === 0) return null;
  return `以下材料仍在缺件清单中：${documentsMissing.join('、')}；请先收取（或登记补正）再办结`;
}

/** The index day of a request's booked visit, while the visit is still to make. */
export function visitDayOf(task: Pick<ProxyTask, 'status' | 'visit'>): string | undefined {
  return task.status === '待上门' ? task.visit?.day : undefined;
}

/** The source of a request registered at intake, from the visit's channel. */
export function proxySourceOfChannel(channel: string): ProxyTask['source'] {
  return channel === '来电' ? '电话' : channel === '走访' ? '入户走访' : '窗口';
}
