/**
 * 居民档案录入校验（纯函数：无 I/O、无时钟，`today` 由调用方传入 'YYYY-MM-DD'）。
 *
 * Turns the raw strings of the intake form into a `NormalizedResident`, or into one Chinese
 * message per field. Invariants of a normalised resident:
 *   - `name` is NFKC-normalised, trimmed, inner whitespace collapsed, 1–30 characters,
 *     letters (Han or other scripts) plus the separators · ' - and space; no digits.
 *   - at least one of `idNumber` / `phone` is present; both are in canonical form
 *     (ID: 18 chars, upper-case X; phone: see phone.ts).
 *   - when `idNumber` is present, `gender` and `birthDate` are derived from it (an explicit
 *     gender that disagrees is an error, never silently overwritten).
 *   - empty strings become absent fields; `tags` are trimmed, non-empty and de-duplicated.
 * Messages carry no personal data (they never repeat what was typed).
 */
import { ageOn, validateIdNumber, type Gender } from './idNumber';
import { parseLocalDate } from './localDate';
import { validatePhone } from './phone';

/** Raw form input; an empty string means "not given". */
export type ResidentInput = {
  name: string;
  idNumber: string;
  phone: string;
  building: string;
  unit: string;
  room: string;
  gridId: string;
  tags: string[];
  gender?: Gender;
};

export type ResidentField = 'name' | 'idNumber' | 'phone' | 'building' | 'unit' | 'room' | 'gridId' | 'gender';

export type ResidentFieldErrors = Partial<Record<ResidentField, string>>;

/** The fields in the order of the intake form (姓名, 性别, 身份证号, 联系电话, 住址, 网格). */
export const RESIDENT_FIELD_ORDER: readonly ResidentField[] = [
  'name',
  'gender',
  'idNumber',
  'phone',
  'building',
  'unit',
  'room',
  'gridId',
];

export type NormalizedResident = {
  name: string;
  idNumber?: string;
  phone?: string;
  building?: string;
  unit?: string;
  room?: string;
  gridId?: string;
  tags: string[];
  gender?: Gender;
  /** 'YYYY-MM-DD', derived from the ID number. */
  birthDate?: string;
};

export type ResidentValidation = { ok: true; value: NormalizedResident } | { ok: false; errors: ResidentFieldErrors };

export type ValidateResidentOptions = {
  /** When given, `gridId` must be one of these. */
  gridIds?: readonly string[];
};

export const MAX_NAME_LENGTH = 30;
export const MAX_ADDRESS_PART_LENGTH = 20;

/** User-facing messages (Simplified Chinese, no personal data). */
export const RESIDENT_MESSAGES = {
  nameEmpty: '请填写姓名',
  nameTooLong: `姓名不能超过 ${MAX_NAME_LENGTH} 个字`,
  nameDigits: '姓名中不能包含数字，请核对是否填错了栏目',
  nameChars: '姓名只能包含汉字、字母和间隔号“·”',
  idOrPhone: '身份证号和联系电话至少填写一项',
  genderInvalid: '性别只能选择“男”或“女”',
  genderConflict: '所选性别与身份证号不一致，请核对',
  addressTooLong: (label: string) => `${label}不能超过 ${MAX_ADDRESS_PART_LENGTH} 个字`,
  gridUnknown: '请选择本社区的网格',
} as const;

const ADDRESS_LABELS = { building: '楼栋', unit: '单元', room: '房号' } as const;

/** Middle-dot look-alikes used in transliterated names, unified to U+00B7. */
const MIDDLE_DOTS = /[\u2022\u2027\u30FB\u2219\u22C5\uFF65]/g;

/** NFKC, unify middle dots, trim, collapse inner whitespace. */
export function normalizeResidentName(raw: string | null | undefined): string {
  return (raw ?? '').normalize('NFKC').replace(MIDDLE_DOTS, '·').trim().replace(/\s+/g, ' ');
}

