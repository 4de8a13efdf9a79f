/**
 * Issue 24's acceptance, conflicts reach a person (item 6): two desks of one center (a real hub
 * process, two browser profiles, each joined through 设置 → 多窗口同步), the hub stopped while
 * both keep working:
 * - desk 1 转办s a case while desk 2 办结s it → after the restart both desks show the SAME status
 *   and ONE 同步冲突 (the queue and the 工作台 count of admins), with both sides and what the
 *   case is now; 确认已处理 on desk 1 → none on either desk;
 * - a resident's phone edited on both → ONE 数据冲突 on both desks; the 站长 keeps the other
 *   desk's value on desk 1 → none on either, the chosen phone on both, the resolution audited
 *   (`sync.resolve`, replicated with the audit chain).
 * Screenshots at 1366×768 with these real conflicts: the top bar's status with its detail, the
 * 同步冲突 queue and the 数据冲突 page (test-results/screens/, phones masked).
 */
import { mkdir } from 'node:fs/promises';
import { startHub, type TestHub } from '../sync/hub';
import { expect, test } from './pages';
import { auditRows } from './support/auditLog';
import { acceptCase, editPhone, openConflicts, openDesk, type OpenDesk } from './support/syncDesks';

const SHOTS = 'test-results/screens';
const CLERK = { name: '李明', pin: '864209', role: '值班员' };
const PHONE_ONE = '13911112222';
const PHONE_TWO = '13933334444';

let hub: TestHub;

test.beforeAll(async () => {
  hub = await startHub({ users: 2 });
});
test.afterAll(async () => {
  await hub?.stop();
});

/** The case's page on this desk (办件 → 全部办件 → the case). */
async function openCaseHere({ d }: OpenDesk, trackingNumber: string): Promise<void> {
  await d.shell.go('办件');
  await d.cases.openQueue('全部办件');
  await d.cases.openCase(trackingNumber);
}

