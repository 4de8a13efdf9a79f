/** How a field of a resident reads on the merge screen (ID number and phone masked, as everywhere). */
import type { CommunityProfile, Resident } from '@shared/domain/records';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import type { MergeField } from '@shared/domain/residentMerge';

export const EMPTY = '（空）';

export function fieldText(field: MergeField, r: Resident, grids: CommunityProfile['grids']): string {
  switch (field) {
    case 'idNumber':
      return r.idNumber ? maskIdNumber(r.idNumber) : EMPTY;
    case 'phone':
      return r.phone ? maskPhone(r.phone) : EMPTY;
    case 'gridId':
      return grids.find((g) => g.id === r.gridId)?.name ?? EMPTY;
    case 'tags':
      return r.tags.length > 0 ? r.tags.join('、') : EMPTY;
    case 'care':
      return r.care
        ? [r.care.contactRelation && `联系人（${r.care.contactRelation}）`, ...r.care.needs]
            .filter(Boolean)
            .join('、') || '已登记'
        : EMPTY;
    default:
      return r[field] || EMPTY;
  }
}

/** Whether the two records hold the same value (nothing to choose). */
export function sameValue(field: MergeField, a: Resident, b: Resident): boolean {
  return JSON.stringify(a[field] ?? null) === JSON.stringify(b[field] ?? null);
}