function validateName(raw: string): { value: string } | { error: string } {
  const name = normalizeResidentName(raw);
  if (name === '') return { error: RESIDENT_MESSAGES.nameEmpty };
  if (Array.from(name).length > MAX_NAME_LENGTH) return { error: RESIDENT_MESSAGES.nameTooLong };
  if (/\p{N}/u.test(name)) return { error: RESIDENT_MESSAGES.nameDigits };
  if (!/^[\p{L}\p{M}·' -]+$/u.test(name) || !/\p{L}/u.test(name)) return { error: RESIDENT_MESSAGES.nameChars };
  return { value: name };
}

function trimmed(raw: string | null | undefined): string {
  return (raw ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ');
}

/** Tags: trimmed, empty ones dropped, duplicates removed (first occurrence kept). */
export function normalizeTags(tags: readonly string[] | null | undefined): string[] {
  return [...new Set((tags ?? []).map((t) => trimmed(t)).filter((t) => t !== ''))];
}

/**
 * Validates the intake form. Returns the normalised resident, or every field error at once
 * (so the form can show each message at its field).
 * @throws RangeError if `today` is not a valid 'YYYY-MM-DD' (a programming error).
 */
export function validateResidentInput(
  input: ResidentInput,
  today: string,
  opts: ValidateResidentOptions = {},
): ResidentValidation {
  if (!parseLocalDate(today)) throw new RangeError('today 应为 YYYY-MM-DD 格式的日期');
  const errors: ResidentFieldErrors = {};
  const value: NormalizedResident = { name: '', tags: normalizeTags(input.tags) };

  const name = validateName(input.name);
  if ('error' in name) errors.name = name.error;
  else value.name = name.value;

  // 性别: optional, '' tolerated as "not given" (raw form state).
  const rawGender = (input.gender ?? '') as string;
  let explicitGender: Gender | undefined;
  if (rawGender === '男' || rawGender === '女') explicitGender = rawGender;
  else if (rawGender !== '') errors.gender = RESIDENT_MESSAGES.genderInvalid;

  const rawId = trimmed(input.idNumber);
  const rawPhone = trimmed(input.phone);

  if (rawId !== '') {
    const id = validateIdNumber(rawId, { today });
    if (!id.ok) {
      errors.idNumber = id.message;
    } else {
      value.idNumber = id.value;
      value.birthDate = id.birthDate;
      value.gender = id.gender;
      if (explicitGender !== undefined && explicitGender !== id.gender)
        errors.gender = RESIDENT_MESSAGES.genderConflict;
    }
  } else if (explicitGender !== undefined) {
    value.gender = explicitGender;
  }

  if (rawPhone !== '') {
    const phone = validatePhone(rawPhone);
    if (!phone.ok) errors.phone = phone.message;
    else value.phone = phone.value;
  }
  if (rawId === '' && rawPhone === '') errors.phone = RESIDENT_MESSAGES.idOrPhone;

  for (const field of ['building', 'unit', 'room'] as const) {
    const part = trimmed(input[field]);
    if (part === '') continue;
    if (Array.from(part).length > MAX_ADDRESS_PART_LENGTH)
      errors[field] = RESIDENT_MESSAGES.addressTooLong(ADDRESS_LABELS[field]);
    else value[field] = part;
  }

  const gridId = (input.gridId ?? '').trim();
  if (gridId !== '') {
    if (opts.gridIds !== undefined && !opts.gridIds.includes(gridId)) errors.gridId = RESIDENT_MESSAGES.gridUnknown;
    else value.gridId = gridId;
  }

  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The first error in form order, for callers that show one message. */
export function firstResidentError(errors: ResidentFieldErrors): { field: ResidentField; message: string } | null {
  for (const field of RESIDENT_FIELD_ORDER) {
    const message = errors[field];
    if (message !== undefined) return { field, message };
  }
  return null;
}

/**
 * One-line summary for lists and headers: '张三 · 男 · 68 岁'. Parts that are unknown are left
 * out ('李四', '李四 · 女'). Age is in full years (周岁) on `today`.
 */
export function residentSummary(r: { name: string; gender?: Gender; birthDate?: string }, today: string): string {
  const parts = [r.name];
  if (r.gender) parts.push(r.gender);
  if (r.birthDate && parseLocalDate(r.birthDate) && parseLocalDate(today))
    parts.push(`${ageOn(r.birthDate, today)} 岁`);
  return parts.join(' · ');
}

/** '3栋2单元501室' from the parts on file ('' when none). */
export function residentAddress(r: { building?: string; unit?: string; room?: string }): string {
  return [r.building && `${r.building}栋`, r.unit && `${r.unit}单元`, r.room && `${r.room}室`].filter(Boolean).join('');
}
