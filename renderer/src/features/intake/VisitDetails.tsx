/**
 * How the resident came, who came for them, what they want, and what kind of visit it is. A 诉求
 * (投诉建议 / 民生诉求) also names its problem category (a first guess from what was said) and,
 * without a resident, where it is (a place or a 网格): it becomes a numbered case and a problem
 * of the joint meeting's pool.
 */
import { Checkbox, FormControl, FormControlLabel, FormLabel, Radio, RadioGroup, Stack, TextField } from '@mui/material';
import { VISIT_CHANNELS, type ProblemCategory, type VisitChannel, type VisitKind } from '@shared/domain/records';
import type { ComplaintInput, VisitFieldErrors } from '@shared/domain/intake';
import { guessCategory } from '@shared/domain/meetings';
import { useDesk } from '../../app/desk';
import { FilterSelect } from '../../components/FilterSelect';
import { ProblemCategorySelect } from '../../components/ProblemCategorySelect';

export type VisitDetailsState = {
  channel: VisitChannel;
  kind: VisitKind;
  content: string;
  hasAgent: boolean;
  agentName: string;
  agentRelation: string;
  agentPhone: string;
  agentIdNumber: string;
  /** 诉求 only. */
  complaintCategory: ProblemCategory | '';
  place: string;
  complaintGridId: string;
};

/** The 诉求's part of the registration (undefined for other kinds). */
export function complaintOf(v: VisitDetailsState): ComplaintInput | undefined {
  if (v.kind !== '诉求') return undefined;
  return {
    category: v.complaintCategory,
    ...(v.place.trim() ? { place: v.place.trim() } : {}),
    ...(v.complaintGridId ? { gridId: v.complaintGridId } : {}),
  };
}

export const emptyVisitDetails: VisitDetailsState = {
  channel: '来站',
  kind: '办件',
  content: '',
  hasAgent: false,
  agentName: '',
  agentRelation: '',
  agentPhone: '',
  agentIdNumber: '',
  complaintCategory: '',
  place: '',
  complaintGridId: '',
};

const KINDS: { value: VisitKind; label: string }[] = [
  { value: '办件', label: '办件（受理事项）' },
  { value: '咨询', label: '咨询（当场答复）' },
  { value: '诉求', label: '投诉建议 / 民生诉求' },
];

type Props = {
  value: VisitDetailsState;
  errors: VisitFieldErrors;
  onChange: (patch: Partial<VisitDetailsState>) => void;
};

export function VisitDetails({ value: v, errors, onChange }: Props) {
  const { community } = useDesk();
  const err = (k: keyof VisitFieldErrors, hint = ' ') => ({
    error: Boolean(errors[k]),
    helperText: (errors[k] as string | undefined) ?? hint,
  });
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={4}>
        <FormControl>
          <FormLabel id="visit-channel">来访方式</FormLabel>
          <RadioGroup
            row
            aria-labelledby="visit-channel"
            value={v.channel}
            onChange={(e) => onChange({ channel: e.target.value as VisitChannel })}
          >
            {VISIT_CHANNELS.map((c) => (
              <FormControlLabel key={c} value={c} label={c} control={<Radio />} />
            ))}
          </RadioGroup>
        </FormControl>
        <FormControl>
          <FormLabel id="visit-kind">来访类型</FormLabel>
          <RadioGroup
            row
            aria-labelledby="visit-kind"
            value={v.kind}
            onChange={(e) => onChange({ kind: e.target.value as VisitKind })}
          >
            {KINDS.map((k) => (
              <FormControlLabel key={k.value} value={k.value} label={k.label} control={<Radio />} />
            ))}
          </RadioGroup>
        </FormControl>
      </Stack>
      <TextField
        label="诉求内容"
        multiline
        minRows={2}
        value={v.content}
        onChange={(e) => onChange({ content: e.target.value })}
        onBlur={() => {
          // A first guess of the category from what was said; the clerk confirms or changes it.
          if (v.kind === '诉求' && !v.complaintCategory && v.content.trim()) {
            const guess = guessCategory(v.content);
            if (guess !== '其他') onChange({ complaintCategory: guess });
          }
        }}
        {...err('content', v.kind === '办件' ? '办件可不填，默认记为所办事项' : ' ')}
      />
      {v.kind === '诉求' && (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <ProblemCategorySelect
            value={v.complaintCategory}
            onChange={(c) => onChange({ complaintCategory: c })}
            {...err('complaintCategory', '受理为投诉建议办件，提交联席会议')}
          />
          <TextField
            label="地点"
            value={v.place}
            onChange={(e) => onChange({ place: e.target.value })}
            sx={{ flexGrow: 1 }}
            {...err('place', '没有反映人（如路灯损坏）时写明地点或选择网格')}
          />
          <FilterSelect
            label="网格"
            value={v.complaintGridId}
            emptyLabel="（按居民所在网格）"
            options={community.grids.map((g) => [g.id, g.name])}
            onChange={(g) => onChange({ complaintGridId: g })}
          />
        </Stack>
      )}
      <FormControlLabel
        control={<Checkbox checked={v.hasAgent} onChange={(e) => onChange({ hasAgent: e.target.checked })} />}
        label="他人代为办理（代办人）"
      />
      {v.hasAgent && (
        <Stack direction="row" spacing={2}>
          <TextField
            label="代办人姓名"
            value={v.agentName}
            onChange={(e) => onChange({ agentName: e.target.value })}
            {...err('agentName')}
          />
          <TextField
            label="与居民关系"
            value={v.agentRelation}
            onChange={(e) => onChange({ agentRelation: e.target.value })}
            {...err('agentRelation', '如：子女、配偶、邻居')}
          />
          <TextField
            label="代办人电话"
            value={v.agentPhone}
            onChange={(e) => onChange({ agentPhone: e.target.value })}
            {...err('agentPhone')}
          />
          <TextField
            label="代办人身份证号"
            value={v.agentIdNumber}
            onChange={(e) => onChange({ agentIdNumber: e.target.value })}
            {...err('agentIdNumber', '需要时填写（如低保申请），回执上遮挡显示')}
          />
        </Stack>
      )}
    </Stack>
  );
}
