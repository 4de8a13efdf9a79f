import { useEffect, useRef, useState } from 'react';
import type React from 'react';
/**
 * One matter at the counter: pick it, tick the documents received, choose how it is handled,
 * and see at once what the resident will be told (promised date, or every missing document).
 */
import {
  Alert,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormLabel,
  Paper,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import {
  COUNTER_MODES,
  planCase,
  validateDraft,
  type CaseDraft,
  type CasePlan,
  type DraftErrors,
} from '@shared/domain/intake';
import { uncoveredYearsText } from '@shared/domain/texts';
import type { WorkingCalendar } from '@shared/domain/workingCalendar';
import type { MatterType } from '../../db/matterType';
import { draftForMatter, toCaseDraft, type DraftState } from './draftState';
import { MatterPicker } from './MatterPicker';
import { DateTimeField } from '../../components/DateTimeField';

type Props = {
  index: number;
  draft: DraftState;
  matters: MatterType[];
  calendar: WorkingCalendar;
  today: string;
  errors?: DraftErrors;
  onChange: (d: DraftState) => void;
  onRemove?: () => void;
  matterInputRef?: React.Ref<HTMLInputElement>;
  /** A matter just added: its field takes the focus. */
  autoFocusMatter?: boolean;
  /** The resident's recent matter codes, offered first (null while read; see MatterPicker). */
  recentMatters?: readonly string[] | null;
};

export function CaseDraftEditor({
  index,
  draft,
  matters,
  calendar,
  today,
  errors = {},
  onChange,
  onRemove,
  matterInputRef,
  autoFocusMatter,
  recentMatters,
}: Props) {
  const n = index + 1;
  const set = (patch: Partial<DraftState>) => onChange({ ...draft, ...patch });
  const m = draft.matter;
  const caseDraft = toCaseDraft(draft);
  const plan = caseDraft ? safePlan(caseDraft, today, calendar) : null;
  const toggle = (name: string, on: boolean) =>
    set({ received: on ? [...draft.received, name] : draft.received.filter((r) => r !== name) });
  const allReceivedRef = useRef<HTMLButtonElement>(null);
  const [focusDocuments, setFocusDocuments] = useState(false);
  useEffect(() => {
    if (!focusDocuments || !allReceivedRef.current) return;
    allReceivedRef.current.focus();
    setFocusDocuments(false);
  }, [focusDocuments, m]);

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-label={`事项 ${n}`}>
      <Stack spacing={2}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
          <div style={{ flexGrow: 1 }}>
            <MatterPicker
              matters={matters}
              value={m}
              recent={recentMatters}
              onChange={(matter, allReceived) => {
                onChange(draftForMatter(draft, matter, allReceived));
                // Next at the counter: the documents. One Enter ticks them all (Shift+Enter did already).
                if (matter && matter.documents.length > 0) setFocusDocuments(true);
              }}
              label={`事项 ${n}`}
              error={errors.matter}
              inputRef={matterInputRef}
              autoFocus={autoFocusMatter}
            />
          </div>
          {onRemove && <Button onClick={onRemove}>移除事项 {n}</Button>}
        </Stack>
        {m && (
          <>
            <Typography color="text.secondary">
              {m.guide}（{m.remit}
              {m.forwardTo ? `：${m.forwardTo}` : ''}）
            </Typography>
            {m.documents.length > 0 && (
              <FormGroup aria-label={`事项 ${n} 所需材料`}>
                <FormLabel>所需材料（勾选已收材料）</FormLabel>
                {m.documents.map((d) => (
                  <FormControlLabel
                    key={d.name}
                    control={
                      <Checkbox
                        checked={draft.received.includes(d.name)}
                        onChange={(e) => toggle(d.name, e.target.checked)}
                      />
                    }
                    label={`${d.name}（${d.form} ${d.count} 份${d.required ? '，必需' : '，非必需'}）`}
                  />
                ))}
                <Button
                  ref={allReceivedRef}
                  sx={{ alignSelf: 'flex-start' }}
                  onClick={() => set({ received: m.documents.map((d) => d.name) })}
                >
                  材料全部收齐
                </Button>
              </FormGroup>
            )}
            <FormControl error={Boolean(errors.mode)}>
              <FormLabel id={`mode-${draft.key}`}>办理方式</FormLabel>
              <RadioGroup
                row
                aria-labelledby={`mode-${draft.key}`}
                value={draft.mode}
                onChange={(e) => set({ mode: e.target.value as DraftState['mode'] })}
              >
                {COUNTER_MODES.map((mode) => (
                  <FormControlLabel
                    key={mode}
                    value={mode}
                    label={mode}
                    disabled={!modeFits(mode, m)}
                    control={<Radio />}
                  />
                ))}
              </RadioGroup>
              {errors.mode && <Typography color="error">{errors.mode}</Typography>}
            </FormControl>
            {draft.mode === '咨询' && (
              <FormControl error={Boolean(errors.answered && !draft.answer)}>
                <FormLabel id={`answer-${draft.key}`}>答复</FormLabel>
                <RadioGroup
                  row
                  aria-labelledby={`answer-${draft.key}`}
                  value={draft.answer}
                  onChange={(e) => set({ answer: e.target.value as DraftState['answer'] })}
                >
                  <FormControlLabel value="当场答复" label="当场答复" control={<Radio />} />
                  <FormControlLabel
                    value="未能当场答复"
                    label={`未能当场答复（${m.replyLimitDays ?? 1} 个工作日内电话答复）`}
                    control={<Radio />}
                  />
                </RadioGroup>
                {errors.answered && !draft.answer && <Typography color="error">{errors.answered}</Typography>}
              </FormControl>
            )}
            {draft.mode === '预约' && (
              <DateTimeField
                label="预约时间"
                value={draft.appointmentAt}
                onChange={(appointmentAt) => set({ appointmentAt })}
                error={Boolean(errors.appointmentAt)}
                helperText={errors.appointmentAt}
              />
            )}
            {draft.mode === '不予受理' && (
              <Stack direction="row" spacing={2}>
                <TextField
                  label="不予受理理由"
                  value={draft.refusalReason}
                  onChange={(e) => set({ refusalReason: e.target.value })}
                  error={Boolean(errors.refusalReason)}
                  helperText={errors.refusalReason ?? ' '}
                />
                <TextField
                  label="告知办理去处"
                  value={draft.redirectTo}
                  onChange={(e) => set({ redirectTo: e.target.value })}
                  error={Boolean(errors.redirectTo)}
                  helperText={errors.redirectTo ?? '如：区政务服务中心 2 楼社保窗口'}
                />
              </Stack>
            )}
            {plan && <PlanPreview plan={plan} mode={draft.mode} timeLimit={m.timeLimitDays} />}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The preview of a draft that is complete enough to plan; null while it is not. */
function safePlan(d: CaseDraft, today: string, calendar: WorkingCalendar): CasePlan | null {
  if (Object.keys(validateDraft(d, today)).length > 0) return null;
  try {
    return planCase(d, today, calendar);
  } catch {
    return null;
  }
}

/** Which counter modes a matter allows: 咨询 only for consultation matters, and they only as 咨询 (or refused). */
function modeFits(mode: (typeof COUNTER_MODES)[number], m: MatterType): boolean {
  if (m.defaultMode === '咨询') return mode === '咨询' || mode === '不予受理';
  if (mode === '咨询') return false;
  return mode !== '帮代办' || m.proxyEligible;
}

function PlanPreview({ plan, mode, timeLimit }: { plan: CasePlan; mode: string; timeLimit: number }) {
  if (plan.status === '不予受理') return <Alert severity="warning">将打印不予受理告知书</Alert>;
  if (mode === '咨询') {
    return plan.replyBy ? (
      <Alert severity="info" aria-label="答复期限">
        咨询：请在 <strong>{plan.replyBy}</strong> 前电话答复居民（列入待回访），打印受理回执交居民
      </Alert>
    ) : (
      <Alert severity="success">咨询：当场答复，保存后办结，无需打印</Alert>
    );
  }
  if (plan.status === '已受理' && mode === '帮代办' && plan.missing.length > 0) {
    return (
      <Alert severity="info" aria-label="承诺办结日期">
        帮代办：承诺办结日期 <strong>{plan.deadline}</strong>；上门收取：{plan.missing.map((d) => d.name).join('、')}
      </Alert>
    );
  }
  if (plan.status === '待补正') {
    return (
      <Alert severity="warning" aria-label="缺件提示">
        缺件 {plan.missing.length} 项：{plan.missing.map((d) => d.name).join('、')}
        。保存后打印一次性告知单，材料补齐后再计办理时限。
      </Alert>
    );
  }
  if (plan.status === '已办结') return <Alert severity="success">即办：保存后当场办结，打印办结回执</Alert>;
  return (
    <Alert severity={plan.uncoveredYears.length > 0 ? 'warning' : 'info'} aria-label="承诺办结日期">
      {mode}：承诺办结日期 <strong>{plan.deadline}</strong>（{timeLimit} 个工作日）
      {plan.uncoveredYears.length > 0 && `。注意：${uncoveredYearsText(plan.uncoveredYears)}`}
    </Alert>
  );
}
