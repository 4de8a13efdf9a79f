/**
 * Issue 24, 设置 → 多窗口同步 on a desk that is alone: the admin's join form checks every field at
 * the field, in Chinese (the address's shape, plain http refused until the LAN box is ticked, with
 * its warning; an empty account and password); a 值班员 sees the status only; nothing about sync
 * in the top bar while alone; the tab and its messages pass axe.
 */
import { expect, test } from './pages';
import { expectAccessible } from './support/a11y';

const CLERK = { name: '李明', pin: '864209', role: '值班员' };

test('the join form checks each field; a 值班员 sees no form; nothing in the top bar while alone', async ({
  page,
  desk: d,
}) => {
  await d.setup.complete();
  await expect(d.sync.status).toHaveCount(0);
  await d.settings.addClerk(CLERK.name, CLERK.pin);
  await d.sync.open();
  const form = d.sync.form;
  await expect(form.getByText('加入时在中心登记本机的窗口号：窗口号 1（一号窗口）')).toBeVisible();

  // Everything empty: each field says what it needs.
  await form.getByRole('button', { name: '加入中心' }).click();
  await expect(form.getByText('请填写中心地址，例如 https://192.168.1.10:6984/center-ylq')).toBeVisible();
  await expect(form.getByText('请填写本窗口在中心的账号')).toBeVisible();
  await expect(form.getByText('请填写本窗口在中心的密码')).toBeVisible();
  await expect(form.getByLabel('中心地址')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page, '设置 · 多窗口同步 · 未填写');

  // A plain http address is refused until the admin ticks the LAN box; then the warning shows.
  await d.sync.fill({ url: 'http://192.168.1.10:5984/center-thl', username: 'desk1', password: 'x' });
  await form.getByRole('button', { name: '加入中心' }).click();
  await expect(form.getByText(/这是不加密的 http 地址/)).toBeVisible();
  await expect(form.getByText('请填写本窗口在中心的账号')).toHaveCount(0);
  await form.getByRole('checkbox', { name: '允许不加密连接（仅限局域网）' }).check();
  await expect(form.getByText(/居民信息在网络上以明文传输/)).toBeVisible();

  // The address with credentials in it, or without the center's database, is refused too.
  await d.sync.fill({ url: 'https://desk1:pw@192.168.1.10:6984/center', username: 'desk1', password: 'x' });
  await form.getByRole('button', { name: '加入中心' }).click();
  await expect(form.getByText('请不要把账号或密码写在地址里，分别填在下面')).toBeVisible();
  await d.sync.fill({ url: 'https://192.168.1.10:6984', username: 'desk1', password: 'x' });
  await form.getByRole('button', { name: '加入中心' }).click();
  await expect(form.getByText(/中心地址应包含中心数据库名/)).toBeVisible();
  await expectAccessible(page, '设置 · 多窗口同步 · 地址有误');

  // A 值班员: the status only, no form, no conflict tabs.
  await d.shell.switchUser(CLERK.name, CLERK.pin, CLERK.role);
  await d.sync.open();
  await expect(page.getByText('本机尚未加入中心，数据只在本机。加入中心由站长/管理员在此设置。')).toBeVisible();
  await expect(d.sync.form).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '数据冲突' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: '同步冲突' })).toHaveCount(0);
});
