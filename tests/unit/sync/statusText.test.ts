import { describe, expect, it } from 'vitest';
import { SYNC_OFF, type SyncStatus } from '../../../renderer/src/sync/contract';
import { syncBadge } from '../../../renderer/src/features/sync/statusText';

const at = (h: number, m: number) => new Date(2026, 11, 3, h, m).getTime();
const joined = (change: Partial<SyncStatus>): SyncStatus => ({
  ...SYNC_OFF,
  phase: 'synced',
  hub: { url: 'https://192.168.1.10:6984/center-ylq', plainHttp: false },
  lastSyncedAt: at(9, 5),
  ...change,
});

describe('the top bar sync badge', () => {
  it('shows nothing while the desk is alone', () => {
    expect(syncBadge(SYNC_OFF)).toBeNull();
  });

  it('names each state as the desk reads it', () => {
    expect(syncBadge(joined({}))?.label).toBe('已同步');
    expect(syncBadge(joined({ phase: 'syncing', pending: 7 }))?.label).toBe('同步中 7');
    expect(syncBadge(joined({ phase: 'offline', since: at(14, 3) }))?.label).toBe('未连接（自 14:03）');
    expect(syncBadge(joined({ phase: 'refused', since: at(8, 0), reason: '账号或密码不对' }))?.label).toBe(
      '未连接（自 08:00）',
    );
    expect(syncBadge(joined({ caseConflicts: 1, recordConflicts: 2 }))?.label).toBe('冲突 3');
    expect(syncBadge(joined({ phase: 'upgradeNeeded' }))?.label).toBe('请升级');
    expect(syncBadge(joined({ phase: 'joining', progress: { done: 40, total: 500 } }))?.label).toBe('加入中 40/500');
  });

  it('puts the most urgent fact first: not connected over conflicts over work', () => {
    expect(syncBadge(joined({ phase: 'offline', since: at(9, 0), caseConflicts: 2 }))?.tone).toBe('error');
    expect(syncBadge(joined({ phase: 'syncing', pending: 3, recordConflicts: 1 }))?.label).toBe('冲突 1');
  });

  it('gives a 站长 the hub, last synced, pending, the reason and plain HTTP', () => {
    const detail = syncBadge(
      joined({
        phase: 'refused',
        pending: 4,
        reason: '中心拒绝了本窗口的账号',
        hub: { url: 'http://192.168.1.10:5984/center-ylq', plainHttp: true },
        rejected: 2,
        recordConflicts: 1,
      }),
    )!.detail;
    expect(detail).toEqual([
      '中心：http://192.168.1.10:5984/center-ylq（不加密连接，仅限局域网）',
      '上次同步：09:05',
      '待同步：4 条',
      '原因：中心拒绝了本窗口的账号',
      '数据冲突：1 条待处理',
      '中心拒收：2 条',
    ]);
  });
});
