/**
 * Writes a generated desk (generate.ts) into the app's own database class: the first-run setup
 * and the staff through the app's repositories (so sign-in works with `pin`), everything else
 * in bulk, a chunk per transaction (in primary-key order, two under way at once), through the
 * database's derived-field middleware (so flags, queue keys, due days and search keys are
 * exactly what the write path computes). Runs in Node (fake-indexeddb) and in Chromium (the
 * bench page).
 */
import type { Dexie } from 'dexie';
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import type { EntityName } from '../../renderer/src/db/entities';
import { completeSetup } from '../../renderer/src/db/repositories/community';
import { addStaff } from '../../renderer/src/db/repositories/staff';
import { hashSecret } from '../../renderer/src/db/secrets';
import { ensureSearchKeys } from '../../renderer/src/db/searchKeys';
import { createCalendar } from '@shared/domain/workingCalendar';
import { ADMIN_ID, CLERK_IDS, COMMUNITY_CODE, GRID_IDS, NOW, TODAY, type GeneratedDesk } from './generate';

export const BENCH_PIN = '246810';
const CHUNK = 2000;
/** Bulk transactions under way at once (see the loop in `loadDesk`). */
const IN_FLIGHT = 2;

export type LoadOptions = {
  /** PBKDF2 iterations of the staff PINs: the app's 600,000 unless a test wants it cheap. */
  iterations?: number;
  /** Rows per bulk transaction (default CHUNK). */
  chunk?: number;
  /** Bulk transactions under way at once (default IN_FLIGHT). */
  inFlight?: number;
  /** The bulk load's transactions without a flush to disk at each commit ('relaxed'); the app keeps 'strict'. */
  relaxed?: boolean;
  onProgress?: (table: string, done: number, total: number) => void;
};

function deskFor(db: DutyDeskDB, ids: string[], no: number): Desk {
  let i = 0;
  return {
    db,
    identity: { no, name: `${no}号窗口` },
    clock: { now: () => NOW, today: () => TODAY },
    newId: () => ids[i++] ?? `gen-${i}`,
    actor: { id: ADMIN_ID, role: '站长/管理员' },
    community: {
      name: '桃花岭社区',
      code: COMMUNITY_CODE,
      population: 11_500,
      communityClass: '一类社区',
      grids: GRID_IDS.map((id, n) => ({ id, name: `第${n + 1}网格` })),
      openingHours: DEFAULT_OPENING_HOURS,
      phone: '0731-88886666',
      street: '岳麓街道',
      createdAt: NOW,
      createdBy: ADMIN_ID,
      updatedAt: NOW,
      updatedBy: ADMIN_ID,
    },
    calendar: createCalendar(),
  };
}

/** Loads `data` into an empty database `db`: the center's set-up, then the five years' records. */
export async function loadDesk(db: DutyDeskDB, data: GeneratedDesk, o: LoadOptions = {}): Promise<void> {
  await setUpDesk(db, data, o);
  await loadRecords(db, data, o);
}

/** The first-run setup and the staff, through the app's repositories (desk `data.desk`). */
export async function setUpDesk(db: DutyDeskDB, data: GeneratedDesk, o: LoadOptions = {}): Promise<void> {
  const password = await hashSecret(BENCH_PIN, undefined, o.iterations);
  await completeSetup(deskFor(db, [ADMIN_ID, ...GRID_IDS], data.desk), {
    name: '桃花岭社区',
    code: COMMUNITY_CODE,
    population: 11_500,
    phone: '0731-88886666',
    street: '岳麓街道',
    gridNames: GRID_IDS.map((_, n) => `第${n + 1}网格`),
    openingHours: DEFAULT_OPENING_HOURS,
    admin: { name: '王秀英', password },
    catalog: data.catalog,
  });
  const clerks = CLERK_IDS.filter((id) => id !== ADMIN_ID);
  const desk = deskFor(db, clerks, data.desk);
  for (const [n, id] of clerks.entries())
    await addStaff(desk, {
      name: `值班员${n + 1}号`,
      role: '值班员',
      grids: [GRID_IDS[n % GRID_IDS.length] ?? ''],
      password,
    }).then((s) => {
      if (s.id !== id) throw new Error('loadDesk: staff ids out of step');
    });
  // The desk's staff signed their 保密承诺 when they started (the sign-in bench measures the desk, not the pledge).
  const signedAt = Date.now();
  await (db as unknown as Dexie).table('staff').toCollection().modify({ pledgeAcceptedAt: signedAt });
  o.onProgress?.('setup', 0, 0);
}

/** The generated records, in bulk (into a set-up database: `setUpDesk`, or a copy of another desk's set-up). */
export async function loadRecords(db: DutyDeskDB, data: GeneratedDesk, o: LoadOptions = {}): Promise<void> {
  await ensureSearchKeys();
  const tables: [EntityName, readonly object[]][] = [
    ['residents', data.residents],
    ['visits', data.visits],
    ['cases', data.cases],
    ['caseEvents', data.caseEvents],
    ['proxyTasks', data.proxyTasks],
    ['proxyEvents', data.proxyEvents],
    ['custodyItems', data.custodyItems],
    ['custodyEvents', data.custodyEvents],
    ['problems', data.problems],
    ['problemEvents', data.problemEvents],
    ['meetings', data.meetings],
    ['agendaItems', data.agendaItems],
    ['homeVisits', data.homeVisits],
    ['rota', data.rota],
    ['handovers', data.handovers],
    ['handoverReads', data.handoverReads],
    ['offHoursLines', data.offHoursLines],
    ['meta', [{ key: 'meetingGuests', value: data.meetingGuests }]],
    ['auditLog', data.auditLog],
    ['counters', data.counters],
  ];
  const dexie = db as unknown as Dexie;
  const chunk = o.chunk ?? CHUNK;
  const inFlight = o.inFlight ?? IN_FLIGHT;
  // Chromium's IndexedDB (LevelDB) spends most of the load's time; two things cut it without
  // changing a stored byte: rows go in in primary-key order (new keys land past the old ones,
  // so existence checks and compactions touch little; the audit log's auto-increment keys keep
  // the generator's order), and the next chunk is derived and sent while IndexedDB still
  // writes the one before (two transactions in flight: the page and the storage work overlap).
  const pending: Promise<void>[] = [];
  const durability = dexie._options.chromeTransactionDurability;
  if (o.relaxed) dexie._options.chromeTransactionDurability = 'relaxed';
  try {
    for (const [name, given] of tables) {
      const table = dexie.table<object, unknown>(name);
      const rows = table.schema.primKey.auto ? given : byKey(given, table.schema.primKey.keyPath as string);
      for (let i = 0; i < rows.length; i += chunk) {
        const end = Math.min(rows.length, i + chunk);
        pending.push(
          dexie
            .transaction('rw', name, () => table.bulkPut(rows.slice(i, end)))
            .then(() => o.onProgress?.(name, end, rows.length)),
        );
        if (pending.length >= inFlight) await pending.shift();
      }
    }
    await Promise.all(pending);
  } catch (e) {
    for (const p of pending) p.catch(() => undefined); // the first failure is the one reported
    throw e;
  } finally {
    dexie._options.chromeTransactionDurability = durability;
  }
}

/** The rows in IndexedDB's order of their (string) primary key `keyPath`. */
function byKey(rows: readonly object[], keyPath: string): readonly object[] {
  const keyOf = (row: object) => String((row as Record<string, unknown>)[keyPath]);
  return [...rows].sort((a, b) => {
    const x = keyOf(a);
    const y = keyOf(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}
