/**
 * 帮代办设置 (站长/管理员): whether a home visit needs two staff, the routine target in working
 * days, the 委托书's promises, and which resident tags put a resident on the 重点服务对象 register.
 */
import { useState, type FormEvent } from 'react';
import { Checkbox, FormControlLabel, FormGroup, FormLabel, TextField } from '@mui/material';
import { proxySettings } from '@shared/domain/proxy';
import { DEFAULT_RESIDENT_TAGS } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FormDialog } from '../../components/FormDialog';
import { updateCommunity } from '../../db/repositories/community';

export function ProxySettingsDialog({ onClose }: { onClose: () => void }) {
  const desk = useDesk();
  const current = proxySettings(desk.community);
  const tags = [...DEFAULT_RESIDENT_TAGS, ...(desk.community.residentTags ?? [])];
  const [twoStaff, setTwoStaff] = useState(current.twoStaff);
  const [days, setDays] = useState(String(current.targetWorkingDays));
  const [promises, setPromises] = useState(current.promises.join('、'));
  const [registerTags, setRegisterTags] = useState(current.registerTags);
  const { run, error, field, busy } = useGuardedAction();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const proxy = {
      twoStaff,
      targetWorkingDays: Number(days),
      promises: promises.split(/[、，,;；\n]/),
      registerTags,
    };
    if (await run(() => updateCommunity(desk, { proxy }))) onClose();
  }
  const at = (f: string) => (field === f ? error : null);
  return (
    <FormDialog
      title="修改帮代办设置"
      submitLabel="保存"
      onSubmit={(e) => void submit(e)}
      onClose={onClose}
      busy={busy}
      error={field ? null : error}
    >
      <FormControlLabel
        control={<Checkbox checked={twoStaff} onChange={(e) => setTwoStaff(e.target.checked)} />}
        label="上门须两名工作人员同去（一人上门须填写原因）"
      />
      <TextField
        label="代办目标（工作日）"
        inputMode="numeric"
        value={days}
        onChange={(e) => setDays(e.target.value)}
        error={!!at('targetWorkingDays')}
        helperText={at('targetWorkingDays') ?? '常规代办事项自上门之日起几个工作日内办好（1–30），显示在办结时限旁'}
      />
      <TextField
        label="委托书承诺"
        value={promises}
        onChange={(e) => setPromises(e.target.value)}
        error={!!at('promises')}
        helperText={at('promises') ?? '用“、”分隔，如：不收费、不拖延、不泄露信息'}
      />
      <FormGroup aria-label="重点服务对象标签">
        <FormLabel>列入重点服务对象的人员标签</FormLabel>
        {tags.map((t) => (
          <FormControlLabel
            key={t}
            label={t}
            control={
              <Checkbox
                checked={registerTags.includes(t)}
                onChange={(e) =>
                  setRegisterTags(e.target.checked ? [...registerTags, t] : registerTags.filter((x) => x !== t))
                }
              />
            }
          />
        ))}
      </FormGroup>
    </FormDialog>
  );
}
