/**
 * The joint meeting's guests (officials and residents' representatives who are not app users):
 * unit, name and role, kept for next time (meta `meetingGuests`) and added or edited from the
 * meeting itself or from 设置 → 联席会议 — one list. Rows kept before unit and id existed read
 * with their name as id and no unit.
 */
import { charCount } from '../textLength';
import type { Attendee, MeetingGuest } from '../records';
import type { FieldRefusal } from './problems';

/** Roles offered while typing (any other may be typed). */
export const GUEST_ROLES = ['网格长', '居民代表', '楼栋长', '物业经理', '社区民警', '驻区单位'];

/** A kept row as stored (older rows lack `id` and `unit`). */
export type StoredGuest = { id?: string; unit?: string; name: string; role: string };

export const guestOf = (g: StoredGuest): MeetingGuest => ({
  id: g.id ?? g.name,
  unit: g.unit ?? '',
  name: g.name,
  role: g.role,
});

export const guestKey = (g: Pick<MeetingGuest, 'id'>): string => `guest:${g.id}`;

export const attendeeOfGuest = (g: MeetingGuest, present = false): Attendee => ({
  key: guestKey(g),
  name: g.name,
  role: g.role,
  ...(g.unit ? { unit: g.unit } : {}),
  present,
});

/** '桃花岭派出所 孙警官（社区民警）' — as typed: officials are named in their role. */
export const attendeeText = (a: Pick<Attendee, 'unit' | 'name' | 'role'>): string =>
  `${a.unit ? `${a.unit} ` : ''}${a.name}（${a.role || '—'}）`;

/** A guest as typed, trimmed; or the field message. */
export function checkGuest(g: Omit<StoredGuest, 'id'>): { guest: Omit<MeetingGuest, 'id'> } | FieldRefusal {
  const guest = { unit: (g.unit ?? '').trim(), name: g.name.trim(), role: g.role.trim() };
  if (!guest.name) return { reason: '请填写姓名', field: 'name' };
  if (charCount(guest.name) > 20) return { reason: '姓名不超过 20 个字', field: 'name' };
  if (charCount(guest.unit) > 30) return { reason: '单位不超过 30 个字', field: 'unit' };
  if (!guest.role) return { reason: '请填写身份，如：网格长、社区民警', field: 'role' };
  if (charCount(guest.role) > 20) return { reason: '身份不超过 20 个字', field: 'role' };
  return { guest };
}

/** The same person twice on the list: same unit and name. */
export const sameGuest = (a: Omit<MeetingGuest, 'id'>, b: Omit<MeetingGuest, 'id'>): boolean =>
  a.unit === b.unit && a.name === b.name;
