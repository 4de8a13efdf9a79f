/** 走访设置 (站长): each 网格's households and the days after which a 重点服务对象 counts as unvisited. */
import { useState, type FormEvent } from 'react';
import { Stack, TextField } from '@mui/material';
import { DEFAULT_UNVISITED_DAYS } from '@shared/domain/homeVisits';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { updateCommunity } from '../../db/repositories/community';

const asNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

export function VisitLogSettings({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const grids = desk.community.grids;
  const [households, setHouseholds] = useState(grids.map((g) => (g.households ?? '').toString()));
  const [days, setDays] = useState(String(desk.community.unvisitedDays ?? DEFAULT_UNVISITED_DAYS));
  const { run, error, field, busy } = useGuardedAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() =>
      updateCommunity(desk, {
        unvisitedDays: asNumber(days) ?? Number.NaN,
        grids: grids.map((g, i) => {
          const { households: _old, ...rest } = g;
          const n = asNumber(households[i] ?? '');
          return n === undefined ? rest : { ...rest, households: n };
        }),
      }),
    );
    if (ok) onClose();
  }
  const fieldError = (name: string) => (field === name ? error : null);
  return (
    <FormDialog
      title="走访设置"
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field ? null : error}
    >
      {grids.map((g, i) => (
        <TextField
          key={g.id}
          label={`${g.name}户数`}
          inputMode="numeric"
          value={households[i]}
          onChange={(e) => setHouseholds((h) => h.map((v, j) => (j === i ? e.target.value : v)))}
          error={Boolean(fieldError(`households-${g.id}`))}
          helperText={fieldError(`households-${g.id}`) ?? '网格内的总户数，用于计算走访覆盖率'}
        />
      ))}
      <Stack>
        <TextField
          label="未走访提醒天数"
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={Boolean(fieldError('unvisitedDays'))}
          helperText={fieldError('unvisitedDays') ?? '重点服务对象超过这么多天未走访即列入提醒名单'}
        />
      </Stack>
    </FormDialog>
  );
}
