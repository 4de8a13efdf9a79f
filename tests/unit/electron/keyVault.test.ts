// The backup key ring under safeStorage, with the fake following Electron's documented behaviour:
// encryption unavailable, decryption failing after the OS key changed.
import { describe, expect, it, vi } from 'vitest';
import { createKeyVault } from '../../../electron/main/services/keyVault';
import { fakeSafeStorage, fakeStore } from './fakes';

const RING = JSON.stringify({ own: { keyId: 'k1', rawB64: 'c2VjcmV0LWtleS1ieXRlcw==' }, others: [] });

function setup(init: Parameters<typeof fakeSafeStorage>[0] = {}) {
  const safeStorage = fakeSafeStorage(init);
  const store = fakeStore();
  const log = vi.fn<(line: string) => void>();
  return { safeStorage, store, log, vault: createKeyVault({ safeStorage, store, log }) };
}

const logged = (log: { mock: { calls: string[][] } }) => log.mock.calls.map((c) => c[0]).join('\n');

describe('backup key vault (safeStorage)', () => {
  it('keeps the ring only OS-encrypted and reads it back', () => {
    const { vault, store, log } = setup();
    expect(vault.load()).toBeNull();
    vault.save(RING);
    const stored = String(store.data.get('key'));
    expect(stored).not.toContain('c2VjcmV0');
    expect(Buffer.from(stored, 'base64').toString('utf8')).not.toContain('secret');
    expect(vault.load()).toBe(RING);
    expect(log).not.toHaveBeenCalled();
  });

  it('encryption unavailable: save refuses with a code and writes nothing; load answers null', () => {
    const { vault, store, safeStorage, log } = setup({ available: false });
    expect(() => vault.save(RING)).toThrow('backup-key-store-unavailable');
    expect(store.set).not.toHaveBeenCalled();
    expect(safeStorage.encryptString).not.toHaveBeenCalled();

    // A ring saved while it was available, read while it is not (before 'ready', keyring locked).
    safeStorage.setAvailable(true);
    vault.save(RING);
    safeStorage.setAvailable(false);
    expect(vault.load()).toBeNull();
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
    expect(logged(log)).toMatch(/unavailable/);
    expect(logged(log)).not.toMatch(/c2VjcmV0|secret|k1/);
  });

  it('encryptString throwing (documented: "throws if encryption fails") is the same refusal', () => {
    const { vault, store, safeStorage } = setup();
    safeStorage.encryptString.mockImplementationOnce(() => {
      throw new Error('Error while encrypting the text provided to safeStorage.encryptString.');
    });
    expect(() => vault.save(RING)).toThrow('backup-key-store-unavailable');
    expect(store.set).not.toHaveBeenCalled();
  });

  it('decryptString throwing (the OS key changed): load answers null, logs the event only, keeps the stored copy', () => {
    const { vault, store, safeStorage, log } = setup();
    vault.save(RING);
    const stored = store.data.get('key');
    safeStorage.osKeyChanged();
    expect(() => safeStorage.decryptString(Buffer.from(String(stored), 'base64'))).toThrow(); // as Electron does
    expect(vault.load()).toBeNull();
    expect(store.data.get('key')).toBe(stored);
    expect(log.mock.calls).toEqual([['backup key: the OS could not decrypt it']]);
  });

  it('a corrupted stored value is not a crash', () => {
    const { vault, store, log } = setup();
    store.data.set('key', '%%% not base64 %%%');
    expect(vault.load()).toBeNull();
    store.data.set('key', 42);
    expect(vault.load()).toBeNull();
    expect(logged(log)).not.toMatch(/%%%/);
  });
});
