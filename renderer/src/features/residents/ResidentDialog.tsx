/**
 * Register or edit a resident. Every field is checked where it is typed (Chinese messages at
 * the field); the ID number shows the birth date, age and gender it encodes; a duplicate
 * (same ID, or same name + phone) is caught and the existing record offered instead.
 */
import { useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Checkbox,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { ageOn, validateIdNumber } from '@shared/domain/idNumber';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import { DEFAULT_RESIDENT_TAGS, type Resident } from '@shared/domain/records';
import { validateResidentInput, type ResidentFieldErrors, type ResidentInput } from '@shared/domain/resident';
import {
  createResident,
  DuplicateResidentError,
  ResidentValidationError,
  revealResidentField,
  updateResident,
} from '../../db/repositories/residents';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useFieldErrors } from '../../app/useFieldErrors';
import { useDesk } from '../../app/desk';
import { FormDialog } from '../../components/FormDialog';
import { RevealDialog } from '../../components/RevealDialog';

type Props = {
  resident?: Resident;
  /** Prefill what the clerk already typed into search (name, phone or ID number). */
  initial?: Partial<ResidentInput>;
  onSaved: (r: Resident) => void;
  onClose: () => void;
};

/** What a search query most likely was: an ID number, a phone number, or a name. */
export function initialFromQuery(q: string): Partial<ResidentInput> {
  const t = q.normalize('NFKC').replace(/\s+/g, '');
  if (/^\d{17}[\dXx]$/.test(t)) return { idNumber: t };
  if (/^(1\d{10}|0\d{2,3}-?\d{7,8})$/.test(t)) return { phone: t };
  if (/^[\p{Script=Han}·]+$/u.test(t)) return { name: t };
  return {};
}

/**
 * Form values. When editing, the stored ID number and phone are NOT put into the form: they
 * stay masked until the clerk chooses to change one, which is a logged reveal.
 */
function toInput(r?: Resident, initial: Partial<ResidentInput> = {}): ResidentInput {
  return {
    name: r?.name ?? '',
    idNumber: '',
    phone: '',
    building: r?.building ?? '',
    unit: r?.unit ?? '',
    room: r?.room ?? '',
    gridId: r?.gridId ?? '',
    tags: r?.tags ?? [],
    ...(r?.gender ? { gender: r.gender } : {}),
    ...initial,
  };
}

type Revealable = 'idNumber' | 'phone';

