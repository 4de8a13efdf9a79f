/**
 * v7 → v8: proxy tasks become proxy requests (帮代办). The placeholder row (case, resident,
 * status) gets its source (the channel of the case's visit), its request (the matter's name),
 * its day (the case's acceptance) and a status of the new life: 待授权 → 待上门, 已完成 → 已送达.
 * A task whose case is gone is dropped. Idempotent: rows already in the new shape are kept.
 */
import type { Transaction } from 'dexie';
import type { CaseRecord, ProxyStatus, ProxyTask, Visit } from '@shared/domain/records';
import { proxySourceOfChannel } from '@shared/domain/proxy';

type OldTask = Omit<ProxyTask, 'source' | 'request' | 'requestedDay' | 'status'> & {
  status: ProxyStatus | '待授权' | '已完成';
  authorisedBy?: string;
};

const STATUS: Record<string, ProxyStatus> = { 待授权: '待上门', 已完成: '已送达' };

export async function upgradeV8ProxyRequests(tx: Transaction): Promise<void> {
  const table = tx.table<ProxyTask | OldTask, string>('proxyTasks');
  for (const row of await table.toArray()) {
    if ('source' in row) continue;
    const record = row.caseId ? await tx.table<CaseRecord, string>('cases').get(row.caseId) : undefined;
    if (!record) {
      await table.delete(row.id);
      continue;
    }
    const visit = record.visitId ? await tx.table<Visit, string>('visits').get(record.visitId) : undefined;
    const { authorisedBy: _dropped, ...rest } = row;
    const task: ProxyTask = {
      ...rest,
      source: proxySourceOfChannel(visit?.channel ?? '来站'),
      request: record.matterName,
      requestedDay: record.acceptedDay,
      status: STATUS[row.status] ?? (row.status as ProxyStatus),
    };
    await table.put(task);
  }
}
