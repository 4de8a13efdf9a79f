/**
 * v23 → v24 (issue 26, 值班表): the placeholder rota rows `{ id, day, staffId, post }` (any id)
 * become one record per day × person under `rotaCellId(day, staffId)`, stamped (a placeholder row
 * had no stamp: `0` / `''`, "before the rota existed"). Two old rows of one cell keep the later id
 * in key order; a row without a day or person, or with a post the rota does not know, is dropped
 * (nothing could show it). Idempotent: a cell already under its id is left as it is.
 */
import type { Transaction } from 'dexie';
import { ROTA_POSTS, rotaCellId, type RotaEntry } from '@shared/domain/records';
import { isValidLocalDate } from '@shared/domain/localDate';

type OldRotaRow = { id: string; day?: unknown; staffId?: unknown; post?: unknown } & Partial<RotaEntry>;

const NO_STAMP = { createdAt: 0, createdBy: '', updatedAt: 0, updatedBy: '' };

export async function upgradeV24RotaCells(tx: Transaction): Promise<void> {
  const table = tx.table<OldRotaRow, string>('rota');
  const rows = await table.toArray();
  const cells = new Map<string, RotaEntry>();
  const drop: string[] = [];
  for (const row of rows) {
    const { day, staffId, post } = row;
    const usable =
      typeof day === 'string' &&
      isValidLocalDate(day) &&
      typeof staffId === 'string' &&
      staffId !== '' &&
      ROTA_POSTS.includes(post as RotaEntry['post']);
    if (!usable) {
      drop.push(row.id);
      continue;
    }
    const id = rotaCellId(day, staffId);
    if (row.id === id && row.createdAt !== undefined) continue;
    drop.push(row.id);
    cells.set(id, { ...NO_STAMP, ...(row as RotaEntry), id });
  }
  await table.bulkDelete(drop);
  await table.bulkPut([...cells.values()]);
}
