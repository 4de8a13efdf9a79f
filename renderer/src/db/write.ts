/**
 * The single way repositories write: one read-write Dexie transaction per user action, with
 * an audit entry in the same transaction, and any failure turned into a `StorageError` that
 * is reported to the UI. Either the whole action is stored or none of it is.
 */
import type { Table } from 'dexie';
import type { AuditEntry } from '@shared/domain/records';
import type { DutyDeskDB } from './database';
import { reportStorageError, toStorageError } from './storageErrors';

export type Actor = { staffId: string | null; now: number };

export type WriteContext = {
  db: DutyDeskDB;
  actor: Actor;
  /** Adds an audit row inside the running transaction. */
  audit: (entry: Omit<AuditEntry, 'at' | 'staffId'>) => Promise<void>;
};

/**
 * Runs `fn` in one rw transaction over `tables` (the audit log is always included).
 * Throws `StorageError` (already reported to the UI) when the database refuses the write.
 * Errors that are not storage failures (e.g. a domain rule refusing the action) pass through.
 */
export async function writeTx<T>(
  db: DutyDeskDB,
  actor: Actor,
  tables: Table[],
  fn: (ctx: WriteContext) => Promise<T>,
): Promise<T> {
  const ctx: WriteContext = {
    db,
    actor,
    audit: async (entry) => {
      await db.auditLog.add({ ...entry, at: actor.now, staffId: actor.staffId });
    },
  };
  try {
    return await db.transaction('rw', [...tables, db.auditLog], async () => fn(ctx));
  } catch (e) {
    if (e instanceof DomainRefusal) throw e;
    const err = toStorageError(e);
    reportStorageError(err);
    throw err;
  }
}

/** A rule of the work refused the action; the message is Chinese and shown at the field. */
export class DomainRefusal extends Error {
  readonly field?: string;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'DomainRefusal';
    this.field = field;
  }
}
