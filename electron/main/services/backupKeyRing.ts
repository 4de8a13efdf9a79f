/**
 * This machine's backup keys, held by main only (issue 22): the own key (new backups are sealed
 * with it — the one key the renderer is given), the keys it retired when the admin changed the
 * backup passphrase (this machine's older backups still open without a passphrase), and the keys
 * of other machines' backups it has opened with their passphrase (newest first, at most 8).
 * Other machines' raw keys never leave main: the renderer asks main to OPEN a backup file
 * (`openBackupFile`), and gets its header and tables, never a key.
 *
 * The file format is shared/backup/format.ts; the renderer seals with WebCrypto
 * (renderer/src/db/backup/seal.ts), main opens with node:crypto — PBKDF2-SHA256 for the
 * passphrase, AES-256-GCM with the header and the wrapped key as additional data; format 2's
 * chunks (shared/backup/frames.ts) each gunzipped with node:zlib after their tag is checked.
 */

const gunzipAsync = promisify(gunzip);
import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { gunzip } from 'node:zlib';
import { promisify } from 'node:util';
import {
  additionalDataText,
  backupKeyRecordSchema,
  type BackupHeader,
  type BackupKeyRecord,
  type BackupOpenFailure,
  type WrappedKey,
} from '../../../shared/backup/format';
import {
  ChunkTally,
  chunkAdditionalDataText,
  parseBackupText,
  parseChunk,
  type ParsedBackup,
} from '../../../shared/backup/frames';
import { passphraseForms } from '../../../shared/backup/passphrase';

export type KeyRing = { own: BackupKeyRecord | null; retired: BackupKeyRecord[]; others: BackupKeyRecord[] };

export const MAX_ADOPTED_KEYS = 8;

export const EMPTY_RING: KeyRing = { own: null, retired: [], others: [] };

/** The ring as stored (JSON); a malformed record is left out, never the whole ring. */
export function parseRing(text: string | null): KeyRing {
  if (!text) return { ...EMPTY_RING };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { ...EMPTY_RING };
  }
  const r = (v ?? {}) as Partial<Record<keyof KeyRing, unknown>>;
  const one = (x: unknown) => {
    const p = backupKeyRecordSchema.safeParse(x);
    return p.success ? p.data : null;
  };
  const many = (x: unknown) => (Array.isArray(x) ? x.map(one).filter((k): k is BackupKeyRecord => k !== null) : []);
  return { own: one(r.own), retired: many(r.retired), others: many(r.others) };
}

/** The ring with `record` as the own key; the previous own key is retired, not dropped. */
export function withOwnKey(ring: KeyRing, record: BackupKeyRecord): KeyRing {
  const previous = ring.own && ring.own.keyId !== record.keyId ? [ring.own] : [];
  return {
    own: record,
    retired: [...previous, ...ring.retired.filter((k) => k.keyId !== record.keyId)],
    others: ring.others.filter((k) => k.keyId !== record.keyId),
  };
}

/**
 * The ring with another machine's key adopted — always BESIDE the own key, never as it: the own
 * key (which seals every new backup) comes only from an admin's passphrase (the first backup or
 * 更改备份密码), never from a file someone opened with a passphrase they know.
 */
export function withAdoptedKey(ring: KeyRing, record: BackupKeyRecord): KeyRing {
  return {
    ...ring,
    others: [record, ...ring.others.filter((k) => k.keyId !== record.keyId)].slice(0, MAX_ADOPTED_KEYS),
  };
}

function findKey(ring: KeyRing, keyId: string): BackupKeyRecord | null {
  return [ring.own, ...ring.retired, ...ring.others].find((k) => k?.keyId === keyId) ?? null;
}

class OpenFailure extends Error {
  constructor(readonly code: BackupOpenFailure) {
    super(code);
  }
}

/** Base64 that is exactly what it decodes to (no ignored bits): a changed character always shows. */
function strictB64(s: string): Buffer {
  const bytes = Buffer.from(s, 'base64');
  if (bytes.toString('base64') !== s) throw new OpenFailure('tampered');
  return bytes;
}

/** AES-256-GCM as WebCrypto writes it: the ciphertext followed by the 16-byte tag. */
function gcmOpen(key: Buffer, iv: Buffer, sealed: Buffer, aad?: Buffer): Buffer {
  if (sealed.length < 16) throw new Error('short');
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  if (aad) decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()]);
}

/** The key wrapped in the file, unwrapped with each form of the passphrase (passphraseForms). */
async function unwrap(w: WrappedKey, passphrase: string): Promise<Buffer> {
  const salt = strictB64(w.salt);
  const iv = strictB64(w.iv);
  const wrapped = strictB64(w.wrapped);
  for (const text of passphraseForms(passphrase)) {
    const wrapping = await new Promise<Buffer>((ok, fail) =>
      pbkdf2(Buffer.from(text, 'utf8'), salt, w.iterations, 32, 'sha256', (e, k) => (e ? fail(e) : ok(k))),
    );
    try {
      return gcmOpen(wrapping, iv, wrapped);
    } catch {
      // the next form, if any
    }
  }
  throw new OpenFailure('wrongPassphrase');
}

