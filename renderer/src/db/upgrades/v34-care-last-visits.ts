/**
 * v33 → v34 (issue 26, 超期未走访 longest-unvisited first): every 重点服务对象's last current 走访
 * (`careLastVisits`, desk-local and derived) worked out once from the indexes; from here on every
 * write of residents and 走访 entries moves it (db/careVisits/middleware.ts). Idempotent.
 */
import type { Transaction } from 'dexie';
import { refillCareVisits } from '../careVisits/recount';

export const upgradeV34CareLastVisits = (tx: Transaction): Promise<void> => refillCareVisits((name) => tx.table(name));
