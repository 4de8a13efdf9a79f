/**
 * Whether a loaded generated desk is one the app could have written: every resident passes
 * the app's validator unchanged, every case's state survives the machine's round trip, its
 * derived fields equal what the write path computes, numbers are well-formed and unique, each
 * timeline is numbered 1, 2, 3 …, and every case status appears. Returns the problems found
 * (empty when none), each naming the record by id only.
 */
import { withIndexes } from '@shared/domain/caseIndex';
import { caseStateFromRecord, recordWithState } from '@shared/domain/caseMachine';
import { isValidArchiveNumber } from '@shared/domain/caseNumbers';
import { visitWordsOf } from '@shared/domain/caseSearch';
import type { CaseStatus } from '@shared/domain/records';
import { validateResidentInput } from '@shared/domain/resident';
import { parseTrackingNumber } from '@shared/domain/trackingNumber';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import { GRID_IDS, TODAY } from './generate';

const ALL_STATUSES: readonly CaseStatus[] = [
  '已受理',
  '待补正',
  '办理中',
  '待签收',
  '已上报街道',
  '已办结',
  '已归档',
  '不予受理',
];

/** JSON with object keys sorted, so field order does not count. */
function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : x,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

export async function checkLoadedDesk(db: DutyDeskDB, o: { everyStatus?: boolean } = {}): Promise<string[]> {
  const problems: string[] = [];
  for (const r of await db.residents.toArray()) {
    const input = {
      name: r.name,
      idNumber: r.idNumber ?? '',
      phone: r.phone ?? '',
      building: r.building ?? '',
      unit: r.unit ?? '',
      room: r.room ?? '',
      gridId: r.gridId ?? '',
      tags: r.tags,
      gender: r.gender,
    };
    const v = validateResidentInput(input, TODAY, { gridIds: GRID_IDS });
    if (!v.ok) problems.push(`resident ${r.id}: ${Object.keys(v.errors).join(',')}`);
    else if (v.value.idNumber !== r.idNumber || v.value.birthDate !== r.birthDate || v.value.gender !== r.gender)
      problems.push(`resident ${r.id}: stored fields differ from the validator's`);
    if (r.searchKeys.length === 0) problems.push(`resident ${r.id}: no search keys`);
  }
  const cases = await db.cases.toArray();
  const statuses = new Set(cases.map((c) => c.status));
  if (o.everyStatus !== false)
    for (const s of ALL_STATUSES) if (!statuses.has(s)) problems.push(`no case in status ${s}`);
  const archiveNumbers = new Set<string>();
  for (const c of cases) {
    if (!same(withIndexes(c), c)) problems.push(`case ${c.id}: derived fields differ from the write path's`);
    if (!same(recordWithState(c, caseStateFromRecord(c)), c)) problems.push(`case ${c.id}: state does not round-trip`);
    if (!parseTrackingNumber(c.trackingNumber).ok) problems.push(`case ${c.id}: bad tracking number`);
    if (c.status === '已归档') {
      if (!c.archiveNumber || !isValidArchiveNumber(c.archiveNumber)) problems.push(`case ${c.id}: bad archive number`);
      else if (archiveNumbers.has(c.archiveNumber)) problems.push(`case ${c.id}: archive number repeated`);
      else archiveNumbers.add(c.archiveNumber);
    }
  }
  const events = await db.caseEvents.toArray();
  const byCase = new Map<string, number[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), e.n ?? 0]);
  for (const c of cases) {
    const ns = (byCase.get(c.id) ?? []).sort((a, b) => a - b);
    if (ns.length === 0 || ns.some((n, i) => n !== i + 1)) problems.push(`case ${c.id}: timeline not numbered 1…n`);
  }
  for (const v of await db.visits.toArray())
    if (!same(v.words ?? [], visitWordsOf(v))) problems.push(`visit ${v.id}: words differ from the write path's`);
  return problems;
}
