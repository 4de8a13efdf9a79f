/**
 * 合并重复问题: several residents reported the same problem — the one kept takes every report
 * (sources, residents, the earliest day); the others are marked 已合并 and leave the agenda.
 * The repository's message is shown when it refuses (two problems with cases of their own …).
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControl, FormControlLabel, FormGroup, FormLabel, TextField, Typography } from '@mui/material';
import { maskNumbersInText } from '@shared/domain/masking';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { mergeIntoProblem, type PoolRow } from '../../db/repositories/problems';

const MERGEABLE = new Set(['待研究', '继续跟踪', '社区处置', '已上报街道']);

const label = ({ problem: p, record }: PoolRow) =>
  `${maskNumbersInText(p.title)}（${p.category}，${p.raisedDay}${record ? `，${record.trackingNumber}` : ''}）`;

export function MergeDialog({ rows, onClose }: { rows: readonly PoolRow[]; onClose: () => void }) {
  const desk = useDesk();
  const candidates = rows.filter((r) => MERGEABLE.has(r.problem.status));
  const [keep, setKeep] = useState('');
  const [others, setOthers] = useState<string[]>([]);
  const { run, error, busy, setError } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!keep) return setError('请选择保留的问题');
    if (await run(() => mergeIntoProblem(desk, keep, others))) onClose();
  }
  return (
    <FormDialog
      title="合并重复问题"
      submitLabel="合并"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={error}
      maxWidth="md"
    >
      <Typography>
        同一个问题由多位居民或多次反映时，合并为一条：保留的问题记下每一次反映，其余标为“已合并”。
      </Typography>
      <TextField
        select
        label="保留的问题"
        value={keep}
        onChange={(e) => {
          setKeep(e.target.value);
          setOthers((o) => o.filter((id) => id !== e.target.value));
        }}
        slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
      >
        <option value="">请选择</option>
        {candidates.map((r) => (
          <option key={r.problem.id} value={r.problem.id}>
            {label(r)}
          </option>
        ))}
      </TextField>
      <FormControl component="fieldset">
        <FormLabel component="legend">与它重复、并入它的问题</FormLabel>
        <FormGroup>
          {candidates
            .filter((r) => r.problem.id !== keep)
            .map((r) => (
              <FormControlLabel
                key={r.problem.id}
                label={label(r)}
                control={
                  <Checkbox
                    checked={others.includes(r.problem.id)}
                    onChange={(e) =>
                      setOthers((o) =>
                        e.target.checked ? [...o, r.problem.id] : o.filter((id) => id !== r.problem.id),
                      )
                    }
                  />
                }
              />
            ))}
        </FormGroup>
      </FormControl>
    </FormDialog>
  );
}
