/**
 * v33 → v36 (issue 28 item 2): the kept summaries' table arrives empty, nothing else changes; the
 * first write to a table a report reads puts the write token (the middleware widens the
 * transaction to the new table).
 */
import { describe, expect, it } from 'vitest';
import { DutyDeskDB, loadUpgradeSteps, SCHEMA_VERSION } from '../../renderer/src/db/database';
import { WRITE_TOKEN_KEY } from '@shared/reports/keptSummaries';
import { openShippedV33 } from './shippedSchemas';
import { freshDb, setUpCommunity } from './testDb';

describe('upgrade v33 → v36 (kept summaries)', () => {
  it('adds the empty table and keeps every record; a later write puts the token', async () => {
    const source = freshDb();
    await setUpCommunity(source);
    const tables = ['meta', 'staff', 'matterTypes', 'auditLog'] as const;
    const rows = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await source.table(t).toArray()])));
    source.close();

    const name = `upgrade-v36-${Math.random()}`;
    const v33 = openShippedV33(name);
    for (const t of tables) await v33.table(t).bulkAdd(rows[t]);
    v33.close();

    await loadUpgradeSteps();
    const db = new DutyDeskDB(name);
    await db.open();
    expect(SCHEMA_VERSION).toBeGreaterThanOrEqual(36);
    expect(db.verno).toBe(SCHEMA_VERSION);
    for (const t of tables) expect(await db.table(t).toArray()).toEqual(rows[t]);
    expect(await db.keptSummaries.count()).toBe(0);

    const visit = {
      id: 'v1',
      day: '2026-11-24',
      visitedAt: 0,
      channel: '来站',
      firstContactId: 's',
      content: '',
      kind: '咨询',
      caseIds: [],
    };
    await db.table('visits').put(visit);
    expect((await db.keptSummaries.get(WRITE_TOKEN_KEY))?.key).toBe(WRITE_TOKEN_KEY);
    db.close();
  });
});
