/** Whether this build would upgrade the database on disk (checked before it is opened; tiny, so
 * the first screen does not wait for the backup code). */
import { DB_NAME, SCHEMA_VERSION } from '../database';

/** The version on disk when it is older than this build's (an upgrade would run), else null. */
export async function pendingUpgradeFrom(name = DB_NAME): Promise<number | null> {
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  if (!found?.version) return null;
  const onDisk = found.version / 10; // Dexie stores version n as n × 10
  return onDisk < SCHEMA_VERSION ? onDisk : null;
}
