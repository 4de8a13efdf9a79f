/**
 * The sweep: one write run again and again with a fault at its 1st, 2nd, 3rd … IndexedDB
 * operation (each of the three kinds at every step), until it runs with no fault left to inject.
 * After EACH fault:
 * - the write rejected with the clerk's Chinese message (`failureMessage`: a `StorageError`
 *   telling the truth — a full disk is named as such), naming no one (`secrets` absent);
 * - the database equals the database before, every table compared row for row (raw tables).
 * The counts (operations, faults injected, tables compared) are returned and printed.
 */
import { expect } from 'vitest';
import type { Dexie } from 'dexie';
import { failureMessage } from '../../../renderer/src/db/refusal';
import { StorageError, type StorageProblem } from '../../../renderer/src/db/storageErrors';
import {
  FAULT_KINDS,
  snapshotTables,
  tableDifferences,
  type FaultInjector,
  type FaultKind,
  type InjectedFault,
} from './faultInjection';

export type SweepCounts = {
  /** Operations the write makes when nothing fails. */
  operations: number;
  faultsInjected: number;
  /** Table comparisons made (one per table per fault). */
  tablesCompared: number;
  /** Tables in the database. */
  tables: number;
  /** The sweep ended with a fault after the write's commit (its bookkeeping afterwards). */
  afterCommit?: boolean;
};

export type SweepOptions = {
  /** Personal data of the scenario: no message may contain any of them. */
  secrets?: readonly string[];
  kinds?: readonly FaultKind[];
  /** A guard against a write that never stops making operations. */
  maxOperations?: number;
};

/** What the clerk must be told, by the fault's kind (the truth, not a generic failure). */
const PROBLEM_OF: Record<FaultKind, readonly StorageProblem[]> = {
  QuotaExceededError: ['quota'],
  ConstraintError: ['constraint'],
  AbortError: ['unknown'],
};

const CHINESE = /[\u4e00-\u9fff]/;

const where = (f: InjectedFault) =>
  `fault ${f.kind} at operation ${f.n} (${f.op} on ${f.table}${f.committedBefore > 0 ? ', after the commit' : ''})`;

/**
 * Sweeps `write` — ONE read-write transaction, doing the same thing each time it is called —
 * over every operation; returns its result when it finally ran without a fault (or with one
 * only after its commit, when it must report success), with the counts.
 */
export async function sweepWrite<T>(
  label: string,
  db: Dexie,
  injector: FaultInjector,
  write: () => Promise<T>,
  o: SweepOptions = {},
): Promise<{ result: T; counts: SweepCounts }> {
  const kinds = o.kinds ?? FAULT_KINDS;
  const before = await snapshotTables(db);
  const tables = Object.keys(before).length;
  const counts: SweepCounts = { operations: 0, faultsInjected: 0, tablesCompared: 0, tables };
  for (let n = 1; n <= (o.maxOperations ?? 2000); n++) {
    for (const kind of kinds) {
      injector.arm(n, kind);
      let outcome: { ok: true; value: T } | { ok: false; error: unknown };
      try {
        outcome = { ok: true, value: await write() };
      } catch (error) {
        outcome = { ok: false, error };
      }
      const { operations, commits, injected } = injector.disarm();
      if (!injected) {
        // Past the last operation: the write runs through with nothing left to fail.
        if (!outcome.ok) throw new Error(`${label}: failed with no fault injected`, { cause: outcome.error });
        // ONE read-write transaction: a write that escaped into its own implicit one shows here too.
        expect(commits, `${label}: read-write transactions committed`).toBe(1);
        counts.operations = operations;
        printCounts(label, counts);
        return { result: outcome.value, counts };
      }
      counts.faultsInjected += 1;
      if (injected.committedBefore > 0) {
        // The write's one transaction had committed: its data is stored, so the clerk must be
        // told it is done (not that it failed). Every later operation is after the commit too.
        if (!outcome.ok)
          throw new Error(`${label}: stored, but reported as failed after ${where(injected)}`, {
            cause: outcome.error,
          });
        counts.operations = operations;
        counts.afterCommit = true;
        printCounts(label, counts);
        return { result: outcome.value, counts };
      }
      // A fault swallowed: the write claims success although one of its steps failed.
      if (outcome.ok) expect.fail(`${label}: succeeded despite ${where(injected)}`);
      const message = failureMessage(outcome.error);
      expect(message, `${label}: no clerk's message after ${where(injected)}: ${String(outcome.error)}`).not.toBeNull();
      expect(outcome.error, `${label}: ${where(injected)}`).toBeInstanceOf(StorageError);
      expect(PROBLEM_OF[kind], `${label}: ${where(injected)} told as`).toContain(
        (outcome.error as StorageError).problem,
      );
      expect(message!.message).toMatch(CHINESE);
      for (const secret of o.secrets ?? []) expect(message!.message).not.toContain(secret);
      const after = await snapshotTables(db);
      expect(tableDifferences(before, after), `${label}: the database changed after ${where(injected)}`).toEqual([]);
      counts.tablesCompared += Object.keys(after).length;
    }
  }
  throw new Error(`${label}: still failing after ${o.maxOperations ?? 2000} operations`);
}

function printCounts(label: string, c: SweepCounts): void {
  console.log(
    `[fault sweep] ${label}: ${c.operations} operations, ${c.faultsInjected} faults injected, ` +
      `${c.tablesCompared} tables compared (${c.tables} tables after each fault)` +
      (c.afterCommit ? '; the last fault after the commit: reported done' : ''),
  );
}

/** The counts of several sweeps added up. */
export function totalOf(all: readonly SweepCounts[]): Omit<SweepCounts, 'tables'> {
  return all.reduce(
    (t, c) => ({
      operations: t.operations + c.operations,
      faultsInjected: t.faultsInjected + c.faultsInjected,
      tablesCompared: t.tablesCompared + c.tablesCompared,
    }),
    { operations: 0, faultsInjected: 0, tablesCompared: 0 },
  );
}
