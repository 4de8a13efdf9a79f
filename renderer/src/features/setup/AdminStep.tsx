import { Stack, TextField, Typography } from '@mui/material';
import { SecretFields } from '../../components/SecretFields';
import { fieldState, type StepProps } from './stepProps';

export function AdminStep({ form, errors, update }: StepProps) {
  return (
    <Stack spacing={2}>
      <Typography color="text.secondary">
        {form.kind === '街道'
          ? '第一个账号为街道管理员，可在“设置”中添加街道工作人员、维护社区名单。'
          : '第一个账号为站长/管理员，可在“设置”中添加其他工作人员、维护事项目录。'}
      </Typography>
      <TextField
        label="管理员姓名"
        autoFocus
        value={form.adminName}
        onChange={(e) => update({ adminName: e.target.value })}
        {...fieldState(errors, 'adminName')}
      />
      <SecretFields
        secret={form.adminSecret}
        again={form.adminSecretAgain}
        onSecret={(v) => update({ adminSecret: v })}
        onAgain={(v) => update({ adminSecretAgain: v })}
        secretError={errors.adminSecret}
        againError={errors.adminSecretAgain}
      />
    </Stack>
  );
}
