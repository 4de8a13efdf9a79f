/**
 * 居民状态: a resident who moved away (已迁出) or died (已故) is kept — their cases, visits and
 * documents stay their history — but leaves the default search (db/derived.ts prefixes their
 * search keys with INACTIVE_KEY_PREFIX, so the ordinary prefix read of the index never meets
 * them). Deleting a resident is a separate, admin-only act with a reason (db/repositories/residents.ts).
 *
 * Pure rules only: what is still "open" for a resident, what a marking or a deletion must say.
 */
import { compareLocalDates, isValidLocalDate } from './localDate';
import { maskName } from './masking';
import { OPEN_CASE_STATUSES, type CaseRecord, type CustodyItem, type ProxyTask, type Resident } from './records';

export type ResidentStatus = NonNullable<Resident['status']>;
export const RESIDENT_STATUSES: readonly ResidentStatus[] = ['在册', '已迁出', '已故'];
export type InactiveStatus = Exclude<ResidentStatus, '在册'>;
export const INACTIVE_STATUSES: readonly InactiveStatus[] = ['已迁出', '已故'];

/** A resident's status (absent on every record written before statuses existed: 在册). */
export function residentStatusOf(r: Pick<Resident, 'status'>): ResidentStatus {
  return r.status ?? '在册';
}

export function isInactiveResident(r: Pick<Resident, 'status'>): boolean {
  return residentStatusOf(r) !== '在册';
}

/**
 * The first character of every search key of an 已迁出 / 已故 resident. A typed query never
 * starts with it (`searchResidents` strips it), so the default search reads only 在册 keys, and
 * 包括已迁出、已故 reads the prefixed range as a second index range.
 */
export const INACTIVE_KEY_PREFIX = '~';

/** What stands in for a deleted resident: the id left on records whose resident is required. */
export const DELETED_RESIDENT_ID = 'deleted-resident';
/** The name shown where a deleted resident's records remain (cases, visits, documents). */
export const DELETED_RESIDENT_NAME = '已删除居民';

/**
 * A record's resident was deleted: the record names one (`residentId` set — DELETED_RESIDENT_ID
 * after 删除居民, or any id whose row is gone) but no resident is on file for it.
 */
export function isDeletedResident(residentId: string | null | undefined, resident: unknown): boolean {
  return !resident && !!residentId;
}

/**
 * THE one rule for what stands where a record's resident is shown (registers, queues, the
 * agenda, receipts, exports): the resident on file → `shown(resident)` (the name, masked or with
 * the ID as the place wants); a resident named but gone → 已删除居民; no resident at all (a 诉求
 * about a street lamp) → `none`, whatever the place shows for that ('—' unless told).
 */
export function residentLabel<R>(
  residentId: string | null | undefined,
  resident: R | null | undefined,
  shown: (r: R) => string,
  none = '—',
): string {
  if (resident) return shown(resident);
  return residentId ? DELETED_RESIDENT_NAME : none;
}

/** A resident a record names, as a list shows them: on file (a link), or 已删除居民. */
export type NamedResident = { id: string; name: string; onFile: boolean };

/** The residents of `ids` (a problem's reporters …), once each, by `residentLabel`'s rule. */
export function namedResidents(
  ids: readonly string[] | undefined,
  onFile: ReadonlyMap<string, Pick<Resident, 'name'>>,
): NamedResident[] {
  return [...new Set(ids ?? [])].map((id) => {
    const r = onFile.get(id);
    return { id, name: residentLabel(id, r, (x) => x.name), onFile: r !== undefined };
  });
}

/** A name masked for a list or paper (张*三) — except 已删除居民, which is no one's name. */
export function maskResidentName(name: string | null | undefined): string {
  return name === DELETED_RESIDENT_NAME ? name : maskName(name);
}

/** A case still running for the resident: open, or 办结 with its 回访 / 整改 still to do. */
export function caseStillOpen(c: Pick<CaseRecord, 'status' | 'callback' | 'rectification'>): boolean {
  if (OPEN_CASE_STATUSES.includes(c.status)) return true;
  if (c.status !== '已办结') return false;
  return c.callback?.status === '待回访' || (c.rectification !== undefined && c.rectification.status !== '已完成');
}

