/**
 * 收取材料: one document taken from the resident's home (its name — the case's list offered —,
 * original or copy, how many), recorded through `recordCustody` (one transaction with its
 * cascades: the case's list checked off, the visit made, the case started). Opened from the
 * case's 材料交接 and from a 帮代办 queue row.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel, TextField } from '@mui/material';
import type { CaseRecord } from '@shared/domain/records';
import { FormDialog } from '../../components/FormDialog';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { recordCustody } from '../../db/repositories/custody';

export function CollectDialog({
  record,
  documents,
  taken,
  onClose,
}: {
  record: CaseRecord;
  documents: readonly string[];
  taken: readonly string[];
  onClose: () => void;
}) {
  const desk = useDesk();
  const first = documents.find((d) => !taken.includes(d)) ?? '';
  const [document, setDocument] = useState(first);
  const [original, setOriginal] = useState(true);
  const [count, setCount] = useState('1');
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() =>
      recordCustody(desk, record.id, { document, original, count: Number(count) }, { type: '收取' }),
    );
    if (ok) onClose();
  }
  return (
    <FormDialog
      title="收取材料"
      submitLabel="登记收取"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field ? null : error}
    >
      <TextField
        label="材料名称"
        autoFocus
        value={document}
        onChange={(e) => setDocument(e.target.value)}
        error={field === 'document'}
        helperText={field === 'document' ? error : `本事项所需：${documents.join('、') || '—'}`}
        slotProps={{ htmlInput: { list: 'case-documents' } }}
      />
      <datalist id="case-documents">
        {documents.map((d) => (
          <option key={d} value={d} />
        ))}
      </datalist>
      <FormControlLabel
        control={<Checkbox checked={original} onChange={(e) => setOriginal(e.target.checked)} />}
        label="原件"
      />
      <TextField
        label="份数"
        inputMode="numeric"
        value={count}
        onChange={(e) => setCount(e.target.value)}
        error={field === 'count'}
        helperText={field === 'count' ? error : '1–20'}
      />
    </FormDialog>
  );
}
