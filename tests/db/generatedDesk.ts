/**
 * The set-up of the data-layer tests that read a generated desk (bench/data: the benchmark's
 * five-year desk at a small size): a fresh database loaded with it, and the desk of its 站长.
 */
import { generateDesk, type GeneratedDesk, type SizeName } from '../../bench/data/generate';
import { loadDesk } from '../../bench/data/load';
import type { DutyDeskDB } from '../../renderer/src/db/database';
import type { Desk } from '../../renderer/src/db/desk';
import { communityDesk, freshDb, type TestDeskOptions } from './testDb';

/** The generated desk's 站长/管理员 (bench/data/generate.ts). */
export const GENERATED_ADMIN = { staffId: 'staff-admin', role: '站长/管理员' as const };

/** A fresh database holding `data` (or a newly generated desk of `size`); PINs hashed cheaply. */
export async function loadedDb(data: GeneratedDesk | SizeName = 'tiny'): Promise<DutyDeskDB> {
  const db = freshDb();
  await loadDesk(db, typeof data === 'string' ? generateDesk(data) : data, { iterations: 1000 });
  return db;
}

/** The 站长's desk on a database `loadedDb` filled (its stored community), with `o` on top. */
export function generatedAdminDesk(db: DutyDeskDB, o: TestDeskOptions = {}): Promise<Desk> {
  return communityDesk(db, { ...GENERATED_ADMIN, ...o });
}
