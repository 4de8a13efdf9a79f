/** The community the desk serves: its grids, opening hours and class. */
import type { RotaSettings } from './rota';
import type { Stamp } from './staff';

export type Grid = {
  id: string;
  name: string;
  /** 网格户数: the households in the zone, set by the 站长 (走访记录's zone figures; absent = not set). */
  households?: number;
};

export type OpeningHours = {
  weekday: { start: string; end: string };
  weekend: { start: string; end: string };
};

export type CommunityClass = '一类社区' | '二类社区' | '三类社区';

export type CommunityProfile = Stamp & {
  name: string;
  /** Upper-case code used in tracking numbers, e.g. YLQ. */
  code: string;
  population: number;
  communityClass: CommunityClass;
  grids: Grid[];
  openingHours: OpeningHours;
  /** Public phone of the center, printed on receipts. */
  phone: string;
  /** 所属街道 (the street office the community reports to), named in the report exports. */
  street?: string;
  /** Days a resident's document may stay out before the 工作台 flags it (default 7). */
  custodyAlertDays?: number;
  /** 帮代办 rules of this center (defaults in shared/domain/proxy: two staff, 2 working days). */
  proxy?: ProxySettings;
  /** 自动锁屏: idle minutes before the desk locks (1–60; default 5, shared/domain/idleLock). */
  autoLockMinutes?: number;
  /** 值班表 rules: the minimum on 值班岗, whether 换班 needs approval (shared/domain/rota/settings.ts). */
  rota?: RotaSettings;
  /** 走访记录: a 重点服务对象 not visited for more than this many days is listed (default 30). */
  unvisitedDays?: number;
  /** 人员标签 an admin added beyond DEFAULT_RESIDENT_TAGS. */
  residentTags?: string[];
};

/** 帮代办 settings: whether a home visit needs two staff, the routine target, the 委托书's promises, the register's tags. */
export type ProxySettings = {
  twoStaff: boolean;
  targetWorkingDays: number;
  promises: string[];
  /** The resident tags that put a resident on the 重点服务对象 register. */
  registerTags: string[];
};