export function ResidentDialog({ resident, initial, onSaved, onClose }: Props) {
  const desk = useDesk();
  const { community } = desk;
  const [input, setInput] = useState<ResidentInput>(() => toInput(resident, initial));
  /** Stored values the clerk has opened for editing (each opening is audited). */
  const [opened, setOpened] = useState<Record<Revealable, boolean>>({
    idNumber: !resident?.idNumber,
    phone: !resident?.phone,
  });
  const [duplicate, setDuplicate] = useState<Resident | null>(null);
  const guard = useGuardedAction();
  const today = desk.clock.today();
  const set = (patch: Partial<ResidentInput>) => setInput((i) => ({ ...i, ...patch }));
  const { errors, setErrors, touch } = useFieldErrors<ResidentFieldErrors>(() => {
    const result = validateResidentInput(toSave(), today, { gridIds: community.grids.map((g) => g.id) });
    return result.ok ? {} : result.errors;
  }, input);
  const idText = opened.idNumber ? input.idNumber : (resident?.idNumber ?? '');
  const id = idText.trim() ? validateIdNumber(idText, { today }) : null;
  const tagOptions = [...new Set([...DEFAULT_RESIDENT_TAGS, ...(community.residentTags ?? []), ...input.tags])];

  /** The stored field whose 查看原因 is being asked before it opens for editing. */
  const [asking, setAsking] = useState<Revealable | null>(null);
  async function open(field: Revealable, reason: string) {
    if (!resident) return;
    const value = await revealResidentField(desk, resident.id, field, reason);
    setInput((i) => ({ ...i, [field]: value }));
    setOpened((o) => ({ ...o, [field]: true }));
  }

  /** The values to save: unopened stored fields keep their stored value; a valid ID decides the gender. */
  function toSave(): ResidentInput {
    const out: ResidentInput = {
      ...input,
      idNumber: opened.idNumber ? input.idNumber : (resident?.idNumber ?? ''),
      phone: opened.phone ? input.phone : (resident?.phone ?? ''),
    };
    if (validateIdNumber(out.idNumber, { today }).ok) delete out.gender;
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setDuplicate(null);
    await guard.run(
      async () => {
        const saved = resident
          ? await updateResident(desk, resident.id, toSave())
          : await createResident(desk, toSave());
        setErrors({});
        onSaved(saved);
      },
      (e) => {
        if (e instanceof ResidentValidationError) setErrors(e.errors);
        else if (e instanceof DuplicateResidentError) setDuplicate(e.existing);
        else return false;
        return true;
      },
    );
  }

  const field = (key: keyof ResidentFieldErrors, hint = ' ') => ({
    error: Boolean(errors[key]),
    helperText: errors[key] ?? hint,
    // A wrong ID or phone is told on leaving the field, not only at 保存居民; it clears as soon
    // as the value is right (useFieldErrors).
    onBlur: () => touch(key),
  });

  return (
    <FormDialog
      title={resident ? '修改居民信息' : '登记新居民'}
      submitLabel="保存居民"
      onSubmit={submit}
      onClose={onClose}
      busy={guard.busy}
      error={guard.error}
      maxWidth="md"
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="姓名"
          autoFocus
          value={input.name}
          onChange={(e) => set({ name: e.target.value })}
          {...field('name')}
        />
        {opened.idNumber ? (
          <TextField
            label="身份证号"
            value={input.idNumber}
            onChange={(e) => set({ idNumber: e.target.value })}
            {...field(
              'idNumber',
              id?.ok
                ? `出生日期 ${id.birthDate} · ${ageOn(id.birthDate, today)} 岁 · ${id.gender}`
                : '18 位，可输入全角字符',
            )}
          />
        ) : (
          <MaskedField
            label="身份证号"
            masked={maskIdNumber(resident?.idNumber)}
            onOpen={() => setAsking('idNumber')}
          />
        )}
      </Stack>
      <Stack direction="row" spacing={2}>
        {opened.phone ? (
          <TextField
            label="联系电话"
            value={input.phone}
            onChange={(e) => set({ phone: e.target.value })}
            {...field('phone', '手机或固定电话')}
          />
        ) : (
          <MaskedField label="联系电话" masked={maskPhone(resident?.phone)} onOpen={() => setAsking('phone')} />
        )}
        <TextField
          select
          label="性别"
          value={id?.ok ? id.gender : (input.gender ?? '')}
          disabled={Boolean(id?.ok)}
          onChange={(e) => set({ gender: (e.target.value || undefined) as ResidentInput['gender'] })}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          {...field('gender', id?.ok ? '由身份证号得出' : ' ')}
        >
          <option value="">未填</option>
          <option value="男">男</option>
          <option value="女">女</option>
        </TextField>
      </Stack>
      <Stack direction="row" spacing={2}>
        <TextField
          label="楼栋"
          value={input.building}
          onChange={(e) => set({ building: e.target.value })}
          {...field('building')}
        />
        <TextField label="单元" value={input.unit} onChange={(e) => set({ unit: e.target.value })} {...field('unit')} />
        <TextField label="房号" value={input.room} onChange={(e) => set({ room: e.target.value })} {...field('room')} />
        <TextField
          select
          label="网格"
          value={input.gridId}
          onChange={(e) => set({ gridId: e.target.value })}
          slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
          {...field('gridId')}
        >
          <option value="">未指定</option>
          {community.grids.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </TextField>
      </Stack>
      <FormGroup row aria-label="人员标签">
        <FormLabel sx={{ width: '100%' }}>人员标签</FormLabel>
        {tagOptions.map((t) => (
          <FormControlLabel
            key={t}
            label={t}
            control={
              <Checkbox
                checked={input.tags.includes(t)}
                onChange={(e) =>
                  set({ tags: e.target.checked ? [...input.tags, t] : input.tags.filter((x) => x !== t) })
                }
              />
            }
          />
        ))}
      </FormGroup>
      {asking && (
        <RevealDialog
          label={asking === 'idNumber' ? '身份证号' : '联系电话'}
          reveal={(reason) => open(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
      {duplicate && (
        <Alert
          severity="warning"
          role="alert"
          action={
            <Button color="inherit" onClick={() => onSaved(duplicate)}>
              使用已有记录
            </Button>
          }
        >
          <Typography>
            已有相同居民：{duplicate.name} {maskIdNumber(duplicate.idNumber)} {maskPhone(duplicate.phone)}
          </Typography>
        </Alert>
      )}
    </FormDialog>
  );
}

/** A stored value shown masked; changing it first reveals it (logged). */
function MaskedField({ label, masked, onOpen }: { label: string; masked: string; onOpen: () => void }) {
  return (
    <TextField
      label={label}
      value={masked}
      disabled
      helperText="已隐藏；修改前须查看完整内容（记录在案）"
      slotProps={{
        input: {
          endAdornment: (
            <Button size="small" onClick={onOpen} aria-label={`修改${label}`}>
              修改
            </Button>
          ),
        },
      }}
    />
  );
}
