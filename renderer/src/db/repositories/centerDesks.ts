/**
 * The desks of the center (issue 24 item 7): the rows the joins wrote (`centerDesks`, center
 * data, replicated) and this desk itself, each with the time of its latest audit row here — how
 * far this desk holds that desk's work. A report covers exactly these desks' records.
 */
import { Dexie } from 'dexie';
import { DEFAULT_DESK_IDENTITY, type DeskIdentity } from '@shared/domain/deskNumber';
import type { CenterDesk } from '@shared/domain/records';
import type { KnownDesk } from '@shared/reports/centerDesks';
import type { DeskBase } from '../desk';
import { writeTx } from '../write';

/** The row a join writes for its desk (in the transaction that marks it joined). */
export function centerDeskRow(identity: DeskIdentity, joinedAt: number): CenterDesk {
  return { id: String(identity.no), no: identity.no, name: identity.name, joinedAt };
}

/**
 * A desk joined before DB v22 has no row of its own (its join wrote none): written once, at the
 * start of its exchange (sync/engine.ts), through the outbox like the join's, so every desk's
 * reports and packages name it; `joinedAt` is when it joined. Resolves whether it wrote the row
 * (false: alone, or the row is there).
 */
export async function backfillOwnCenterDesk(desk: DeskBase): Promise<boolean> {
  const me = desk.identity ?? DEFAULT_DESK_IDENTITY;
  return writeTx(desk, ['deskMeta', 'centerDesks'], async (tx) => {
    const joined = await tx.deskMeta.get('joinedCenter');
    if (joined?.key !== 'joinedCenter' || (await tx.centerDesks.get(String(me.no)))) return false;
    await tx.centerDesks.put(centerDeskRow(me, joined.value.at));
    return true;
  });
}

/** When `no`'s latest audit row was made (its chain's head), read by the chain index. */
async function lastAuditAt(desk: DeskBase, no: number): Promise<number | undefined> {
  const head = await desk.db.auditLog.where('[desk+deskSeq]').between([no, Dexie.minKey], [no, Dexie.maxKey]).last();
  return head?.at;
}

/** Every desk this desk knows of, in number order: this desk as it is set up now, then the joined ones. */
export async function knownDesks(desk: DeskBase): Promise<KnownDesk[]> {
  const me = desk.identity ?? DEFAULT_DESK_IDENTITY;
  const byNo = new Map<number, DeskIdentity>([[me.no, me]]);
  for (const d of await desk.db.centerDesks.toArray()) if (!byNo.has(d.no)) byNo.set(d.no, { no: d.no, name: d.name });
  const desks = [...byNo.values()].sort((a, b) => a.no - b.no);
  const lastAt = await Promise.all(desks.map((d) => lastAuditAt(desk, d.no)));
  return desks.map((d, i) => ({ ...d, ...(lastAt[i] !== undefined ? { lastAt: lastAt[i] } : {}) }));
}
