/**
 * 值班表 writes (issue 26 item 1): each ONE writeTx with its audit row. Drawing up the rota,
 * 复制上周 and approving a 换班 need `rota.edit` (站长/管理员); anyone at the desk may ask for a
 * 换班 they are part of, carried out at once where the center allows swaps without approval.
 * Audit rows name the cell (day|staff id) and the post, never a person's name.
 */
import { rotaCellId, type LeaveType, type RotaEntry, type RotaPost, type RotaSwap } from '@shared/domain/records';
import {
  checkSwapRefusal,
  copyWeek,
  planSwap,
  refuseCell,
  rotaSettings,
  weekStart,
  type SwapInput,
} from '@shared/domain/rota';
import { addDays, isValidLocalDate } from '@shared/domain/localDate';
import { can } from '@shared/domain/roles';
import { requirePermission } from '../authorize';
import type { Desk } from '../desk';
import { DomainRefusal } from '../refusal';
import { writeTx, type WriteTx } from '../write';

export type RotaCellInput = { day: string; staffId: string; post: RotaPost; leaveType?: LeaveType };

type RotaTx = WriteTx<'rota' | 'staff'>;

async function requireOnRota(tx: RotaTx, staffId: string, field: string): Promise<void> {
  const row = await tx.staff.get(staffId);
  if (!row || row.role === '审计员') throw new DomainRefusal('不在值班表上的人员', field);
}

const requireDay = (day: string, field = 'day') => {
  if (!isValidLocalDate(day)) throw new DomainRefusal('日期无效', field);
};

/** One cell set by the 站长 (a swap marker on it is cleared: the cell is drawn up anew). */
export async function setRotaCell(desk: Desk, input: RotaCellInput): Promise<RotaEntry> {
  requireDay(input.day);
  const refused = refuseCell(input);
  if (refused) throw new DomainRefusal(refused.reason, refused.field);
  return writeTx(desk, ['rota', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'rota.edit', '排班');
    await requireOnRota(tx, input.staffId, 'staffId');
    const id = rotaCellId(input.day, input.staffId);
    const stored = await tx.rota.put({
      id,
      day: input.day,
      staffId: input.staffId,
      post: input.post,
      ...(input.leaveType ? { leaveType: input.leaveType } : {}),
    });
    await tx.audit({
      action: 'rota.set',
      entity: 'rota',
      entityId: id,
      detail: `${input.day} ${input.post}${input.leaveType ? `（${input.leaveType}）` : ''}`,
    });
    return stored;
  });
}

/** 复制上周: last week's posts into the week of `anyDay`, in one transaction. Returns how many cells. */
export async function copyLastWeek(desk: Desk, anyDay: string): Promise<number> {
  requireDay(anyDay);
  const monday = weekStart(anyDay);
  return writeTx(desk, ['rota', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'rota.edit', '复制上周值班表');
    const between = (from: string) => tx.rota.where('day').between(from, addDays(from, 7), true, false).toArray();
    const [last, current, staff] = await Promise.all([
      between(addDays(monday, -7)),
      between(monday),
      tx.staff.toArray(),
    ]);
    if (last.length === 0) throw new DomainRefusal('上周没有值班表可复制');
    const active = new Set(staff.filter((s) => s.active && s.role !== '审计员').map((s) => s.id));
    const cells = copyWeek(last, current, active);
    for (const c of cells)
      await tx.rota.put({ id: rotaCellId(c.day, c.staffId), day: c.day, staffId: c.staffId, post: c.post });
    await tx.audit({ action: 'rota.copyWeek', entity: 'rota', entityId: monday, detail: `复制 ${cells.length} 格` });
    return cells.length;
  });
}

/** The posts of a swap traded, each changed cell marked with whom and (if so) who approved. */
async function carryOut(tx: RotaTx, input: SwapInput, swap: Omit<RotaSwap, 'withStaffId' | 'otherDay' | 'state'>) {
  const cellIds = [...new Set([input.dayA, input.dayB])].flatMap((d) => [
    rotaCellId(d, input.staffA),
    rotaCellId(d, input.staffB),
  ]);
  const stored = await tx.rota.bulkGet(cellIds);
  const byId = new Map(stored.flatMap((c) => (c ? [[c.id, c] as const] : [])));
  const plan = planSwap(input, (day, staffId) => byId.get(rotaCellId(day, staffId)));
  if (!plan.ok) throw new DomainRefusal(plan.reason, plan.field);
  for (const c of plan.cells) {
    const other = c.staffId === input.staffA ? input.staffB : input.staffA;
    const otherDay = c.day === input.dayA ? input.dayB : input.dayA;
    await tx.rota.put({
      id: rotaCellId(c.day, c.staffId),
      day: c.day,
      staffId: c.staffId,
      post: c.post,
      swap: { withStaffId: other, otherDay, state: 'done', ...swap },
    });
  }
}

