/**
 * 登记问题: a problem a zone staff member brings back from a home visit (a broken lamp, a blocked
 * drain) — a one-line title, its category, where it is (a place or a 网格) and, if one raised
 * it, the resident. The same fields serve 增加议题 on a meeting's agenda (raised at the meeting).
 * Each message of the rules is shown at its field.
 */
import { useState, type FormEvent } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import type { ProblemCategory, Resident } from '@shared/domain/records';
import type { ProblemInput } from '@shared/domain/meetings';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { ProblemCategorySelect } from '../../components/ProblemCategorySelect';
import { addProblem } from '../../db/repositories/problems';
import { ResidentSearch } from '../residents/ResidentSearch';

export type ProblemFieldsState = { title: string; category: ProblemCategory | ''; place: string; gridId: string };
export const emptyProblem: ProblemFieldsState = { title: '', category: '', place: '', gridId: '' };

export function toProblemInput(v: ProblemFieldsState, residentId?: string): ProblemInput {
  return {
    title: v.title,
    category: v.category,
    ...(v.place.trim() ? { place: v.place } : {}),
    ...(v.gridId ? { gridId: v.gridId } : {}),
    ...(residentId ? { residentId } : {}),
  };
}

/** Title, category, place and 网格, each with its message (`field` from the refusal). */
export function ProblemFields({
  value: v,
  onChange,
  field,
  error,
  withResident = false,
}: {
  /** The 网格 may come from the resident chosen below. */
  withResident?: boolean;
  value: ProblemFieldsState;
  onChange: (patch: Partial<ProblemFieldsState>) => void;
  field?: string;
  error: string | null;
}) {
  const { community } = useDesk();
  const at = (name: string, hint = ' ') => ({
    error: field === name,
    helperText: field === name ? error : hint,
  });
  return (
    <>
      <TextField
        label="问题（一句话）"
        autoFocus
        value={v.title}
        onChange={(e) => onChange({ title: e.target.value })}
        {...at('title', '如：小区北门下水道堵塞；不要写身份证号、电话')}
      />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <ProblemCategorySelect value={v.category} onChange={(c) => onChange({ category: c })} {...at('category')} />
        <TextField
          select
          label="网格"
          value={v.gridId}
          onChange={(e) => onChange({ gridId: e.target.value })}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          sx={{ maxWidth: 200 }}
          {...at('gridId')}
        >
          <option value="">{withResident ? '（按居民所在网格）' : '（不选）'}</option>
          {community.grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </TextField>
      </Stack>
      <TextField
        label="地点"
        value={v.place}
        onChange={(e) => onChange({ place: e.target.value })}
        {...at('place', '没有反映人的问题（如路灯损坏）请写明地点或选择网格')}
      />
    </>
  );
}

export function ProblemDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const [value, setValue] = useState<ProblemFieldsState>(emptyProblem);
  const [resident, setResident] = useState<Resident | null>(null);
  const { run, error, field, busy } = useGuardedAction();
  const atField = ['title', 'category', 'place', 'gridId', 'resident'].includes(field ?? '');
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await run(() => addProblem(desk, { ...toProblemInput(value, resident?.id), source: '入户走访' }));
    if (ok) onClose();
  }
  return (
    <FormDialog
      title="登记问题"
      submitLabel="登记问题"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={atField ? null : error}
      maxWidth="md"
    >
      <Typography>来源：入户走访（网格员、工作人员走访中发现或居民当面反映）</Typography>
      <ProblemFields
        withResident
        value={value}
        onChange={(p) => setValue((v) => ({ ...v, ...p }))}
        field={field}
        error={error}
      />
      {resident ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }} aria-label="反映居民">
          <Typography>反映居民：{resident.name}</Typography>
          <Button onClick={() => setResident(null)}>重新选择</Button>
        </Stack>
      ) : (
        <ResidentSearch label="反映居民（可不选；姓名、拼音、电话或身份证号后几位）" onPick={setResident} />
      )}
      {field === 'resident' && (
        <Typography color="error" role="alert">
          {error}
        </Typography>
      )}
    </FormDialog>
  );
}
