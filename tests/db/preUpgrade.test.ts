/**
 * The backup before a schema upgrade: the database on disk is read as it is (NOT upgraded by
 * the read), the backup says its old version, and after the upgrade it still restores.
 */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { backupBeforeUpgrade } from '../../renderer/src/db/backup/preUpgrade';
import { pendingUpgradeFrom } from '../../renderer/src/db/backup/pendingUpgrade';
import { openBackup } from '../../renderer/src/db/backup/seal';
import { memoryBackupDeps as memoryDeps } from './backupDeps';
import { replaceAll } from '../../renderer/src/db/backup/snapshot';
import { oldCase, openShipped } from './shippedSchemas';

describe('backup before an upgrade', () => {
  it('reads the old version as it is, and the backup restores after the upgrade', async () => {
    expect(new DutyDeskDB('verno-check').verno).toBe(SCHEMA_VERSION);
    const name = `pre-upgrade-${Date.now()}`;
    const v3 = openShipped(name, 3);
    await v3.table('cases').add(
      oldCase('1', {
        id: 'c1',
        deadline: '2026-11-05',
        flags: ['在办'],
        queueKeys: ['在办|2026-11-05|THL-20261101-0001'],
      }),
    );
    v3.close();
    expect(await pendingUpgradeFrom(name)).toBe(3);

    const deps = memoryDeps();
    await expect(backupBeforeUpgrade(deps, { now: 5, name })).rejects.toThrow('备份密码');
    const outcome = await backupBeforeUpgrade(deps, { now: 5, name, passphrase: '升级之前先把数据存好 2026' });
    expect(outcome.ok).toBe(true);
    expect(await pendingUpgradeFrom(name)).toBe(3); // still not upgraded
    const [fileName, text] = [...deps.files][0]!;
    expect(fileName).toMatch(/-preUpgrade\.ddbak$/);

    // The upgrade runs; the pre-upgrade backup still opens and restores into the new schema.
    const db = new DutyDeskDB(name);
    await db.open();
    expect(await pendingUpgradeFrom(name)).toBeNull();
    const opened = await openBackup(text, { currentSchema: db.verno, machineKey: await deps.keys.load() });
    expect(opened.header.schema).toBe(3);
    expect(opened.header.counts.cases).toBe(1);
    await replaceAll(db, opened.tables);
    expect((await db.cases.get('c1'))?.queueKeys).toContain('在办||2026-11-05|THL-20261101-0001');
    db.close();
  });
});
