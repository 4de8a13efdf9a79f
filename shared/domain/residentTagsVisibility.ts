/**
 * 人员标签 in list views. A resident's tags (独居老人, 高龄, 残疾人, 重病, 困难家庭, 优抚对象,
 * 党员 …) say things about health and hardship, so a list — the register of residents
 * (最近登记的居民), the search results — carries them only for a viewer holding
 * `resident.tagsInLists` (roles.ts); for anyone else every resident of the list comes with
 * `tags: []`. The resident's own page (one resident, opened for a matter) and the 重点服务对象
 * register (the purpose-bound list of 帮代办) read the tags as they are.
 */
import type { StaffRole } from './records';
import { can } from './roles';

/** Who is looking: the acting staff row (or the session's actor); null before sign-in. */
export type ListViewer = { role: StaffRole; active?: boolean } | null | undefined;

/** The residents of a list as `viewer` may see them: unchanged, or each without its tags. */
export function residentsForList<R extends { tags: readonly string[] }>(viewer: ListViewer, residents: R[]): R[] {
  if (viewer && can(viewer, 'resident.tagsInLists')) return residents;
  return residents.map((r) => (r.tags.length === 0 ? r : { ...r, tags: [] }));
}
