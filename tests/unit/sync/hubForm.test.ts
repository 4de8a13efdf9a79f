import { describe, expect, it } from 'vitest';
import { HUB_FORM_MESSAGES as M, validateHubForm } from '../../../renderer/src/features/sync/hubForm';

const form = (change: Partial<Parameters<typeof validateHubForm>[0]> = {}) =>
  validateHubForm({
    url: 'https://192.168.1.10:6984/center-ylq',
    username: 'desk2',
    password: 'hub secret',
    allowPlainHttp: false,
    ...change,
  });

describe('the join form', () => {
  it('keeps a right form as the hub config (address without trailing slash, account trimmed)', () => {
    expect(form({ url: ' https://hub.local:6984/center-ylq/ ', username: ' desk2 ' })).toEqual({
      ok: true,
      value: {
        url: 'https://hub.local:6984/center-ylq',
        username: 'desk2',
        password: 'hub secret',
        allowPlainHttp: false,
      },
    });
  });

  it.each([
    ['', M.urlEmpty],
    ['192.168.1.10:6984/center', M.urlShape],
    ['ftp://192.168.1.10/center', M.urlShape],
    ['https://192.168.1.10:6984', M.urlNoDatabase],
    ['https://192.168.1.10:6984/', M.urlNoDatabase],
    ['https://desk2:pw@192.168.1.10:6984/center', M.urlCredentials],
    ['https://192.168.1.10:6984/center?x=1', M.urlExtra],
    ['http://192.168.1.10:5984/center', M.plainHttp],
  ])('refuses the address %j at its field', (url, message) => {
    expect(form({ url })).toEqual({ ok: false, errors: { url: message } });
  });

  it('takes plain http only with the LAN checkbox ticked', () => {
    expect(form({ url: 'http://192.168.1.10:5984/center', allowPlainHttp: true })).toMatchObject({
      ok: true,
      value: { url: 'http://192.168.1.10:5984/center', allowPlainHttp: true },
    });
  });

  it('names every empty field at once', () => {
    expect(form({ url: '', username: '  ', password: '' })).toEqual({
      ok: false,
      errors: { url: M.urlEmpty, username: M.usernameEmpty, password: M.passwordEmpty },
    });
  });
});