export type OpenRequest = { content: string; passphrase?: string; currentSchema: number; verifyOnly?: boolean };
export type OpenResult =
  | { ok: true; header: BackupHeader; tables: Record<string, unknown[]> }
  | { ok: false; code: BackupOpenFailure; schema?: number };

/** Format 1: the whole database as one sealed JSON text. */
function openV1(raw: Buffer, file: Extract<ParsedBackup, { formatVersion: 1 }>): Record<string, unknown[]> {
  let plain: Buffer;
  try {
    plain = gcmOpen(
      raw,
      strictB64(file.file.iv),
      strictB64(file.file.data),
      Buffer.from(additionalDataText(file.header, file.passphraseKey), 'utf8'),
    );
  } catch (e) {
    throw e instanceof OpenFailure ? e : new OpenFailure('tampered');
  }
  let tables: unknown;
  try {
    tables = JSON.parse(plain.toString('utf8'));
  } catch {
    throw new OpenFailure('tampered');
  }
  if (!tables || typeof tables !== 'object' || Array.isArray(tables)) throw new OpenFailure('tampered');
  for (const [name, rows] of Object.entries(tables))
    if (!Array.isArray(rows) || rows.length !== file.header.counts[name]) throw new OpenFailure('tampered');
  return tables as Record<string, unknown[]>;
}

/** Format 2: chunk by chunk (tag, then gunzip, then the row count); the totals checked at the end. */
async function openChunks(
  raw: Buffer,
  file: Extract<ParsedBackup, { formatVersion: 2 }>,
  verifyOnly: boolean,
): Promise<Record<string, unknown[]>> {
  const tally = new ChunkTally(file.header.counts);
  const tables = new Map<string, unknown[]>(Object.keys(file.header.counts).map((t) => [t, []]));
  for (const [index, line] of file.chunkLines.entries()) {
    const chunk = parseChunk(line);
    if (!chunk || !tally.add(chunk.table, chunk.rows)) throw new OpenFailure('tampered');
    let rows: unknown;
    try {
      const aad = Buffer.from(chunkAdditionalDataText(file, index, chunk.table, chunk.rows), 'utf8');
      const plain = gcmOpen(raw, strictB64(chunk.iv), strictB64(chunk.data), aad);
      rows = JSON.parse((await gunzipAsync(plain)).toString('utf8'));
    } catch {
      throw new OpenFailure('tampered');
    }
    if (!Array.isArray(rows) || rows.length !== chunk.rows) throw new OpenFailure('tampered');
    if (!verifyOnly) {
      const into = tables.get(chunk.table)!;
      for (const row of rows) into.push(row);
    }
  }
  if (!tally.complete()) throw new OpenFailure('tampered');
  return verifyOnly ? {} : Object.fromEntries(tables);
}

/**
 * Decrypts and verifies a backup (either format: shared/backup/frames.ts) with the ring's keys
 * (no passphrase needed for this machine's own backups) or with the passphrase. `adopt`: the key
 * a passphrase unlocked that the ring did not hold yet — the caller keeps it. `verifyOnly`
 * (检查备份): every chunk checked, no table returned. Nothing is thrown: a refusal is a code.
 */
export async function openBackupFile(
  ring: KeyRing,
  request: OpenRequest,
): Promise<{ result: OpenResult; adopt?: BackupKeyRecord }> {
  const file = parseBackupText(request.content);
  if (!file) return { result: { ok: false, code: 'notBackup' } };
  if (file.header.schema > request.currentSchema)
    return { result: { ok: false, code: 'newer', schema: file.header.schema } };
  try {
    let raw: Buffer;
    let adopt: BackupKeyRecord | undefined;
    const known = request.passphrase ? null : findKey(ring, file.header.keyId);
    if (known) raw = Buffer.from(known.rawB64, 'base64');
    else if (request.passphrase) {
      raw = await unwrap(file.passphraseKey, request.passphrase);
      if (!findKey(ring, file.header.keyId))
        adopt = { keyId: file.header.keyId, rawB64: raw.toString('base64'), passphraseKey: file.passphraseKey };
    } else throw new OpenFailure('needPassphrase');
    const tables =
      file.formatVersion === 1 ? openV1(raw, file) : await openChunks(raw, file, request.verifyOnly === true);
    return { result: { ok: true, header: file.header, tables: request.verifyOnly ? {} : tables }, adopt };
  } catch (e) {
    if (e instanceof OpenFailure) return { result: { ok: false, code: e.code } };
    throw e;
  }
}
