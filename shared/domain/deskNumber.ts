/**
 * 窗口号 and 窗口名称: which desk (PC) of the center this installation is. Kept per machine
 * (the machine settings, like the backup folder), never in the data desks will share.
 *
 * The number is 1–99: it is printed as two digits at the head of every daily sequence
 * (受理编号 'YLQ-20261124-020007', 归档号 'YLQ-GD-2026-0200042'), which keeps numbers at most two
 * characters longer than before; a center has 3–8 desks, so 99 leaves room to number them by
 * room or floor (11, 12, 21 …). The name (一号窗口, 后台, 站长室) is 1–20 characters.
 */
export const DESK_NUMBER_MIN = 1;
export const DESK_NUMBER_MAX = 99;
export const DESK_NAME_MAX = 20;

/** This desk as the machine keeps it. */
export type DeskIdentity = { no: number; name: string };

/** A desk never set up: desk 1, 一号窗口 (every PC was desk 1 before desks were numbered). */
export const DEFAULT_DESK_IDENTITY: DeskIdentity = { no: 1, name: '一号窗口' };

export const DESK_MESSAGES = {
  number: `窗口号应为 ${DESK_NUMBER_MIN}～${DESK_NUMBER_MAX} 的整数`,
  nameEmpty: '请填写窗口名称，例如 一号窗口、后台、站长室',
  nameLong: `窗口名称不超过 ${DESK_NAME_MAX} 个字`,
  notAlone: '本机已与其他窗口共享数据，不能再更改窗口号',
} as const;

export type DeskIdentityResult =
  { ok: true; value: DeskIdentity } | { ok: false; field: 'no' | 'name'; message: string };

/** Checks a desk number and name typed at setup or in 设置 (NFKC, trimmed); returns them as kept. */
export function validateDeskIdentity(input: { no: string | number; name: string }): DeskIdentityResult {
  const noText = String(input.no ?? '')
    .normalize('NFKC')
    .trim();
  const no = /^\d{1,2}$/.test(noText) ? Number(noText) : NaN;
  if (!(no >= DESK_NUMBER_MIN && no <= DESK_NUMBER_MAX))
    return { ok: false, field: 'no', message: DESK_MESSAGES.number };
  const name = (input.name ?? '').normalize('NFKC').trim();
  if (name === '') return { ok: false, field: 'name', message: DESK_MESSAGES.nameEmpty };
  if (Array.from(name).length > DESK_NAME_MAX) return { ok: false, field: 'name', message: DESK_MESSAGES.nameLong };
  return { ok: true, value: { no, name } };
}

/** How a desk is named on screen, on paper and in file headers: '窗口号 2（后台）'. */
export function deskLabel(identity: DeskIdentity): string {
  return `窗口号 ${identity.no}（${identity.name}）`;
}
