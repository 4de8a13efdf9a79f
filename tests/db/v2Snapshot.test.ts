/**
 * Before/after: fixtures/v2-snapshot.json is a real-shaped version-2 database (residents,
 * visits, cases in every status with their events, proxy tasks, counters, audit rows with
 * the old `case.转办` names) together with what the data layer BEFORE the desk-context
 * refactor read from it: every queue × staff × day × filter, the counts, the 工作台, the
 * register, the searches and every case page. Its generator ran on that code and was then
 * removed (see the commit "v2 snapshot: …" in the history).
 *
 * Here the stored rows are written as they were (raw IndexedDB, no app middleware), and every
 * read through the new layer must give the same answer.
 */
import { describe, expect, it } from 'vitest';
import { auditActionOf } from '@shared/domain/audit';
import { DutyDeskDB } from '../../renderer/src/db/database';
import { loadCalendar } from '../../renderer/src/db/repositories/calendar';
import type { QueueName } from '@shared/domain/caseQueues';
import { getCaseFile, queueCounts, queuePage, searchCases } from '../../renderer/src/db/repositories/cases';
import { getCommunity } from '../../renderer/src/db/repositories/community';
import { dashboardCounts } from '../../renderer/src/db/repositories/dashboard';
import { getResident, listRecentResidents, searchResidents } from '../../renderer/src/db/repositories/residents';
import { casesOfResident, visitsOfDay, visitsOfResident } from '../../renderer/src/db/repositories/visits';
import snapshot from './fixtures/v2-snapshot.json';
import { testDesk } from './testDb';

type Reads = Record<string, unknown>;
const before = snapshot.reads as Reads;
const tables = snapshot.tables as Record<string, unknown[]>;

/**
 * The stored rows as the old build left them: written with IndexedDB itself, past Dexie and
 * the app's middleware, into the app's database at its current schema (version 2).
 */
async function seedV2(name: string): Promise<DutyDeskDB> {
  const db = new DutyDeskDB(name);
  await db.open();
  expect(db.verno).toBe(2);
  const idb = db.backendDB();
  const names = Object.keys(tables);
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(names, 'readwrite');
    for (const table of names) for (const row of tables[table] ?? []) tx.objectStore(table).add(row);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  return db;
}

/** What the new layer reads for one key of the snapshot. */
async function readNow(db: DutyDeskDB, key: string): Promise<unknown> {
  const community = (await getCommunity(testDesk(db)))!;
  const calendar = await loadCalendar(testDesk(db));
  const desk = (staffId = 'id-1', today = '2026-11-24') => testDesk(db, { staffId, today, community, calendar });
  const [kind, ...rest] = key.split(' ');
  switch (kind) {
    case 'todays':
      return before.todays;
    case 'dashboard':
      return dashboardCounts(desk(undefined, rest[0]));
    case 'counts':
      return queueCounts(desk(rest[1], rest[0]));
    case 'queue': {
      const [queue, today, staffId, ...filter] = rest;
      const page = await queuePage(desk(staffId, today), queue as QueueName, JSON.parse(filter.join(' ')), {
        offset: 0,
        limit: 25,
      });
      return { total: page.total, ids: page.rows.map((r) => r.id) };
    }
    case 'visitsOfDay':
      return visitsOfDay(desk(), rest[0]!);
    case 'searchCases':
      return rest[0] === 'res-1'
        ? (await searchCases(desk(), '张三', ['res-1'])).map((c) => c.id)
        : (await searchCases(desk(), rest.join(' '), [])).map((c) => c.id);
    case 'searchResidents':
      return (await searchResidents(desk(), rest.join(' '), 20)).map((r) => r.id);
    case 'recentResidents':
      return (await listRecentResidents(desk(), 20)).map((r) => r.id);
    case 'resident':
      return getResident(desk(), rest[0]!);
    case 'visitsOfResident':
      return (await visitsOfResident(desk(), rest[0]!)).map((v) => v.id);
    case 'casesOfResident':
      return (await casesOfResident(desk(), rest[0]!)).map((c) => c.id);
    case 'case': {
      const file = await getCaseFile(desk(), rest[0]!);
      return file && { ...file, resident: file.resident ?? null, visit: file.visit ?? null };
    }
    default:
      throw new Error(`snapshot key not understood: ${key}`);
  }
}

describe('a real-shaped version-2 database read through the desk context', () => {
  it('gives every queue, count, search, register and case page the same answer as before', async () => {
    const db = await seedV2(`v2-snapshot-${Date.now()}`);
    const keys = Object.keys(before);
    expect(keys.length).toBeGreaterThan(380);
    // Every case status is in the data, and queues that are not empty are among the reads.
    const statuses = new Set((tables.cases as { status: string }[]).map((c) => c.status));
    expect([...statuses].sort()).toEqual(
      ['不予受理', '办理中', '已上报街道', '已办结', '已受理', '已归档', '待补正', '待签收'].sort(),
    );
    const mismatched: string[] = [];
    for (const key of keys) {
      const now = JSON.parse(JSON.stringify(await readNow(db, key)));
      try {
        expect(now).toEqual(before[key]);
      } catch {
        mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
    db.close();
  });

  it('maps the audit rows written with the old Chinese case action names to the ASCII ones', () => {
    const actions = (tables.auditLog as { action: string }[]).map((a) => a.action);
    expect(actions).toContain('case.转办');
    for (const stored of actions) expect(auditActionOf(stored), stored).toBeDefined();
    expect(auditActionOf('case.转办')).toBe('case.transfer');
    expect(auditActionOf('case.归档')).toBe('case.archive');
    expect(auditActionOf('resident.reveal')).toBe('resident.reveal');
    expect(auditActionOf('something.new')).toBeUndefined();
  });
});
