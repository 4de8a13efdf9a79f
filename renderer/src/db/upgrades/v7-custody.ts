/**
 * v6 → v7: custody items get their chain (材料交接). The placeholder rows (document, takenAt /
 * takenBy, returnedAt / returnedBy on a proxy task) become items of the task's case: taken and
 * not returned → 在外 with the staff member who took it; returned → 已归还; never taken → dropped
 * (nothing left the home). Idempotent: rows already in the new shape are kept as they are.
 */
import type { Transaction } from 'dexie';
import type { CustodyEvent, CustodyItem, ProxyTask } from '@shared/domain/records';

type OldItem = {
  id: string;
  proxyTaskId: string;
  document: string;
  takenAt?: number;
  takenBy?: string;
  returnedAt?: number;
  returnedBy?: string;
};

export async function upgradeV7Custody(tx: Transaction): Promise<void> {
  const tasks = new Map((await tx.table<ProxyTask, string>('proxyTasks').toArray()).map((t) => [t.id, t]));
  const table = tx.table<CustodyItem | OldItem, string>('custodyItems');
  for (const row of await table.toArray()) {
    if ('events' in row) continue;
    const task = tasks.get(row.proxyTaskId);
    if (!task?.caseId || row.takenAt === undefined || !row.takenBy) {
      await table.delete(row.id);
      continue;
    }
    const staff = { kind: 'staff' as const, staffId: row.takenBy };
    const events: CustodyEvent[] = [
      { n: 1, type: '收取', from: { kind: 'resident' }, to: staff, at: row.takenAt, by: row.takenBy },
    ];
    if (row.returnedAt !== undefined)
      events.push({
        n: 2,
        type: '归还',
        from: staff,
        to: { kind: 'resident' },
        at: row.returnedAt,
        by: row.returnedBy ?? row.takenBy,
      });
    const item: CustodyItem = {
      id: row.id,
      caseId: task.caseId,
      residentId: task.residentId,
      document: row.document,
      original: true,
      count: 1,
      holder: row.returnedAt !== undefined ? { kind: 'resident' } : staff,
      status: row.returnedAt !== undefined ? '已归还' : '在外',
      collectedAt: row.takenAt,
      events,
      createdAt: row.takenAt,
      createdBy: row.takenBy,
      updatedAt: row.returnedAt ?? row.takenAt,
      updatedBy: row.returnedBy ?? row.takenBy,
    };
    if (item.status === '在外') item.holderKey = `staff:${row.takenBy}`;
    await table.put(item);
  }
}
