import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '../db/database';
import { listStaff } from '../db/repositories/staff';

/** id → name of every staff account (including deactivated ones: their records remain). */
export function useStaffNames(): Map<string, string> {
  const staff = useLiveQuery(() => listStaff(getDb()), []);
  return new Map((staff ?? []).map((s) => [s.id, s.name]));
}
