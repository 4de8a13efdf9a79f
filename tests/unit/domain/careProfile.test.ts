/** 重点服务对象: the care profile's checks (a message per field) and its normal form. */
import { describe, expect, it } from 'vitest';
import {
  CARE_MESSAGES,
  careNeedsText,
  changedCareFields,
  firstCareError,
  isEmptyCareProfile,
  normalizeCareProfile,
  validateCareProfile,
  type CareProfileInput,
} from '../../../shared/domain/careProfile';
import { PHONE_MESSAGES } from '../../../shared/domain/phone';
import { CARE_NEEDS } from '../../../shared/domain/records';
import { hasChinese } from './helpers';

const full: CareProfileInput = {
  contactName: ' 李建国 ',
  contactRelation: '儿子',
  contactPhone: '138 0731 2468',
  needs: ['只讲方言', '行动不便'],
  dialect: '湘方言',
  preferredTime: '工作日上午',
  note: '耳背，说话请大声',
};

describe('validateCareProfile', () => {
  it('accepts a full profile and an empty one', () => {
    expect(validateCareProfile(full)).toEqual({});
    expect(validateCareProfile({})).toEqual({});
    expect(validateCareProfile({ needs: [...CARE_NEEDS] })).toEqual({});
  });

  it('holds each text to its length (characters, not UTF-16 units), after trimming', () => {
    expect(validateCareProfile({ contactName: '张'.repeat(20) })).toEqual({});
    expect(validateCareProfile({ contactName: `  ${'张'.repeat(20)}  ` })).toEqual({});
    expect(validateCareProfile({ contactName: '张'.repeat(21) }).contactName).toBe(CARE_MESSAGES.contactNameTooLong);
    expect(validateCareProfile({ contactName: '𠀋'.repeat(20) })).toEqual({});
    expect(validateCareProfile({ contactName: '王', contactRelation: '邻'.repeat(10) })).toEqual({});
    expect(validateCareProfile({ contactName: '王', contactRelation: '邻'.repeat(11) }).contactRelation).toBe(
      CARE_MESSAGES.contactRelationTooLong,
    );
    expect(validateCareProfile({ dialect: '方'.repeat(21) }).dialect).toBe(CARE_MESSAGES.dialectTooLong);
    expect(validateCareProfile({ dialect: '方'.repeat(20) })).toEqual({});
    expect(validateCareProfile({ preferredTime: '时'.repeat(31) }).preferredTime).toBe(
      CARE_MESSAGES.preferredTimeTooLong,
    );
    expect(validateCareProfile({ preferredTime: '时'.repeat(30) })).toEqual({});
    expect(validateCareProfile({ note: '备'.repeat(201) }).note).toBe(CARE_MESSAGES.noteTooLong);
    expect(validateCareProfile({ note: '备'.repeat(200) })).toEqual({});
  });

  it('checks the contact phone with the resident form’s rules, only when given', () => {
    expect(validateCareProfile({ contactName: '王', contactPhone: '1380731246' }).contactPhone).toBe(
      PHONE_MESSAGES.mobileLength(10),
    );
    expect(validateCareProfile({ contactName: '王', contactPhone: '88886666' }).contactPhone).toBe(
      PHONE_MESSAGES.landlineNeedsArea,
    );
    expect(validateCareProfile({ contactName: '王', contactPhone: '0731-88886666' })).toEqual({});
    expect(validateCareProfile({ contactName: '王', contactPhone: '   ' })).toEqual({});
  });

  it('asks who the contact is when only a relation or a phone is given; no digits in the name', () => {
    expect(validateCareProfile({ contactPhone: '13807312468' }).contactName).toBe(CARE_MESSAGES.contactNameMissing);
    expect(validateCareProfile({ contactRelation: '邻居' }).contactName).toBe(CARE_MESSAGES.contactNameMissing);
    expect(validateCareProfile({ contactName: '13807312468' }).contactName).toBe(CARE_MESSAGES.contactNameDigits);
  });

  it('takes needs only from CARE_NEEDS', () => {
    expect(validateCareProfile({ needs: ['行动不便', '会飞'] }).needs).toBe(CARE_MESSAGES.needsUnknown);
    expect(validateCareProfile({ needs: [' 听力障碍 '] })).toEqual({});
  });

  it('reports every field at once, in Chinese, never repeating what was typed; the first in form order', () => {
    const errors = validateCareProfile({
      contactRelation: '关'.repeat(11),
      contactPhone: '12345',
      needs: ['x'],
      note: '<script>'.repeat(30),
    });
    expect(Object.keys(errors).sort()).toEqual(['contactName', 'contactPhone', 'contactRelation', 'needs', 'note']);
    for (const m of Object.values(errors)) {
      expect(hasChinese(m!)).toBe(true);
      expect(m).not.toContain('12345');
      expect(m).not.toContain('script');
    }
    expect(firstCareError(errors)).toEqual({ field: 'contactName', message: CARE_MESSAGES.contactNameMissing });
    expect(firstCareError({})).toBeNull();
  });
});

describe('normalizeCareProfile', () => {
  it('trims, drops empty texts, puts the phone in canonical form and the needs in list order', () => {
    expect(normalizeCareProfile(full)).toEqual({
      contactName: '李建国',
      contactRelation: '儿子',
      contactPhone: '13807312468',
      needs: ['行动不便', '只讲方言'],
      dialect: '湘方言',
      preferredTime: '工作日上午',
      note: '耳背，说话请大声',
    });
    expect(normalizeCareProfile({ contactName: ' ', note: '', needs: ['听力障碍', '听力障碍'] })).toEqual({
      needs: ['听力障碍'],
    });
    expect(normalizeCareProfile({ preferredTime: '　周末\n下午　' })).toEqual({
      needs: [],
      preferredTime: '周末 下午',
    });
    expect(normalizeCareProfile({ contactName: '王', contactPhone: '（0731）8888 6666' }).contactPhone).toBe(
      '0731-88886666',
    );
  });

  it('is idempotent and serialises two equal profiles the same', () => {
    const once = normalizeCareProfile(full);
    expect(normalizeCareProfile(once)).toEqual(once);
    const reordered = normalizeCareProfile({ note: full.note, needs: full.needs, contactName: full.contactName });
    expect(Object.keys(reordered)).toEqual(['contactName', 'needs', 'note']);
  });

  it('knows an empty profile, the changed fields by name, and the needs as one line', () => {
    expect(isEmptyCareProfile(normalizeCareProfile({ contactName: '  ' }))).toBe(true);
    expect(isEmptyCareProfile(undefined)).toBe(true);
    expect(isEmptyCareProfile(normalizeCareProfile({ needs: ['行动不便'] }))).toBe(false);
    const before = normalizeCareProfile(full);
    const after = normalizeCareProfile({ ...full, contactPhone: '13907312468', needs: ['行动不便'] });
    expect(changedCareFields(before, after)).toEqual(['contactPhone', 'needs']);
    expect(changedCareFields(undefined, before)).toHaveLength(7);
    expect(careNeedsText(before)).toBe('行动不便、只讲方言（湘方言）');
    expect(careNeedsText(normalizeCareProfile({ needs: ['视力障碍'], dialect: '客家话' }))).toBe(
      '视力障碍、方言：客家话',
    );
    expect(careNeedsText(undefined)).toBe('');
  });
});
