/**
 * 确认事项并受理: a 待确认 request (a call, a home visit) gets its catalog matter and becomes a
 * 帮代办 case with its tracking number and deadline; the request then waits for its home visit.
 */
import { useState, type FormEvent } from 'react';
import { Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskNumbersInText } from '@shared/domain/masking';
import type { ProxyTask } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import type { MatterType } from '../../db/matterType';
import { listActiveMatterTypes } from '../../db/repositories/catalog';
import { acceptProxyRequest } from '../../db/repositories/proxy';
import { DomainRefusal } from '../../db/refusal';
import { MatterPicker } from '../intake/MatterPicker';

export function AcceptRequestDialog({ task, onClose }: { task: ProxyTask; onClose: () => void }) {
  const desk = useDesk();
  const matters = useLiveQuery(() => listActiveMatterTypes(desk), [desk]);
  const [matter, setMatter] = useState<MatterType | null>(null);
  const { run, error, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(async () => {
      if (!matter) throw new DomainRefusal('请选择代办的事项', 'matter');
      await acceptProxyRequest(desk, task.id, matter);
    });
    if (ok) onClose();
  }
  return (
    <FormDialog
      title="确认事项并受理"
      submitLabel="受理"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
    >
      <Typography>居民需求：{maskNumbersInText(task.request)}</Typography>
      <MatterPicker
        matters={matters ?? []}
        value={matter}
        onChange={setMatter}
        label="代办事项"
        error={error ?? undefined}
        autoFocus
      />
    </FormDialog>
  );
}
