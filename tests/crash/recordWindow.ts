/**
 * The window a kill can still hit (issue 22 item 15): how long after a commit is visible in
 * IndexedDB the wipe-detection record on disk (the OPFS file) holds it too. Run in the page:
 * `startWindowProbe` polls the `visits` count and the record's count of visits as fast as the
 * page allows; the next registration saved through the UI ends it; `windowProbeResult` gives
 * the two moments' difference in ms (null while it runs). Self-contained (sent into the page).
 */
export function startWindowProbe(): void {
  type Probe = { committedAt?: number; recordedAt?: number; done: boolean };
  const probe: Probe = { done: false };
  (globalThis as unknown as { __windowProbe: Probe }).__windowProbe = probe;
  void (async () => {
    const db = await new Promise<IDBDatabase>((ok, no) => {
      const r = indexedDB.open('duty-desk');
      r.onsuccess = () => ok(r.result);
      r.onerror = () => no(r.error);
    });
    const visits = () =>
      new Promise<number>((ok, no) => {
        const c = db.transaction('visits').objectStore('visits').count();
        c.onsuccess = () => ok(c.result);
        c.onerror = () => no(c.error);
      });
    const recorded = async () => {
      try {
        const dir = await navigator.storage.getDirectory();
        const text = await (await (await dir.getFileHandle('duty-desk-integrity.json')).getFile()).text();
        return (JSON.parse(text) as { counts: Record<string, number> }).counts.visits ?? 0;
      } catch {
        return -1; // no file
      }
    };
    const before = await visits();
    const deadline = performance.now() + 10_000;
    while (!probe.recordedAt && performance.now() < deadline) {
      const [n, r] = await Promise.all([visits(), recorded()]);
      const t = performance.now();
      if (n > before) probe.committedAt ??= t;
      if (r > before) {
        probe.committedAt ??= t; // both seen in the same round
        probe.recordedAt = t;
      }
    }
    db.close();
    probe.done = true;
  })();
}

export function windowProbeResult(): number | null {
  const p = (globalThis as unknown as { __windowProbe?: { committedAt?: number; recordedAt?: number; done: boolean } })
    .__windowProbe;
  if (!p?.done) return null;
  if (p.committedAt === undefined || p.recordedAt === undefined) return -1;
  return p.recordedAt - p.committedAt;
}
