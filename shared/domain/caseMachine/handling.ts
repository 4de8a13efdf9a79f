/**
 * Handling and the 补正 pause: 开始办理; 要求补正 (→ 待补正, the clock stops); 补正材料 (when
 * every missing document is in, the case resumes and its deadline moves by the working days
 * paused); 会议交办 (the joint meeting names the owner and the due day).
 */
import type { WorkingCalendar } from '../workingCalendar';
import { isValidLocalDate } from '../localDate';
import { clean, mergeYears, statusIs, withoutKeys } from './state';
import type { CaseRuleTable } from './types';

/**
 * The deadline after a pause from `pausedFrom` to `resumeDay`: the old deadline moved by the
 * working days in (pausedFrom, resumeDay]; without a deadline, `timeLimitDays` working days
 * after the resume day (none when the limit is 0).
 */
export function deadlineAfterPause(
  deadline: string | undefined,
  pausedFrom: string,
  resumeDay: string,
  timeLimitDays: number,
  calendar: WorkingCalendar,
): { deadline?: string; uncoveredYears: number[]; pausedWorkingDays: number } {
  const paused = Math.max(0, calendar.workingDaysBetween(pausedFrom, resumeDay));
  if (deadline !== undefined) {
    const r = calendar.addWorkingDays(deadline, paused);
    return { deadline: r.date, uncoveredYears: r.uncoveredYears, pausedWorkingDays: paused };
  }
  if (timeLimitDays > 0) {
    const r = calendar.addWorkingDays(resumeDay, timeLimitDays);
    return { deadline: r.date, uncoveredYears: r.uncoveredYears, pausedWorkingDays: paused };
  }
  return { uncoveredYears: [], pausedWorkingDays: paused };
}

const names = (v: unknown): string[] => [...new Set((Array.isArray(v) ? v : []).map(clean).filter(Boolean))];

export const handlingRules = {
  开始办理: {
    refuse: (s) => statusIs(s, ['已受理'], '开始办理'),
    apply: (s) => ({ next: { ...s, status: '办理中' } }),
  },

  要求补正: {
    refuse: (s) => statusIs(s, ['已受理', '办理中'], '要求补正'),
    apply(s, a, { today }) {
      const missing = names(a.missing);
      if (missing.length === 0) return '请列出需要补正的材料';
      const resumeTo = s.status === '办理中' ? '办理中' : '已受理';
      return {
        next: {
          ...s,
          status: '待补正',
          documentsMissing: [...new Set([...s.documentsMissing, ...missing])],
          documentsReceived: s.documentsReceived.filter((d) => !missing.includes(d)),
          pause: { from: today, resumeTo },
        },
        note: `需补正：${missing.join('、')}`,
      };
    },
  },

  补正材料: {
    refuse: (s) => statusIs(s, ['待补正'], '登记补正材料'),
    apply(s, a, { today, calendar }) {
      const received = names(a.received);
      if (received.length === 0) return '请勾选收到的材料';
      const unknown = received.filter((d) => !s.documentsMissing.includes(d));
      if (unknown.length > 0) return `以下材料不在缺件清单中：${unknown.join('、')}`;
      const stillMissing = s.documentsMissing.filter((d) => !received.includes(d));
      const docs = {
        documentsMissing: stillMissing,
        documentsReceived: [...s.documentsReceived, ...received.filter((d) => !s.documentsReceived.includes(d))],
      };
      if (stillMissing.length > 0) {
        return { next: { ...s, ...docs }, note: `收到：${received.join('、')}；仍缺：${stillMissing.join('、')}` };
      }
      const from = s.pause?.from ?? s.acceptedDay;
      const resumeTo = s.pause?.resumeTo ?? '已受理';
      const r = deadlineAfterPause(s.deadline, from, today, s.timeLimitDays, calendar);
      const next = withoutKeys({ ...s, ...docs, status: resumeTo }, ['pause']);
      if (r.deadline !== undefined) {
        next.deadline = r.deadline;
        next.deadlineUncoveredYears = mergeYears(s.deadlineUncoveredYears, r.uncoveredYears);
      }
      next.pausedWorkingDays = (s.pausedWorkingDays ?? 0) + r.pausedWorkingDays;
      const moved =
        s.deadline !== undefined ? `，暂停 ${r.pausedWorkingDays} 个工作日，办结期限顺延至 ${r.deadline}` : '';
      const set = s.deadline === undefined && r.deadline !== undefined ? `，承诺办结日期 ${r.deadline}` : '';
      return { next, note: `材料已补齐，恢复计时${moved}${set}` };
    },
  },

  会议交办: {
    refuse: (s) => statusIs(s, ['已受理', '办理中'], '由联席会议交办'),
    apply(s, a, { today }) {
      if (!a.ownerId) return '请选择责任人';
      if (!isValidLocalDate(a.dueDay) || a.dueDay < today) return '请给出不早于今天的办结日期';
      return {
        next: { ...s, status: '办理中', handlerId: a.ownerId, deadline: a.dueDay },
        note: `联席会议交办，${a.dueDay} 前办结`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '开始办理' | '要求补正' | '补正材料' | '会议交办'>;
