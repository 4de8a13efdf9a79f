/**
 * Properties of the resident form's validator (validateResidentInput): what a clerk can type is
 * stored as typed modulo the documented normalisation (NFKC, trimmed, inner whitespace collapsed;
 * the ID in canonical form, the phone canonical), a second pass changes nothing, and anything
 * else gets a Chinese message at its own field — never an exception, never the typed number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_ADDRESS_PART_LENGTH,
  MAX_NAME_LENGTH,
  RESIDENT_FIELD_ORDER,
  validateResidentInput,
  type ResidentInput,
} from '../../../shared/domain/resident';
import {
  anyText,
  chars,
  expectChineseMessage,
  hanText,
  RUNS,
  strangeText,
  TODAY,
  typedId,
  typedPhone,
} from './arbitraries';

const GRIDS = ['g1', 'g2'];
const form = (patch: Partial<ResidentInput>): ResidentInput => ({
  name: '张三',
  idNumber: '',
  phone: '',
  building: '',
  unit: '',
  room: '',
  gridId: '',
  tags: [],
  ...patch,
});
/** The documented normalisation of the address parts and tags. */
const norm = (s: string) => s.normalize('NFKC').trim().replace(/\s+/g, ' ');

describe('resident validator: valid input round-trips', () => {
  it('name, ID, phone, address and tags are stored as typed, modulo NFKC and trimming', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: fc.oneof(
            hanText(1, MAX_NAME_LENGTH),
            fc.constantFrom('阿卜杜·热合曼', "Anna-Lena O'Neil", '欧阳  娜娜'),
          ),
          pad: fc.constantFrom('', ' ', '\u3000', '\t'),
          id: fc.option(typedId, { nil: undefined }),
          phone: typedPhone,
          phoneGiven: fc.boolean(),
          building: strangeText(MAX_ADDRESS_PART_LENGTH),
          unit: fc.oneof(fc.constant(''), strangeText(MAX_ADDRESS_PART_LENGTH)),
          room: fc.oneof(fc.constant(''), strangeText(MAX_ADDRESS_PART_LENGTH)),
          grid: fc.constantFrom('', ...GRIDS),
          tags: fc.array(fc.oneof(strangeText(10), fc.constantFrom('独居老人', ' 高龄 ', '')), { maxLength: 4 }),
        }),
        (r) => {
          const phoneGiven = r.phoneGiven || r.id === undefined;
          const input = form({
            name: `${r.pad}${r.name}${r.pad}`,
            idNumber: r.id?.typed ?? '',
            phone: phoneGiven ? r.phone.typed : '',
            building: r.building,
            unit: r.unit,
            room: r.room,
            gridId: r.grid,
            tags: r.tags,
          });
          const out = validateResidentInput(input, TODAY, { gridIds: GRIDS });
          // Address parts longer than the limit AFTER normalisation (NFKC may lengthen) are refused there.
          const tooLong = (['building', 'unit', 'room'] as const).filter(
            (f) => chars(norm(input[f])) > MAX_ADDRESS_PART_LENGTH,
          );
          if (tooLong.length > 0) {
            expect(out.ok).toBe(false);
            if (!out.ok) expect(Object.keys(out.errors).sort()).toEqual([...tooLong].sort());
            return;
          }
          expect(out.ok, JSON.stringify(out)).toBe(true);
          if (!out.ok) return;
          const v = out.value;
          expect(v.name).toBe(norm(r.name));
          expect(v.idNumber).toBe(r.id?.id);
          if (r.id) {
            expect(v.birthDate).toBe(r.id.birthDate);
            expect(v.gender).toBe(r.id.gender);
          }
          expect(v.phone).toBe(phoneGiven ? r.phone.value : undefined);
          for (const f of ['building', 'unit', 'room'] as const) expect(v[f]).toBe(norm(input[f]) || undefined);
          expect(v.gridId).toBe(r.grid || undefined);
          expect(v.tags).toEqual([...new Set(r.tags.map(norm).filter(Boolean))]);

          // A second pass over what is stored changes nothing.
          const again = validateResidentInput(
            form({
              name: v.name,
              idNumber: v.idNumber ?? '',
              phone: v.phone ?? '',
              building: v.building ?? '',
              unit: v.unit ?? '',
              room: v.room ?? '',
              gridId: v.gridId ?? '',
              tags: v.tags,
              ...(v.gender ? { gender: v.gender } : {}),
            }),
            TODAY,
            { gridIds: GRIDS },
          );
          expect(again).toEqual({ ok: true, value: v });
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('resident validator: invalid input gets a Chinese message at its field', () => {
  it('anything typed into any field: no exception; every refusal is Chinese, at a form field, without the number typed', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: anyText,
          idNumber: anyText,
          phone: anyText,
          building: anyText,
          unit: anyText,
          room: anyText,
          gridId: anyText,
          tags: fc.array(anyText, { maxLength: 3 }),
          gender: fc.option(anyText, { nil: undefined }),
        }),
        (raw) => {
          const out = validateResidentInput(raw as ResidentInput, TODAY, { gridIds: GRIDS });
          if (out.ok) return;
          const fields = Object.keys(out.errors);
          expect(fields.length).toBeGreaterThan(0);
          for (const f of fields) {
            expect(RESIDENT_FIELD_ORDER).toContain(f);
            expectChineseMessage(out.errors[f as keyof typeof out.errors], [raw.idNumber, raw.phone]);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('each kind of bad value is refused at its own field, and only there', () => {
    const bad = fc.oneof(
      // A digit in the name (a phone typed in the wrong box).
      fc
        .tuple(hanText(1, 5), fc.integer({ min: 0, max: 9 }))
        .map(([n, d]) => ({ field: 'name', patch: { name: `${n}${d}` } })),
      // A name one character over the limit.
      hanText(MAX_NAME_LENGTH + 1, MAX_NAME_LENGTH + 5).map((name) => ({ field: 'name', patch: { name } })),
      // Markup or emoji in a name.
      fc.constantFrom('<script>', '张三😀', '张\u202E三').map((name) => ({ field: 'name', patch: { name } })),
      // One digit of a valid ID changed: the check digit catches every single substitution.
      fc.tuple(typedId, fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 })).map(([id, i, d]) => {
        const digits = id.id.split('');
        digits[i] = String((Number(digits[i]) + d) % 10);
        return { field: 'idNumber', patch: { idNumber: digits.join(''), phone: '13812345678' } };
      }),
      // A 15-digit legacy ID, or one of the wrong length.
      fc.stringMatching(/^[1-9]\d{14}$|^\d{16,17}$|^\d{19,20}$/).map((idNumber) => ({
        field: 'idNumber',
        patch: { idNumber, phone: '13812345678' },
      })),
      // A mobile of the wrong length.
      fc.stringMatching(/^1[3-9]\d{5,8}$|^1[3-9]\d{10,12}$/).map((phone) => ({ field: 'phone', patch: { phone } })),
      // Neither an ID nor a phone.
      fc.constant({ field: 'phone', patch: { idNumber: ' ', phone: '\u3000' } }),
      // An address part over the limit.
      fc
        .tuple(fc.constantFrom('building', 'unit', 'room'), hanText(MAX_ADDRESS_PART_LENGTH + 1, 40))
        .map(([field, text]) => ({ field, patch: { [field]: text } })),
      // A 网格 not of this community.
      fc.constantFrom('g3', 'G1', '第一网格').map((gridId) => ({ field: 'gridId', patch: { gridId } })),
      // A gender that is neither 男 nor 女.
      fc.constantFrom('M', 'F', '男性', '其他').map((gender) => ({ field: 'gender', patch: { gender } })),
    );
    fc.assert(
      fc.property(bad, ({ field, patch }) => {
        const input = form({ phone: '13812345678', ...patch } as Partial<ResidentInput>);
        const out = validateResidentInput(input, TODAY, { gridIds: GRIDS });
        expect(out.ok).toBe(false);
        if (out.ok) return;
        expect(Object.keys(out.errors)).toEqual([field]);
        expectChineseMessage(out.errors[field as keyof typeof out.errors], [input.idNumber, input.phone]);
      }),
      { numRuns: RUNS },
    );
  });
});
