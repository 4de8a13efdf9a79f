/**
 * Starts of a desk's exchange one after the other (engine.ts startSync): the app restarting the
 * exchange while it is still starting (slow on a loaded PC) must never have the desk's PouchDB
 * open twice — PouchDB's IndexedDB adapter shares one connection between same-named instances,
 * so the first exchange's stop would close the second's database (未连接 for good while the hub
 * is fine: the restarted desk in syncPumpKill under 3 workers). Counted here on the constructor
 * the engine is given (pouchdb memory, fake-indexeddb; no hub: the exchange waits for it).
 */
import { describe, expect, it } from 'vitest';
import { startSync } from '../../../renderer/src/sync/engine';
import type { PouchConstructor } from '../../../renderer/src/sync/pouch';
import { syncStatus } from '../../../renderer/src/sync/status';
import { MemoryPouch } from './pouchMemory';
import { joinedWorld } from './world';

const LOCAL = `overlap-${Date.now()}`;

/** The memory PouchDB, counting how many instances of the desk's own database are open at once. */
function counting() {
  const open = new Set<object>();
  const seen = { most: 0, open: () => open.size };
  const Counting = function (name: string, options?: object) {
    const db = new MemoryPouch(name, options);
    if (name !== LOCAL) return db;
    open.add(db);
    seen.most = Math.max(seen.most, open.size);
    const close = db.close.bind(db);
    db.close = () => {
      open.delete(db);
      return close();
    };
    return db;
  } as unknown as PouchConstructor;
  return { Counting, seen };
}

describe('starting the exchange again while it starts', () => {
  it('never opens the desk’s PouchDB twice; the last start is the one running', async () => {
    const { desk } = await joinedWorld();
    const { Counting, seen } = counting();
    const deps = { PouchDB: Counting, localName: LOCAL, inbound: () => () => undefined };
    // No hub answers here: each exchange waits for it (未连接), which is not what is counted.
    const config = { url: 'http://127.0.0.1:9/center', username: 'desk1', password: 'pw', allowPlainHttp: true };
    const starts = [startSync(desk, config, deps), startSync(desk, config, deps), startSync(desk, config, deps)];
    const handles = await Promise.all(starts);
    // The app stops the earlier ones too (SyncRunner's cleanup): a no-op, they were stopped by the next start.
    await handles[0]!.stop();
    await handles[1]!.stop();
    expect(seen.most).toBe(1);
    expect(seen.open()).toBe(1);
    expect(syncStatus().phase).not.toBe('off');
    await handles[2]!.stop();
    expect(seen.open()).toBe(0);
    expect(syncStatus().phase).toBe('off');
  });
});
