/**
 * Issue 24 item 6, the screen for 帮代办 and 材料保管 (the merge itself is tests/db/
 * syncConflictsProxyCustody.test.ts): a request and a document whose merged history refused an
 * action, stored as the inbound refold stores them (seeded straight into IndexedDB: no hub
 * needed to look at the queue), are listed under 设置 → 同步冲突 with both sides (desk, who,
 * what, the rules' reason) and what each is now; the 站长 acknowledges one with a note — it leaves
 * the queue, the other stays, the acknowledgement is audited — and the page passes axe.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';
import { auditRows } from './support/auditLog';

/** A request cancelled on desk 1 and accepted on desk 2, and a document handed over on desk 1 and returned on desk 2. */
async function seedConflicts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const open = indexedDB.open('duty-desk');
    const db = await new Promise<IDBDatabase>((ok) => (open.onsuccess = () => ok(open.result)));
    const staff = await new Promise<{ id: string }[]>((ok) => {
      const req = db.transaction('staff').objectStore('staff').getAll();
      req.onsuccess = () => ok(req.result as { id: string }[]);
    });
    const by = staff[0]!.id;
    const t = Date.now() - 3_600_000;
    const stamp = { createdAt: t, createdBy: by, updatedAt: t + 120_000, updatedBy: by };
    const ev = (id: string, n: number, desk: number, action: string, extra: object) => ({
      id,
      at: t + n * 60_000,
      by,
      clock: `${String(t + n * 60_000).padStart(15, '0')}-0000-${desk}`,
      desk,
      action,
      input: { type: action },
      ...extra,
    });
    const conflict = (eventId: string, action: string, reason: string) => ({
      eventId,
      action,
      reason,
      by,
      desk: 2,
      at: t + 120_000,
    });
    const task = {
      ...stamp,
      id: 'e2e-task',
      residentId: 'e2e-resident',
      source: '电话',
      status: '待上门',
      request: '代办高龄津贴',
      requestedDay: '2026-11-24',
      cancel: { reason: '居民撤回', at: t + 60_000, by },
      syncConflicts: [conflict('pe-3', '受理', '已取消的代办不能受理')],
      syncConflictAt: t + 120_000,
    };
    const item = {
      ...stamp,
      id: 'e2e-item',
      caseId: 'e2e-case',
      residentId: 'e2e-resident',
      document: '户口簿',
      original: true,
      count: 1,
      holder: { kind: 'resident' },
      status: '已归还',
      collectedAt: t,
      events: [],
      syncConflicts: [conflict('ce-3', '归还', '该材料现由工作人员保管，只有保管人可以办理')],
      syncConflictAt: t + 120_000,
    };
    const tx = db.transaction(['proxyTasks', 'proxyEvents', 'custodyItems', 'custodyEvents'], 'readwrite');
    tx.objectStore('proxyTasks').put(task);
    for (const e of [
      ev('pe-1', 0, 1, '登记', { taskId: task.id, base: {} }),
      ev('pe-2', 1, 1, '取消', { taskId: task.id }),
      ev('pe-3', 2, 2, '受理', { taskId: task.id }),
    ])
      tx.objectStore('proxyEvents').put(e);
    tx.objectStore('custodyItems').put(item);
    for (const e of [
      ev('ce-1', 0, 1, '收取', { itemId: item.id, caseId: item.caseId, base: {} }),
      ev('ce-2', 1, 1, '移交', {
        itemId: item.id,
        caseId: item.caseId,
        input: { type: '移交', to: { kind: 'cabinet' } },
      }),
      ev('ce-3', 2, 2, '归还', { itemId: item.id, caseId: item.caseId }),
    ])
      tx.objectStore('custodyEvents').put(e);
    await new Promise((ok) => (tx.oncomplete = ok));
    db.close();
  });
}

test('同步冲突 lists a request and a document with both sides; acknowledged with a note, audited', async ({
  page,
  desk: d,
}) => {
  test.setTimeout(90_000);
  await d.setup.complete();
  await seedConflicts(page);
  await page.keyboard.press('Alt+9');
  await page.getByRole('tab', { name: '同步冲突' }).click();

  const request = page.getByRole('article', { name: '帮代办（电话登记，2026-11-24）' });
  await expect(request.getByRole('heading')).toContainText('现为「待上门」');
  const requestRows = request.getByRole('table', { name: /操作经过/ }).getByRole('row');
  await expect(requestRows).toHaveCount(4); // header, 登记, 取消, 受理
  await expect(requestRows.nth(2)).toContainText('取消');
  await expect(requestRows.nth(2)).toContainText('已生效');
  await expect(requestRows.nth(3)).toContainText('窗口 2');
  await expect(requestRows.nth(3)).toContainText('未生效：已取消的代办不能受理');
  await expect(request.getByRole('link', { name: '打开帮代办' })).toBeVisible();

  const document = page.getByRole('article', { name: '材料 户口簿（原件）' });
  await expect(document.getByRole('heading')).toContainText('现为「已归还，居民本人」');
  await expect(document.getByRole('row').nth(2)).toContainText('移交给中心保管柜');
  await expect(document.getByRole('row').nth(3)).toContainText('未生效：该材料现由工作人员保管，只有保管人可以办理');
  await expectAccessible(page, '设置 · 同步冲突 · 帮代办与材料');

  // A note is required at the field; with it, the document leaves the queue and the request stays.
  await document.getByRole('button', { name: '确认已处理' }).click();
  await expect(document.getByText('请填写处理说明，例如：已与经办人核实，以转办为准')).toBeVisible();
  await document.getByLabel('处理说明').fill('已电话核实，材料已还居民');
  await document.getByRole('button', { name: '确认已处理' }).click();
  await expect(document).toHaveCount(0);
  await expect(request).toBeVisible();
  expect(await auditRows(page, ['sync.resolve'])).toEqual([
    expect.objectContaining({ action: 'sync.resolve', entityId: 'e2e-item' }),
  ]);
});
