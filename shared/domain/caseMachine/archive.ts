/**
 * The end of a case's life and its ways back: 归档 (yearly archive number; read-only after),
 * 重新办理 (of a finished or refused case; of an archived one by an admin only, with a reason;
 * the time limit restarts), and 不予受理 (with the reason and where the resident should go).
 */
import { ARCHIVE_MESSAGES, isValidArchiveNumber } from '../caseNumbers';
import { clean, newDeadline, statusIs, withoutKeys } from './state';
import type { CaseRuleTable } from './types';

export const archiveRules = {
  归档: {
    refuse(s) {
      const bad = statusIs(s, ['已办结', '不予受理'], '归档');
      if (bad) return bad;
      if (s.callback?.status === '待回访') return '回访尚未完成，不能归档';
      if (s.rectification && s.rectification.status !== '已完成') return '整改尚未完成，不能归档';
      return null;
    },
    apply(s, a, { today }) {
      const no = clean(a.archiveNumber);
      if (!isValidArchiveNumber(no)) return ARCHIVE_MESSAGES.format;
      return { next: { ...s, status: '已归档', archiveNumber: no, archivedDay: today }, note: `归档号 ${no}` };
    },
  },

  重新办理: {
    // Archived cases: the admin check is the machine's read-only rule (index.ts).
    refuse: (s) => statusIs(s, ['已办结', '不予受理', '已归档'], '重新办理'),
    apply(s, a, { today, calendar }) {
      const reason = clean(a.reason);
      if (!reason) return '请填写重新办理的理由';
      const wasArchived = s.status === '已归档';
      const next = withoutKeys(s, [
        'result',
        'notifiedBy',
        'completedDay',
        'archiveNumber',
        'archivedDay',
        'refusalReason',
        'redirectTo',
        'refusedDay',
        'pause',
        'transfer',
        'deadline',
      ]);
      Object.assign(next, { status: '办理中', reopenCount: (s.reopenCount ?? 0) + 1 }, newDeadline(s, today, calendar));
      const prefix = wasArchived ? `管理员撤销归档（原归档号 ${s.archiveNumber ?? '无'}），` : '';
      return { next, note: `${prefix}重新办理：${reason}` };
    },
  },

  不予受理: {
    refuse: (s) => statusIs(s, ['已受理', '待补正', '办理中'], '不予受理'),
    apply(s, a, { today }) {
      const reason = clean(a.reason);
      const redirectTo = clean(a.redirectTo);
      if (!reason) return '请填写不予受理的理由';
      if (!redirectTo) return '请告知居民应到何处办理';
      return {
        next: withoutKeys({ ...s, status: '不予受理', refusalReason: reason, redirectTo, refusedDay: today }, [
          'pause',
        ]),
        note: `不予受理：${reason}；告知路径：${redirectTo}`,
      };
    },
  },
} satisfies Pick<CaseRuleTable, '归档' | '重新办理' | '不予受理'>;
