/**
 * The outbox (issue 24, DB v20): what a write transaction of a desk JOINED to its center wrote,
 * as documents, appended in the SAME Dexie transaction (write.ts calls this module). After the
 * commit the pump (pump.ts) moves the rows into the desk's PouchDB. A desk alone writes nothing
 * here (and reads nothing: whether the desk has joined is cached per database, set again by
 * join and leave).
 *
 * What travels: every record of a center table (dataScope.ts `tablesOf('center')`) except the
 * PROJECTED records (cases, requests, custody items: their events travel and every desk refolds
 * them), and every audit row. One outbox row per transaction; every document of it carries
 * `action: {id, size}` so another desk applies the action whole. A record written twice in one
 * transaction travels once, as it was stored last; a deleted one as a `_deleted` document.
 */
import { tablesOf } from '../db/dataScope';
import type { EntityName, OutboxRow } from '../db/entities';
import { PROJECTED, syncDocId, type SyncDoc } from './contract';
import { docKeyField, toSyncDoc } from './docs';

const projected: ReadonlySet<string> = new Set(Object.keys(PROJECTED));

/** The tables whose records travel as documents (the audit log included). */
export const TRAVELLING: readonly EntityName[] = tablesOf('center').filter((t) => !projected.has(t));

const travelling: ReadonlySet<string> = new Set(TRAVELLING);

export const travels = (table: string): boolean => travelling.has(table);

/** Whether each open database's desk has joined its center (absent: not read yet). */
const joinedCache = new WeakMap<object, boolean>();

type JoinedReader = { deskMeta: { get(key: string): PromiseLike<unknown> } };

/** Whether the desk of `db` has joined its center (deskMeta.joinedCenter), read once and cached. */
export async function isJoined(db: object & JoinedReader): Promise<boolean> {
  const cached = joinedCache.get(db);
  if (cached !== undefined) return cached;
  const joined = (await db.deskMeta.get('joinedCenter')) !== undefined;
  joinedCache.set(db, joined);
  return joined;
}

/** Join and leave set it (and a restore, which always leaves the desk alone). */
export function setJoined(db: object, joined: boolean): void {
  joinedCache.set(db, joined);
}

/** A random action id: 128 bits as 32 letters a–p (no digits, like the audit row ids). */
export function newActionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => String.fromCharCode(97 + (b >> 4), 97 + (b & 15))).join('');
}

type Entry = { table: EntityName; key: string; record?: object };

/** What one write transaction wrote, collected as it writes; `row()` is its outbox row. */
export class OutboxCollector {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly desk: number,
    private readonly at: number,
  ) {}

  /** A record added, put or updated (as stored), under its primary key field `keyPath`. */
  written(table: EntityName, keyPath: string, record: object): void {
    if (!travelling.has(table)) return;
    const key = String((record as Record<string, unknown>)[docKeyField(table, keyPath)]);
    const id = syncDocId(table, key);
    this.entries.delete(id); // the last write of a record decides its place too
    this.entries.set(id, { table, key, record });
  }

  deleted(table: EntityName, key: unknown): void {
    if (!travelling.has(table)) return;
    const id = syncDocId(table, String(key));
    this.entries.delete(id);
    this.entries.set(id, { table, key: String(key) });
  }

  /** The outbox row of the transaction, or undefined when it wrote nothing that travels. */
  row(): OutboxRow | undefined {
    if (this.entries.size === 0) return undefined;
    const action = { id: newActionId(), size: this.entries.size };
    const docs: SyncDoc[] = [...this.entries.values()].map(({ table, key, record }) =>
      record
        ? toSyncDoc(table, key, record, { desk: this.desk, action })
        : { ...toSyncDoc(table, key, {}, { desk: this.desk, action }), _deleted: true },
    );
    return { action: action.id, at: this.at, docs };
  }
}
