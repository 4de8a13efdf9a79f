/**
 * 代办 on a proxy case's page: where the request came from, the booked home visit, the routine
 * target beside the case's own deadline, the signed 委托书's return, 送达 (or the cancellation),
 * and the next steps. A case's callback and rating follow 送达 through the case's own actions.
 */
import { Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import type { CaseRecord, ProxyTask, Resident, Staff } from '@shared/domain/records';
import { maskNumbersInText } from '@shared/domain/masking';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { KeyValueTable } from '../../components/KeyValueTable';
import { proxyTaskOfCase } from '../../db/repositories/proxy';
import { ProxyActions } from './ProxyActions';
import { targetText, visitText } from './proxyText';

type Props = { record: CaseRecord; resident?: Resident; staff: readonly Staff[] };

export function ProxyTaskPanel({ record, resident, staff }: Props) {
  const desk = useDesk();
  const task = useLiveQuery(() => proxyTaskOfCase(desk, record.id), [desk, record.id]);
  if (!task) return null;
  const name = (id: string) => staff.find((s) => s.id === id)?.name ?? '工作人员';
  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="代办进度">
      <Stack spacing={1}>
        <Stack direction="row" sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            代办进度：{task.status}
          </Typography>
          <ProxyActions task={task} resident={resident} staff={staff} caseArchived={record.status === '已归档'} />
        </Stack>
        <KeyValueTable label="代办信息" rows={rowsOf(task, record, name)} />
      </Stack>
    </Paper>
  );
}

function rowsOf(task: ProxyTask, record: CaseRecord, name: (id: string) => string): [string, string][] {
  const rows: [string, string][] = [
    ['需求来源', `${task.source}（${task.requestedDay}）`],
    ['预约上门', visitText(task, name)],
  ];
  if (task.visitedDay) rows.push(['已上门', task.visitedDay]);
  rows.push(['时限', targetText(task, record.deadline)]);
  rows.push([
    '委托书',
    task.mandate ? `${task.mandate.day} 收回，存放：${task.mandate.keptAt}` : '签字的委托书尚未收回',
  ]);
  if (task.delivery)
    rows.push([
      '送达',
      `${task.delivery.method}，${localDateTime(task.delivery.at)}，${name(task.delivery.by)}${task.delivery.note ? `；${maskNumbersInText(task.delivery.note)}` : ''}`,
    ]);
  if (task.cancel)
    rows.push([
      '已取消',
      `${task.cancel.reason}${task.cancel.note ? `：${maskNumbersInText(task.cancel.note)}` : ''}（${localDateTime(task.cancel.at)}）`,
    ]);
  return rows;
}
