/**
 * A backup of an older version restored: its rows go through the very upgrades the app runs on
 * a database of that version (database.ts), not a second copy of them. The rows are written into
 * a scratch database at the backup's version (the schema each version declares, read from
 * database.ts itself), the app's DutyDeskDB opens it — every data step the backup lacks runs:
 * cases, proxy requests (v13) and documents in custody (v15) get their opening events, the
 * desk-local facts move out (v14), … — and the upgraded rows are read back. The scratch database
 * is deleted whatever happens. The audit log is left as the backup has it: the restore merges it
 * by identity and seals the rows from before the chain itself (snapshot.ts replaceAll).
 */
import { Dexie, type Version } from 'dexie';
import { DB_NAME, DutyDeskDB, loadUpgradeSteps } from '../database';
import type { BackupTables } from './seal';
import { readSnapshot } from './snapshot';

type StoresSpec = Record<string, string | null>;

/** Each version's `stores(...)` as database.ts declares it (recorded, never opened). */
function declaredStores(): Map<number, StoresSpec> {
  const declared = new Map<number, StoresSpec>();
  // The app's class, its declarations recorded instead of applied.
  class Recorder extends (DutyDeskDB as unknown as new (name: string) => Dexie) {
    override version(n: number): Version {
      const chain = {
        stores(spec: StoresSpec) {
          declared.set(n, { ...declared.get(n), ...spec });
          return chain;
        },
        upgrade: () => chain,
      };
      return chain as unknown as Version;
    }
  }
  new Recorder(`${DB_NAME}-schema-recorder`);
  return declared;
}

/** The whole schema at `version`: every table's spec declared up to it (null: a table dropped). */
export function schemaAt(version: number): Record<string, string> {
  const out: StoresSpec = {};
  const declared = [...declaredStores()].filter(([n]) => n <= version).sort(([a], [b]) => a - b);
  for (const [, spec] of declared) Object.assign(out, spec);
  return Object.fromEntries(Object.entries(out).filter((e): e is [string, string] => e[1] !== null));
}

/**
 * The backup's rows as this version stores them. `schema`: the version the backup was made at
 * (its header); the rows of the current version come back as they are.
 */
export async function upgradedTables(tables: BackupTables, schema: number, current: number): Promise<BackupTables> {
  if (schema >= current) return tables;
  const spec = schemaAt(schema);
  const unknown = Object.keys(tables).filter((t) => !(t in spec));
  if (unknown.length > 0)
    throw new Error(`backup has tables its version ${schema} does not know: ${unknown.join(', ')}`);
  const name = `${DB_NAME}-restore-${crypto.randomUUID()}`;
  try {
    const old = new Dexie(name);
    old.version(schema).stores(spec);
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const t of old.tables) {
        const rows = tables[t.name] ?? [];
        if (rows.length > 0) await t.bulkPut(rows);
      }
    });
    old.close();
    await loadUpgradeSteps();
    const upgraded = new DutyDeskDB(name);
    await upgraded.open();
    const out = await readSnapshot(upgraded);
    upgraded.close();
    return { ...out, auditLog: tables.auditLog ?? [] };
  } finally {
    await Dexie.delete(name);
  }
}
