/**
 * Before/after: fixtures/v2-snapshot.json is a real-shaped version-2 database (residents,
 * visits, cases in every status with their events, proxy tasks, counters, audit rows with
 * the old `case.转办` names) together with what the data layer BEFORE the desk-context
 * refactor read from it: every queue × staff × day × filter, the counts, the 工作台, the
 * register, the searches and every case page. Its generator ran on that code and was then
 * removed (see the commit "v2 snapshot: …" in the history).
 *
 * Here the stored rows are written as they were (plain Dexie, no app middleware), the app
 * opens the database through the new layer, and every read must give the same answer.
 */
import { Dexie } from 'dexie';
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

/** The stored rows, written by plain Dexie with the v2 schema (as the old build left them). */
async function seedV2(name: string): Promise<void> {
  const raw = new Dexie(name);
  raw.version(2).stores({
    meta: 'key',
    staff: 'id, name, role, active',
    residents: 'id, &idNumber, name, phone, gridId, *searchKeys, *tags, updatedAt',
    visits: 'id, residentId, day, visitedAt, channel, firstContactId, kind',
    matterTypes: 'code, category, name, active',
    cases:
      'id, &trackingNumber, residentId, visitId, matterCode, status, deadline, firstContactId, handlerId, gridId, acceptedDay, dueDay, *flags',
    caseEvents: 'id, caseId, at',
    proxyTasks: 'id, caseId, residentId, status',
    custodyItems: 'id, proxyTaskId',
    meetings: 'id, weekOf, status',
    agendaItems: 'id, meetingId, sourceId, status',
    rota: 'id, day, staffId',
    handovers: 'id, day',
    auditLog: '++seq, at, staffId, action',
    counters: 'key',
  });
  await raw.open();
  await raw.transaction('rw', raw.tables, async () => {
    for (const t of raw.tables) await t.bulkAdd(tables[t.name] ?? []);
  });
  raw.close();
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
    const name = `v2-snapshot-${Date.now()}`;
    await seedV2(name);
    const db = new DutyDeskDB(name);
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
