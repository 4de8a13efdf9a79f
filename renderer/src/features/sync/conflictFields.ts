/**
 * 数据冲突, field by field (issue 24 item 6): a record edited on two desks → the fields whose
 * values differ, each with the winner's value and every loser's ("窗口 2 · 3 分钟前改为 …"),
 * ID numbers and phones masked unless revealed; and the record a 站长's choices make (keep one
 * side per field) for resolveRecordConflict. Pure: `now` comes in.
 */
import { TABLE_NAMES } from '../../db/tableNames';
import { MERGE_FIELDS } from '@shared/domain/residentMerge';
import { maskIdNumber, maskNumbersInText, maskPhone } from '@shared/domain/masking';
import type { RecordConflict } from '../../sync/contract';
import { clockTime } from './statusText';

/** Bookkeeping and derived fields: never a person's choice. */
const NOT_CHOSEN = new Set(['id', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy', 'searchKeys', 'words']);

const LABELS: Record<string, string> = {
  ...Object.fromEntries(MERGE_FIELDS.map(([f, l]) => [f, l])),
  status: '状态',
  statusDay: '状态日期',
  statusNote: '状态说明',
  role: '角色',
  active: '启用',
  title: '标题',
  note: '备注',
  description: '说明',
};

/** The table names a person reads: the one map (db/tableNames.ts). */
export const TABLE_LABELS: Record<string, string> = TABLE_NAMES;

/** One side of a conflict: 0 = the winner, 1… = the losers in their order. */
export type SideIndex = number;

export type ConflictSide = RecordConflict['winner'];

export type FieldRow = {
  field: string;
  label: string;
  /** Each side's value as shown (masked unless revealed), in side order (winner first). */
  values: string[];
};

/** The winner then the losers. */
export function conflictSides(c: RecordConflict): ConflictSide[] {
  return [c.winner, ...c.losers];
}

const EMPTY = '（空）';

function plainText(value: unknown): string {
  if (value === undefined || value === null || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length === 0 ? EMPTY : value.map(plainText).join('、');
  if (typeof value === 'object') return JSON.stringify(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value);
}

/** A value as shown: ID numbers and phones masked (by field, and anywhere in nested text) unless revealed. */
export function shownValue(field: string, value: unknown, revealed: boolean): string {
  const text = plainText(value);
  if (revealed || text === EMPTY) return text;
  if (field === 'idNumber') return maskIdNumber(text);
  if (/phone$/i.test(field)) return maskPhone(text);
  return maskNumbersInText(text);
}

/** The fields whose values differ between the sides (bookkeeping left out), in a stable order. */
export function conflictFields(c: RecordConflict, revealed: boolean): FieldRow[] {
  const sides = conflictSides(c);
  const fields = [...new Set(sides.flatMap((s) => Object.keys(s.record)))].filter((f) => !NOT_CHOSEN.has(f));
  const order = (f: string) => {
    const i = MERGE_FIELDS.findIndex(([m]) => m === f);
    return i < 0 ? MERGE_FIELDS.length : i;
  };
  return fields
    .filter((f) => new Set(sides.map((s) => JSON.stringify(s.record[f] ?? null))).size > 1)
    .sort((a, b) => order(a) - order(b) || (a < b ? -1 : 1))
    .map((f) => ({ field: f, label: LABELS[f] ?? f, values: sides.map((s) => shownValue(f, s.record[f], revealed)) }));
}

/** "3 分钟前", "刚才", "2 小时前", or the day and time for older edits. */
export function agoText(at: number | undefined, now: number): string {
  if (at === undefined) return '时间不详';
  const minutes = Math.floor((now - at) / 60_000);
  if (minutes < 1) return '刚才';
  if (minutes < 60) return `${minutes} 分钟前`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} 小时前`;
  const d = new Date(at);
  return `${d.getMonth() + 1}月${d.getDate()}日 ${clockTime(at)}`;
}

/** Who wrote a side and when: "本窗口 · 刚才", "窗口 2 · 3 分钟前". */
export function sideLabel(side: ConflictSide, ownDesk: number, now: number): string {
  const who = side.desk === ownDesk ? '本窗口' : `窗口 ${side.desk}`;
  return `${who} · ${agoText(side.at, now)}`;
}

/**
 * The record the choices make: the winner's record, with each chosen field taken from the
 * side chosen (a side without the value leaves the field out). Fields not chosen keep the winner's.
 */
export function combinedRecord(c: RecordConflict, choices: Record<string, SideIndex>): Record<string, unknown> {
  const sides = conflictSides(c);
  const next: Record<string, unknown> = { ...c.winner.record };
  for (const [field, side] of Object.entries(choices)) {
    if (NOT_CHOSEN.has(field) || side === 0) continue;
    const from = sides[side];
    if (!from) throw new Error(`no side ${side}`);
    if (from.record[field] === undefined) delete next[field];
    else next[field] = from.record[field];
  }
  return next;
}
