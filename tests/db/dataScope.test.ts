/**
 * Center data or desk-local (db/dataScope.ts): every table of the schema as opened and every meta
 * key the app writes is one or the other, and each lives where its scope says (center keys in
 * `meta`, desk-local keys in `deskMeta`). A table or key that is neither fails here.
 */
import { setUpStreet } from './streetTestDb';
import { describe, expect, it } from 'vitest';
import type { Dexie } from 'dexie';
import { createCalendar } from '@shared/domain/workingCalendar';
import { META_KEY_SCOPE, metaKeyName, scopeOfMetaKey, TABLE_SCOPE, tablesOf } from '../../renderer/src/db/dataScope';
import { saveCalendarOverrides, setCalendarYearComplete } from '../../renderer/src/db/repositories/calendar';
import { saveMeetingGuests } from '../../renderer/src/db/repositories/meetings';
import { saveReportNotes } from '../../renderer/src/db/repositories/reportNotes';
import { ensureInstallId } from '../../renderer/src/db/repositories/reportExports';
import { importResidents } from '../../renderer/src/db/repositories/residentImport';
import { signIn } from '../../renderer/src/db/repositories/staff';
import { registerVisit } from '../../renderer/src/db/repositories/visits';
import { createZhangSan, freshDb, setUpCommunity, T0, testDesk } from './testDb';

/** Every table and meta key a desk writes, through the repositories. */
async function writtenDesk() {
  const db = freshDb();
  const admin = await setUpCommunity(db);
  const desk = testDesk(db, { staffId: admin.id, role: admin.role, now: T0, calendar: createCalendar() });
  await saveCalendarOverrides(desk, [{ date: '2030-01-01', kind: 'holiday', name: '元旦' }]);
  await setCalendarYearComplete(desk, 2030, true);
  await saveReportNotes(desk, { kind: 'week', from: '2026-11-23', to: '2026-11-29' } as never, {
    focus: '重点',
    issues: '',
  });
  await saveMeetingGuests(desk, [{ name: '网格长甲', role: '网格长' }]);
  await importResidents(desk, { fileName: 'a.xlsx', mode: 'skip', rows: [], rejected: 0, mapping: { 姓名: 'name' } });
  await ensureInstallId(desk);
  await signIn(testDesk(db, { now: T0 }), admin.id, '999999'); // a wrong PIN: a guard at this desk
  const resident = await createZhangSan(db, admin.id, '2026-11-24');
  const matter = (await db.matterTypes.toArray())[0]!;
  await registerVisit(desk, {
    residentId: resident.id,
    channel: '来站',
    kind: '办件',
    content: '',
    cases: [{ matter, mode: '承诺件', received: matter.documents.map((d) => d.name) }],
  });
  return db;
}

describe('center data and desk-local data', () => {
  it('classifies every table of the schema, and nothing else', () => {
    const db = freshDb();
    const tables = (db as unknown as Dexie).tables.map((t) => t.name).sort();
    expect(Object.keys(TABLE_SCOPE).sort()).toEqual(tables);
    for (const t of tables) expect(['center', 'desk-local'], t).toContain(TABLE_SCOPE[t as keyof typeof TABLE_SCOPE]);
    expect(tablesOf('desk-local')).toEqual([
      'counters',
      'signInGuards',
      'deskMeta',
      'mergeUndos',
      'outbox',
      'syncConflicts',
      'syncRejected',
      'tallies',
      'careLastVisits',
      'keptSummaries',
      'slimRows',
      'streetCommunities',
      'streetPackages',
      'streetPackageRecords',
      'streetResponses',
    ]);
    expect(tablesOf('center')).not.toContain('counters');
  });

  it('every meta key the desk writes is classified and kept in the table of its scope', async () => {
    const db = await writtenDesk();
    const centerKeys = (await db.meta.toArray()).map((r) => r.key);
    const deskKeys = (await db.deskMeta.toArray()).map((r) => r.key);
    for (const key of centerKeys) expect(scopeOfMetaKey(key), key).toBe('center');
    for (const key of deskKeys) expect(scopeOfMetaKey(key), key).toBe('desk-local');
    // Every classified key was seen (the ones issue 24's sync writes aside: joining, the inbound
    // checkpoint, tests/db/syncInbound.test.ts): the list holds no stale key.
    const seen = new Set([...centerKeys, ...deskKeys].map(metaKeyName));
    expect(Object.keys(META_KEY_SCOPE).filter((k) => !seen.has(k))).toEqual([
      'joinedCenter',
      'inboundSeq',
      'installKind',
      'streetProfile',
    ]);
    // A street installation's keys (issue 27) are written by its setup, desk-local.
    const street = freshDb();
    await setUpStreet(street);
    const streetKeys = (await street.deskMeta.toArray()).map((r) => r.key).sort();
    expect(streetKeys).toEqual(['installKind', 'streetProfile']);
    for (const key of streetKeys) expect(scopeOfMetaKey(key), key).toBe('desk-local');
    expect(await street.meta.count()).toBe(0);
    // The desk-local tables hold this desk's facts; the center tables none of them.
    expect(await db.counters.count()).toBeGreaterThan(0);
    expect(await db.signInGuards.count()).toBe(1);
    expect(Object.keys((await db.staff.toArray())[0]!)).not.toContain('failedAttempts');
  });

  it('a key nobody classified has no scope', () => {
    expect(scopeOfMetaKey('somethingNew')).toBeUndefined();
    expect(scopeOfMetaKey('reportNotes:2026-11-23:2026-11-29')).toBe('center');
  });
});
