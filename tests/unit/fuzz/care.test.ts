/**
 * Properties of the 重点服务对象 care profile (validateCareProfile + normalizeCareProfile): a valid
 * profile in strange text up to each limit is stored as typed (NFC, trimmed, whitespace collapsed;
 * the phone canonical; the needs in list order) and a second pass changes nothing; anything else
 * is refused at its own field in Chinese, never with an exception or the number typed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CARE_FIELD_ORDER,
  CARE_LIMITS,
  normalizeCareProfile,
  validateCareProfile,
  type CareProfileInput,
} from '../../../shared/domain/careProfile';
import { CARE_NEEDS } from '../../../shared/domain/records';
import { anyText, chars, expectChineseMessage, RUNS, strangeText, typedPhone } from './arbitraries';

const nfc = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ');
/** Text within `max` characters once NFC-normalised (NFC lengthens a few: U+0344 → two marks). */
const careText = (max: number) => strangeText(max).filter((s) => chars(nfc(s)) <= max);

describe('care profile: valid input round-trips', () => {
  it('texts stored as typed modulo NFC and trimming; a second pass changes nothing', () => {
    fc.assert(
      fc.property(
        fc.record({
          contactName: careText(CARE_LIMITS.contactName).filter((s) => !/\p{Nd}/u.test(s)),
          contactRelation: careText(CARE_LIMITS.contactRelation),
          contactPhone: fc.option(typedPhone, { nil: undefined }),
          needs: fc.array(fc.constantFrom(...CARE_NEEDS), { maxLength: 6 }),
          dialect: fc.oneof(fc.constant(''), careText(CARE_LIMITS.dialect)),
          preferredTime: fc.oneof(fc.constant(''), careText(CARE_LIMITS.preferredTime)),
          note: fc.oneof(fc.constant(''), careText(CARE_LIMITS.note)),
        }),
        (r) => {
          const input: CareProfileInput = { ...r, contactPhone: r.contactPhone?.typed };
          expect(validateCareProfile(input)).toEqual({});
          const p = normalizeCareProfile(input);
          for (const f of ['contactName', 'contactRelation', 'dialect', 'preferredTime', 'note'] as const)
            expect(p[f]).toBe(nfc(r[f]) || undefined);
          expect(p.contactPhone).toBe(r.contactPhone?.value);
          expect(p.needs).toEqual(CARE_NEEDS.filter((n) => r.needs.includes(n)));
          expect(validateCareProfile(p)).toEqual({});
          expect(normalizeCareProfile(p)).toEqual(p);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('care profile: invalid input gets a Chinese message at its field', () => {
  it('anything in any field: no exception; every message Chinese, at a field of the form', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            contactName: anyText,
            contactRelation: anyText,
            contactPhone: anyText,
            needs: fc.array(fc.oneof(fc.constantFrom(...CARE_NEEDS), anyText), { maxLength: 3 }),
            dialect: anyText,
            preferredTime: anyText,
            note: anyText,
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const e = validateCareProfile(input);
          for (const [f, m] of Object.entries(e)) {
            expect(CARE_FIELD_ORDER).toContain(f);
            expectChineseMessage(m, [input.contactPhone ?? '']);
          }
          if (Object.keys(e).length === 0) expect(validateCareProfile(normalizeCareProfile(input))).toEqual({});
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each kind of bad value is refused at its own field, and only there', () => {
    const over = (f: keyof typeof CARE_LIMITS) =>
      fc.constantFrom('字', '😀', 'e\u0301').map((c) => ({
        field: f,
        patch: { contactName: '李四', [f]: Array.from(c.repeat(CARE_LIMITS[f] + 1)).join('') },
      }));
    const bad = fc.oneof(
      over('contactName'),
      over('contactRelation'),
      over('dialect'),
      over('preferredTime'),
      over('note'),
      fc
        .constantFrom('李四13812345678', '王2', '李四１３８１２３４５６７８')
        .map((contactName) => ({ field: 'contactName', patch: { contactName } })),
      fc.constant({ field: 'contactName', patch: { contactRelation: '儿子' } }),
      fc
        .constantFrom('1381234567', '88886666')
        .map((contactPhone) => ({ field: 'contactPhone', patch: { contactName: '李四', contactPhone } })),
      fc.constantFrom('会说英语', '').map((n) => ({ field: 'needs', patch: { needs: ['行动不便', n] } })),
    );
    fc.assert(
      fc.property(bad, ({ field, patch }) => {
        const e = validateCareProfile(patch as CareProfileInput);
        // 'e\u0301' repeated: NFC makes each one character, so the text is exactly over by one.
        expect(Object.keys(e)).toEqual([field]);
        expectChineseMessage(e[field as keyof typeof e], ['13812345678', '1381234567', '88886666']);
        expect(chars(String(e[field as keyof typeof e]))).toBeLessThan(60);
      }),
      { numRuns: RUNS },
    );
  });
});
