import { useState, type FormEvent } from 'react';
import { Button, Paper, Stack, TextField } from '@mui/material';
import { KeyValueTable } from '../../components/KeyValueTable';
import { FormDialog } from '../../components/FormDialog';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { classifyCommunity } from '@shared/domain/community';
import { updateCommunity } from '../../db/repositories/community';

/** 社区信息, and the one field an admin fills in later: 所属街道 (the report exports name it). */
export function CommunityInfo({ canEdit = false }: { canEdit?: boolean }) {
  const { community: c } = useDesk();
  const [editing, setEditing] = useState(false);
  const rows: [string, string][] = [
    ['社区名称', c.name],
    ['社区代码', c.code],
    ['所属街道', c.street || '未填写（报送周报前请填写）'],
    ['常住人口', `${c.population}（${c.communityClass}，员额 ${classifyCommunity(c.population).quota}）`],
    ['服务中心电话', c.phone],
    ['网格', c.grids.map((g) => g.name).join('、')],
    ['工作日开放时间', `${c.openingHours.weekday.start}–${c.openingHours.weekday.end}`],
    ['周末开放时间', `${c.openingHours.weekend.start}–${c.openingHours.weekend.end}`],
  ];
  return (
    <Stack spacing={1}>
      <KeyValueTable label="社区信息" rows={rows} />
      {canEdit && (
        <Paper sx={{ p: 1 }}>
          <Button onClick={() => setEditing(true)}>修改所属街道</Button>
        </Paper>
      )}
      {editing && <StreetDialog initial={c.street ?? ''} onClose={() => setEditing(false)} />}
    </Stack>
  );
}

function StreetDialog({ initial, onClose }: { initial: string; onClose: () => void }) {
  const desk = useDesk();
  const [street, setStreet] = useState(initial);
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => updateCommunity(desk, { street }))) onClose();
  }
  return (
    <FormDialog
      title="修改所属街道"
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === 'street' ? null : error}
    >
      <TextField
        label="所属街道"
        autoFocus
        value={street}
        onChange={(e) => setStreet(e.target.value)}
        error={field === 'street'}
        helperText={field === 'street' ? error : '周报和报送包中写明，如：岳麓街道'}
      />
    </FormDialog>
  );
}
