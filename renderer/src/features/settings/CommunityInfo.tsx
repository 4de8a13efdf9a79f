import { useState } from 'react';
import { Button, Paper, Stack } from '@mui/material';
import { KeyValueTable } from '../../components/KeyValueTable';
import { FieldDialog } from '../../components/FieldDialog';
import { useDesk } from '../../app/desk';
import { proxySettings } from '@shared/domain/proxy';
import { ProxySettingsDialog } from './ProxySettingsDialog';
import { classifyCommunity } from '@shared/domain/community';
import { custodyAlertDays } from '@shared/domain/custody';
import { updateCommunity } from '../../db/repositories/community';
import { autoLockMinutes } from '@shared/domain/idleLock';

/**
 * 社区信息, and the fields an admin sets later: 所属街道 (the report exports name it), the days a
 * resident's document may stay out, the 自动锁屏 minutes, and the 帮代办 rules (two staff, the target, the promises,
 * the register's tags).
 */
export function CommunityInfo({ canEdit = false }: { canEdit?: boolean }) {
  const desk = useDesk();
  const { community: c } = desk;
  const [editing, setEditing] = useState<'street' | 'custodyAlertDays' | 'autoLockMinutes' | 'proxy' | null>(null);
  const proxy = proxySettings(c);
  const rows: [string, string][] = [
    ['社区名称', c.name],
    ['社区代码', c.code],
    ['所属街道', c.street || '未填写（报送周报前请填写）'],
    ['常住人口', `${c.population}（${c.communityClass}，员额 ${classifyCommunity(c.population).quota}）`],
    ['服务中心电话', c.phone],
    ['网格', c.grids.map((g) => g.name).join('、')],
    ['工作日开放时间', `${c.openingHours.weekday.start}–${c.openingHours.weekday.end}`],
    ['周末开放时间', `${c.openingHours.weekend.start}–${c.openingHours.weekend.end}`],
    ['居民材料在外提醒', `超过 ${custodyAlertDays(c)} 天在工作台提醒`],
    ['自动锁屏', `无操作 ${autoLockMinutes(c)} 分钟后锁屏`],
    ['帮代办上门', proxy.twoStaff ? '两名工作人员同去（一人上门须说明原因）' : '可一人上门'],
    ['帮代办目标', `上门后 ${proxy.targetWorkingDays} 个工作日内办好`],
    ['委托书承诺', proxy.promises.join('、')],
    ['重点服务对象标签', proxy.registerTags.join('、') || '未设置'],
  ];
  return (
    <Stack spacing={1}>
      <KeyValueTable label="社区信息" rows={rows} />
      {canEdit && (
        <Paper sx={{ p: 1 }}>
          <Button onClick={() => setEditing('street')}>修改所属街道</Button>
          <Button onClick={() => setEditing('custodyAlertDays')}>修改材料在外提醒天数</Button>
          <Button onClick={() => setEditing('autoLockMinutes')}>修改自动锁屏时间</Button>
          <Button onClick={() => setEditing('proxy')}>修改帮代办设置</Button>
        </Paper>
      )}
      {editing === 'street' && (
        <FieldDialog
          title="修改所属街道"
          label="所属街道"
          initial={c.street ?? ''}
          helper="周报和报送包中写明，如：岳麓街道"
          field="street"
          save={(v) => updateCommunity(desk, { street: v })}
          onClose={() => setEditing(null)}
        />
      )}
      {editing === 'custodyAlertDays' && (
        <FieldDialog
          title="修改材料在外提醒天数"
          label="提醒天数"
          initial={String(custodyAlertDays(c))}
          helper="居民的材料在外超过这么多天，工作台提醒（1–90）"
          field="custodyAlertDays"
          save={(v) => updateCommunity(desk, { custodyAlertDays: Number(v) })}
          onClose={() => setEditing(null)}
        />
      )}
      {editing === 'autoLockMinutes' && (
        <FieldDialog
          title="修改自动锁屏时间"
          label="自动锁屏（分钟）"
          initial={String(autoLockMinutes(c))}
          helper="无人操作这么多分钟后值班台锁屏，须输入密码或 PIN 才能继续（1–60）"
          field="autoLockMinutes"
          save={(v) => updateCommunity(desk, { autoLockMinutes: v.trim() === '' ? Number.NaN : Number(v) })}
          onClose={() => setEditing(null)}
        />
      )}
      {editing === 'proxy' && <ProxySettingsDialog onClose={() => setEditing(null)} />}
    </Stack>
  );
}
