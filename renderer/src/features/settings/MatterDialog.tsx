/**
 * Edit one catalog entry. The edited entry is validated together with the rest of the
 * catalog by the same `parseCatalog` that checks the shipped file, so the rules (unique code,
 * 即办 = 0 days, …) are one piece of code.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel, Stack, TextField } from '@mui/material';
import { parseCatalog, REMITS, SERVICE_MODES, type MatterTypeDef } from '@shared/domain/catalog';
import { saveMatterType } from '../../db/repositories/catalog';
import type { MatterType } from '../../db/matterType';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { DocumentsEditor } from './DocumentsEditor';
import { FormDialog } from '../../components/FormDialog';

type Props = { matter: MatterType | null; all: MatterType[]; categories: string[]; onClose: () => void };

const BLANK: MatterTypeDef = {
  code: '',
  category: '',
  name: '',
  documents: [],
  timeLimitDays: 0,
  defaultMode: '即办',
  proxyEligible: false,
  remit: '社区办理',
  guide: '',
};

/** Strips stored-only fields so the entry can be checked against the catalog schema. */
function toDef(m: MatterType): MatterTypeDef {
  const { active: _a, createdAt: _ca, createdBy: _cb, updatedAt: _ua, updatedBy: _ub, ...def } = m;
  return def;
}

export function MatterDialog({ matter, all, categories, onClose }: Props) {
  const desk = useDesk();
  const [def, setDef] = useState<MatterTypeDef>(matter ? toDef(matter) : BLANK);
  const [active, setActive] = useState(matter?.active ?? true);
  const [problems, setProblems] = useState<string[]>([]);
  const { run, error } = useGuardedAction();
  const set = (patch: Partial<MatterTypeDef>) => setDef((d) => ({ ...d, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const cleaned: MatterTypeDef = {
      ...def,
      code: def.code.trim().toUpperCase(),
      forwardTo: def.forwardTo?.trim() || undefined,
    };
    if (cleaned.forwardTo === undefined) delete cleaned.forwardTo;
    // Only consultations keep a reply limit (the catalog refuses it elsewhere).
    if (cleaned.defaultMode !== '咨询' || cleaned.replyLimitDays === undefined) delete cleaned.replyLimitDays;
    const others = all.filter((m) => m.code !== matter?.code).map(toDef);
    const checked = parseCatalog({
      version: 1,
      categories: [...new Set([...categories, cleaned.category])].filter(Boolean),
      matters: [...others, cleaned],
    });
    if (!checked.ok) {
      setProblems(checked.errors.map((m) => m.replace(/^事项目录第 \d+ 项/, '本事项')));
      return;
    }
    setProblems([]);
    if (await run(() => saveMatterType(desk, cleaned, active, matter === null))) onClose();
  }

  return (
    <FormDialog
      title={matter ? `编辑事项：${matter.name}` : '新增事项'}
      submitLabel="保存"
      onSubmit={submit}
      onClose={onClose}
      error={[...problems, ...(error ? [error] : [])]}
      maxWidth="lg"
    >
      <Stack direction="row" spacing={2}>
        <TextField
          label="事项编码"
          value={def.code}
          disabled={matter !== null}
          onChange={(e) => set({ code: e.target.value })}
          helperText="如 SB-001，保存后不可修改"
        />
        <TextField
          label="所属类别"
          value={def.category}
          onChange={(e) => set({ category: e.target.value })}
          slotProps={{ htmlInput: { list: 'matter-categories' } }}
          helperText="可选已有类别或输入新类别"
        />
        <datalist id="matter-categories">
          {categories.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
      </Stack>
      <TextField label="事项名称" autoFocus value={def.name} onChange={(e) => set({ name: e.target.value })} />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label="默认办理方式"
          value={def.defaultMode}
          onChange={(e) => set({ defaultMode: e.target.value as MatterTypeDef['defaultMode'] })}
          slotProps={{ select: { native: true } }}
        >
          {SERVICE_MODES.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </TextField>
        <TextField
          label="办理时限（工作日）"
          type="number"
          value={def.timeLimitDays}
          onChange={(e) => set({ timeLimitDays: e.target.value === '' ? Number.NaN : Number(e.target.value) })}
        />
        {def.defaultMode === '咨询' && (
          <TextField
            label="答复时限（工作日）"
            type="number"
            value={def.replyLimitDays ?? ''}
            onChange={(e) => set({ replyLimitDays: e.target.value === '' ? undefined : Number(e.target.value) })}
            helperText="不能当场答复时，几个工作日内答复居民"
          />
        )}
        <TextField
          select
          label="办理层级"
          value={def.remit}
          onChange={(e) => set({ remit: e.target.value as MatterTypeDef['remit'] })}
          slotProps={{ select: { native: true } }}
        >
          {REMITS.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </TextField>
      </Stack>
      <TextField label="转报单位" value={def.forwardTo ?? ''} onChange={(e) => set({ forwardTo: e.target.value })} />
      <TextField
        label="办事指南"
        multiline
        minRows={2}
        value={def.guide}
        onChange={(e) => set({ guide: e.target.value })}
      />
      <DocumentsEditor documents={def.documents} onChange={(documents) => set({ documents })} />
      <Stack direction="row" spacing={2}>
        <FormControlLabel
          control={<Checkbox checked={def.proxyEligible} onChange={(e) => set({ proxyEligible: e.target.checked })} />}
          label="可帮代办"
        />
        <FormControlLabel
          control={<Checkbox checked={active} onChange={(e) => setActive(e.target.checked)} />}
          label="在用（取消则窗口不再受理）"
        />
      </Stack>
    </FormDialog>
  );
}
