/**
 * The end of handling and what follows it: 办结 (with or without a 回访), 回访 / 回访未接通,
 * 评价 (once per case; 不满意 / 非常不满意 ask why and open a 整改, with that reason, due
 * RECTIFICATION_WORKING_DAYS working days later), 整改回访 and the admin's 复核 (not passed sends it back to 整改中).
 */
import { NOTIFIED_BY, RATINGS, type Rating } from '../records';
import { atField, clean, statusIs, withoutKeys } from './state';
import type { CaseRuleTable, CaseState, Closing, Outcome } from './types';

/** Working days a 整改 has, counted from the rating day. */
export const RECTIFICATION_WORKING_DAYS = 15;

/** The ratings that open a 整改 (and need the reason the resident was unhappy). */
export const UNHAPPY_RATINGS: readonly Rating[] = ['不满意', '非常不满意'];

/** The longest 不满意原因 kept. */
const REASON_MAX = 200;

/**
 * Closing a case: the result, how the resident was told and whether a 回访 follows — 办结, and
 * 核实结项 with 已解决 (the same questions, the same state). The note's tail is the caller's.
 */
export function closeCase(s: CaseState, a: Closing, today: string): Outcome {
  const result = clean(a.result);
  if (!result) return atField('请填写办理结果', 'result');
  if (!NOTIFIED_BY.includes(a.notifiedBy)) return atField('请选择告知居民的方式（当面、电话或上门）', 'notifiedBy');
  if (typeof a.needsCallback !== 'boolean') return atField('请选择是否需要回访', 'needsCallback');
  const next = withoutKeys({ ...s, status: '已办结', result, notifiedBy: a.notifiedBy, completedDay: today }, [
    'pause',
    'callback',
  ]);
  if (a.needsCallback) next.callback = { status: '待回访', createdDay: today, failedAttempts: 0 };
  return { next, note: `已办结，${a.notifiedBy}告知${a.needsCallback ? '，需回访' : ''}` };
}

function refuseCallback(s: CaseState): string | null {
  if (s.status !== '已办结') return statusIs(s, ['已办结'], '回访');
  if (!s.callback) return '该办件不需要回访';
  return s.callback.status === '已回访' ? '已完成回访' : null;
}

export const completionRules = {
  办结: {
    refuse: (s) => statusIs(s, ['办理中'], '办结'),
    apply: (s, a, { today }) => closeCase(s, a, today),
  },

  回访: {
    refuse: refuseCallback,
    apply(s, a, { actor, now }) {
      const outcome = clean(a.outcome);
      if (!outcome) return '请填写回访结果';
      if (!s.callback) return '该办件不需要回访';
      return {
        next: { ...s, callback: { ...s.callback, status: '已回访', outcome, doneAt: now, doneBy: actor.staffId } },
        note: `回访：${outcome}`,
      };
    },
  },

  回访未接通: {
    refuse: refuseCallback,
    apply(s, _a, { actor, now }) {
      if (!s.callback) return '该办件不需要回访';
      const attempts = s.callback.failedAttempts + 1;
      return {
        next: {
          ...s,
          callback: {
            ...s.callback,
            status: '回访未接通',
            failedAttempts: attempts,
            doneAt: now,
            doneBy: actor.staffId,
          },
        },
        note: `回访未接通（第 ${attempts} 次）`,
      };
    },
  },

  评价: {
    refuse(s) {
      if (s.rating !== undefined) return '每个办件只能评价一次，已有评价不能更改';
      return statusIs(s, ['已办结'], '评价');
    },
    apply(s, a, { now, today, calendar }) {
      if (!RATINGS.includes(a.rating))
        return atField('请选择评价等级（非常满意、满意、基本满意、不满意、非常不满意）', 'rating');
      if (a.by !== '本人' && a.by !== '代评') return atField('请选择评价人（本人或代评）', 'by');
      const next: CaseState = { ...s, rating: a.rating, ratingBy: a.by, ratedAt: now };
      if (UNHAPPY_RATINGS.includes(a.rating)) {
        const reason = clean(a.reason);
        if (!reason) return atField(`评价为「${a.rating}」时，请填写居民不满意的原因`, 'reason');
        if (reason.length > REASON_MAX) return atField(`不满意的原因不超过 ${REASON_MAX} 字`, 'reason');
        const due = calendar.addWorkingDays(today, RECTIFICATION_WORKING_DAYS).date;
        next.rectification = { status: '整改中', openedDay: today, dueDay: due, reason };
        return { next, note: `评价：${a.rating}（${a.by}），需在 ${due} 前完成整改` };
      }
      return { next, note: `评价：${a.rating}（${a.by}）` };
    },
  },

  整改回访: {
    refuse(s) {
      if (!s.rectification) return '该办件没有整改任务';
      return s.rectification.status === '整改中' ? null : `整改任务当前为「${s.rectification.status}」，不需要回访`;
    },
    apply(s, a, { actor, now }) {
      const outcome = clean(a.outcome);
      if (!outcome) return '请填写整改回访结果';
      if (!s.rectification) return '该办件没有整改任务';
      return {
        next: {
          ...s,
          rectification: { ...s.rectification, status: '待复核', callback: { outcome, at: now, by: actor.staffId } },
        },
        note: `整改回访：${outcome}`,
      };
    },
  },

  复核: {
    refuse(s, actor) {
      if (!s.rectification) return '该办件没有整改任务';
      if (s.rectification.status !== '待复核') return `整改任务当前为「${s.rectification.status}」，不能复核`;
      return actor.isAdmin ? null : '整改复核须由站长/管理员进行';
    },
    apply(s, a, { actor, now, today }) {
      const r = s.rectification;
      if (!r) return '该办件没有整改任务';
      if (typeof a.passed !== 'boolean') return '请选择复核是否通过';
      const note = clean(a.note);
      if (!a.passed && !note) return '复核不通过时，请说明理由';
      const review = { passed: a.passed, at: now, by: actor.staffId, ...(note ? { note } : {}) };
      if (a.passed) {
        return {
          next: { ...s, rectification: { ...r, status: '已完成', review, closedDay: today } },
          note: '整改复核通过，整改完成',
        };
      }
      const { callback: _dropped, ...rest } = r;
      return {
        next: { ...s, rectification: { ...rest, status: '整改中', review, failedReviews: (r.failedReviews ?? 0) + 1 } },
        note: `整改复核不通过：${note}`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '办结' | '回访' | '回访未接通' | '评价' | '整改回访' | '复核'>;
