/** The append-only audit log and the counters behind tracking and archive numbers. */

/** What was done, by whom; never the personal data itself. */
export type AuditEntry = {
  seq?: number;
  at: number;
  staffId: string | null;
  action: string;
  entity: string;
  entityId?: string;
  detail?: string;
};

export type Counter = { key: string; value: number };
