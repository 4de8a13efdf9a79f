/**
 * The pump (issue 24): moves the outbox rows (outbox.ts), in order, into the desk's own PouchDB,
 * whose live replication then carries them to the hub. One row at a time: its documents in one
 * `bulkDocs`, then the row deleted. Idempotent, so a crash between the two (the page killed, the
 * PC off) re-sends the row at the next start and neither loses nor doubles anything:
 * - a record goes onto its current `_rev` in the local PouchDB; one with the same content as the
 *   local winner (already written by the interrupted run) is skipped — not a new revision;
 * - an event or an audit row (IMMUTABLE_TABLES) is created once: an existing one is fine;
 * - a `_deleted` document of a record the PouchDB does not hold (or holds deleted) is skipped.
 * The documents actually written carry `action.size` = how many were written, so another desk
 * waits for exactly those. A deletion or a resident's tombstone row then tombstones the
 * conflicting leaves the PouchDB holds of that document (retire.ts).
 */
import type { DutyDeskDB } from '../db/database';
import type { OutboxRow } from '../db/entities';
import { IMMUTABLE_TABLES, type SyncDoc } from './contract';
import type { LocalPouch } from './pouch';
import { retireDocument, retirement } from './retire';
import type { AllDocsMissing, AllDocsRow } from './pouchApi';

const immutable: ReadonlySet<string> = new Set(IMMUTABLE_TABLES);

/** JSON with sorted keys: two records with the same content give the same text. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, x: unknown) =>
    x && typeof x === 'object' && !Array.isArray(x)
      ? Object.fromEntries(
          Object.entries(x as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : x,
  );
}

/** What the local PouchDB holds under a document id (allDocs with include_docs). */
export type Held = { rev: string; deleted: boolean; doc?: SyncDoc } | undefined;

/** What an allDocs row by key says is held (a missing key, or none: nothing). */
export function heldOf(row: AllDocsRow<SyncDoc> | AllDocsMissing | undefined): Held {
  if (!row || 'error' in row) return undefined;
  return { rev: row.value.rev, deleted: row.value.deleted === true, doc: row.doc ?? undefined };
}

/** How a document of the outbox goes into the local PouchDB: on which rev, or not at all. */
export function placeDoc(doc: SyncDoc, held: Held): SyncDoc | undefined {
  if (!held) return doc._deleted ? undefined : doc;
  if (held.deleted) return doc._deleted ? undefined : { ...doc, _rev: held.rev };
  if (immutable.has(doc.type)) return undefined;
  if (!doc._deleted && held.doc && canonical(held.doc.record) === canonical(doc.record)) return undefined;
  return { ...doc, _rev: held.rev };
}

/** The documents of `row` as they go into the local PouchDB now (none: all already there). */
async function placed(local: LocalPouch, row: OutboxRow): Promise<SyncDoc[]> {
  const found = await local.allDocs({ keys: row.docs.map((d) => d._id), include_docs: true });
  const docs = row.docs.flatMap((doc, i) => {
    const out = placeDoc(doc, heldOf(found.rows[i]));
    return out ? [out] : [];
  });
  return docs.map((d) => ({ ...d, action: { id: d.action.id, size: docs.length } }));
}

/** Test hook: called at each step of a row (a throw there is a crash at that point). */
export type PumpProbe = (step: 'beforeWrite' | 'afterWrite', row: OutboxRow) => void;

/** Moves one outbox row (re-reading the revs once more if an inbound write raced it). */
async function moveRow(db: DutyDeskDB, local: LocalPouch, row: OutboxRow, probe?: PumpProbe): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const docs = await placed(local, row);
    probe?.('beforeWrite', row);
    const results = docs.length > 0 ? await local.bulkDocs(docs) : [];
    const failed = results.filter((r) => 'error' in r);
    if (failed.length === 0) break;
    // A conflict: a document from another desk arrived between the read and the write.
    const conflictOnly = failed.every((r) => 'status' in r && r.status === 409);
    if (!conflictOnly || attempt >= 3) throw new Error(`pump: ${failed.length} document(s) not written`);
  }
  // Deletions and resident tombstones leave no conflicting leaf alive (retire.ts); on every
  // (re-)send of the row, so a crash before this point retires them at the restart.
  for (const doc of row.docs) {
    const keep = retirement(doc);
    if (keep) await retireDocument(local, doc._id, {}, keep);
  }
  probe?.('afterWrite', row);
  await db.outbox.delete(row.seq!);
}

/** Moves every outbox row, in order, until the outbox is empty; returns how many were moved. */
export async function pumpOutbox(db: DutyDeskDB, local: LocalPouch, probe?: PumpProbe): Promise<number> {
  let moved = 0;
  for (;;) {
    const rows = await db.outbox.limit(50).toArray();
    if (rows.length === 0) return moved;
    for (const row of rows) {
      await moveRow(db, local, row, probe);
      moved += 1;
    }
  }
}

/**
 * A pump that runs after each committed write (`kick`) and at start: one run at a time, and one
 * more run whenever it was kicked meanwhile — also while the run was counting what is left (a
 * write committed then, say the sign-in's audit row at a restart, would otherwise wait for the
 * next write: a desk where nobody writes again would keep it). `onIdle` gets the outbox count
 * after each run; `onError` a failure: the rows stay and the pump tries again after `retryMs`
 * (doubling up to a minute) or at the next kick, whichever comes first. `stop` ends the retries.
 */
export function createPump(
  db: DutyDeskDB,
  local: LocalPouch,
  o: { onIdle?: (pending: number) => void; onError?: (e: unknown) => void; retryMs?: number } = {},
): { kick: () => void; idle: () => Promise<void>; stop: () => void } {
  const firstRetry = o.retryMs ?? 2_000;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let retryMs = firstRetry;
  const scheduleRetry = () => {
    if (stopped || retry) return;
    retry = setTimeout(() => {
      retry = undefined;
      kick();
    }, retryMs);
    retryMs = Math.min(retryMs * 2, 60_000);
  };
  const run = async (): Promise<void> => {
    do {
      again = false;
      try {
        await pumpOutbox(db, local);
        retryMs = firstRetry;
      } catch (e) {
        o.onError?.(e);
        scheduleRetry();
        break;
      }
    } while (again);
    const pending = await db.outbox.count();
    o.onIdle?.(pending);
  };
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    again = false;
    if (retry) clearTimeout(retry);
    retry = undefined;
    running = run().finally(() => {
      running = null;
      if (again) kick();
    });
  };
  const stop = () => {
    stopped = true;
    if (retry) clearTimeout(retry);
    retry = undefined;
  };
  const idle = async () => {
    while (running) await running;
  };
  return { kick, idle, stop };
}
