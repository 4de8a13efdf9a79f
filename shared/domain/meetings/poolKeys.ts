/**
 * The 问题库's index keys, in one place (like caseQueues.ts for the 办件 queues): `poolKeysOf`
 * writes them onto every stored problem (derived, db/derived.ts) and the repository reads each
 * page of the pool as ONE key range of the multiEntry `poolKeys` index, from the last key shown.
 *
 * A key is `<list>|<filter>|<day>|<title>|<id>`:
 * - list: the problem's status, and `未结` too while it is open (the pool's default list);
 * - filter: empty, `类别=<category>` or `网格=<grid id>` — one key per dimension, so a list
 *   narrowed by 类别 or by 网格 is its own range; with both, the 类别 range is read and the 网格
 *   checked on its rows;
 * - day: the day it was raised with every digit d written 9 − d, so the range read forward is
 *   newest first; then the title and the id (the order the pool always had).
 */
import type { Problem, ProblemStatus } from '../records';

export const OPEN_PROBLEM_STATUSES: readonly ProblemStatus[] = ['待研究', '继续跟踪', '社区处置', '已上报街道'];
export const OPEN_LIST = '未结';

export type PoolFilter = { status?: ProblemStatus; category?: string; gridId?: string };

/** 'YYYY-MM-DD' with each digit d as 9 − d: later days sort first. */
const newestFirst = (day: string) => day.replace(/\d/g, (d) => String(9 - Number(d)));

const filterParts = (p: Pick<Problem, 'category' | 'gridId'>): string[] => [
  '',
  `类别=${p.category}`,
  ...(p.gridId ? [`网格=${p.gridId}`] : []),
];

/** The tail of a problem's keys: its place in every list's order. */
const sortPart = (p: Pick<Problem, 'raisedDay' | 'title' | 'id'>) => `${newestFirst(p.raisedDay)}|${p.title}|${p.id}`;

export function poolKeysOf(p: Problem): string[] {
  const lists = OPEN_PROBLEM_STATUSES.includes(p.status) ? [p.status, OPEN_LIST] : [p.status];
  const tail = sortPart(p);
  return lists.flatMap((list) => filterParts(p).map((f) => `${list}|${f}|${tail}`));
}

/** The key range of a filtered list, and the filter left to check on its rows. */
export function poolRange(filter: PoolFilter): { prefix: string; gridId?: string } {
  const list = filter.status ?? OPEN_LIST;
  if (filter.category)
    return { prefix: `${list}|类别=${filter.category}|`, ...(filter.gridId ? { gridId: filter.gridId } : {}) };
  return { prefix: `${list}|${filter.gridId ? `网格=${filter.gridId}` : ''}|` };
}

/** The key of `p` in the range `prefix`: the cursor a next page starts after. */
export const poolKeyIn = (prefix: string, p: Problem): string => prefix + sortPart(p);
