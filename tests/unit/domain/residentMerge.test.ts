/**
 * 合并居民档案's pure rules (shared/domain/residentMerge.ts) and the tombstone pointer walk
 * (shared/domain/residentTombstone.ts).
 */
import { describe, expect, it } from 'vitest';
import type { Resident } from '@shared/domain/records';
import { mergedResident, mergeRefusal, sameIdNumberPairs, undoMergeRefusal } from '@shared/domain/residentMerge';
import { followMerges, tombstoneRow } from '@shared/domain/residentTombstone';

const stamp = { createdAt: 1, createdBy: 's', updatedAt: 1, updatedBy: 's' };
const person = (id: string, patch: Partial<Resident> = {}): Resident => ({
  id,
  name: '张三',
  tags: [],
  searchKeys: [],
  ...stamp,
  ...patch,
});
const gone = (id: string, mergedInto?: string): Resident => ({
  ...tombstoneRow(id, { at: 5, day: '2026-11-24', by: 's', reason: '合并居民档案', mergedInto }),
  ...stamp,
});

describe('the same person', () => {
  it('pairs live residents with the same ID number, every pair of a group of three, older first', () => {
    const residents = [
      person('a', { idNumber: '1', createdAt: 3 }),
      person('b', { idNumber: '1', createdAt: 1 }),
      person('c', { idNumber: '1', createdAt: 2 }),
      person('d', { idNumber: '2' }),
      person('e'),
      person('f'),
      { ...person('g', { idNumber: '2' }), deleted: gone('g').deleted },
    ];
    expect(sameIdNumberPairs(residents).map(([x, y]) => x.id + y.id)).toEqual(['bc', 'ba', 'ca']);
  });
});

describe('merged values', () => {
  it('takes each chosen field from the merged record (absent there: cleared), the rest from the kept one', () => {
    const kept = person('k', { phone: '1', building: '3栋', status: '已迁出' });
    const other = person('o', { name: '张叁', phone: '2', care: { needs: ['行动不便'] } });
    expect(mergedResident(kept, other, { phone: 'merged', building: 'merged', care: 'merged', name: 'kept' })).toEqual({
      ...kept,
      phone: '2',
      building: undefined,
      care: { needs: ['行动不便'] },
    } satisfies Resident as unknown as Resident);
  });
  it('refuses different ID numbers, one record twice, and tombstones', () => {
    expect(mergeRefusal(person('a', { idNumber: '1' }), person('b', { idNumber: '2' }))).toBe(
      '两份档案的身份证号不同，不是同一人，不能合并',
    );
    expect(mergeRefusal(person('a'), person('a'))).toBe('请选择两份不同的居民档案');
    expect(mergeRefusal(person('a'), gone('b', 'a'))).toBe('该居民档案已删除或已合并，请刷新后重试');
    expect(mergeRefusal(person('a', { idNumber: '1' }), person('b'))).toBeNull();
  });
});

describe('following the pointer', () => {
  it('reaches the live record through a chain, stops at a deletion and at a loop', () => {
    const rows = new Map<string, Resident>(
      [person('live'), gone('m1', 'm2'), gone('m2', 'live'), gone('del'), gone('x', 'y'), gone('y', 'x')].map((r) => [
        r.id,
        r,
      ]),
    );
    const at = (id: string) => followMerges(id, (k) => rows.get(k))?.id;
    expect([at('live'), at('m1'), at('m2'), at('del'), at('x'), at('nobody')]).toEqual([
      'live',
      'live',
      'live',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('undo', () => {
  const tombstone = { at: 5, day: '2026-11-24', by: 's', reason: '合并居民档案', mergedInto: 'k' };
  /** The desk-local snapshot of the desk that merged (only its instant matters here). */
  const snapshot = { at: 5 };
  const at5 = { id: 'x', updatedAt: 5 };
  it('is allowed the same day while nothing has a later change, refused otherwise', () => {
    expect(undoMergeRefusal(tombstone, snapshot, '2026-11-24', { merged: at5, kept: at5, moved: [at5] })).toBeNull();
    expect(undoMergeRefusal(tombstone, snapshot, '2026-11-25', { merged: at5, kept: at5, moved: [] })).toBe(
      '只能撤销当天的合并；之后请逐条修改',
    );
    for (const rows of [
      { merged: { id: 'o', updatedAt: 6 }, kept: at5, moved: [] },
      { merged: at5, kept: { id: 'k', updatedAt: 6 }, moved: [] },
      { merged: at5, kept: at5, moved: [at5, { id: 'v', updatedAt: 6 }] },
      { merged: at5, kept: at5, moved: [undefined] },
    ])
      expect(undoMergeRefusal(tombstone, snapshot, '2026-11-24', rows)).toBe(
        '合并后这两份档案或移过去的记录已有新的变动，不能撤销',
      );
    expect(
      undoMergeRefusal({ ...tombstone, mergedInto: undefined }, snapshot, '2026-11-24', {
        merged: at5,
        kept: at5,
        moved: [],
      }),
    ).toBe('这份档案不是可撤销的合并');
  });

  it('is refused at a desk without the snapshot (another desk) or with the snapshot of another merge', () => {
    for (const other of [undefined, { at: 4 }])
      expect(undoMergeRefusal(tombstone, other, '2026-11-24', { merged: at5, kept: at5, moved: [] })).toBe(
        '撤销合并只能在合并的那台值班电脑上、当天进行',
      );
  });
});
