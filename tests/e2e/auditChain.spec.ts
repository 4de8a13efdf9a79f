/**
 * The audit chain on screen (issue 23 item 4), in Chromium with real IndexedDB: the 操作日志 says
 * the chain is whole; a row changed in IndexedDB behind the app's back, then the last rows
 * deleted, are named by the 审计员's verification (the anchor kept outside IndexedDB shows the
 * deleted last rows).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';

/** Runs `change` on the audit log's object store, straight in the page's IndexedDB. */
async function tamper(page: Page, change: 'detailOfResidentCreate' | 'deleteLastTwo'): Promise<void> {
  await page.evaluate(async (what) => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const tx = db.transaction('auditLog', 'readwrite');
    const store = tx.objectStore('auditLog');
    const rows = await new Promise<{ seq: number; action: string; detail?: string }[]>((ok) => {
      const req = store.getAll();
      req.onsuccess = () => ok(req.result as { seq: number; action: string }[]);
    });
    if (what === 'detailOfResidentCreate') {
      const row = rows.find((r) => r.action === 'resident.create')!;
      store.put({ ...row, detail: '改过的说明' });
    } else {
      for (const r of rows.slice(-2)) store.delete(r.seq);
    }
    await new Promise<void>((ok) => (tx.oncomplete = () => ok()));
    db.close();
  }, change);
}

/** The last row's number on desk 1, as the log holds it and as the anchor outside IndexedDB holds it. */
async function heads(page: Page): Promise<{ log: number; anchor: number }> {
  return page.evaluate(async () => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const rows = await new Promise<{ deskSeq?: number }[]>((ok) => {
      const req = db.transaction('auditLog').objectStore('auditLog').getAll();
      req.onsuccess = () => ok(req.result as { deskSeq?: number }[]);
    });
    db.close();
    const record = JSON.parse(localStorage.getItem('duty-desk.integrity') ?? '{}') as {
      auditHeads?: [number, number, string][];
    };
    return {
      log: Math.max(0, ...rows.map((r) => r.deskSeq ?? 0)),
      anchor: record.auditHeads?.find(([desk]) => desk === 1)?.[1] ?? 0,
    };
  });
}

test('the 审计员 sees the first broken row of the audit chain named on screen', async ({ page, desk }) => {
  await page.clock.setFixedTime(new Date('2026-11-24T09:30:00+08:00'));
  await desk.setup.complete();
  await desk.settings.addClerk('孙审计', '864209', '审计员');
  await desk.shell.go('居民');
  await desk.residents.register({ name: '周建华', phone: '13875009876' });
  await page.getByRole('link', { name: '操作日志' }).click();
  const chain = page.getByRole('region', { name: '记录链核验' });
  await expect(chain).toContainText('记录链完整');
  await expect(page.getByRole('table', { name: '操作日志' })).toContainText('1号台 第 1 条');

  // A row's detail changed behind the app's back: its hash no longer fits.
  await tamper(page, 'detailOfResidentCreate');
  await desk.shell.switchUser('孙审计', '864209', '审计员');
  await expect(chain.getByRole('alert')).toContainText('记录链有断裂');
  await expect(chain.getByRole('alert')).toContainText(
    /第一处：1号台第 \d+ 条记录（2026-11-24 09:30，登记居民）的内容与它的哈希不符：写入后被改动过。/,
  );
  await expectAccessible(page, '审计员 · 操作日志 · 记录链断裂');

  // The last two rows deleted: the log alone looks whole at its end, the anchor outside IndexedDB does not.
  await expect.poll(async () => (await heads(page)).anchor - (await heads(page)).log).toBe(0);
  const { log: last } = await heads(page);
  await tamper(page, 'deleteLastTwo');
  await chain.getByRole('button', { name: '重新核验' }).click();
  await expect(chain.getByRole('alert')).toContainText('共发现 2 处问题');
  await expect(chain.getByRole('alert')).toContainText(
    `1号台最后的第 ${last - 1}–${last} 条记录缺失（被删除）：本机在数据库之外记下的链头是第 ${last} 条。`,
  );
  await page.screenshot({ path: 'test-results/screens/audit-chain-broken.png' });
});
