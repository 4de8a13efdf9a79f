/**
 * The kept summaries' rows (shared/reports/keptSummaries.ts): the write token read with the
 * records, a kept row, and keeping one — only if no write to a table the report reads came
 * between the read and now (the token is unchanged), in a transaction of its own over this
 * desk-local, derived table (the only write a worker's job makes), in a task of its own.
 */
import type { Dexie } from 'dexie';
import { WRITE_TOKEN_KEY, type KeptSummary, type KeptSummaryRow } from '@shared/reports/keptSummaries';
import type { ReadableDB } from '../entities';

const tokenOf = (row: KeptSummaryRow | undefined): string | undefined =>
  row && row.key === WRITE_TOKEN_KEY && 'token' in row ? row.token : undefined;

/** The write token now (joins the caller's transaction when there is one). */
export async function writeToken(db: ReadableDB): Promise<string | undefined> {
  return tokenOf(await db.keptSummaries.get(WRITE_TOKEN_KEY));
}

/** The kept row of `key` made on `basis`, if there is one. */
export async function keptSummary(db: ReadableDB, key: string, basis: string): Promise<KeptSummary | undefined> {
  const row = await db.keptSummaries.get(key);
  return row && 'basis' in row && row.basis === basis ? row : undefined;
}

/** Keeps `row` if the token is still the one read with its records; whether it was kept. */
export async function keepSummary(db: ReadableDB, row: KeptSummary, token: string | undefined): Promise<boolean> {
  const dexie = db as unknown as Dexie;
  return dexie.transaction('rw', dexie.table('keptSummaries'), async () => {
    if ((await writeToken(db)) !== token) return false;
    await dexie.table('keptSummaries').put(row);
    return true;
  });
}

/**
 * `keepSummary` in a task of its own: a report is asked for inside a live query (the screen's
 * view), where Dexie refuses a read-write transaction; a timer's task runs outside it. Never
 * fails (a row not kept is read again next time).
 */
export function keepSoon(db: ReadableDB, row: KeptSummary, token: string | undefined): Promise<boolean> {
  return new Promise((resolve) =>
    setTimeout(() => {
      keepSummary(db, row, token).then(resolve, () => resolve(false));
    }, 0),
  );
}
