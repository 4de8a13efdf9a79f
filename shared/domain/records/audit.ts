/** The append-only audit log and the counters behind tracking and archive numbers. */

/** What was done, by whom; never the personal data itself. */
export type AuditEntry = {
  /** The local order (Dexie `++seq`): no identity, a backup numbers its rows alike. */
  seq?: number;
  /**
   * The row's stable identity (DB v10, shared/domain/auditIdentity.ts): 128 random bits (32
   * letters a–p) for every row written since; absent only on rows from before v10 (inside an old
   * backup), whose identity `legacyAuditId` derives from their content.
   */
  id?: string;
  at: number;
  staffId: string | null;
  action: string;
  entity: string;
  entityId?: string;
  detail?: string;
  /**
   * The chain (DB v12, shared/domain/auditChain.ts): the desk that wrote the row, its number on
   * that desk (1, 2, 3 …), the previous row's hash and its own. Absent only on rows from before
   * v12 inside an old backup (a restore seals them) or loaded in bulk by the bench.
   */
  desk?: number;
  deskSeq?: number;
  prevHash?: string;
  hash?: string;
  /** Written before the chain existed and sealed into it once (the v12 upgrade, or a restore). */
  sealed?: true;
  /**
   * Derived (db/derived.ts, DB v33): the action's domain (`auditDomainOf`), for the 操作日志's
   * 类别 filter as one index range. Outside the chain's hash, left out of backups and sync documents.
   */
  domain?: string;
};

/** A desk-local counter; `eventClock` also keeps the last event clock stamp (shared/domain/events/clock.ts). */
export type Counter = { key: string; value: number; clock?: string };
