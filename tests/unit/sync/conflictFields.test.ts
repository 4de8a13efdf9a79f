import { describe, expect, it } from 'vitest';
import type { RecordConflict } from '../../../renderer/src/sync/contract';
import { agoText, combinedRecord, conflictFields, sideLabel } from '../../../renderer/src/features/sync/conflictFields';

const NOW = new Date(2026, 11, 3, 10, 0).getTime();
const base = {
  id: 'r1',
  name: '王秀英',
  idNumber: '430104195001011234',
  tags: ['独居老人'],
  updatedAt: 1,
  updatedBy: 's1',
};
const conflict: RecordConflict = {
  id: 'residents:r1',
  table: 'residents',
  key: 'r1',
  winner: {
    rev: '3-b',
    desk: 1,
    at: NOW - 60_000,
    record: { ...base, phone: '13812345678', building: '3栋', updatedAt: 5 },
  },
  losers: [{ rev: '2-a', desk: 2, at: NOW - 3 * 60_000, record: { ...base, phone: '13998765432', updatedAt: 4 } }],
  seenAt: NOW,
};

describe('数据冲突 field by field', () => {
  it('lists only the fields that differ (stamps left out), phones masked', () => {
    expect(conflictFields(conflict, false)).toEqual([
      { field: 'phone', label: '联系电话', values: ['138****5678', '139****5432'] },
      { field: 'building', label: '楼栋', values: ['3栋', '（空）'] },
    ]);
  });

  it('shows full values only when revealed', () => {
    expect(conflictFields(conflict, true)[0]!.values).toEqual(['13812345678', '13998765432']);
  });

  it('masks ID numbers and numbers inside nested values', () => {
    const c: RecordConflict = {
      ...conflict,
      losers: [
        {
          ...conflict.losers[0]!,
          record: {
            ...conflict.winner.record,
            idNumber: '430104195001019999',
            care: { needs: [], contactPhone: '13700001111' },
          },
        },
      ],
    };
    const rows = conflictFields(c, false);
    expect(rows.find((r) => r.field === 'idNumber')!.values).toEqual(['4301**********1234', '4301**********9999']);
    expect(rows.find((r) => r.field === 'care')!.values[1]).not.toContain('13700001111');
  });

  it('names who changed it and when', () => {
    expect(sideLabel(conflict.losers[0]!, 1, NOW)).toBe('窗口 2 · 3 分钟前');
    expect(sideLabel(conflict.winner, 1, NOW)).toBe('本窗口 · 1 分钟前');
    expect(agoText(NOW - 10_000, NOW)).toBe('刚才');
    expect(agoText(NOW - 3 * 3600_000, NOW)).toBe('3 小时前');
  });

  it('combines per field: the chosen side’s value, or the field left out when that side has none', () => {
    const r = combinedRecord(conflict, { phone: 1, building: 1 });
    expect(r.phone).toBe('13998765432');
    expect('building' in r).toBe(false);
    expect(r.updatedAt).toBe(5);
    expect(combinedRecord(conflict, {})).toEqual(conflict.winner.record);
  });
});
