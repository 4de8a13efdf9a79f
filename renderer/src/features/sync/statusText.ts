/**
 * What the top bar says about the desk's sync (issue 24 item 5): one short label — 已同步 /
 * 同步中 N / 未连接（自 HH:MM） / 冲突 N / 请升级 — and the lines of detail a 站长 needs (the hub,
 * last synced, pending, why not connected, conflicts). Pure (no React, no clock): the status in, Chinese out.
 * Nothing when the desk is alone.
 */
import type { SyncStatus } from '../../sync/contract';

export type SyncTone = 'ok' | 'busy' | 'warn' | 'error';

export type SyncBadge = { label: string; tone: SyncTone; detail: string[] };

/** HH:MM of an epoch ms in the desk's local time. */
export function clockTime(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** The label a person reads first: the most urgent fact wins (upgrade, not connected, conflicts, work, done). */
function label(s: SyncStatus): { label: string; tone: SyncTone } {
  const conflicts = s.caseConflicts + s.recordConflicts;
  switch (s.phase) {
    case 'upgradeNeeded':
      return { label: '请升级', tone: 'error' };
    case 'offline':
    case 'refused':
      return { label: s.since === undefined ? '未连接' : `未连接（自 ${clockTime(s.since)}）`, tone: 'error' };
    case 'joining':
      return { label: s.progress ? `加入中 ${s.progress.done}/${s.progress.total}` : '加入中', tone: 'busy' };
    default:
      if (conflicts > 0) return { label: `冲突 ${conflicts}`, tone: 'warn' };
      if (s.phase === 'syncing') return { label: `同步中 ${s.pending}`, tone: 'busy' };
      return { label: '已同步', tone: 'ok' };
  }
}

/** The detail lines: the hub, last synced, pending, the reason, conflicts and refused documents. */
function detail(s: SyncStatus): string[] {
  const lines: string[] = [];
  if (s.hub) lines.push(`中心：${s.hub.url}${s.hub.plainHttp ? '（不加密连接，仅限局域网）' : ''}`);
  lines.push(s.lastSyncedAt === undefined ? '上次同步：尚未完成' : `上次同步：${clockTime(s.lastSyncedAt)}`);
  lines.push(`待同步：${s.pending} 条`);
  if (s.phase === 'upgradeNeeded') lines.push('收到较新版本的数据，已暂停接收：请升级本机的社区值班台');
  if (s.reason) lines.push(`原因：${s.reason}`);
  if (s.caseConflicts > 0) lines.push(`同步冲突：${s.caseConflicts} 件待处理`);
  if (s.recordConflicts > 0) lines.push(`数据冲突：${s.recordConflicts} 条待处理`);
  if (s.rejected > 0) lines.push(`中心拒收：${s.rejected} 条`);
  return lines;
}

/** The top bar's badge, or null when the desk is alone (nothing shown). */
export function syncBadge(s: SyncStatus): SyncBadge | null {
  if (s.phase === 'off') return null;
  return { ...label(s), detail: detail(s) };
}
