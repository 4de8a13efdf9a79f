/**
 * What was just saved: the tracking number(s) and the receipts to hand over, built from what
 * the write stored (visitReceipt.ts).
 */
import { Alert, Button, Link, Paper, Stack, Typography } from '@mui/material';
import { maskNumbersInText } from '@shared/domain/masking';
import type { CaseRecord } from '@shared/domain/records';
import { uncoveredYearsText } from '@shared/domain/texts';
import type { RegisteredVisit } from '../../db/repositories/visits';
import { ReceiptActions } from '../../components/ReceiptActions';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { visitReceiptData } from './visitReceipt';
import type { MatterType } from '../../db/matterType';

type Props = {
  saved: RegisteredVisit;
  matters: MatterType[];
  onNew: () => void;
  active?: boolean;
};

/** '受理 2 件'; refusals counted apart: '受理 1 件，不予受理 1 件'. */
function casesText(cases: readonly CaseRecord[]): string {
  const refused = cases.filter((c) => c.status === '不予受理').length;
  const accepted = cases.length - refused;
  return [accepted > 0 ? `受理 ${accepted} 件` : '', refused > 0 ? `不予受理 ${refused} 件` : '']
    .filter(Boolean)
    .join('，');
}

export function IntakeResult({ saved, matters, onNew, active = true }: Props) {
  const desk = useDesk();
  const staff = useStaff();
  return (
    <Paper sx={{ p: 3 }} component="section" aria-label="登记结果">
      <Stack spacing={2}>
        <Alert severity="success" role="status">
          已登记 {saved.visit.channel}
          {saved.visit.kind === '办件'
            ? `，${casesText(saved.cases)}`
            : saved.visit.kind === '诉求' && saved.cases.length > 0
              ? `诉求，受理为投诉建议办件并列入联席会议问题库`
              : `（${saved.visit.kind}）`}
        </Alert>
        {saved.cases.map((c, i) => (
          <Stack key={c.id} spacing={1}>
            <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline' }}>
              <Typography variant="h5" component="p" aria-label={`受理编号 ${i + 1}`}>
                {c.trackingNumber}
              </Typography>
              <Link href={`#/cases/${c.id}`}>查看办件</Link>
            </Stack>
            <Typography>
              {c.matterName}
              {c.mode !== c.status ? ` · ${c.mode}` : ''} · <strong>{c.status}</strong>
              {c.mode === '咨询'
                ? ` · ${maskNumbersInText(c.result ?? '')}`
                : c.deadline
                  ? ` · 承诺办结日期 ${c.deadline}`
                  : ''}
              {c.deadlineUncoveredYears?.length ? `（${uncoveredYearsText(c.deadlineUncoveredYears)}）` : ''}
            </Typography>
            <ReceiptActions
              kinds={saved.plans[i]?.receipts ?? []}
              label={saved.cases.length > 1 ? `事项 ${i + 1} ` : ''}
              // Ctrl+P prints the first receipt of every matter of the visit.
              printShortcut={active}
              load={async () =>
                visitReceiptData(saved, i, {
                  community: desk.community,
                  staffName: staff.name,
                  matters,
                  now: desk.clock.now(),
                })
              }
            />
          </Stack>
        ))}
        <Button variant="contained" onClick={onNew} sx={{ alignSelf: 'flex-start' }}>
          新登记（F2）
        </Button>
      </Stack>
    </Paper>
  );
}
