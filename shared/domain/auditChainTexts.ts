/**
 * The audit chain's verification in words (操作日志): each problem names its row — the desk,
 * the row's number on that desk, when it was written and what — and says what happened to it.
 * The time is formatted by the caller (shared/ has no time zone).
 */
import { auditActionLabel } from './auditLabels';
import type { ChainProblem, ChainReport, RowRef } from './auditChain';

type When = (ms: number) => string;

const rowName = (r: RowRef, when: When): string => {
  const what = [r.at !== undefined ? when(r.at) : '', r.action ? auditActionLabel(r.action) : '']
    .filter(Boolean)
    .join('，');
  return `${r.desk}号台第 ${r.deskSeq} 条记录${what ? `（${what}）` : ''}`;
};

const range = (from: number, to: number) => (from === to ? `第 ${from} 条` : `第 ${from}–${to} 条`);

/** One problem, naming the broken row. */
export function chainProblemText(p: ChainProblem, when: When): string {
  switch (p.kind) {
    case 'changed':
      return `${rowName(p.row, when)}的内容与它的哈希不符：写入后被改动过。`;
    case 'gap':
      return `${p.row.desk}号台的${range(p.from, p.to)}记录缺失（被删除），缺在${rowName(p.row, when)}之前。`;
    case 'unlinked':
      return `${rowName(p.row, when)}与前一条记录接不上：前一条被替换过。`;
    case 'duplicate':
      return `${rowName(p.row, when)}出现了两条（记录链分叉）。`;
    case 'truncated':
      return `${p.desk}号台最后的${range(p.from, p.to)}记录缺失（被删除）：本机在数据库之外记下的链头是第 ${p.to} 条。`;
    case 'headMismatch':
      return `${rowName(p.row, when)}不是本机在数据库之外记下的链头那一条：它被替换过，或其后的记录被删除后又接着写了新记录。`;
    case 'unchained': {
      const what = [p.at !== undefined ? when(p.at) : '', p.action ? auditActionLabel(p.action) : '']
        .filter(Boolean)
        .join('，');
      return `本地序号 ${p.seq} 的记录${what ? `（${what}）` : ''}没有链信息：不是本程序写入的。`;
    }
  }
}

/** The sealing at the upgrade, said plainly (null when no row was sealed). */
export function sealedText(report: ChainReport, when: When): string | null {
  const sealed = report.desks.reduce((n, d) => n + d.sealed, 0);
  if (sealed === 0) return null;
  const until = Math.max(...report.desks.map((d) => d.sealedUntil ?? 0));
  return (
    `其中 ${sealed} 条（${when(until)} 及以前）是本版本之前写入的记录，在升级时一次性封存进记录链：` +
    '核验只能证明它们自封存以来没有改动，不能证明封存之前。'
  );
}
