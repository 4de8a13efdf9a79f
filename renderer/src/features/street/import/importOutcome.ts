/** One line for each file's outcome of 周报接收 (Chinese; a refusal already names its file). */
import type { ImportOutcome } from '../../../db/repositories/street/packages';

export function outcomeText(o: ImportOutcome): string {
  switch (o.outcome) {
    case 'refused':
      return o.reason;
    case 'unknownCommunity':
      return `${o.fileName}：社区名单中没有「${o.community.name}」（${o.community.code}），尚未导入`;
    case 'duplicate':
      return `${o.fileName}：该文件已导入过（${o.communityCode}，${o.periodLabel}），未重复保存`;
    case 'imported':
      return o.adopted
        ? `${o.fileName}：已导入（${o.communityCode}，${o.periodLabel}）`
        : `${o.fileName}：已导入，较旧未采用（${o.communityCode}，${o.periodLabel} 已有更新的周报）`;
  }
}

export const outcomeSeverity = (o: ImportOutcome): 'success' | 'info' | 'warning' | 'error' =>
  o.outcome === 'refused'
    ? 'error'
    : o.outcome === 'unknownCommunity'
      ? 'warning'
      : o.outcome === 'imported' && o.adopted
        ? 'success'
        : 'info';
