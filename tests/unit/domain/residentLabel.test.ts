/**
 * The one rule for what stands where a record's resident is shown (shared/domain/residentStatus.ts):
 * the resident on file, 已删除居民 when the record names someone no longer on file, the place's
 * own mark when it names no one; masking never touches 已删除居民.
 */
import { describe, expect, it } from 'vitest';
import {
  DELETED_RESIDENT_ID,
  DELETED_RESIDENT_NAME,
  isDeletedResident,
  maskResidentName,
  namedResidents,
  residentLabel,
} from '@shared/domain/residentStatus';

const zhang = { id: 'r-1', name: '张三丰' };
const name = (r: { name: string }) => r.name;

describe('residentLabel', () => {
  it('the resident on file, shown as the place wants', () => {
    expect(residentLabel('r-1', zhang, name)).toBe('张三丰');
    expect(residentLabel('r-1', zhang, (r) => `${r.name}（在册）`, '')).toBe('张三丰（在册）');
  });

  it('已删除居民 for DELETED_RESIDENT_ID or any id whose row is gone', () => {
    expect(residentLabel(DELETED_RESIDENT_ID, undefined, name)).toBe(DELETED_RESIDENT_NAME);
    expect(residentLabel('r-gone', undefined, name, '（未登记）')).toBe(DELETED_RESIDENT_NAME);
    expect(isDeletedResident(DELETED_RESIDENT_ID, undefined)).toBe(true);
    expect(isDeletedResident('r-1', zhang)).toBe(false);
  });

  it('no resident at all: the place’s own mark (— unless told)', () => {
    expect(residentLabel(undefined, undefined, name)).toBe('—');
    expect(residentLabel('', undefined, name, '（未登记）')).toBe('（未登记）');
    expect(residentLabel(null, undefined, name, '')).toBe('');
    expect(isDeletedResident(undefined, undefined)).toBe(false);
  });
});

describe('namedResidents and maskResidentName', () => {
  it('lists each id once, on file or 已删除居民', () => {
    const onFile = new Map([['r-1', zhang]]);
    expect(namedResidents(['r-1', DELETED_RESIDENT_ID, 'r-1'], onFile)).toEqual([
      { id: 'r-1', name: '张三丰', onFile: true },
      { id: DELETED_RESIDENT_ID, name: DELETED_RESIDENT_NAME, onFile: false },
    ]);
    expect(namedResidents(undefined, onFile)).toEqual([]);
  });

  it('masks a name, never 已删除居民', () => {
    expect(maskResidentName('张三丰')).toBe('张*丰');
    expect(maskResidentName(DELETED_RESIDENT_NAME)).toBe(DELETED_RESIDENT_NAME);
  });
});
