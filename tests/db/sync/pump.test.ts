/**
 * The pump (renderer/src/sync/pump.ts): outbox rows move into the desk's PouchDB in order and
 * idempotently. The property: whatever the writes and wherever the pump is killed (before its
 * bulkDocs, or after it and before the row is deleted — the page killed between the two), a
 * restarted pump leaves the PouchDB holding exactly the desk's records (fake-indexeddb, pouchdb
 * memory): nothing lost, no audit row doubled, no record with a revision more than its content
 * changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RotaEntry } from '@shared/domain/records';
import { writeTx } from '../../../renderer/src/db/write';
import { portableRecord } from '../../../renderer/src/sync/docs';
import { canonical, createPump, placeDoc, pumpOutbox } from '../../../renderer/src/sync/pump';
import type { SyncDoc } from '../../../renderer/src/sync/contract';
import { joinedWorld } from './world';
import { memoryPouch } from './pouchMemory';

type Op =
  | { kind: 'put'; id: number; post: RotaEntry['post']; day: string }
  | { kind: 'delete'; id: number }
  | { kind: 'pump'; crash: 'none' | 'beforeWrite' | 'afterWrite'; atRow: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('put' as const),
    id: fc.integer({ min: 0, max: 3 }),
    post: fc.constantFrom('值班岗' as const, '走访岗' as const),
    day: fc.constantFrom('2026-11-24', '2026-11-25'),
  }),
  fc.record({ kind: fc.constant('delete' as const), id: fc.integer({ min: 0, max: 3 }) }),
  fc.record({
    kind: fc.constant('pump' as const),
    crash: fc.constantFrom('none' as const, 'beforeWrite' as const, 'afterWrite' as const),
    atRow: fc.integer({ min: 0, max: 3 }),
  }),
);

const generation = (rev: string) => Number(rev.split('-')[0]);

class Killed extends Error {}

describe('the pump', () => {
  it('places a document: new, on the current rev, skipped when already there', () => {
    const doc = (record: object, extra: Partial<SyncDoc> = {}): SyncDoc => ({
      _id: 'rota:a',
      type: 'rota',
      schema: 1,
      desk: 1,
      action: { id: 'x', size: 1 },
      record: record as Record<string, unknown>,
      ...extra,
    });
    expect(placeDoc(doc({ a: 1 }), undefined)).toEqual(doc({ a: 1 }));
    expect(placeDoc(doc({}, { _deleted: true }), undefined)).toBeUndefined();
    expect(placeDoc(doc({ a: 1, b: 2 }), { rev: '1-x', deleted: false, doc: doc({ b: 2, a: 1 }) })).toBeUndefined();
    expect(placeDoc(doc({ a: 2 }), { rev: '1-x', deleted: false, doc: doc({ a: 1 }) })?._rev).toBe('1-x');
    expect(placeDoc(doc({ a: 2 }), { rev: '2-x', deleted: true })?._rev).toBe('2-x');
    expect(placeDoc(doc({}, { _deleted: true }), { rev: '2-x', deleted: true })).toBeUndefined();
    expect(placeDoc(doc({ a: 2 }, { type: 'auditLog' }), { rev: '1-x', deleted: false })).toBeUndefined();
    expect(canonical({ b: [1, { d: 1, c: 2 }], a: 1 })).toBe('{"a":1,"b":[1,{"c":2,"d":1}]}');
  });

  it(
    'killed anywhere, restarted: the PouchDB holds every record and audit row once (property)',
    { timeout: 120_000 },
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 18 }), async (ops) => {
          const { db, desk, admin } = await joinedWorld();
          const local = memoryPouch();
          // Per rota id: how often its content changed from one committed transaction to the next.
          const changes = new Map<string, number>();
          let last = new Map<string, string>();
          const observe = async () => {
            const now = new Map((await db.rota.toArray()).map((r) => [r.id, canonical(portableRecord('rota', r))]));
            for (const id of new Set([...now.keys(), ...last.keys()]))
              if (now.get(id) !== last.get(id)) changes.set(id, (changes.get(id) ?? 0) + 1);
            last = now;
          };
          // The outbox already holds the setup's rows? No: the desk joined after them.
          expect(await db.outbox.count()).toBe(0);
          for (const op of ops) {
            if (op.kind === 'pump') {
              let row = 0;
              await pumpOutbox(db, local, (step) => {
                if (step === op.crash && row++ === op.atRow) throw new Killed();
              }).catch((e: unknown) => {
                if (!(e instanceof Killed)) throw e;
              });
              continue;
            }
            await writeTx(desk, ['rota'], async (tx) => {
              if (op.kind === 'put')
                await tx.rota.put({ id: `r${op.id}`, day: op.day, staffId: admin.id, post: op.post });
              else await tx.rota.delete(`r${op.id}`);
              await tx.audit({ action: 'sync.resolve', entity: 'sync', entityId: `r${op.id}` });
            });
            await observe();
          }
          await pumpOutbox(db, local); // the restart
          expect(await db.outbox.count()).toBe(0);
          const held = await local.allDocs({ include_docs: true });
          const docs = new Map(held.rows.map((r) => [r.id, r.doc as unknown as SyncDoc]));
          // Every audit row written since joining: one document, first revision, content as stored.
          const audits = (await db.auditLog.toArray()).filter((a) => a.entity === 'sync');
          expect(audits.length).toBe(ops.filter((o) => o.kind !== 'pump').length);
          for (const a of audits) {
            const d = docs.get(`auditLog:${a.id}`);
            expect(d?.record).toEqual(JSON.parse(JSON.stringify(portableRecord('auditLog', a))));
            expect(generation(d!._rev!)).toBe(1);
          }
          // Every rota record: the PouchDB's winner is the record as stored (or deleted / absent).
          const rota = new Map((await db.rota.toArray()).map((r) => [r.id, r]));
          const all = await local.allDocs({ keys: [0, 1, 2, 3].map((i) => `rota:r${i}`) });
          for (const [i, row] of all.rows.entries()) {
            const id = `r${i}`;
            const record = rota.get(id);
            const value = 'value' in row ? (row.value as { rev: string; deleted?: boolean }) : undefined;
            if (record) {
              expect(value?.deleted).toBeUndefined();
              expect(canonical(docs.get(`rota:${id}`)?.record)).toBe(canonical(portableRecord('rota', record)));
            } else expect(value === undefined || value.deleted === true).toBe(true);
            // Never doubled: one revision per change of content, none for a re-send.
            expect(value ? generation(value.rev) : 0).toBe(changes.get(id) ?? 0);
          }
          // No document but the desk's own rota and audit rows.
          expect([...docs.keys()].every((id) => id.startsWith('rota:') || id.startsWith('auditLog:'))).toBe(true);
          await local.destroy();
          db.close();
        }),
        { numRuns: 25 },
      );
    },
  );

  /** One write of the desk (a rota entry and its audit row): one outbox row. */
  const writeOne = (w: Awaited<ReturnType<typeof joinedWorld>>, id: string) =>
    writeTx(w.desk, ['rota'], async (tx) => {
      await tx.rota.put({ id, day: '2026-11-24', staffId: w.admin.id, post: '值班岗' });
      await tx.audit({ action: 'sync.resolve', entity: 'sync', entityId: id });
    });

  it('a write committed while the pump counts what is left is moved too, with no further write', async () => {
    const w = await joinedWorld();
    const local = memoryPouch();
    await writeOne(w, 'r0');
    // The window: the run has drained the outbox and counts it; a write commits and kicks then
    // (the sign-in's audit row at a restart). The old pump dropped that kick.
    const count = () => w.db.outbox.count();
    let raced = false;
    const outbox = Object.create(w.db.outbox) as typeof w.db.outbox;
    outbox.count = (async () => {
      if (!raced) {
        raced = true;
        await writeOne(w, 'r1');
        pump.kick();
      }
      return count();
    }) as typeof outbox.count;
    const racing: typeof w.db = Object.create(w.db, { outbox: { value: outbox } });
    const pump = createPump(racing, local);
    pump.kick();
    await pump.idle();
    expect(await count()).toBe(0);
    expect(raced).toBe(true);
    const held = await local.allDocs({ keys: ['rota:r0', 'rota:r1'] });
    expect(held.rows.map((r) => ('error' in r ? r.error : r.id))).toEqual(['rota:r0', 'rota:r1']);
    pump.stop();
    await local.destroy();
    w.db.close();
  });

  it('a failed run is tried again by itself, with no further write', async () => {
    const w = await joinedWorld();
    const local = memoryPouch();
    await writeOne(w, 'r0');
    const bulkDocs = local.bulkDocs.bind(local);
    let failures = 2;
    local.bulkDocs = ((docs: never) =>
      failures-- > 0 ? Promise.reject(new Error('store busy')) : bulkDocs(docs)) as typeof local.bulkDocs;
    const errors: unknown[] = [];
    const pending: number[] = [];
    const pump = createPump(w.db, local, {
      retryMs: 5,
      onError: (e) => errors.push(e),
      onIdle: (n) => pending.push(n),
    });
    pump.kick();
    await expect.poll(() => w.db.outbox.count(), { timeout: 10_000 }).toBe(0);
    expect(errors).toHaveLength(2);
    expect(pending.at(-1)).toBe(0);
    pump.stop();
    await pump.idle();
    await local.destroy();
    w.db.close();
  });

  it('a stopped pump tries no more', async () => {
    const w = await joinedWorld();
    const local = memoryPouch();
    await writeOne(w, 'r0');
    local.bulkDocs = (() => Promise.reject(new Error('store busy'))) as typeof local.bulkDocs;
    let runs = 0;
    const pump = createPump(w.db, local, { retryMs: 5, onError: () => runs++ });
    pump.kick();
    await expect.poll(() => runs).toBeGreaterThan(0);
    pump.stop();
    await pump.idle();
    const after = runs;
    await new Promise((r) => setTimeout(r, 100));
    expect(runs).toBe(after);
    expect(await w.db.outbox.count()).toBe(1);
    await local.destroy();
    w.db.close();
  });
});
