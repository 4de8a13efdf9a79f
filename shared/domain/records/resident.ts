/** 居民: residents and their tags. */
import type { Stamp } from './staff';

export type ResidentTag = string;
export const DEFAULT_RESIDENT_TAGS: readonly ResidentTag[] = [
  '独居老人',
  '高龄',
  '残疾人',
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
  /** Search keys (pinyin, initials, phone and ID tails) for the multiEntry index. */
  searchKeys: string[];
};
