/**
 * 人员标签 at a shared desk (issue 16): the special-group tags (独居老人, 残疾人 …) are sensitive,
 * so the 居民 list shows its 人员标签 column to an admin (`resident.tagsInLists`) only; a 值班员
 * sees a resident's tags on that resident's own page.
 */
import { expect, test } from './pages';

const ZHANG = { name: '张三', idNumber: '430104195803151237', phone: '13812345678' };

test('人员标签 in the 居民 list for an admin only; a 值班员 sees them on the resident’s own page', async ({
  page,
  desk,
}) => {
  await desk.setup.complete();
  const { residents, settings, shell } = desk;
  await settings.addClerk('李明', '864209');
  await shell.go('居民');
  await residents.register(ZHANG, ['独居老人', '残疾人']);
  const list = page.getByRole('table', { name: '最近登记的居民' });
  await expect(list.getByRole('columnheader', { name: '人员标签' })).toBeVisible();
  await expect(list.getByRole('row', { name: /张三/ })).toContainText('独居老人、残疾人');

  await shell.switchUser('李明', '864209', '值班员');
  await shell.go('居民');
  await expect(list.getByRole('row', { name: /张三/ })).toBeVisible();
  await expect(list.getByRole('columnheader', { name: '人员标签' })).toHaveCount(0);
  await expect(list).not.toContainText('独居老人');
  await residents.openRecent('张三');
  await expect(page.getByText('残疾人', { exact: true })).toBeVisible();
});
