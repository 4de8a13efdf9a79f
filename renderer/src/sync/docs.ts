/**
 * A record ↔ its CouchDB document (contract.ts `SyncDoc`). The document holds the record as
 * stored without its derived index fields (DERIVED in derived.ts: every desk derives them again
 * through the same middleware), and without the audit log's local `seq` (each desk numbers its
 * own rows; the row's stable `id` names the document).
 */
import { DERIVED } from '../db/derived';
import type { EntityName } from '../db/entities';
import { SYNC_SCHEMA, syncDocId, type SyncDoc } from './contract';

/** The field that names a record's document: the primary key, but the audit row's stable `id`. */
export const docKeyField = (table: EntityName, primaryKey: string): string =>
  table === 'auditLog' ? 'id' : primaryKey;

/**
 * Fields of a record that are this desk's own and never travel: the audit row's local `seq`, and
 * a staff account's PIN verifier (sync-shared.md: a 6-digit PIN under PBKDF2 is cheap to guess
 * offline from the hub's disk, so it stays on the desk where it was set; inbound keeps the local one).
 */
export const DESK_OWN_FIELDS: { readonly [N in EntityName]?: readonly string[] } = {
  auditLog: ['seq'],
  staff: ['password'],
};

/** The fields a table's record leaves behind when it becomes a document. */
function localFields(table: EntityName): readonly string[] {
  return [...(DERIVED[table]?.fields ?? []), ...(DESK_OWN_FIELDS[table] ?? [])];
}

/** The record without the fields every desk computes (or numbers) for itself. */
export function portableRecord(table: EntityName, record: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...record };
  for (const f of localFields(table)) delete out[f];
  return out;
}

/** The document of `record` written by `desk` in the action `action` (its `_rev` is the pump's). */
export function toSyncDoc(
  table: EntityName,
  key: string,
  record: object,
  o: { desk: number; action: { id: string; size: number } },
): SyncDoc {
  return {
    _id: syncDocId(table, key),
    type: table,
    schema: SYNC_SCHEMA,
    desk: o.desk,
    action: o.action,
    record: portableRecord(table, record),
  };
}

/** The table and key a document id names (`cases:abc` → cases, abc; a meta key may hold ':'). */
export function parseSyncDocId(id: string): { table: string; key: string } | undefined {
  const colon = id.indexOf(':');
  if (colon <= 0) return undefined;
  return { table: id.slice(0, colon), key: id.slice(colon + 1) };
}
