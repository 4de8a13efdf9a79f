import { KeyValueTable } from '../../components/KeyValueTable';
import { useDesk } from '../../app/desk';
import { classifyCommunity } from '@shared/domain/community';

export function CommunityInfo() {
  const { community: c } = useDesk();
  const rows: [string, string][] = [
    ['社区名称', c.name],
    ['社区代码', c.code],
    ['常住人口', `${c.population}（${c.communityClass}，员额 ${classifyCommunity(c.population).quota}）`],
    ['服务中心电话', c.phone],
    ['网格', c.grids.map((g) => g.name).join('、')],
    ['工作日开放时间', `${c.openingHours.weekday.start}–${c.openingHours.weekday.end}`],
    ['周末开放时间', `${c.openingHours.weekend.start}–${c.openingHours.weekend.end}`],
  ];
  return <KeyValueTable label="社区信息" rows={rows} />;
}
