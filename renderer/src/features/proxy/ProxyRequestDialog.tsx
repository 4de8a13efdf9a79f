/**
 * 登记代办需求: a resident who cannot come asks by phone, or a zone staff member brings the
 * request back from a home visit. The matter may be unknown yet (待确认); it is chosen on
 * acceptance. A request at the counter is registered in 来访登记 with the mode 帮代办.
 */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import type { Resident } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FilterSelect, plainOptions } from '../../components/FilterSelect';
import { FormDialog } from '../../components/FormDialog';
import { registerProxyRequest, type ProxyRequestInput } from '../../db/repositories/proxy';
import { ResidentSearch } from '../residents/ResidentSearch';

export function ProxyRequestDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const [resident, setResident] = useState<Resident | null>(null);
  const [source, setSource] = useState<ProxyRequestInput['source']>('电话');
  const [request, setRequest] = useState('');
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => registerProxyRequest(desk, { residentId: resident?.id ?? '', source, request }));
    if (ok) onClose();
  }
  return (
    <FormDialog
      title="登记代办需求"
      submitLabel="登记"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === 'request' ? null : error}
      maxWidth="md"
    >
      {resident ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography>居民：{resident.name}</Typography>
          <Button onClick={() => setResident(null)}>重新选择</Button>
        </Stack>
      ) : (
        <ResidentSearch label="查找居民（姓名、拼音、电话或身份证号后几位）" onPick={setResident} />
      )}
      <FilterSelect
        label="需求来源"
        value={source}
        emptyLabel="请选择"
        options={plainOptions(['电话', '入户走访'])}
        onChange={(v) => setSource(v as ProxyRequestInput['source'])}
      />
      <TextField
        label="需要代办什么"
        multiline
        minRows={2}
        value={request}
        onChange={(e) => setRequest(e.target.value)}
        error={field === 'request'}
        helperText={field === 'request' ? error : '居民原话即可，事项可在受理时再确认'}
      />
      <Alert severity="info">居民到窗口提出的代办，请在“来访登记”中选择办理方式“帮代办”。</Alert>
    </FormDialog>
  );
}
