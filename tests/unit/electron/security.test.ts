import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, isAllowedUrl, isPermissionAllowed, originOf } from '../../../electron/main/security';
import { fakeContents } from './fakes';

// The policy itself: csp.test.ts.

describe('originOf', () => {
  it('computes the origin of the custom scheme (URL.origin would say "null")', () => {
    expect(originOf('app://duty-desk/index.html#/intake')).toBe('app://duty-desk');
    expect(originOf('APP://Duty-Desk/x')).toBe('app://duty-desk');
    expect(originOf('http://localhost:5173/src/main.tsx')).toBe('http://localhost:5173');
  });

  it('refuses URLs without a usable origin or with credentials', () => {
    expect(originOf('')).toBeNull();
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('file:///C:/x.html')).toBeNull();
    expect(originOf('data:text/html,hi')).toBeNull();
    expect(originOf('app://duty-desk@evil.example/')).toBeNull();
  });

  it('isAllowedUrl matches whole origins only', () => {
    const allowed = ['app://duty-desk'];
    expect(isAllowedUrl('app://duty-desk/index.html', allowed)).toBe(true);
    expect(isAllowedUrl('app://duty-desk.evil/index.html', allowed)).toBe(false);
    expect(isAllowedUrl('app://duty-desk:8080/', allowed)).toBe(false);
    expect(isAllowedUrl('https://duty-desk/', allowed)).toBe(false);
  });
});

describe('permissions', () => {
  it('denies everything', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'midi',
    ]) {
      expect(isPermissionAllowed(permission), permission).toBe(false);
    }
  });
});

const preventable = (url?: string) => ({ preventDefault: vi.fn(), ...(url ? { url } : {}) });

describe('hardenWebContents', () => {
  it('blocks navigation away from the app origin and allows in-app navigation', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, 'app://duty-desk');

    const away = preventable();
    fire('will-navigate', away, 'https://example.com/phish');
    expect(away.preventDefault).toHaveBeenCalled();

    const fileNav = preventable();
    fire('will-navigate', fileNav, 'file:///etc/passwd');
    expect(fileNav.preventDefault).toHaveBeenCalled();

    const inside = preventable();
    fire('will-navigate', inside, 'app://duty-desk/index.html');
    expect(inside.preventDefault).not.toHaveBeenCalled();
  });

  it('blocks sub-frame navigation and redirects to foreign origins', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, ['app://duty-desk', 'http://localhost:5173']);

    const frame = preventable('https://example.com/');
    fire('will-frame-navigate', frame);
    expect(frame.preventDefault).toHaveBeenCalled();

    const devFrame = preventable('http://localhost:5173/');
    fire('will-frame-navigate', devFrame);
    expect(devFrame.preventDefault).not.toHaveBeenCalled();

    const redirect = preventable();
    fire('will-redirect', redirect, 'https://example.com/');
    expect(redirect.preventDefault).toHaveBeenCalled();
  });

  it('denies every new window, even same-origin ones', () => {
    const { contents, openHandler } = fakeContents();
    hardenWebContents(contents, 'app://duty-desk');
    const handler = openHandler();
    expect(handler).toBeDefined();
    expect(handler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'app://duty-desk/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching a <webview>', () => {
    const { contents, fire } = fakeContents();
    hardenWebContents(contents, 'app://duty-desk');
    const event = preventable();
    fire('will-attach-webview', event, {}, {});
    expect(event.preventDefault).toHaveBeenCalled();
  });
});
