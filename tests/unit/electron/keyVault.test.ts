// The backup key ring under safeStorage, with the fake following Electron's documented behaviour:
// encryption unavailable, decryption failing after the OS key changed — and a ring that cannot be
// read is told apart from none, never overwritten (issue 22's review), set aside only when asked.
import { describe, expect, it, vi } from 'vitest';
import { ASIDE, createKeyVault, FILE_SET_ASIDE, openVaultStore } from '../../../electron/main/services/keyVault';
import { fakeSafeStorage, fakeStore } from './fakes';

const RING = JSON.stringify({ own: { keyId: 'k1', rawB64: 'c2VjcmV0LWtleS1ieXRlcw==' }, others: [] });
const NEW_RING = JSON.stringify({ own: { keyId: 'k2', rawB64: 'bmV3LWtleS1ieXRlcw==' }, others: [] });

function setup(init: Parameters<typeof fakeSafeStorage>[0] = {}) {
  const safeStorage = fakeSafeStorage(init);
  const store = fakeStore();
  const log = vi.fn<(line: string) => void>();
  return { safeStorage, store, log, vault: createKeyVault({ safeStorage, store, log, now: () => 1234 }) };
}

const logged = (log: { mock: { calls: string[][] } }) => log.mock.calls.map((c) => c[0]).join('\n');

describe('backup key vault (safeStorage)', () => {
  it('keeps the ring only OS-encrypted and reads it back', () => {
    const { vault, store, log } = setup();
    expect(vault.load()).toEqual({ state: 'none' });
    vault.save(RING);
    const stored = String(store.data.get('key'));
    expect(stored).not.toContain('c2VjcmV0');
    expect(Buffer.from(stored, 'base64').toString('utf8')).not.toContain('secret');
    expect(vault.load()).toEqual({ state: 'ok', text: RING });
    expect(log).not.toHaveBeenCalled();
  });

  it('encryption unavailable: save refuses with a code and writes nothing; load says unreadable, not none', () => {
    const { vault, store, safeStorage, log } = setup({ available: false });
    expect(() => vault.save(RING)).toThrow('backup-key-store-unavailable');
    expect(store.set).not.toHaveBeenCalled();
    expect(safeStorage.encryptString).not.toHaveBeenCalled();

    // A ring saved while it was available, read while it is not (before 'ready', keyring locked).
    safeStorage.setAvailable(true);
    vault.save(RING);
    safeStorage.setAvailable(false);
    expect(vault.load()).toEqual({ state: 'unreadable', why: 'unavailable' });
    expect(safeStorage.decryptString).not.toHaveBeenCalled();
    expect(() => vault.save(NEW_RING, { setAside: true })).toThrow('backup-key-store-unavailable');
    safeStorage.setAvailable(true);
    expect(vault.load()).toEqual({ state: 'ok', text: RING });
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

  it('decryptString throwing (the OS key changed): unreadable; a save is refused and the stored ring kept as it is', () => {
    const { vault, store, safeStorage, log } = setup();
    vault.save(RING);
    const stored = store.data.get('key');
    safeStorage.osKeyChanged();
    expect(() => safeStorage.decryptString(Buffer.from(String(stored), 'base64'))).toThrow(); // as Electron does
    expect(vault.load()).toEqual({ state: 'unreadable', why: 'undecryptable' });
    expect(() => vault.save(NEW_RING)).toThrow('backup-key-store-unreadable');
    expect(store.data.get('key')).toBe(stored);
    expect(store.data.has(ASIDE)).toBe(false);
    expect(logged(log)).not.toMatch(/c2VjcmV0|secret|k1/);
  });

  it('asked to set it aside (an admin set a new passphrase): the unreadable ring is kept under `unreadable`, the new one saved', () => {
    const { vault, store, safeStorage } = setup();
    vault.save(RING);
    const stored = store.data.get('key');
    safeStorage.osKeyChanged();
    vault.save(NEW_RING, { setAside: true });
    expect(vault.load()).toEqual({ state: 'ok', text: NEW_RING });
    expect(store.data.get(ASIDE)).toEqual([{ at: 1234, sealed: stored }]);
    // The next save over a readable ring sets nothing more aside.
    vault.save(RING, { setAside: true });
    expect(store.data.get(ASIDE)).toEqual([{ at: 1234, sealed: stored }]);
  });

  it.each([
    ['not base64', '%%% not base64 %%%'],
    ['not text', 42],
    ['the mark of a key file set aside', FILE_SET_ASIDE],
  ])('a corrupted stored value (%s) is unreadable, not none, and not a crash', (_, value) => {
    const { vault, store, log } = setup();
    store.data.set('key', value);
    expect(vault.load()).toEqual({ state: 'unreadable', why: 'corrupt' });
    expect(() => vault.save(RING)).toThrow('backup-key-store-unreadable');
    expect(store.data.get('key')).toBe(value);
    expect(logged(log)).not.toMatch(/%%%/);
  });

  it('a value that decrypts to something that is not a ring is unreadable too', () => {
    const { vault, store, safeStorage } = setup();
    store.data.set('key', safeStorage.encryptString('{"own": tru').toString('base64'));
    expect(vault.load()).toEqual({ state: 'unreadable', why: 'corrupt' });
  });
});

describe('the key file itself unreadable (electron-store without clearInvalidConfig)', () => {
  it('is renamed aside, and the new store says unreadable until an admin sets a new passphrase', () => {
    const store = fakeStore();
    const setFileAside = vi.fn();
    let opens = 0;
    const opened = openVaultStore({
      open: () => {
        opens += 1;
        if (opens === 1) throw new SyntaxError('Unexpected token in JSON at position 3');
        return store;
      },
      setFileAside,
      log: () => undefined,
    });
    expect(setFileAside).toHaveBeenCalledOnce();
    const vault = createKeyVault({ safeStorage: fakeSafeStorage(), store: opened, log: () => undefined });
    expect(vault.load()).toEqual({ state: 'unreadable', why: 'corrupt' });
    expect(() => vault.save(RING)).toThrow('backup-key-store-unreadable');
    vault.save(RING, { setAside: true });
    expect(vault.load()).toEqual({ state: 'ok', text: RING });
  });

  it('a readable file is opened as it is', () => {
    const store = fakeStore();
    const setFileAside = vi.fn();
    expect(openVaultStore({ open: () => store, setFileAside, log: () => undefined })).toBe(store);
    expect(setFileAside).not.toHaveBeenCalled();
    expect(store.set).not.toHaveBeenCalled();
  });
});
