/**
 * A center's data on the hub, as desk 1 would have sent it over its months of work (issue 24's
 * join acceptance: a fresh desk joins a center of 2,000 residents and 1,000 cases with their
 * visits, events and audit rows). The bench generator's `center` desk (real-shaped residents,
 * visits, cases lived through the case machine, 帮代办 and custody, the problem pool and the
 * weekly meetings) turned into documents in Node exactly as the outbox writes them (docs.ts
 * `toSyncDoc`): events of the projected tables, never the projected records; audit rows by their
 * stable id, chained on desk 1 in the order written; every record under one action id with the
 * others of its write (one `now`: a writeTx stamps every record and audit row of it alike). Then
 * bulk-written to the hub's `_bulk_docs` as desk 1's account — the hub's validation sees every
 * document. Seeding through a desk page instead (the generator's load, then a join's upload and
 * push) costs minutes of Chromium IndexedDB and replication before the measured part begins.
 */
import { chainRow, headOf, type ChainHead } from '@shared/domain/auditChain';
import { letters } from '@shared/domain/auditIdentity';
import type { AuditEntry } from '@shared/domain/records';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import {
  ADMIN_ID,
  CLERK_IDS,
  generateDesk,
  NOW,
  staffNameOf,
  type GeneratedDesk,
  type SizeName,
} from '../../bench/data/generate';
import { deskClaimId, SYNC_SCHEMA, type SyncDoc } from '../../renderer/src/sync/contract';
import { toSyncDoc } from '../../renderer/src/sync/docs';
import type { EntityName } from '../../renderer/src/db/entities';
import type { HubAuth } from './hub';

/** The seeding desk's number (the fresh desk joins as another). */
export const SEED_DESK = 1;

/** What the seed holds, for checking what the fresh desk shows. */
export type CenterSeed = {
  data: GeneratedDesk;
  docs: SyncDoc[];
  /** How many actions (one writeTx each) the documents came from. */
  actions: number;
};

/** Desk 1's audit rows with their stable ids, chained in the order written (as writeTx appends them). */
function chainedAudit(rows: readonly AuditEntry[]): AuditEntry[] {
  let head: ChainHead | null = null;
  return rows.map((row, i) => {
    const id = letters(bytesToHex(sha256(utf8ToBytes(`seed-audit/${i}/${row.at}/${row.action}`))).slice(0, 32));
    const chained = chainRow({ ...row, id }, SEED_DESK, head);
    head = headOf(chained);
    return chained;
  });
}

/** The instant a record was last written at (its writeTx's `now`). */
function writtenAt(table: EntityName, record: Record<string, unknown>): number {
  const at = table.endsWith('Events') || table === 'auditLog' ? record.at : record.updatedAt;
  return typeof at === 'number' ? at : NOW;
}

/** The staff records of the generated desk, as its setup made them (the PIN verifier never travels). */
function staffOf(): Record<string, unknown>[] {
  return CLERK_IDS.map((id) => ({
    id,
    name: staffNameOf(id),
    role: id === ADMIN_ID ? '站长/管理员' : '值班员',
    grids: [],
    active: true,
    createdAt: NOW,
    createdBy: ADMIN_ID,
    updatedAt: NOW,
    updatedBy: ADMIN_ID,
  }));
}

/** The `center` desk of the generator (or another size: tests) as the documents desk 1 sent (see above). */
export function centerSeed(seed = 20261203, size: SizeName = 'center'): CenterSeed {
  const data = generateDesk(size, seed);
  const tables: [EntityName, readonly object[], string][] = [
    ['staff', staffOf(), 'id'],
    ['residents', data.residents, 'id'],
    ['visits', data.visits, 'id'],
    ['caseEvents', data.caseEvents, 'id'],
    ['proxyEvents', data.proxyEvents, 'id'],
    ['custodyEvents', data.custodyEvents, 'id'],
    ['problemEvents', data.problemEvents, 'id'],
    ['meetings', data.meetings, 'id'],
    ['agendaItems', data.agendaItems, 'id'],
    ['auditLog', chainedAudit(data.auditLog), 'id'],
  ];
  // One action per write instant: the records of one writeTx share its `now`.
  const byWrite = new Map<number, { table: EntityName; key: string; record: object }[]>();
  for (const [table, rows, keyPath] of tables)
    for (const row of rows) {
      const record = row as Record<string, unknown>;
      const at = writtenAt(table, record);
      const list = byWrite.get(at) ?? [];
      list.push({ table, key: String(record[keyPath]), record });
      byWrite.set(at, list);
    }
  const docs: SyncDoc[] = [
    {
      _id: deskClaimId(SEED_DESK),
      type: 'desk',
      schema: SYNC_SCHEMA,
      desk: SEED_DESK,
      action: { id: letters('0'.repeat(32)), size: 1 },
      record: { no: SEED_DESK, name: '1号窗口', installId: 'seed-install', claimedAt: NOW },
    },
  ];
  const writes = [...byWrite.entries()].sort(([a], [b]) => a - b);
  for (const [at, entries] of writes) {
    const id = letters(bytesToHex(sha256(utf8ToBytes(`seed-action/${at}`))).slice(0, 32));
    const action = { id, size: entries.length };
    for (const e of entries) docs.push(toSyncDoc(e.table, e.key, e.record, { desk: SEED_DESK, action }));
  }
  return { data, docs, actions: writes.length };
}

/**
 * Writes `docs` to the center database `dbUrl` as `auth`, in bulk (every document must be accepted).
 * A batch whose request fails on the way (the hub closed a kept-alive connection: `fetch failed`,
 * EPIPE, seen under load) is sent again, up to 3 times; a document the earlier try already stored
 * then answers `conflict`, which counts as written (the seed's documents are new and fixed).
 */
export async function writeSeed(dbUrl: string, auth: HubAuth, docs: readonly SyncDoc[], batch = 2_000): Promise<void> {
  const authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  for (let i = 0; i < docs.length; i += batch) {
    const body = JSON.stringify({ docs: docs.slice(i, i + batch) });
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(`${dbUrl}/_bulk_docs`, {
          method: 'POST',
          headers: { authorization, 'content-type': 'application/json' },
          body,
        });
      } catch (e) {
        if (attempt >= 3) throw e;
        continue;
      }
      const results = (await res.json()) as { id?: string; error?: string; reason?: string }[];
      if (!res.ok) throw new Error(`seed: hub answered ${res.status}`);
      const failed = results.filter((r) => r.error && !(attempt > 1 && r.error === 'conflict'));
      if (failed.length > 0)
        throw new Error(`seed: ${failed.length} refused, e.g. ${failed[0]!.id}: ${failed[0]!.reason}`);
      break;
    }
  }
}
