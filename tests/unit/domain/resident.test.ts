import { describe, expect, it } from 'vitest';
import { ID_NUMBER_MESSAGES } from '../../../shared/domain/idNumber';
import {
  firstResidentError,
  residentSummary,
  RESIDENT_MESSAGES,
  validateResidentInput,
  type ResidentInput,
} from '../../../shared/domain/resident';
import { toFullWidth, withCheck } from './helpers';

const TODAY = '2026-11-24';
/** 男, born 1958-03-12 (sequence 123 is odd). */
const ID_MALE = withCheck('43010419580312123');
/** 女, born 1990-01-01 (sequence 124 is even). */
const ID_FEMALE = withCheck('11010519900101124');

function input(patch: Partial<ResidentInput> = {}): ResidentInput {
  return { name: '张三', idNumber: '', phone: '', building: '', unit: '', room: '', gridId: '', tags: [], ...patch };
}

function errorsOf(patch: Partial<ResidentInput>, opts?: { gridIds?: string[] }) {
  const r = validateResidentInput(input(patch), TODAY, opts);
  if (r.ok) throw new Error('expected a refusal');
  return r.errors;
}

function valueOf(patch: Partial<ResidentInput>, opts?: { gridIds?: string[] }) {
  const r = validateResidentInput(input(patch), TODAY, opts);
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.errors)}`);
  return r.value;
}

describe('validateResidentInput', () => {
  it('accepts a full record, normalises it and derives gender and birth date from the ID', () => {
    const v = valueOf(
      {
        name: '  张三  ',
        idNumber: ` ${ID_MALE.slice(0, 6)} ${ID_MALE.slice(6)} `,
        phone: '138-1234-5678',
        building: ' 3栋 ',
        unit: '2单元',
        room: '501',
        gridId: 'g1',
        tags: ['独居老人', ' 党员 ', '独居老人', ''],
      },
      { gridIds: ['g1', 'g2'] },
    );
    expect(v).toEqual({
      name: '张三',
      idNumber: ID_MALE,
      phone: '13812345678',
      building: '3栋',
      unit: '2单元',
      room: '501',
      gridId: 'g1',
      tags: ['独居老人', '党员'],
      gender: '男',
      birthDate: '1958-03-12',
    });
  });

  it('accepts phone only, omits empty fields, keeps an explicit gender without an ID', () => {
    const v = valueOf({ phone: '0731-88886666', gender: '女' });
    expect(v).toEqual({ name: '张三', phone: '0731-88886666', tags: [], gender: '女' });
    expect('idNumber' in v).toBe(false);
    expect('birthDate' in v).toBe(false);
  });

  it('normalises full-width ID input and a lower-case x', () => {
    const idX = Array.from({ length: 1000 }, (_, i) => withCheck(`11010519491231${String(i).padStart(3, '0')}`)).find(
      (id) => id.endsWith('X'),
    );
    if (!idX) throw new Error('no ID with check character X');
    const v = valueOf({ idNumber: toFullWidth(idX.toLowerCase()) });
    expect(v.idNumber).toBe(idX);
  });

  it('name: required, ≤ 30 characters, letters only (Han, Latin, minority names with ·)', () => {
    expect(errorsOf({ name: '   ', phone: '13812345678' }).name).toBe('请填写姓名');
    expect(errorsOf({ name: '张'.repeat(31), phone: '13812345678' }).name).toBe(RESIDENT_MESSAGES.nameTooLong);
    expect(valueOf({ name: '张'.repeat(30), phone: '13812345678' }).name).toHaveLength(30);
    expect(errorsOf({ name: '13812345678', phone: '13812345678' }).name).toBe(RESIDENT_MESSAGES.nameDigits);
    expect(errorsOf({ name: '张三3', phone: '13812345678' }).name).toBe(RESIDENT_MESSAGES.nameDigits);
    expect(errorsOf({ name: '···', phone: '13812345678' }).name).toBe(RESIDENT_MESSAGES.nameChars);
    expect(errorsOf({ name: '张@三', phone: '13812345678' }).name).toBe(RESIDENT_MESSAGES.nameChars);
    expect(valueOf({ name: '买买提・艾力', phone: '13812345678' }).name).toBe('买买提·艾力');
    expect(valueOf({ name: ' John   Smith ', phone: '13812345678' }).name).toBe('John Smith');
  });

  it('ID number: optional, but when given must pass the GB 11643 check (its message)', () => {
    const bad = ID_MALE.slice(0, 17) + (ID_MALE.endsWith('0') ? '1' : '0');
    expect(errorsOf({ idNumber: bad }).idNumber).toBe(ID_NUMBER_MESSAGES.badChecksum);
    expect(errorsOf({ idNumber: '430104580312123' }).idNumber).toBe(ID_NUMBER_MESSAGES.legacy15);
    expect(errorsOf({ idNumber: withCheck('43010420270101123') }).idNumber).toBe(ID_NUMBER_MESSAGES.futureBirthDate);
  });

  it('phone: optional, but a 10-digit mobile gets the phone message', () => {
    expect(errorsOf({ idNumber: ID_MALE, phone: '1381234567' }).phone).toBe('手机号应为 11 位，当前为 10 位');
  });

  it('needs an ID number or a phone (message at the phone field)', () => {
    const e = errorsOf({});
    expect(e.phone).toBe('身份证号和联系电话至少填写一项');
    expect(e.idNumber).toBeUndefined();
  });

  it('an explicit gender that contradicts the ID is an error; a matching one is fine', () => {
    expect(errorsOf({ idNumber: ID_MALE, gender: '女' }).gender).toBe(RESIDENT_MESSAGES.genderConflict);
    expect(valueOf({ idNumber: ID_FEMALE, gender: '女' }).gender).toBe('女');
    expect(valueOf({ idNumber: ID_FEMALE }).gender).toBe('女');
    expect(errorsOf({ phone: '13812345678', gender: '未知' as '男' }).gender).toBe(RESIDENT_MESSAGES.genderInvalid);
  });

  it('address parts ≤ 20 characters; grid must be one of the community grids when given', () => {
    const e = errorsOf({ phone: '13812345678', building: '楼'.repeat(21), room: '1'.repeat(21) });
    expect(e.building).toBe('楼栋不能超过 20 个字');
    expect(e.room).toBe('房号不能超过 20 个字');
    expect(e.unit).toBeUndefined();
    expect(errorsOf({ phone: '13812345678', gridId: 'g9' }, { gridIds: ['g1'] }).gridId).toBe(
      RESIDENT_MESSAGES.gridUnknown,
    );
    expect(valueOf({ phone: '13812345678', gridId: 'g9' }).gridId).toBe('g9');
  });

  it('reports every field error at once, first one in form order', () => {
    const e = errorsOf({ name: '', idNumber: '123', phone: '1381234567', gender: '女' });
    expect(Object.keys(e).sort()).toEqual(['idNumber', 'name', 'phone']);
    expect(firstResidentError(e)).toEqual({ field: 'name', message: '请填写姓名' });
  });

  it('messages never repeat the personal data typed', () => {
    const e = errorsOf({ name: '', idNumber: ID_MALE.slice(0, 17) + 'Z', phone: '1381234567' });
    for (const m of Object.values(e)) {
      expect(m).not.toContain('1381234567');
      expect(m).not.toContain(ID_MALE.slice(0, 10));
    }
  });

  it('refuses a malformed today (programming error)', () => {
    expect(() => validateResidentInput(input({ phone: '13812345678' }), '2026-13-01')).toThrow(RangeError);
  });
});

describe('residentSummary', () => {
  it("'张三 · 男 · 68 岁', leaving out what is unknown", () => {
    expect(residentSummary({ name: '张三', gender: '男', birthDate: '1958-03-12' }, TODAY)).toBe('张三 · 男 · 68 岁');
    expect(residentSummary({ name: '张三', gender: '男', birthDate: '1958-11-25' }, TODAY)).toBe('张三 · 男 · 67 岁');
    expect(residentSummary({ name: '李四' }, TODAY)).toBe('李四');
    expect(residentSummary({ name: '李四', gender: '女' }, TODAY)).toBe('李四 · 女');
  });
});
