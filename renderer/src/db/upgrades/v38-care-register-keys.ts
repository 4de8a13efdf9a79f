/**
 * v37 → v38 (issue 26, 超期未走访 flat with size): every kept last 走访 row worked out again from
 * the indexes and keyed for the register tags of the stored community profile (ONE `key` per
 * resident on the register, in place of one `keys` entry per tag); from here on every write of
 * residents, 走访 entries and the profile moves them (db/careVisits/middleware.ts). Idempotent.
 */
import type { Transaction } from 'dexie';
import { refillCareVisits } from '../careVisits/recount';

export const upgradeV38CareRegisterKeys = (tx: Transaction): Promise<void> =>
  refillCareVisits((name) => tx.table(name));
