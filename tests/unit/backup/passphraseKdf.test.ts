// One normal form of the backup passphrase for the rule AND the key derivation (issue 23, left
// from 22): a passphrase typed with a space at its end passes the rule as the text without it,
// so its key is derived from that text too — in the page (seal.ts) and in main
// (backupKeyRing.ts). A backup made before, whose key was derived with the space kept, still
// opens when the passphrase is typed as then.
import { describe, expect, it } from 'vitest';
import { EMPTY_RING, openBackupFile } from '../../../electron/main/services/backupKeyRing';
import { normalizePassphrase, passphraseForms } from '../../../shared/backup/passphrase';
import { toB64 } from '../../../renderer/src/db/bytes';
import {
  importBackupKey,
  newBackupKey,
  openBackup,
  sealBackup,
  type BackupKey,
} from '../../../renderer/src/db/backup/seal';

const PHRASE = '春天 花开 满园 香气';
const TABLES = { residents: [{ id: 'r1' }], auditLog: [] };
const HEADER = {
  app: 'test',
  schema: 5,
  createdAt: 1,
  createdBy: null,
  community: 'THL',
  generation: 'g',
  kind: 'regular' as const,
  counts: { residents: 1, auditLog: 0 },
};

/** A key as the versions before issue 23 made it: derived from NFKC with the spaces at the ends kept. */
async function keyMadeBefore(passphrase: string): Promise<BackupKey> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const base = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFKC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  const wrapping = await crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt'],
  );
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, wrapping, raw));
  return {
    keyId: toB64(crypto.getRandomValues(new Uint8Array(12))),
    key: await importBackupKey(raw),
    passphraseKey: {
      kdf: 'PBKDF2-SHA256',
      iterations: 1000,
      salt: toB64(salt),
      iv: toB64(iv),
      wrapped: toB64(wrapped),
    },
  };
}

/** Opens `file` with `passphrase` on a machine that has none of its keys: in the page and in main. */
async function opensWith(file: string, passphrase: string): Promise<[boolean, boolean]> {
  const page = await openBackup(file, { currentSchema: 5, passphrase }).then(
    () => true,
    () => false,
  );
  const main = (await openBackupFile(EMPTY_RING, { content: file, currentSchema: 5, passphrase })).result.ok;
  return [page, main];
}

describe('the backup passphrase: one normal form for the rule and the key', () => {
  it('the forms tried: the normal form first, the text as typed only where it differs', () => {
    expect(passphraseForms(PHRASE)).toEqual([PHRASE]);
    expect(passphraseForms(` ${PHRASE}  `)).toEqual([PHRASE, ` ${PHRASE}  `]);
    expect(passphraseForms('ＡＢＣ　ｄｅｆ')).toEqual(['ABC def']);
    expect(normalizePassphrase(`${PHRASE} `)).toBe(PHRASE);
  });

  it('a passphrase set with a space at its end opens its backups typed without it, and with it', async () => {
    const { backupKey } = await newBackupKey(`${PHRASE} `, 1000);
    const file = await sealBackup(TABLES, HEADER, backupKey);
    expect(await opensWith(file, PHRASE)).toEqual([true, true]);
    expect(await opensWith(file, `${PHRASE}   `)).toEqual([true, true]);
    expect(await opensWith(file, '夏夜 荷塘 月色 蛙鸣')).toEqual([false, false]);
  });

  it('a backup made before (key derived with the space kept) opens when the passphrase is typed as then', async () => {
    const file = await sealBackup(TABLES, HEADER, await keyMadeBefore(`${PHRASE} `));
    expect(await opensWith(file, `${PHRASE} `)).toEqual([true, true]);
    // Its key was never derived from the text without the space: that cannot open it.
    expect(await opensWith(file, PHRASE)).toEqual([false, false]);
  });
});
