/**
 * The desk-local facts of a set of rows, moved where they belong (db/dataScope.ts) — THE one
 * move, used by the v14 upgrade (upgrades/v14-desk-local.ts) and by a restore of an older backup
 * (backup/snapshot.ts replaceAll), so a pre-v14 file never puts them back into center tables:
 * - each staff row's `failedAttempts` / `lockedUntil` becomes a `signInGuards` row (only where
 *   there is a failure or a lock, and not over a guard already there) and leaves the account;
 * - meta `installId` moves to `deskMeta`;
 * - the counters from before desks seed desk 1's (every PC was desk 1): the day's 受理编号
 *   counter and the year's 归档号 counter go on from where they were, never back to 0001.
 * Idempotent: rows already moved are left as they are.
 *
 * And what a restore keeps (`deskLocalAfterRestore`): this PC's own guards and deskMeta, unless
 * the backup comes from this same install (same installId; when this PC has none — its data was
 * wiped — the backup sealed with this machine's own key); the counters, per key, the higher of
 * live and backup (a number once issued here is never issued again); never `joinedCenter` (a
 * restored desk is alone: issue 24).
 */
import type { Counter, SignInGuard } from '@shared/domain/records';
import { archiveCounterKeyFor } from '@shared/domain/caseNumbers';
import { counterKeyFor } from '@shared/domain/trackingNumber';
import { observed } from '@shared/domain/events/clock';

/** The tables the move reads and writes (rows as stored, perhaps of an older version). */
export type DeskLocalTables = {
  staff?: unknown[];
  meta?: unknown[];
  counters?: unknown[];
  signInGuards?: unknown[];
  deskMeta?: unknown[];
};

type Row = Record<string, unknown>;
type KeyRow = { key: string; value?: unknown };

const DAY_COUNTER = /^([A-Z0-9]{2,8})-(\d{4})(\d{2})(\d{2})$/;
const YEAR_COUNTER = /^([A-Z0-9]{2,8})-GD-(\d{4})$/;

/** Desk 1's key for a counter from before desks; undefined for any other key. */
export function deskOneCounterKey(key: string): string | undefined {
  const day = DAY_COUNTER.exec(key);
  if (day) return counterKeyFor(day[1] ?? '', `${day[2]}-${day[3]}-${day[4]}`, 1);
  const year = YEAR_COUNTER.exec(key);
  if (year) return archiveCounterKeyFor(year[1] ?? '', Number(year[2]), 1);
  return undefined;
}

/** The higher of two counter rows of one key (the later event clock stamp kept too). */
function higher(a: Counter | undefined, b: Counter): Counter {
  if (!a) return b;
  const top = b.value > a.value ? b : a;
  const clock = a.clock === undefined ? b.clock : b.clock === undefined ? a.clock : observed(a.clock, b.clock);
  return clock === undefined ? top : { ...top, clock };
}

function byKey(rows: readonly Counter[]): Map<string, Counter> {
  const out = new Map<string, Counter>();
  for (const r of rows) out.set(r.key, higher(out.get(r.key), r));
  return out;
}

/** The move over `tables` (a copy; tables absent stay absent unless something moves into them). */
export function moveDeskLocal<T extends DeskLocalTables>(tables: T): T {
  const guards = new Map(((tables.signInGuards ?? []) as SignInGuard[]).map((g) => [g.staffId, g]));
  const staff = tables.staff?.map((raw) => {
    const { failedAttempts, lockedUntil, ...rest } = raw as Row;
    const failed = typeof failedAttempts === 'number' ? failedAttempts : 0;
    const until = typeof lockedUntil === 'number' ? lockedUntil : 0;
    const staffId = String(rest.id);
    if ((failed > 0 || until > 0) && !guards.has(staffId))
      guards.set(staffId, { staffId, failedAttempts: failed, lockedUntil: until });
    return rest;
  });
  const metaRows = (tables.meta ?? []) as KeyRow[];
  const deskMeta = new Map(((tables.deskMeta ?? []) as KeyRow[]).map((r) => [r.key, r]));
  const installId = metaRows.find((r) => r.key === 'installId');
  if (installId && !deskMeta.has('installId')) deskMeta.set('installId', installId);
  const counters = byKey((tables.counters ?? []) as Counter[]);
  for (const old of [...counters.values()]) {
    const key = deskOneCounterKey(old.key);
    if (key) counters.set(key, higher(counters.get(key), { key, value: old.value }));
  }
  const out: T = { ...tables };
  if (staff) out.staff = staff;
  if (tables.meta) out.meta = metaRows.filter((r) => r.key !== 'installId');
  if (tables.counters || counters.size > 0) out.counters = [...counters.values()];
  if (tables.signInGuards || guards.size > 0) out.signInGuards = [...guards.values()];
  if (tables.deskMeta || deskMeta.size > 0) out.deskMeta = [...deskMeta.values()];
  return out;
}

const installIdOf = (deskMeta: readonly unknown[] | undefined) =>
  ((deskMeta ?? []) as KeyRow[]).find((r) => r.key === 'installId')?.value;

/**
 * The desk-local tables after a restore of `backup` (already moved) over `live`: this PC's own
 * guards and deskMeta unless the backup is of this same install; the higher counter per key.
 */
export function deskLocalAfterRestore(
  live: Required<Pick<DeskLocalTables, 'counters' | 'signInGuards' | 'deskMeta'>>,
  backup: DeskLocalTables,
  o: { sameMachine?: boolean } = {},
): Required<Pick<DeskLocalTables, 'counters' | 'signInGuards' | 'deskMeta'>> {
  const liveId = installIdOf(live.deskMeta);
  const sameInstall = liveId === undefined ? o.sameMachine === true : liveId === installIdOf(backup.deskMeta);
  const counters = byKey(live.counters as Counter[]);
  for (const r of (backup.counters ?? []) as Counter[]) counters.set(r.key, higher(counters.get(r.key), r));
  return {
    counters: [...counters.values()],
    signInGuards: sameInstall ? (backup.signInGuards ?? []) : live.signInGuards,
    // A restored desk is alone (issue 24): a restore is refused while joined, and a backup made
    // while joined brings no membership back (the desk joins again, uploading what it holds).
    // The installation's kind and a street's profile (issue 27) are what the data is: they come
    // with the backup (restore.ts refuses a backup of the other kind).
    deskMeta: [
      ...((sameInstall ? backup.deskMeta : live.deskMeta) ?? []).filter(
        (r) => !['joinedCenter', ...FROM_THE_BACKUP].includes((r as KeyRow).key),
      ),
      ...((backup.deskMeta ?? []) as KeyRow[]).filter((r) => FROM_THE_BACKUP.includes(r.key)),
    ],
  };
}

/** deskMeta rows that always come from the restored backup: what kind of data it holds. */
const FROM_THE_BACKUP: readonly string[] = ['installKind', 'streetProfile'];
