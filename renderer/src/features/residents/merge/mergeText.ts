/** How a field of a resident reads on the merge screen (the ID number and phone come masked from the data layer). */
import type { CommunityProfile } from '@shared/domain/records';
import type { MergeField } from '@shared/domain/residentMerge';
import type { MergeValues } from '../../../db/repositories/residentMerge';

export const EMPTY = '（空）';

export function fieldText(field: MergeField, r: MergeValues, grids: CommunityProfile['grids']): string {
  switch (field) {
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
