/** 联席会议 (placeholder shapes until the meetings issue reshapes them with a migration). */
import type { Stamp } from './staff';

export type Meeting = Stamp & {
  id: string;
  /** Monday of the meeting's week. */
  weekOf: string;
  heldOn?: string;
  status: '筹备中' | '已召开';
  minutes?: string;
};

export type AgendaItem = {
  id: string;
  meetingId: string;
  sourceType: 'visit' | 'case';
  sourceId: string;
  category: string;
  decision?: '社区办理' | '上报街道' | '持续关注';
  ownerId?: string;
  dueDay?: string;
  status: '待议' | '已决' | '结转';
};