export function proxyStillOpen(t: Pick<ProxyTask, 'status'>): boolean {
  return t.status !== '已送达' && t.status !== '已取消';
}

export function documentStillOut(i: Pick<CustodyItem, 'status'>): boolean {
  return i.status === '在外';
}

/** What is still open for a resident: the tracking numbers and documents a clerk must see first. */
export type OpenItems = {
  cases: { id: string; trackingNumber: string; matterName: string; status: string }[];
  documents: { id: string; document: string; caseId: string }[];
  requests: { id: string; request: string; status: string }[];
};

export function openItemsOf(cases: CaseRecord[], items: CustodyItem[], tasks: ProxyTask[]): OpenItems {
  return {
    cases: cases
      .filter(caseStillOpen)
      .map((c) => ({ id: c.id, trackingNumber: c.trackingNumber, matterName: c.matterName, status: c.status })),
    documents: items.filter(documentStillOut).map((i) => ({ id: i.id, document: i.document, caseId: i.caseId })),
    requests: tasks.filter(proxyStillOpen).map((t) => ({ id: t.id, request: t.request, status: t.status })),
  };
}

export function openCount(o: OpenItems): number {
  return o.cases.length + o.documents.length + o.requests.length;
}

/** "2 件在办、1 份材料在外" — for warnings and refusals (no personal data). */
export function openSummary(o: OpenItems): string {
  const parts = [
    o.cases.length > 0 ? `${o.cases.length} 件办件未办完` : '',
    o.documents.length > 0 ? `${o.documents.length} 份材料在外` : '',
    o.requests.length > 0 ? `${o.requests.length} 项帮代办未完成` : '',
  ].filter(Boolean);
  return parts.join('、');
}

export type StatusInput = { status: ResidentStatus; day: string; note: string };
export type Refusal = { reason: string; field: string };

export const NOTE_MAX = 200;

/** The marking's own rules (permissions are the repository's): a status change, a real past day, a note. */
export function statusInputRefusal(
  input: StatusInput,
  current: Pick<Resident, 'status' | 'birthDate'>,
  today: string,
): Refusal | null {
  if (!RESIDENT_STATUSES.includes(input.status)) return { reason: '请选择居民状态', field: 'status' };
  if (input.status === residentStatusOf(current)) return { reason: `该居民已是“${input.status}”`, field: 'status' };
  if (input.status !== '在册') {
    if (!isValidLocalDate(input.day)) return { reason: '请填写正确的日期，如 2026-11-24', field: 'day' };
    if (compareLocalDates(input.day, today) > 0) return { reason: '日期不能晚于今天', field: 'day' };
    if (current.birthDate && compareLocalDates(input.day, current.birthDate) < 0)
      return { reason: '日期不能早于出生日期', field: 'day' };
  }
  const note = input.note.trim();
  if (note.length < 2)
    return {
      reason: input.status === '在册' ? '请说明恢复在册的原因' : '请填写说明（如迁往何处、由谁告知）',
      field: 'note',
    };
  if (note.length > NOTE_MAX) return { reason: `说明不超过 ${NOTE_MAX} 字`, field: 'note' };
  return null;
}

export const DELETE_REASON_MIN = 4;

export function deleteReasonRefusal(reason: string): Refusal | null {
  const r = reason.trim();
  if (r.length < DELETE_REASON_MIN)
    return { reason: `请填写删除原因（至少 ${DELETE_REASON_MIN} 个字）`, field: 'reason' };
  if (r.length > NOTE_MAX) return { reason: `删除原因不超过 ${NOTE_MAX} 字`, field: 'reason' };
  return null;
}

/** What a deletion touches, counted before it is done (the preview) and checked again inside it. */
export type DeletionPreview = {
  visits: number;
  cases: number;
  custodyItems: number;
  proxyRequests: number;
  problems: number;
  open: OpenItems;
};
