/** The community the desk serves: its grids, opening hours and class. */
import type { Stamp } from './staff';

export type Grid = { id: string; name: string };

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
  /** 人员标签 an admin added beyond DEFAULT_RESIDENT_TAGS. */
  residentTags?: string[];
};
