/** 居民: residents and their tags. */
import type { Stamp } from './staff';

export type ResidentTag = string;
export const DEFAULT_RESIDENT_TAGS: readonly ResidentTag[] = [
  '独居老人',
  '高龄',
  '残疾人',
  '重病',
  '困难家庭',
  '优抚对象',
  '党员',
];

export type Resident = Stamp & {
  id: string;
  name: string;
  gender?: '男' | '女';
  idNumber?: string;
  birthDate?: string;
  phone?: string;
  building?: string;
  unit?: string;
  room?: string;
  gridId?: string;
  tags: ResidentTag[];
  /** 重点服务对象: who to call, what help they need, when to reach them (帮代办 register). */
  care?: CareProfile;
  /** 已迁出 / 已故 (absent = 在册): kept with their history, left out of the default search. */
  status?: '在册' | '已迁出' | '已故';
  /** The day they moved away or died (as told), with the clerk's note. */
  statusDay?: string;
  statusNote?: string;
  /** Search keys (pinyin, initials, phone and ID tails) for the multiEntry index. */
  searchKeys: string[];
  /** 超期未走访's index (DB v32, derived): `<网格>␟<tag>␟<id>` per tag while on file (shared/domain/homeVisits/unvisited.ts). */
  careKeys?: string[];
  /**
   * A tombstone (DB v11): the resident was deleted, taken back with an import, or merged into
   * another record. The row stays (a deletion must travel to the other desks like any edit) but
   * carries no personal data and no index value but its id, `updatedAt` and `deleted.at`;
   * every read skips it (shared/domain/residentTombstone.ts).
   */
  deleted?: ResidentTombstone;
};

/** Who removed the record, when, why; for a merge, the record it now lives on. */
export type ResidentTombstone = {
  /** Epoch ms (the transaction's instant) and its local day. */
  at: number;
  day: string;
  by: string;
  /** 删除 (with the admin's reason, numbers and names masked), 撤销导入, 合并. */
  reason: string;
  /** 合并居民档案: the kept record; reads and later writes for this id follow it. */
  mergedInto?: string;
};

/**
 * What the same-day undo of a merge puts back (DB v15): DESK-LOCAL (db/dataScope.ts), kept only at
 * the desk that merged and only for the day (swept by the next merge, undo or deletion after it),
 * so the two full records never travel with the center's data. Dropped by the undo, and when
 * either person is deleted.
 */
export type MergeUndo = {
  /** The merged-away record's id (the key) and the kept one's. */
  mergedId: string;
  keptId: string;
  /** The merge's instant and local day (as on the tombstone). */
  at: number;
  day: string;
  /** The two records as they were before the merge. */
  merged: Resident;
  kept: Resident;
  /** The ids of the records moved with it. */
  moved: MovedRecords;
  /** Per moved problem, the indexes of its sources that named the merged record (only those go back). */
  problemSources: Record<string, number[]>;
};

export type MovedRecords = {
  visits: string[];
  cases: string[];
  proxyTasks: string[];
  custodyItems: string[];
  problems: string[];
};

export type CareNeed = '行动不便' | '听力障碍' | '视力障碍' | '只讲方言' | '不会用智能手机';
export const CARE_NEEDS: readonly CareNeed[] = ['行动不便', '听力障碍', '视力障碍', '只讲方言', '不会用智能手机'];

/** A special household's care details: the contact person (family, neighbour), needs, preferred time. */
export type CareProfile = {
  contactName?: string;
  contactRelation?: string;
  contactPhone?: string;
  needs: CareNeed[];
  dialect?: string;
  preferredTime?: string;
  note?: string;
};
