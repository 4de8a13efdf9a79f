/**
 * A community of the street's 社区名单 as typed (issue 27): name, code (the code its packages
 * carry, unique in the list), the office's contact person and phone. Pure checks with Chinese
 * messages at their field; the uniqueness of the code is the repository's (it reads the list).
 */
import { validateCommunityName } from '../community';
import { validatePhone } from '../phone';
import { validateCommunityCode } from '../trackingNumber';

export type StreetCommunityInput = { code: string; name: string; contact: string; phone: string };
export type StreetCommunityField = keyof StreetCommunityInput;
export type StreetCommunityCheck =
  { ok: true; value: StreetCommunityInput } | { ok: false; field: StreetCommunityField; message: string };

/** Checks and normalises one community (code upper-cased, texts trimmed, the phone as validated). */
export function checkStreetCommunity(input: StreetCommunityInput): StreetCommunityCheck {
  const name = validateCommunityName(input.name);
  if (name) return { ok: false, field: 'name', message: name };
  const code = validateCommunityCode(input.code);
  if (!code.ok) return { ok: false, field: 'code', message: code.message };
  const contact = input.contact.trim();
  if (!contact) return { ok: false, field: 'contact', message: '请填写社区联系人' };
  if ([...contact].length > 20) return { ok: false, field: 'contact', message: '联系人不超过 20 个字' };
  if (!input.phone.trim()) return { ok: false, field: 'phone', message: '请填写社区办公电话' };
  const phone = validatePhone(input.phone);
  if (!phone.ok) return { ok: false, field: 'phone', message: phone.message };
  return { ok: true, value: { code: code.value, name: input.name.trim(), contact, phone: phone.value } };
}
