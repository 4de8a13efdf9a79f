/**
 * 重点服务对象: the care details of a special household (帮代办 register) — who to call (a family
 * member or neighbour: name, relation, phone), what help the resident needs, their dialect, when
 * to reach them, a note. Pure: the form's raw strings become a `CareProfile` or one Chinese
 * message per field.
 *
 * Invariants of a normalised profile:
 *   - every text is NFC-normalised and trimmed (inner runs of whitespace collapsed); an empty
 *     text is an absent field (neither stored nor shown);
 *   - `contactPhone` is in canonical form (phone.ts);
 *   - `needs` ⊆ CARE_NEEDS, de-duplicated, in the order of CARE_NEEDS.
 * Messages carry no personal data (they never repeat what was typed).
 */
import { CARE_NEEDS, type CareNeed, type CareProfile } from './records';
import { validatePhone } from './phone';

/** Raw form input; an empty or missing string means "not given". */
export type CareProfileInput = {
  contactName?: string;
  contactRelation?: string;
  contactPhone?: string;
  needs?: readonly string[];
  dialect?: string;
  preferredTime?: string;
  note?: string;
};

export type CareField = keyof CareProfileInput;
export type CareProfileErrors = Partial<Record<CareField, string>>;

/** The fields in the order of the form (联系人, 关系, 电话, 需求, 方言, 联系时间, 备注). */
export const CARE_FIELD_ORDER: readonly CareField[] = [
  'contactName',
  'contactRelation',
  'contactPhone',
  'needs',
  'dialect',
  'preferredTime',
  'note',
];

export const CARE_LIMITS = { contactName: 20, contactRelation: 10, dialect: 20, preferredTime: 30, note: 200 } as const;

/** User-facing messages (Simplified Chinese, no personal data). */
export const CARE_MESSAGES = {
  contactNameTooLong: `联系人姓名不超过 ${CARE_LIMITS.contactName} 个字`,
  contactNameDigits: '联系人姓名中不能包含数字，电话请填在“联系人电话”',
  contactNameMissing: '请填写联系人姓名',
  contactRelationTooLong: `与居民关系不超过 ${CARE_LIMITS.contactRelation} 个字（如：儿子、邻居）`,
  needsUnknown: '服务需求只能从列出的选项中选择',
  dialectTooLong: `方言不超过 ${CARE_LIMITS.dialect} 个字`,
  preferredTimeTooLong: `方便联系的时间不超过 ${CARE_LIMITS.preferredTime} 个字（如：工作日上午）`,
  noteTooLong: `备注不超过 ${CARE_LIMITS.note} 个字`,
} as const;

/** Trimmed, inner whitespace collapsed; NFC only, so a Chinese comma stays a Chinese comma. */
const text = (v: string | undefined): string => (v ?? '').normalize('NFC').trim().replace(/\s+/g, ' ');
const length = (v: string): number => Array.from(v).length;

/** Every field's message; `{}` when the profile may be saved. */
export function validateCareProfile(input: CareProfileInput): CareProfileErrors {
  const errors: CareProfileErrors = {};
  const name = text(input.contactName);
  const relation = text(input.contactRelation);
  const phone = text(input.contactPhone);
  if (length(name) > CARE_LIMITS.contactName) errors.contactName = CARE_MESSAGES.contactNameTooLong;
  // Any script's digits: full-width ones (an IME's) are a phone typed in the wrong box too.
  else if (/\p{Nd}/u.test(name)) errors.contactName = CARE_MESSAGES.contactNameDigits;
  else if (!name && (relation || phone)) errors.contactName = CARE_MESSAGES.contactNameMissing;
  if (length(relation) > CARE_LIMITS.contactRelation) errors.contactRelation = CARE_MESSAGES.contactRelationTooLong;
  if (phone) {
    const checked = validatePhone(phone);
    if (!checked.ok) errors.contactPhone = checked.message;
  }
  if ((input.needs ?? []).some((n) => !(CARE_NEEDS as readonly string[]).includes(text(n))))
    errors.needs = CARE_MESSAGES.needsUnknown;
  if (length(text(input.dialect)) > CARE_LIMITS.dialect) errors.dialect = CARE_MESSAGES.dialectTooLong;
  if (length(text(input.preferredTime)) > CARE_LIMITS.preferredTime)
    errors.preferredTime = CARE_MESSAGES.preferredTimeTooLong;
  if (length(text(input.note)) > CARE_LIMITS.note) errors.note = CARE_MESSAGES.noteTooLong;
  return errors;
}

/** The first message in the order of the form, for a refusal naming its field. */
export function firstCareError(errors: CareProfileErrors): { field: CareField; message: string } | null {
  for (const field of CARE_FIELD_ORDER) {
    const message = errors[field];
    if (message) return { field, message };
  }
  return null;
}

/**
 * The profile to store (call after `validateCareProfile` found nothing): trimmed texts, empty
 * ones left out, the phone in canonical form, the needs in the order of CARE_NEEDS.
 */
export function normalizeCareProfile(input: CareProfileInput): CareProfile {
  const given = new Set((input.needs ?? []).map(text));
  const out: CareProfile = { needs: CARE_NEEDS.filter((n): n is CareNeed => given.has(n)) };
  const phone = text(input.contactPhone);
  if (phone) {
    const checked = validatePhone(phone);
    out.contactPhone = checked.ok ? checked.value : phone;
  }
  for (const field of ['contactName', 'contactRelation', 'dialect', 'preferredTime', 'note'] as const) {
    const v = text(input[field]);
    if (v) out[field] = v;
  }
  return orderedProfile(out);
}

/** Keys in the form's order, so two equal profiles serialise the same. */
function orderedProfile(p: CareProfile): CareProfile {
  const out = {} as CareProfile;
  for (const field of CARE_FIELD_ORDER) if (p[field] !== undefined) Object.assign(out, { [field]: p[field] });
  return out;
}

/** True when the profile says nothing (no contact, no needs, no time, no note): not stored. */
export function isEmptyCareProfile(p: CareProfile | undefined): boolean {
  return !p || CARE_FIELD_ORDER.every((f) => (f === 'needs' ? (p.needs ?? []).length === 0 : p[f] === undefined));
}

/** The names (never values) of the fields that differ, for the audit row. */
export function changedCareFields(before: CareProfile | undefined, after: CareProfile | undefined): CareField[] {
  return CARE_FIELD_ORDER.filter((f) => JSON.stringify(before?.[f] ?? null) !== JSON.stringify(after?.[f] ?? null));
}

/** The needs as one line, with the dialect when given: '行动不便、只讲方言（湘方言）'. */
export function careNeedsText(p: CareProfile | undefined): string {
  if (!p) return '';
  const needs = p.needs.map((n) => (n === '只讲方言' && p.dialect ? `只讲方言（${p.dialect}）` : n));
  if (p.dialect && !p.needs.includes('只讲方言')) needs.push(`方言：${p.dialect}`);
  return needs.join('、');
}
