/**
 * ONE list of derived fields (db/derived.ts): every field a table's `derive` writes is named in
 * it, so a backup leaves it out and a restore recomputes it (backup/snapshot.ts reads the same
 * list). A field is derived when `derive` does not keep what the record says for it: each field
 * of a derived record, set to a value no rule would compute, is probed on every record of the
 * generated desk's tables (every status). A new derived field missing from the list fails here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDesk } from '../../bench/data/generate';
import { DERIVED, deriveFields } from '../../renderer/src/db/derived';
import { withoutDerivedFields } from '../../renderer/src/db/backup/snapshot';
import type { EntityName, RecordOf } from '../../renderer/src/db/entities';
import { ensureSearchKeys } from '../../renderer/src/db/searchKeys';

const desk = generateDesk('tiny');
const SENTINEL = { probe: 'not derived from anything' };

/** The generated rows of a table, plus the states the small desk happens not to hold at its end. */
function samplesOf(table: EntityName): RecordOf<EntityName>[] {
  const rows = (desk as unknown as Record<string, RecordOf<EntityName>[]>)[table] ?? [];
  // A request or custody item with a 同步冲突 (only two desks' merged events give one).
  const conflicted =
    table === 'proxyTasks' || table === 'custodyItems'
      ? rows.slice(0, 1).map((r) => ({ ...r, syncConflicts: [SYNC_CONFLICT] }) as RecordOf<EntityName>)
      : [];
  // A booked home visit still to come (待上门) has a visit day; by the desk's last day none is left.
  if (table === 'proxyTasks')
    return [
      ...rows,
      ...conflicted,
      ...desk.proxyTasks.filter((t) => t.visit).map((t) => ({ ...t, status: '待上门' as const })),
    ];
  return [...rows, ...conflicted];
}
const SYNC_CONFLICT = { eventId: 'e1', action: '归还', reason: '该材料不在外', by: 's1', desk: 2, at: 1 };

/** The fields `derive` writes (overwrites, computes or removes) on this record. */
function fieldsWritten(table: EntityName, record: RecordOf<EntityName>): string[] {
  const derived = deriveFields(table, record) as Record<string, unknown>;
  const written: string[] = [];
  for (const key of Object.keys(derived)) {
    let again: Record<string, unknown>;
    try {
      again = deriveFields(table, { ...derived, [key]: SENTINEL } as never) as Record<string, unknown>;
    } catch {
      continue; // an input the rules cannot read as the sentinel: an input, not a derived field
    }
    if (again[key] !== SENTINEL) written.push(key);
  }
  // Fields `derive` adds on a record that lacks them (e.g. a case's dueDay) show up above on the
  // records that have them; the ones it removes show as missing keys here.
  for (const key of Object.keys(record)) if (!(key in derived)) written.push(key);
  return written;
}

/** The tables with derived fields and the names of those fields. */
const derivedFieldNames = (): Record<string, readonly string[]> =>
  Object.fromEntries(Object.entries(DERIVED).map(([table, d]) => [table, d.fields]));

describe('the derived-field list', () => {
  beforeAll(async () => ensureSearchKeys());

  const tables = Object.keys(derivedFieldNames()) as EntityName[];

  it('names every table of the generated desk that has derived fields', () => {
    expect(tables.sort()).toEqual([
      'auditLog',
      'cases',
      'custodyItems',
      'problems',
      'proxyTasks',
      'residents',
      'visits',
    ]);
  });

  it.each(tables)('%s: every field its derive writes is on the list, and every listed field is derived', (table) => {
    const rows = samplesOf(table);
    expect(rows.length).toBeGreaterThan(0);
    const listed = derivedFieldNames()[table]!;
    const seen = new Set<string>();
    for (const row of rows) for (const f of fieldsWritten(table, row)) seen.add(f);
    expect([...seen].filter((f) => !listed.includes(f))).toEqual([]);
    expect(listed.filter((f) => !seen.has(f))).toEqual([]);
  });

  it.each(tables)(
    '%s: a row without its derived fields derives back to the same record (what a restore does)',
    (table) => {
      for (const row of samplesOf(table).slice(0, 300)) {
        const stored = deriveFields(table, row);
        const backedUp = withoutDerivedFields(table, stored) as Record<string, unknown>;
        for (const f of derivedFieldNames()[table]!) expect(backedUp).not.toHaveProperty(f);
        expect(deriveFields(table, backedUp as never)).toEqual(stored);
      }
    },
  );
});
