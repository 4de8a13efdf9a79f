/** Issue 25 item 19: a shown field message follows the value; fields not shown stay unchecked. */
import { describe, expect, it } from 'vitest';
import { recheckShown } from '../../../renderer/src/app/useFieldErrors';

describe('recheckShown', () => {
  it('clears a message once its field is valid, keeps unshown fields quiet', () => {
    const shown: Record<string, unknown> = { idNumber: '校验位不正确，请核对' };
    expect(recheckShown(shown, { phone: '请填写联系电话' })).toEqual({});
  });
  it('turns a message into the new value’s message', () => {
    expect(
      recheckShown({ phone: '手机号应为 11 位，当前为 7 位' }, { phone: '手机号应为 11 位，当前为 10 位' }),
    ).toEqual({
      phone: '手机号应为 11 位，当前为 10 位',
    });
  });
  it('answers the same object when nothing changed (no re-render), and leaves per-row lists alone', () => {
    const shown: Record<string, unknown> = { phone: '请填写联系电话', caseErrors: [{ matter: '请选择事项' }] };
    expect(recheckShown(shown, { phone: '请填写联系电话' })).toBe(shown);
  });
});
