// The hub config under safeStorage (issue 24), with the fakes that follow Electron's documented
// failures; the TLS rule (http only by the admin's choice); and Electron's CSP naming the
// configured hub and nothing else.
import { describe, expect, it, vi } from 'vitest';
import { createHubConfigService, HUB_CONFIG_ERRORS } from '../../../electron/main/services/hubConfig';
import { cspHeader, ELECTRON_CSP_PARAMS, parseCsp } from '../../../electron/main/csp';
import { HUB_CONFIG_MESSAGES, hubConfigProblem, hubOrigin } from '../../../shared/sync/hubConfig';
import { fakeSafeStorage, fakeStore } from './fakes';

const CONFIG = {
  url: 'https://192.168.1.10:6984/center-ylq',
  username: 'desk1',
  password: 'S3cret-hub-pass',
  allowPlainHttp: false,
};

function setup(init: Parameters<typeof fakeSafeStorage>[0] = {}) {
  const safeStorage = fakeSafeStorage(init);
  const store = fakeStore();
  const log = vi.fn<(line: string) => void>();
  const onOriginChange = vi.fn<(origin: string | null) => void>();
  return {
    safeStorage,
    store,
    log,
    onOriginChange,
    service: createHubConfigService({ safeStorage, store, log, onOriginChange }),
  };
}

describe('hub config (safeStorage)', () => {
  it('keeps the config only OS-encrypted, reads it back, and tells main the origin', () => {
    const { service, store, onOriginChange } = setup();
    expect(service.loadHubConfig()).toBeNull();
    service.saveHubConfig(CONFIG);
    for (const value of store.data.values()) {
      expect(String(value)).not.toContain('S3cret');
      expect(Buffer.from(String(value), 'base64').toString('utf8')).not.toContain('S3cret');
    }
    expect(service.loadHubConfig()).toEqual(CONFIG);
    expect(service.hubOrigin()).toBe('https://192.168.1.10:6984');
    expect(onOriginChange).toHaveBeenLastCalledWith('https://192.168.1.10:6984');
    service.saveHubConfig(null);
    expect(service.loadHubConfig()).toBeNull();
    expect(service.hubOrigin()).toBeNull();
    expect(onOriginChange).toHaveBeenLastCalledWith(null);
  });

  it('encryption unavailable: save refuses and writes nothing', () => {
    const { service, store, onOriginChange } = setup({ available: false });
    expect(() => service.saveHubConfig(CONFIG)).toThrow(HUB_CONFIG_ERRORS.unavailable);
    expect(store.set).not.toHaveBeenCalled();
    expect(onOriginChange).not.toHaveBeenCalled();
  });

  it('the OS key changed: the config reads as none (entered again), the log names no secret', () => {
    const { service, safeStorage, log } = setup();
    service.saveHubConfig(CONFIG);
    safeStorage.osKeyChanged();
    expect(service.loadHubConfig()).toBeNull();
    const lines = log.mock.calls.map((c) => c[0]).join('\n');
    expect(lines).toMatch(/unreadable/);
    expect(lines).not.toMatch(/S3cret|desk1|192\.168/);
  });

  it('refuses plain http unless the admin allowed it, and a URL with credentials', () => {
    const { service, store } = setup();
    const plain = { ...CONFIG, url: 'http://192.168.1.10:5984/center-ylq' };
    expect(() => service.saveHubConfig(plain)).toThrow(HUB_CONFIG_ERRORS.invalid);
    expect(store.set).not.toHaveBeenCalled();
    expect(hubConfigProblem(plain)).toEqual({ field: 'url', message: HUB_CONFIG_MESSAGES.plainHttp });
    expect(hubConfigProblem({ ...plain, allowPlainHttp: true })).toBeUndefined();
    service.saveHubConfig({ ...plain, allowPlainHttp: true });
    expect(service.hubOrigin()).toBe('http://192.168.1.10:5984');
    const withUser = { ...CONFIG, url: 'https://desk1:pw@192.168.1.10:6984/center-ylq' };
    expect(hubConfigProblem(withUser)?.message).toBe(HUB_CONFIG_MESSAGES.credentialsInUrl);
    expect(hubConfigProblem({ ...CONFIG, url: 'https://192.168.1.10:6984/' })?.field).toBe('url');
    expect(hubOrigin({ ...CONFIG, url: 'ftp://x/y' })).toBeNull();
  });

  it('Electron’s CSP names the configured hub in connect-src, and nothing else changes', () => {
    const origin = hubOrigin(CONFIG);
    const withHub = parseCsp(cspHeader({ ...ELECTRON_CSP_PARAMS, syncHubOrigin: origin }));
    const without = parseCsp(cspHeader(ELECTRON_CSP_PARAMS));
    expect(withHub.get('connect-src')).toEqual(["'self'", 'https://192.168.1.10:6984']);
    for (const [name, sources] of without) if (name !== 'connect-src') expect(withHub.get(name)).toEqual(sources);
  });
});
