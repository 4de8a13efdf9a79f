import { useLiveQuery } from './liveQuerier';
import { listStaff } from '../db/repositories/staff';
import { useDesk } from './desk';

/** id → name of every staff account (including deactivated ones: their records remain). */
export function useStaffNames(): Map<string, string> {
  const desk = useDesk();
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  return new Map((staff ?? []).map((s) => [s.id, s.name]));
}
