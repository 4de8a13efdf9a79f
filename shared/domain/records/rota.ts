/**
 * 值班表 (issue 26, DB v24): ONE record per day × person (`rotaCellId`), so two desks editing
 * different days — or different people of one day — never touch the same record. `day`,
 * `staffId` and `post` keep their names: the hand-over and 错时服务 read `post === '值班岗'` as
 * "on duty at the center that day". Holiday duty is not stored: it is a 值班岗 cell on a day the
 * working calendar calls a holiday (shared/domain/rota/openDays.ts `isHolidayDuty`), so a
 * calendar corrected later marks it right. 交接班 is records/handover.ts.
 */
import type { Stamp } from './staff';

export const ROTA_POSTS = ['值班岗', '走访岗', '休息', '请假'] as const;
export type RotaPost = (typeof ROTA_POSTS)[number];

export const LEAVE_TYPES = ['年休假', '病假', '事假', '婚假', '产假', '丧假', '调休假', '其他'] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/**
 * 换班 on a cell: the person of this cell and `withStaffId` trade their posts of `day` and
 * `otherDay` (the same day: they trade that day's posts). `requested`: waiting for the 站长
 * (the center's setting); `done`: carried out — the posts already traded, the cell shows with whom;
 * `refused`: the 站长 said no (`reason` for the asker); the posts stay as they were.
 */
export type RotaSwap = {
  withStaffId: string;
  otherDay: string;
  state: 'requested' | 'done' | 'refused';
  requestedBy: string;
  /** Who approved it (absent: the center allows swaps without approval, or still requested). */
  approvedBy?: string;
  /** `refused` only: who refused it and why (the asker reads it; never in the audit detail). */
  refusedBy?: string;
  reason?: string;
};

export type RotaEntry = Stamp & {
  /** `rotaCellId(day, staffId)`. */
  id: string;
  /** 'YYYY-MM-DD'. */
  day: string;
  staffId: string;
  post: RotaPost;
  /** Only with 请假. */
  leaveType?: LeaveType;
  swap?: RotaSwap;
};

/** The one id of a day × person cell. */
export const rotaCellId = (day: string, staffId: string): string => `${day}|${staffId}`;

/** A center's rota rules (on the community profile; defaults in shared/domain/rota/settings.ts). */
export type RotaSettings = {
  /** 值班岗 at least this many on an open day (1–9; default 2). */
  minOnDuty: number;
  /** 换班 waits for the 站长's approval (default true). */
  swapsNeedApproval: boolean;
};
