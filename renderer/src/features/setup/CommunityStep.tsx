import { Stack, TextField } from '@mui/material';
import type { ClassInfo } from '@shared/domain/community';
import { fieldState, type StepProps } from './stepProps';

export function CommunityStep({ form, errors, update, classInfo }: StepProps & { classInfo: ClassInfo | null }) {
  return (
    <Stack spacing={2}>
      <TextField
        label="社区名称"
        autoFocus
        value={form.name}
        onChange={(e) => update({ name: e.target.value })}
        {...fieldState(errors, 'name', '如：岳麓区桃花岭社区')}
      />
      <TextField
        label="社区代码"
        value={form.code}
        onChange={(e) => update({ code: e.target.value })}
        {...fieldState(errors, 'code', '2–8 位大写字母或数字，用于受理编号，如 YLQ')}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          label="本机窗口号"
          inputMode="numeric"
          value={form.deskNo}
          onChange={(e) => update({ deskNo: e.target.value })}
          sx={{ width: 200 }}
          {...fieldState(errors, 'deskNo', '1–99，印在受理编号中，同一中心的每台电脑各不相同')}
        />
        <TextField
          label="本机窗口名称"
          value={form.deskName}
          onChange={(e) => update({ deskName: e.target.value })}
          sx={{ flex: 1 }}
          {...fieldState(errors, 'deskName', '如：一号窗口、后台、站长室')}
        />
      </Stack>
      <TextField
        label="常住人口"
        inputMode="numeric"
        value={form.population}
        onChange={(e) => update({ population: e.target.value })}
        {...fieldState(
          errors,
          'population',
          classInfo
            ? `按常住人口为${classInfo.communityClass}，员额原则配备 ${classInfo.quota}`
            : '用于确定社区类别（一类/二类/三类）',
        )}
      />
      <TextField
        label="服务中心电话"
        value={form.phone}
        onChange={(e) => update({ phone: e.target.value })}
        {...fieldState(errors, 'phone', '印在回执上，方便居民查询')}
      />
      <TextField
        label="所属街道"
        value={form.street}
        onChange={(e) => update({ street: e.target.value })}
        {...fieldState(errors, 'street', '报送周报时写入，如：岳麓街道；可稍后在“设置”中填写')}
      />
    </Stack>
  );
}
