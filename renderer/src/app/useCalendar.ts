import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { createCalendar, type WorkingCalendar } from '@shared/domain/workingCalendar';
import { getDb } from '../db/database';
import { getCalendarSettings } from '../db/repositories/calendar';

/** The working-day calendar with this center's overrides and complete years; undefined while loading. */
export function useCalendar(): WorkingCalendar | undefined {
  const settings = useLiveQuery(() => getCalendarSettings(getDb()), []);
  return useMemo(() => (settings ? createCalendar(settings) : undefined), [settings]);
}
