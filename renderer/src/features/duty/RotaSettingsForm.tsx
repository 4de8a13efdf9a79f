/**
 * 值班规则 (站长): the minimum on the 值班岗 and whether 换班 needs approval — kept on the
 * community profile with the center's other settings (updateCommunity, audited community.update).
 */
import { useState } from 'react';
import { Alert, Button, Checkbox, FormControlLabel, Stack, TextField, Typography } from '@mui/material';
import type { RotaSettings } from '@shared/domain/records';
import { MIN_ON_DUTY_RANGE } from '@shared/domain/rota';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { updateCommunity } from '../../db/repositories/community';

export function RotaSettingsForm({ settings }: { settings: RotaSettings }) {
  const desk = useDesk();
  const [min, setMin] = useState(String(settings.minOnDuty));
  const [approval, setApproval] = useState(settings.swapsNeedApproval);
  const save = useGuardedAction();
  const [saved, setSaved] = useState(false);
  const submit = () =>
    void save.run(async () => {
      await updateCommunity(desk, { rota: { minOnDuty: Number(min), swapsNeedApproval: approval } });
      setSaved(true);
    });
  const minError = save.field === 'minOnDuty' ? save.error : null;
  return (
    <Stack component="form" aria-labelledby="rota-rules" spacing={1} onSubmit={(e) => (e.preventDefault(), submit())}>
      <Typography id="rota-rules" variant="h6" component="h3">
        值班规则
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <TextField
          label="开放日值班岗最少人数"
          value={min}
          onChange={(e) => (setMin(e.target.value), setSaved(false))}
          error={!!minError}
          helperText={minError ?? `${MIN_ON_DUTY_RANGE.min}–${MIN_ON_DUTY_RANGE.max} 人`}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: '14em' }}
        />
        <FormControlLabel
          control={<Checkbox checked={approval} onChange={(e) => (setApproval(e.target.checked), setSaved(false))} />}
          label="换班须经站长批准"
        />
        <Button type="submit" variant="outlined" disabled={save.busy}>
          保存值班规则
        </Button>
      </Stack>
      {save.error && !minError && (
        <Alert severity="error" role="alert">
          {save.error}
        </Alert>
      )}
      {saved && <Alert role="status">值班规则已保存</Alert>}
    </Stack>
  );
}
