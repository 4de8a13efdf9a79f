/**
 * Item 7: a restore is refused while the desk is joined to its center (it would rewind every
 * other desk); a backup made while joined restores as a desk alone — no membership, no outbox.
 */
import { describe, expect, it } from 'vitest';
import { makeBackup } from '../../../renderer/src/db/backup/make';
import { restoreBackup, RESTORE_WHILE_JOINED } from '../../../renderer/src/db/backup/restore';
import { failureMessage } from '../../../renderer/src/db/refusal';
import { isJoined, setJoined } from '../../../renderer/src/sync/outbox';
import { memoryBackupDeps } from '../backupDeps';
import { acceptCommittedCase } from '../testDb';
import { joinedWorld } from './world';

const PASSPHRASE = '梅花香自苦寒来2026年';

describe('restore and the center', () => {
  it('refused while joined, nothing changed; a backup made while joined restores alone', async () => {
    const { db, desk, zhang } = await joinedWorld();
    const deps = memoryBackupDeps();
    await acceptCommittedCase(desk, zhang.id);
    expect(await db.outbox.count()).toBe(1);
    const made = await makeBackup(desk, deps, 'regular', { passphrase: PASSPHRASE });
    if (!made.ok) throw new Error(made.message);
    const text = deps.files.get(made.name)!;
    const events = await db.caseEvents.count();
    const refused = await restoreBackup(desk, deps, text, undefined, { liveBackedUp: true }).then(
      () => undefined,
      failureMessage,
    );
    expect(refused?.message).toBe(RESTORE_WHILE_JOINED);
    expect(await db.caseEvents.count()).toBe(events);
    // Left the center (as leaveCenter leaves it), the same backup restores — as a desk alone.
    await db.deskMeta.delete('joinedCenter');
    setJoined(db, false);
    await restoreBackup(desk, deps, text, undefined, { liveBackedUp: true });
    expect(await db.deskMeta.get('joinedCenter')).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await isJoined(db)).toBe(false);
    expect(await db.caseEvents.count()).toBe(events);
  });
});
