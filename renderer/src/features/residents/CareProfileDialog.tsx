/**
 * 重点服务信息 of one resident (帮代办 register): the contact person (name, relation, phone), the
 * help they need, their dialect, when to reach them, a note. Each message at its field — on
 * leaving the field, and the data layer's refusal at 保存. A contact phone on file stays masked:
 * changing it means typing it again (it is never shown in full here).
 */
import { useState, type FormEvent } from 'react';
import {
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Stack,
  TextField,
} from '@mui/material';
import {
  CARE_FIELD_ORDER,
  CARE_LIMITS,
  validateCareProfile,
  type CareField,
  type CareProfileErrors,
} from '@shared/domain/careProfile';
import { maskPhone } from '@shared/domain/masking';
import { CARE_NEEDS, type Resident } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { saveCareProfile } from '../../db/repositories/careRegister';

type Props = { resident: Resident; onClose: () => void; onSaved: () => void };

type Form = {
  contactName: string;
  contactRelation: string;
  contactPhone: string;
  needs: string[];
  dialect: string;
  preferredTime: string;
  note: string;
};

const isCareField = (f: string | undefined): f is CareField => CARE_FIELD_ORDER.includes(f as CareField);

export function CareProfileDialog({ resident, onClose, onSaved }: Props) {
  const desk = useDesk();
  const care = resident.care;
  const [form, setForm] = useState<Form>({
    contactName: care?.contactName ?? '',
    contactRelation: care?.contactRelation ?? '',
    contactPhone: '',
    needs: [...(care?.needs ?? [])],
    dialect: care?.dialect ?? '',
    preferredTime: care?.preferredTime ?? '',
    note: care?.note ?? '',
  });
  /** The stored phone is kept unless the clerk chooses to type a new one. */
  const [phoneOpen, setPhoneOpen] = useState(!care?.contactPhone);
  const [checked, setChecked] = useState<CareProfileErrors>({});
  const guard = useGuardedAction();
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const toSave = () => ({ ...form, contactPhone: phoneOpen ? form.contactPhone : (care?.contactPhone ?? '') });

  // A field checked since the last 保存 shows its own check; otherwise the refusal of 保存.
  const messageOf = (f: CareField) =>
    Object.hasOwn(checked, f) ? (checked[f] ?? null) : guard.field === f ? guard.error : null;
  const field = (f: CareField, label: string, hint = ' ') => ({
    label,
    value: form[f as Exclude<CareField, 'needs'>],
    onChange: (e: { target: { value: string } }) => set({ [f]: e.target.value }),
    error: Boolean(messageOf(f)),
    helperText: messageOf(f) ?? hint,
    onBlur: () => setChecked((all) => ({ ...all, [f]: validateCareProfile(toSave())[f] })),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await guard.run(async () => {
      setChecked(validateCareProfile(toSave()));
      await saveCareProfile(desk, resident.id, toSave());
    });
    if (ok) onSaved();
  }

  return (
    <FormDialog
      title="编辑重点服务信息"
      submitLabel="保存"
      onSubmit={submit}
      onClose={onClose}
      busy={guard.busy}
      error={isCareField(guard.field) ? null : guard.error}
      maxWidth="md"
    >
      <Stack direction="row" spacing={2}>
        <TextField autoFocus {...field('contactName', '联系人姓名', '家属或邻居，可不填')} sx={{ flex: 1 }} />
        <TextField {...field('contactRelation', '与居民关系', '如：儿子、邻居')} sx={{ flex: 1 }} />
        {phoneOpen ? (
          <TextField {...field('contactPhone', '联系人电话', '手机或带区号的固定电话')} sx={{ flex: 1 }} />
        ) : (
          <TextField
            label="联系人电话"
            value={maskPhone(care?.contactPhone)}
            disabled
            helperText="已隐藏；要更改请重新填写"
            sx={{ flex: 1 }}
            slotProps={{
              input: {
                endAdornment: (
                  <Button size="small" onClick={() => setPhoneOpen(true)} aria-label="重新填写联系人电话">
                    重填
                  </Button>
                ),
              },
            }}
          />
        )}
      </Stack>
      <FormControl component="fieldset" error={Boolean(messageOf('needs'))}>
        <FormLabel component="legend">服务需求</FormLabel>
        <FormGroup row>
          {CARE_NEEDS.map((n) => (
            <FormControlLabel
              key={n}
              label={n}
              control={
                <Checkbox
                  checked={form.needs.includes(n)}
                  onChange={(e) =>
                    set({ needs: e.target.checked ? [...form.needs, n] : form.needs.filter((x) => x !== n) })
                  }
                />
              }
            />
          ))}
        </FormGroup>
        {messageOf('needs') && <FormHelperText>{messageOf('needs')}</FormHelperText>}
      </FormControl>
      <Stack direction="row" spacing={2}>
        <TextField {...field('dialect', '方言', '如：湘方言、客家话')} sx={{ flex: 1 }} />
        <TextField {...field('preferredTime', '方便联系的时间', '如：工作日上午、晚饭后')} sx={{ flex: 2 }} />
      </Stack>
      <TextField {...field('note', '备注', `不超过 ${CARE_LIMITS.note} 字`)} multiline minRows={2} />
    </FormDialog>
  );
}
