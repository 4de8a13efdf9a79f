import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createCalendar, type WorkingCalendar } from '@shared/domain/workingCalendar';
import { getDb } from '../db/database';
import { getCalendarOverrides } from '../db/repositories/calendar';

/** The working-day calendar with this center's overrides; undefined while loading. */
export function useCalendar(): WorkingCalendar | undefined {
  const overrides = useLiveQuery(() => getCalendarOverrides(getDb()), []);
  return useMemo(() => (overrides ? createCalendar({ overrides }) : undefined), [overrides]);
}