test('both desks offline: 转办 vs 办结 is one 同步冲突, a phone edited on both one 数据冲突, resolved once for both', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  await mkdir(SHOTS, { recursive: true });
  const one = await openDesk(browser, hub, 1);
  await one.d.settings.addClerk(CLERK.name, CLERK.pin);
  const two = await openDesk(browser, hub, 2);
  const desks = [one, two];

  // A case both desks know, 办理中; its resident on both.
  const tn = await acceptCase(one, '张三');
  await one.d.cases.act('开始办理');
  await expect(one.d.cases.status).toHaveText('办理中');
  await two.d.shell.go('工作台');
  await expect(two.d.dashboard.count('在办办件')).toHaveText('1');
  await openCaseHere(two, tn);
  await expect(two.d.cases.status).toHaveText('办理中');

  // The hub stops; each desk works on.
  await hub.halt();
  for (const x of desks) await expect(x.d.sync.status).toHaveAccessibleName(/未连接/);
  await one.d.cases.act('转办', (dl) =>
    dl.getByLabel('转给').selectOption({ label: `${CLERK.name}（${CLERK.role}）` }),
  );
  await expect(one.d.cases.status).toHaveText('待签收');
  await two.d.cases.act('办结', async (dl) => {
    await dl.getByLabel('办理结果').fill('组织关系已转入本社区党支部');
    await dl.getByRole('radio', { name: '电话' }).check();
  });
  await expect(two.d.cases.status).toHaveText('已办结');
  await editPhone(one, '张三', PHONE_ONE);
  await editPhone(two, '张三', PHONE_TWO);

  // The hub is back on its folder: one 同步冲突 and one 数据冲突 on each desk, the same status.
  await hub.restart();
  for (const x of desks) {
    await expect(x.d.sync.status).toHaveAccessibleName('同步状态：冲突 2');
    await x.d.shell.go('工作台');
    await expect(x.d.dashboard.count('同步冲突', true)).toHaveText('1');
    await expect(x.d.dashboard.count('数据冲突', true)).toHaveText('1');
  }
  // Desk 1's 转办 came first: it stands, desk 2's 办结 does not take effect — on both desks.
  for (const x of desks) {
    await openCaseHere(x, tn);
    await expect(x.d.cases.status).toHaveText('待签收');
  }

  // The top bar's status and its detail, at 1366×768.
  await one.d.shell.go('工作台');
  await one.page.setViewportSize({ width: 1366, height: 768 });
  await one.d.sync.status.click();
  const detail = one.page.getByRole('dialog', { name: /多窗口同步：冲突 2/ });
  await expect(detail).toContainText('同步冲突：1 件待处理');
  await expect(detail).toContainText('数据冲突：1 条待处理');
  await one.page.screenshot({ path: `${SHOTS}/sync-status-conflicts.png`, animations: 'disabled' });
  await one.page.keyboard.press('Escape');
  await expect(detail).toHaveCount(0);

  // 同步冲突: both sides and what the case is now, the same on both desks.
  for (const x of desks) {
    await openConflicts(x, '同步冲突');
    const item = x.page.getByRole('article', { name: `办件 ${tn}` });
    await expect(x.page.getByRole('article')).toHaveCount(1);
    await expect(item.getByRole('heading')).toContainText('现为「待签收」');
    const steps = item.getByRole('table', { name: `办件 ${tn} 的操作经过` });
    await expect(steps.getByRole('row', { name: /转办/ })).toContainText('已生效');
    await expect(steps.getByRole('row', { name: /办结/ })).toContainText('未生效');
  }
  await one.page.screenshot({ path: `${SHOTS}/sync-case-conflicts.png`, animations: 'disabled' });

  // Handled on desk 1 (with a note): gone on both desks.
  const item = one.page.getByRole('article', { name: `办件 ${tn}` });
  await item.getByLabel('处理说明').fill('已与经办人核实，以先办理的操作为准');
  await item.getByRole('button', { name: '确认已处理' }).click();
  for (const x of desks) await expect(x.page.getByText('没有待处理的同步冲突')).toBeVisible();

  // 数据冲突: one on each desk, the phones masked; desk 1 keeps desk 2's phone.
  for (const x of desks) {
    await openConflicts(x, '数据冲突');
    await expect(x.page.getByRole('article')).toHaveCount(1);
    const rows = x.page.getByRole('article', { name: '居民：张三' }).getByRole('table');
    await expect(rows.getByRole('row', { name: /联系电话/ })).toContainText('139****2222');
    await expect(rows.getByRole('row', { name: /联系电话/ })).toContainText('139****4444');
    await expect(x.page.getByRole('main')).not.toContainText(PHONE_ONE);
    await expect(x.page.getByRole('main')).not.toContainText(PHONE_TWO);
  }
  await one.page.screenshot({ path: `${SHOTS}/sync-record-conflicts.png`, animations: 'disabled' });
  const card = one.page.getByRole('article', { name: '居民：张三' });
  await card.getByRole('radio', { name: /^联系电话：采用 窗口 2 .*139\*\*\*\*4444/ }).check();
  await card.getByRole('button', { name: '按所选内容解决' }).click();
  for (const x of desks) {
    await expect(x.page.getByText('没有待处理的数据冲突')).toBeVisible();
    await expect(x.d.sync.status).toHaveAccessibleName('同步状态：已同步');
    await x.d.shell.go('居民');
    await x.d.residents.openRecent('张三');
    await expect(x.d.residents.field('联系电话')).toContainText('139****4444');
  }

  // Both resolutions audited on desk 1, and the audit rows reached desk 2.
  for (const x of desks) {
    await expect
      .poll(async () => (await auditRows(x.page, ['sync.resolve'])).map((r) => r.detail ?? r.entityId))
      .toHaveLength(2);
  }

  await one.context.close();
  await two.context.close();
});
