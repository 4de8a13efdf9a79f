/**
 * The desk a job runs with in the worker: the page's database opened again (one connection per
 * database name, kept), the page's clock as it was when the job was asked for, its actor and desk
 * identity, and the community (a street office's profile standing for it) and working calendar read here (so a live job follows a change to
 * them). Jobs only read: the job table's functions are reads (a write needs the page's session and
 * goes through writeTx there).
 */
import { DutyDeskDB } from '../db/database';
import type { Desk } from '../db/desk';
import { loadCalendar } from '../db/repositories/calendar';
import { getCommunity } from '../db/repositories/community';
import { readStreetProfile } from '../db/installKind';
import { streetAsCommunity } from '@shared/domain/street/install';
import { localDay } from '../app/clock';
import type { DeskSpec } from './protocol';

const connections = new Map<string, DutyDeskDB>();

export async function workerDesk(spec: DeskSpec): Promise<Desk> {
  let db = connections.get(spec.dbName);
  if (!db) connections.set(spec.dbName, (db = new DutyDeskDB(spec.dbName)));
  const base = {
    db,
    clock: { now: () => spec.now, today: (ms?: number) => (ms === undefined ? spec.today : localDay(ms)) },
    newId: () => crypto.randomUUID(),
    actor: spec.actor,
    ...(spec.identity ? { identity: spec.identity } : {}),
  };
  const [own, street, calendar] = await Promise.all([getCommunity(base), readStreetProfile(db), loadCalendar(base)]);
  // A street office's profile stands for the community, as on the page (App.tsx).
  const community = street ? streetAsCommunity(street) : own;
  if (!community) throw new Error('未找到社区信息');
  return { ...base, community, calendar };
}
