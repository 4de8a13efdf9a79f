/**
 * The page's key store in Electron (renderer/src/platform/backupKeys.ts bridgeStore) against the
 * real main service behind the contract's schemas: it keeps only the own key, another machine's
 * backup is opened by main (Chinese refusals at the passphrase field), and the page can never
 * find another machine's key afterwards.
 */
import { describe, expect, it } from 'vitest';
import { requestSchemas, type DeskBridge } from '@shared/ipc/contract';
import { createBackupsService } from '../../../electron/main/services/backups';
import { bridgeStore, KEY_STORE_MESSAGES } from '../../../renderer/src/platform/backupKeys';
import { newBackupKey, sealBackup } from '../../../renderer/src/db/backup/seal';
import { DomainRefusal } from '../../../renderer/src/db/refusal';
import { fakeVault } from '../electron/fakes';

function mainBehindTheBridge(vault = fakeVault()) {
  const s = createBackupsService({
    fs: {} as never,
    chosenDir: () => null,
    defaultDir: '/unused',
    dataDir: '/unused',
    vault,
    integrity: { get: () => null, set: () => undefined },
    pickFolder: async () => null,
    setChosenDir: () => undefined,
    platform: 'linux',
  });
  const calls: string[] = [];
  const bridge: Pick<DeskBridge, 'loadBackupKey' | 'saveBackupKey' | 'openBackup'> = {
    loadBackupKey: async () => (calls.push('keyLoad'), s.loadBackupKey()),
    saveBackupKey: async (r) => (calls.push('keySave'), s.saveBackupKey(requestSchemas['backup:keySave'].parse(r))),
    openBackup: async (r) => (calls.push('open'), s.openBackup(requestSchemas['backup:open'].parse(r))),
  };
  return { bridge, calls };
}

const TABLES = { residents: [{ id: 'r1' }] };
const header = { app: 't', schema: 3, createdAt: 1, createdBy: null, community: 'THL', generation: 'g' };

async function refusal(p: Promise<unknown>): Promise<DomainRefusal> {
  const e = await p.then(
    () => null,
    (x: unknown) => x,
  );
  expect(e).toBeInstanceOf(DomainRefusal);
  return e as DomainRefusal;
}

describe('the page keeps its own backup key only (Electron)', () => {
  it("opens another machine's backup through main and never holds that machine's key", async () => {
    const { bridge, calls } = mainBehindTheBridge();
    const store = bridgeStore(bridge);
    const mine = await newBackupKey('本机 春天 花开 满园', 1000);
    await store.save(mine.raw, mine.backupKey.keyId, mine.backupKey.passphraseKey, true);
    expect((await store.load())?.keyId).toBe(mine.backupKey.keyId);

    const other = await newBackupKey('别处 夏夜 荷塘 月色', 1000);
    const file = await sealBackup(TABLES, { ...header, kind: 'regular', counts: { residents: 1 } }, other.backupKey);
    const need = await refusal(store.open!(file, { currentSchema: 3 }));
    expect([need.message, need.field]).toEqual(['这个备份不是本机制作的，请输入制作它时设置的备份密码', 'passphrase']);
    const wrong = await refusal(store.open!(file, { currentSchema: 3, passphrase: '本机 春天 花开 满园' }));
    expect([wrong.message, wrong.field]).toEqual(['备份密码不正确', 'passphrase']);
    expect((await refusal(store.open!(file, { currentSchema: 2 }))).message).toContain('数据版本 3');
    expect(await store.open!(file, { currentSchema: 3, passphrase: '别处 夏夜 荷塘 月色' })).toEqual({
      header: { ...header, kind: 'regular', counts: { residents: 1 }, keyId: other.backupKey.keyId },
      tables: TABLES,
    });
    // Main kept it; the page cannot get it, and keeping a foreign key is not the page's to do.
    expect(await store.find(other.backupKey.keyId)).toBeNull();
    calls.length = 0;
    await store.save(other.raw, other.backupKey.keyId, other.backupKey.passphraseKey, false);
    expect(calls).toEqual([]);
    expect(await store.open!(file, { currentSchema: 3 })).toMatchObject({ tables: TABLES });
    expect((await store.load())?.keyId).toBe(mine.backupKey.keyId);
  });

  it('a key ring main cannot read is told as such (Chinese), never taken for none; only a new own key sets it aside', async () => {
    const vault = fakeVault();
    const { bridge } = mainBehindTheBridge(vault);
    const store = bridgeStore(bridge);
    const mine = await newBackupKey('本机 春天 花开 满园', 1000);
    await store.save(mine.raw, mine.backupKey.keyId, mine.backupKey.passphraseKey, true);
    const sealed = vault.store.data.get('key');

    vault.safeStorage.osKeyChanged();
    expect((await refusal(store.load())).message).toBe(KEY_STORE_MESSAGES['backup-key-store-unreadable']);
    // Another machine's file opens with its passphrase, but its key is not written over the ring.
    const other = await newBackupKey('别处 夏夜 荷塘 月色', 1000);
    const file = await sealBackup(TABLES, { ...header, kind: 'regular', counts: { residents: 1 } }, other.backupKey);
    expect(await store.open!(file, { currentSchema: 3, passphrase: '别处 夏夜 荷塘 月色' })).toMatchObject({
      tables: TABLES,
    });
    expect(vault.store.data.get('key')).toBe(sealed);

    // An admin's new passphrase: the unreadable ring is kept aside, the new key is the own one.
    const fresh = await newBackupKey('新的 秋天 桂花 飘香', 1000);
    await store.save(fresh.raw, fresh.backupKey.keyId, fresh.backupKey.passphraseKey, true);
    expect((await store.load())?.keyId).toBe(fresh.backupKey.keyId);
    expect(vault.store.data.get('unreadable')).toEqual([{ at: 1_700_000_000_000, sealed }]);
  });

  it('OS encryption unavailable: loading and keeping a key are refused in Chinese', async () => {
    const vault = fakeVault();
    const { bridge } = mainBehindTheBridge(vault);
    const store = bridgeStore(bridge);
    const mine = await newBackupKey('本机 春天 花开 满园', 1000);
    await store.save(mine.raw, mine.backupKey.keyId, mine.backupKey.passphraseKey, true);
    vault.safeStorage.setAvailable(false);
    const unavailable = KEY_STORE_MESSAGES['backup-key-store-unavailable'];
    expect((await refusal(store.load())).message).toBe(unavailable);
    const next = await newBackupKey('新的 秋天 桂花 飘香', 1000);
    const saving = store.save(next.raw, next.backupKey.keyId, next.backupKey.passphraseKey, true);
    expect((await refusal(saving)).message).toBe(unavailable);
    vault.safeStorage.setAvailable(true);
    expect((await store.load())?.keyId).toBe(mine.backupKey.keyId);
  });
});
