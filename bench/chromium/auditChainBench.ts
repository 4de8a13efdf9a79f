/**
 * The audit chain's cost on a registration (issue 23 item 4), in Chromium's real IndexedDB: the
 * app's `registerVisit` (visit, case, timeline event, counter, audit rows) with the chain on —
 * the desk's head read by the chain index, each row hashed (SHA-256) inside the transaction —
 * next to the same write with the chain switched off (`setAuditChainForBench`, reachable from
 * the bench only), interleaved in the same run, alternating who goes first. The log holds
 * `logRows` chained rows before (the index the head is read from is not empty). A fresh
 * database of its own: the cached bench profile is not written.
 */
import { Dexie } from 'dexie';
import { chainRow, headOf, type ChainHead } from '@shared/domain/auditChain';
import { parseCatalog } from '@shared/domain/catalog';
import { DEFAULT_OPENING_HOURS } from '@shared/domain/community';
import { computeCheckDigit } from '@shared/domain/idNumber';
import type { AuditEntry } from '@shared/domain/records';
import { createCalendar } from '@shared/domain/workingCalendar';
import { readChainHead, setAuditChainForBench } from '../../renderer/src/db/auditChain';
import { DutyDeskDB } from '../../renderer/src/db/database';
import type { Clock, Desk } from '../../renderer/src/db/desk';
import type { DeskIdentity } from '@shared/domain/deskNumber';
import { completeSetup, getCommunity } from '../../renderer/src/db/repositories/community';
import { createResident } from '../../renderer/src/db/repositories/residents';
import { acceptPledge } from '../../renderer/src/db/repositories/staff';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { hashSecret } from '../../renderer/src/db/secrets';
import catalogJson from '../../resources/catalog/default-matters.json';
import { NOW, TODAY } from '../data/generate';

const NAME = 'bench-audit-chain';

/**
 * A set-up desk of its own (the admin signed, the pledge accepted): shared with outboxBench.ts
 * and syncBench.ts (which give it the real clock and its desk number).
 */
export async function benchDesk(db: DutyDeskDB, o: { clock?: Clock; identity?: DeskIdentity } = {}): Promise<Desk> {
  const base = {
    db,
    clock: o.clock ?? { now: () => NOW, today: () => TODAY },
    newId: () => crypto.randomUUID(),
    actor: null,
    ...(o.identity ? { identity: o.identity } : {}),
  };
  const catalog = parseCatalog(catalogJson);
  if (!catalog.ok) throw new Error('catalog');
  const admin = await completeSetup(base, {
    name: '桃花岭社区',
    code: 'THL',
    population: 11_500,
    phone: '0731-88886666',
    gridNames: ['第一网格'],
    openingHours: DEFAULT_OPENING_HOURS,
    admin: { name: '王秀英', password: await hashSecret('246810', undefined, 1000) },
    catalog: catalog.catalog.matters,
  });
  const desk: Desk = {
    ...base,
    actor: { id: admin.id, role: '站长/管理员' },
    community: (await getCommunity(base))!,
    calendar: createCalendar(),
  };
  await acceptPledge(desk);
  return desk;
}

/** `n` chained rows after the desk's head, bulk-added (a log of a few years). */
async function fillLog(db: DutyDeskDB, n: number): Promise<void> {
  let head: ChainHead | null = await readChainHead(db.auditLog, 1);
  for (let i = 0; i < n; i += 5000) {
    const rows: AuditEntry[] = [];
    for (let k = i; k < Math.min(n, i + 5000); k++) {
      const row = chainRow({ id: `fill-${k}`, at: NOW, staffId: null, action: 'signin.ok', entity: 'staff' }, 1, head);
      head = headOf(row);
      rows.push(row);
    }
    await db.auditLog.bulkAdd(rows);
  }
}

/** One resident and a 承诺件 registration of theirs, repeatable: the write the benchmarks time. */
export async function registration(desk: Desk, db: DutyDeskDB): Promise<() => Promise<unknown>> {
  const first17 = '43010419580315123';
  const resident = await createResident(desk, {
    name: '张三',
    idNumber: first17 + computeCheckDigit(first17),
    phone: '13812345678',
    building: '',
    unit: '',
    room: '',
    gridId: '',
    tags: [],
  });
  const matter = (await db.matterTypes.toArray()).find((m) => m.documents.length >= 2 && m.timeLimitDays > 0)!;
  return () =>
    registerVisit(desk, {
      residentId: resident.id,
      channel: '来站',
      kind: '办件',
      content: '',
      cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
    });
}

/**
 * `run` timed with a switch on (`subject`) and off (`baseline`), interleaved, alternating who goes
 * first, after `warmup` rounds; the switch is left on.
 */
export async function interleaved(
  reps: number,
  warmup: number,
  set: (on: boolean) => void,
  run: () => Promise<unknown>,
): Promise<{ subject: number[]; baseline: number[] }> {
  const subject: number[] = [];
  const baseline: number[] = [];
  try {
    for (let rep = 0; rep < warmup + reps; rep++) {
      for (const on of rep % 2 === 0 ? [true, false] : [false, true]) {
        set(on);
        const t0 = performance.now();
        await run();
        const ms = performance.now() - t0;
        if (rep >= warmup) (on ? subject : baseline).push(ms);
      }
    }
  } finally {
    set(true);
  }
  return { subject, baseline };
}

export async function auditChainRun(reps: number, logRows: number, warmup = 3) {
  await Dexie.delete(NAME);
  const db = new DutyDeskDB(NAME);
  try {
    const desk = await benchDesk(db);
    await fillLog(db, logRows);
    const register = await registration(desk, db);
    const before = await db.auditLog.count();
    await register();
    const auditRowsPerRegistration = (await db.auditLog.count()) - before;
    const { subject, baseline } = await interleaved(reps, warmup, setAuditChainForBench, register);
    return { subject, baseline, auditRowsPerRegistration, logRows };
  } finally {
    setAuditChainForBench(true);
    db.close();
    await Dexie.delete(NAME);
  }
}
