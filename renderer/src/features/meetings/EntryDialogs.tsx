/**
 * An agenda entry's title and discussion notes (讨论记录, for the minutes), and 增加议题: a problem
 * raised at the meeting itself, added to the pool and to the agenda (临时增加).
 */
import { useState, type FormEvent } from 'react';
import { TextField, Typography } from '@mui/material';
import type { AgendaItem } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { addAgendaEntry, editAgendaEntry } from '../../db/repositories/meetingEntries';
import { emptyProblem, ProblemFields, toProblemInput, type ProblemFieldsState } from './ProblemDialog';

export function EditEntryDialog({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const desk = useDesk();
  const [title, setTitle] = useState(item.title);
  const [discussion, setDiscussion] = useState(item.discussion ?? '');
  const { run, error, field, busy } = useGuardedAction();
  const at = (name: string, hint = ' ') => ({ error: field === name, helperText: field === name ? error : hint });
  async function submit(e: FormEvent) {
    e.preventDefault();
    const patch = { ...(title !== item.title ? { title } : {}), discussion };
    if (await run(() => editAgendaEntry(desk, item.id, patch))) onClose();
  }
  return (
    <FormDialog
      title="讨论记录"
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field === 'title' || field === 'discussion' ? null : error}
      maxWidth="md"
    >
      <TextField
        label="议题"
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        {...at('title', '不超过 60 个字')}
      />
      <TextField
        label="讨论情况"
        autoFocus
        multiline
        minRows={4}
        value={discussion}
        onChange={(e) => setDiscussion(e.target.value)}
        onKeyDown={(e) => {
          // Ctrl+Enter saves from the notes (Enter makes a new line).
          if (e.key === 'Enter' && e.ctrlKey) e.currentTarget.closest('form')?.requestSubmit();
        }}
        {...at('discussion', '写入会议纪要；不要写身份证号、电话。Ctrl+Enter 保存')}
      />
    </FormDialog>
  );
}

export function AddEntryDialog({ meetingId, onClose }: { meetingId: string; onClose: () => void }) {
  const desk = useDesk();
  const [value, setValue] = useState<ProblemFieldsState>(emptyProblem);
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => addAgendaEntry(desk, meetingId, toProblemInput(value)))) onClose();
  }
  return (
    <FormDialog
      title="增加议题"
      submitLabel="增加议题"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={['title', 'category', 'place', 'gridId'].includes(field ?? '') ? null : error}
      maxWidth="md"
    >
      <Typography>会上提出的问题：记入问题库（来源“会上提出”），列在议程最后（临时增加）。</Typography>
      <ProblemFields value={value} onChange={(p) => setValue((v) => ({ ...v, ...p }))} field={field} error={error} />
    </FormDialog>
  );
}