/**
 * 换班 asked for: A (of `dayA`) and B (of `dayB`), both named. Carried out at once when the
 * center allows swaps without approval or the 站长 asks; otherwise kept on A's cell as 待批准.
 */
export async function requestSwap(desk: Desk, input: SwapInput): Promise<'done' | 'requested'> {
  requireDay(input.dayA, 'dayA');
  requireDay(input.dayB, 'dayB');
  return writeTx(desk, ['rota', 'staff'], async (tx) => {
    const actor = tx.actor;
    const approves = !!actor && can(actor, 'rota.edit');
    if (!approves && desk.actor.id !== input.staffA && desk.actor.id !== input.staffB)
      throw new DomainRefusal('只能为自己申请换班', 'staffA');
    await requireOnRota(tx, input.staffA, 'staffA');
    await requireOnRota(tx, input.staffB, 'staffB');
    const id = rotaCellId(input.dayA, input.staffA);
    if (approves || !rotaSettings(desk.community).swapsNeedApproval) {
      await carryOut(tx, input, { requestedBy: desk.actor.id, ...(approves ? { approvedBy: desk.actor.id } : {}) });
      await tx.audit({ action: 'rota.swap', entity: 'rota', entityId: id, detail: `${input.dayA} ↔ ${input.dayB}` });
      return 'done';
    }
    const cell = await tx.rota.get(id);
    if (!cell) throw new DomainRefusal(`${input.dayA} 的值班表尚未排定，无法换班`, 'dayA');
    // Checked now, so a request that could never be carried out is refused at once.
    const check = planSwap(input, (d, s) =>
      d === cell.day && s === cell.staffId ? cell : { day: d, staffId: s, post: '走访岗' },
    );
    if (!check.ok && check.field !== 'dayB') throw new DomainRefusal(check.reason, check.field);
    await tx.rota.update(id, {
      swap: { withStaffId: input.staffB, otherDay: input.dayB, state: 'requested', requestedBy: desk.actor.id },
    });
    await tx.audit({
      action: 'rota.swapRequest',
      entity: 'rota',
      entityId: id,
      detail: `${input.dayA} ↔ ${input.dayB}`,
    });
    return 'requested';
  });
}

/** The 站长's decision on a 待批准 swap: approve (carried out), or refuse with a reason. */
export type SwapDecision = { approve: true } | { approve: false; reason: string };

/**
 * The 站长 decides a 待批准 swap kept on the cell `cellId`. Approved: the posts are traded.
 * Refused: the posts stay, the cell keeps the refusal and its reason for the asker (the audit row
 * names the days only, never the reason's text).
 */
export async function decideSwap(desk: Desk, cellId: string, decision: SwapDecision): Promise<void> {
  const refusal = decision.approve ? null : checkSwapRefusal(decision.reason);
  if (refusal && !refusal.ok) throw new DomainRefusal(refusal.message, 'reason');
  await writeTx(desk, ['rota', 'staff'], async (tx) => {
    await requirePermission(tx, desk.actor, 'rota.edit', '批准换班');
    const cell = await tx.rota.get(cellId);
    const swap = cell?.swap;
    if (!cell || swap?.state !== 'requested') throw new DomainRefusal('没有待批准的换班');
    const input = { staffA: cell.staffId, dayA: cell.day, staffB: swap.withStaffId, dayB: swap.otherDay };
    if (refusal?.ok)
      await tx.rota.put({
        ...cell,
        swap: { ...swap, state: 'refused', refusedBy: desk.actor.id, reason: refusal.text },
      });
    else await carryOut(tx, input, { requestedBy: swap.requestedBy, approvedBy: desk.actor.id });
    await tx.audit({
      action: 'rota.swap',
      entity: 'rota',
      entityId: cellId,
      detail: `${refusal ? '不批准' : '批准'} ${input.dayA} ↔ ${input.dayB}`,
    });
  });
}
