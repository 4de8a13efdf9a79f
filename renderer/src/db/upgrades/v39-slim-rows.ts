/**
 * v38 → v39 (issue 28 item 2, a year's first statistics): the slim row of every visit and case
 * (`slimRows`, desk-local and derived: shared/reports/slimRows.ts) made once from the records, a
 * page at a time; from here on every write of visits and cases keeps them
 * (db/slimRows/middleware.ts). Idempotent.
 */
import type { Transaction } from 'dexie';
import { refillSlimRows } from '../slimRows/recount';

export const upgradeV39SlimRows = (tx: Transaction): Promise<void> => refillSlimRows((name) => tx.table(name));
