import type { Page } from '@playwright/test';

export type AuditRow = { action: string; staffId: string; entityId?: string; detail?: string };

/** The audit rows of these actions, in the order written, read straight from the app's IndexedDB. */
export async function auditRows(page: Page, actions: string[]): Promise<AuditRow[]> {
  return page.evaluate(async (wanted) => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const rows = await new Promise<(AuditRow & { seq: number })[]>((ok) => {
      const req = db.transaction('auditLog').objectStore('auditLog').getAll();
      req.onsuccess = () => ok(req.result as (AuditRow & { seq: number })[]);
    });
    db.close();
    return rows
      .filter((r) => wanted.includes(r.action))
      .sort((a, b) => a.seq - b.seq)
      .map(({ action, staffId, entityId, detail }) => ({ action, staffId, entityId, detail }));
  }, actions);
}
