/**
 * The dialog for one case action: its fields (from actionForms), Enter/保存 to apply, the
 * machine's Chinese reason shown when it refuses — at its field when it belongs to one. Nothing
 * is pre-filled (ratings above all) but a time, which starts at now.
 */
import { useState, type FormEvent } from 'react';
import {
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Radio,
  RadioGroup,
  TextField,
  Typography,
} from '@mui/material';
import type { CaseActionType } from '@shared/domain/caseMachine';
import type { CaseRecord, Staff } from '@shared/domain/records';
import { fieldsOf, hintOf, toAction, type FieldSpec, type Values } from './actionForms';
import { FormDialog } from '../../components/FormDialog';
import { DateTimeField } from '../../components/DateTimeField';
import { localDateTime } from '../../app/clock';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useDesk } from '../../app/desk';
import { openEscalation } from '@shared/domain/caseMachine';
import type { CaseActionInput } from '../../db/repositories/cases';

type Props = {
  type: CaseActionType;
  record: CaseRecord;
  documents: string[];
  staff: Staff[];
  meId: string;
  /** The handler's name when the clerk acts on someone else's case: a reason is then asked for. */
  onBehalfOf?: string;
  /** Applies the action; throws the machine's refusal or a storage failure. */
  onApply: (action: CaseActionInput, onBehalfReason?: string) => Promise<unknown>;
  onClose: () => void;
};

export function ActionDialog({ type, record, documents, staff, meId, onBehalfOf, onApply, onClose }: Props) {
  const { clock } = useDesk();
  // A time starts at now (the minute), in the field's own 'YYYY-MM-DDTHH:mm'.
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      fieldsOf(type)
        .filter((f) => f.kind === 'datetime')
        .map((f) => [f.name, localDateTime(clock.now()).replace(' ', 'T')]),
    ),
  );
  const [why, setWhy] = useState('');
  const { run, error, field: errorField, busy, setError } = useGuardedAction();
  const set = (name: string, v: Values[string]) => {
    setValues((all) => ({ ...all, [name]: v }));
    // A refusal at this field goes once the clerk changes it.
    if (errorField === name) setError(null);
  };
  /** The refusal when it belongs to this field (shown there, not above the buttons). */
  const errorAt = (name: string) => (errorField === name ? error : null);
  const fields = fieldsOf(type, values);
  const shownAtField = fields.some((f) => f.name === errorField) || errorField === 'onBehalfReason';
  const raised = openEscalation(record)?.raisedAt;

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (await run(() => onApply(toAction(type, values), onBehalfOf ? why : undefined))) onClose();
  }

  const field = (f: FieldSpec) => {
    const v = values[f.name];
    switch (f.kind) {
      case 'text':
      case 'multiline':
        return (
          <TextField
            key={f.name}
            label={f.label}
            multiline={f.kind === 'multiline'}
            minRows={2}
            value={v ?? ''}
            onChange={(e) => set(f.name, e.target.value)}
            error={!!errorAt(f.name)}
            helperText={errorAt(f.name)}
          />
        );
      case 'datetime':
        return (
          <DateTimeField
            key={f.name}
            label={f.label}
            value={typeof v === 'string' ? v : ''}
            onChange={(value) => set(f.name, value)}
            error={!!errorAt(f.name)}
            helperText={errorAt(f.name) ?? undefined}
            latest={{ at: clock.now(), what: '当前时间' }}
            earliest={raised === undefined ? undefined : { at: raised, what: '上报时间' }}
          />
        );
      case 'radio':
        return (
          <FormControl key={f.name} error={!!errorAt(f.name)}>
            <FormLabel id={`f-${f.name}`}>{f.label}</FormLabel>
            <RadioGroup
              row
              aria-labelledby={`f-${f.name}`}
              value={v ?? ''}
              onChange={(e) => set(f.name, e.target.value)}
            >
              {f.options.map((o) => (
                <FormControlLabel key={o} value={o} label={o} control={<Radio />} />
              ))}
            </RadioGroup>
            {errorAt(f.name) && <FormHelperText>{errorAt(f.name)}</FormHelperText>}
          </FormControl>
        );
      case 'select':
        return (
          <TextField
            key={f.name}
            select
            label={f.label}
            value={v ?? ''}
            onChange={(e) => set(f.name, e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            {f.options.map((o) => (
              <option key={o} value={o}>
                {o || '暂不评价'}
              </option>
            ))}
          </TextField>
        );
      case 'checkbox':
        return (
          <FormControlLabel
            key={f.name}
            label={f.label}
            control={<Checkbox checked={v === true} onChange={(e) => set(f.name, e.target.checked)} />}
          />
        );
      case 'checkboxes': {
        const options = f.from === 'missing' ? record.documentsMissing : documents;
        const chosen = Array.isArray(v) ? v : [];
        return (
          <FormGroup key={f.name} aria-label={f.label}>
            <FormLabel>{f.label}</FormLabel>
            {options.map((o) => (
              <FormControlLabel
                key={o}
                label={o}
                control={
                  <Checkbox
                    checked={chosen.includes(o)}
                    onChange={(e) => set(f.name, e.target.checked ? [...chosen, o] : chosen.filter((x) => x !== o))}
                  />
                }
              />
            ))}
          </FormGroup>
        );
      }
      case 'staff':
        return (
          <TextField
            key={f.name}
            select
            label={f.label}
            value={v ?? ''}
            onChange={(e) => set(f.name, e.target.value)}
            slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          >
            <option value="">请选择</option>
            {staff
              .filter((s) => s.active && s.id !== meId)
              .map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}（{s.role}）
                </option>
              ))}
          </TextField>
        );
    }
  };

  return (
    <FormDialog
      title={type}
      label={type}
      submitLabel={`确定${type}`}
      onSubmit={submit}
      onClose={onClose}
      busy={busy}
      error={shownAtField ? null : error}
    >
      {onBehalfOf && (
        <TextField
          label="代为操作的原因"
          value={why}
          onChange={(e) => setWhy(e.target.value)}
          error={errorField === 'onBehalfReason'}
          helperText={
            errorField === 'onBehalfReason'
              ? error
              : `本件由${onBehalfOf}经办；原因记入办件过程和操作日志（如：经办人休假）`
          }
        />
      )}
      {hintOf(type) && <Typography color="text.secondary">{hintOf(type)}</Typography>}
      {fields.length === 0 && (
        <span>
          确认对办件 {record.trackingNumber} 执行“{type}”？
        </span>
      )}
      {fields.map(field)}
    </FormDialog>
  );
}
