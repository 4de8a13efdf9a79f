/**
 * One 联席会议: its day and status (改期, 取消 with the reason, 登记召开 with the attendance and
 * the summary: MeetingAttendance.tsx), how last meeting's decisions are going (DecisionProgress.tsx),
 * and the agenda in its order (AgendaSection.tsx), where each entry is moved, annotated (讨论记录)
 * and decided. The 会议议程 and, once held, the 会议纪要 are printed (and the minutes saved as
 * PDF) from here.
 */
import { useState } from 'react';
import { Alert, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Link as RouterLink, useParams } from 'react-router';
import { maskNumbersInText } from '@shared/domain/masking';
import { allowedMeetingActions, type MeetingActionType } from '@shared/domain/meetings';
import { dayWithWeekday, renderMeetingAgenda } from '@shared/receipts/meetingAgenda';
import { renderMeetingMinutes } from '@shared/receipts/meetingMinutes';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useStaffNames } from '../../app/useStaffNames';
import { LIST_PAGE_SIZE } from '@shared/domain/listPaging';
import { ListPager } from '../../components/ListPager';
import { getMeetingView, refreshAgenda } from '../../db/repositories/meetings';
import { DomainRefusal } from '../../db/refusal';
import { moveAgendaEntry } from '../../db/repositories/meetingEntries';
import { platform } from '../../platform';
import { DecisionDialog } from './DecisionDialog';
import { AddEntryDialog, EditEntryDialog } from './EntryDialogs';
import { MeetingActionDialog } from './MeetingActionDialog';
import { Agenda, type EntryDialog } from './AgendaSection';
import { Progress } from './DecisionProgress';
import { Attendance } from './MeetingAttendance';
import { agendaPaper, entryViews, minutesPaper } from './meetingText';

const ACTION_LABEL: Record<MeetingActionType, string> = {
  改期: '改期',
  取消: '取消会议',
  召开: '登记召开',
  会前议定: '标记会前已议定',
};
const STATUS_COLOR = { 筹备中: 'primary', 已召开: 'success', 已取消: 'default' } as const;

type Dialog = { kind: 'action'; type: MeetingActionType } | EntryDialog | { kind: 'add' };

export function MeetingPage() {
  const { id = '' } = useParams();
  const desk = useDesk();
  const staff = useStaff();
  const names = useStaffNames();
  const staffName = (sid: string) => names.get(sid) ?? '工作人员';
  // A page of the agenda at a time (issue 28 item 3): hundreds of stalled entries at five years.
  const [first, setFirst] = useState(0);
  const data = useLiveQuery(() => getMeetingView(desk, id, { first, size: LIST_PAGE_SIZE }), [desk, id, first]);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useGuardedAction();

  if (data === undefined) return null;
  if (data === null)
    return (
      <Alert severity="warning">
        未找到该会议。
        <Link component={RouterLink} to="/meetings?tab=会议" underline="always">
          返回会议列表
        </Link>
      </Alert>
    );
  const { file, residents } = data;
  const { meeting } = file;
  const entries = entryViews(file, residents, staffName);
  const total = file.items.length;
  const preparing = meeting.status === '筹备中';
  const cancelled = meeting.status === '已取消';
  // The printed agenda and minutes hold every entry: the whole file is read for them.
  const paper = async () => {
    const whole = await getMeetingView(desk, id);
    if (!whole) throw new DomainRefusal('未找到该会议');
    return {
      file: whole.file,
      entries: entryViews(whole.file, whole.residents, staffName),
      community: desk.community,
      staffName,
      printedAt: localDateTime(desk.clock.now()),
      printedBy: staff.name,
    };
  };

  const act = (work: () => Promise<string>) => {
    setDone(null);
    return action.run(async () => setDone(await work()));
  };
  const printAgenda = () =>
    act(async () => {
      const r = await platform.printHtml({ html: renderMeetingAgenda(agendaPaper(await paper())), pageSize: 'A4' });
      return r.printed
        ? '会议议程已送打印'
        : r.reason === 'canceled'
          ? '已取消打印'
          : `打印未完成：${r.message ?? '请检查打印机'}`;
    });
  const printMinutes = (asPdf: boolean) =>
    act(async () => {
      const html = renderMeetingMinutes(minutesPaper(await paper()));
      if (!asPdf) {
        const r = await platform.printHtml({ html, pageSize: 'A4' });
        return r.printed
          ? '会议纪要已送打印'
          : r.reason === 'canceled'
            ? '已取消打印'
            : `打印未完成：${r.message ?? '请检查打印机'}`;
      }
      const r = await platform.printToPdf({ html, pageSize: 'A4', suggestedName: `联席会议纪要-${meeting.day}.pdf` });
      if (r.saved) return `已保存 ${r.fileName}`;
      return r.reason === 'handed-to-print-dialog'
        ? '已打开打印对话框，请在“目标打印机”中选择“另存为 PDF”'
        : '已取消，未保存文件';
    });
  const refresh = () =>
    act(async () => {
      const n = await refreshAgenda(desk, meeting.id);
      return n > 0 ? `议程已更新：新增 ${n} 项` : '议程已是最新，没有新增议题';
    });

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }}>
          联席会议 {dayWithWeekday(meeting.day)}
        </Typography>
        <Chip label={meeting.status} color={STATUS_COLOR[meeting.status]} aria-label="会议状态" />
        <Link component={RouterLink} to="/meetings?tab=会议">
          返回会议列表
        </Link>
      </Stack>
      <Paper sx={{ p: 2 }} component="section" aria-label="会议操作">
        {(meeting.movedFrom?.length || meeting.cancelReason || meeting.since) && (
          <Typography sx={{ mb: 1 }}>
            {meeting.movedFrom?.length ? `原定 ${meeting.movedFrom.join('、')}，已改期。` : ''}
            {meeting.cancelReason ? `取消原因：${maskNumbersInText(meeting.cancelReason)}。本次议题转入下次会议。` : ''}
            {meeting.since && !cancelled ? `议程范围：${meeting.since} 上次会议之后提出的问题及结转事项。` : ''}
          </Typography>
        )}
        <Attendance file={file} />
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {allowedMeetingActions(meeting).map((t) => (
            <Button
              key={t}
              variant={t === '召开' ? 'contained' : 'outlined'}
              onClick={() => setDialog({ kind: 'action', type: t })}
            >
              {ACTION_LABEL[t]}
            </Button>
          ))}
          {preparing && (
            <>
              <Button variant="outlined" onClick={() => void refresh()} disabled={action.busy}>
                更新议程
              </Button>
              <Button variant="outlined" onClick={() => setDialog({ kind: 'add' })}>
                增加议题
              </Button>
            </>
          )}
          {!cancelled && (
            <Button variant="outlined" onClick={() => void printAgenda()} disabled={action.busy}>
              打印会议议程
            </Button>
          )}
          {meeting.status === '已召开' && (
            <>
              <Button variant="outlined" onClick={() => void printMinutes(false)} disabled={action.busy}>
                打印会议纪要
              </Button>
              <Button variant="outlined" onClick={() => void printMinutes(true)} disabled={action.busy}>
                会议纪要存为 PDF
              </Button>
            </>
          )}
        </Stack>
      </Paper>
      {action.error && (
        <Alert severity="error" role="alert" onClose={() => action.setError(null)}>
          {action.error}
        </Alert>
      )}
      {done && (
        <Alert severity="success" role="status" onClose={() => setDone(null)}>
          {done}
        </Alert>
      )}
      <Progress file={file} staffName={staffName} />
      <Agenda
        file={file}
        entries={entries}
        onMove={(itemId, delta) => void action.run(() => moveAgendaEntry(desk, itemId, delta))}
        onDialog={setDialog}
      />
      {total > LIST_PAGE_SIZE && (
        <ListPager
          label="会议议程"
          index={Math.floor(first / LIST_PAGE_SIZE)}
          shown={entries.length}
          total={total}
          hasMore={first + LIST_PAGE_SIZE < total}
          onPrev={() => setFirst((f) => Math.max(0, f - LIST_PAGE_SIZE))}
          onNext={() => setFirst((f) => f + LIST_PAGE_SIZE)}
        />
      )}
      {dialog?.kind === 'action' && (
        <MeetingActionDialog type={dialog.type} meeting={meeting} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'decide' && (
        <DecisionDialog entry={dialog.entry} meeting={meeting} onClose={() => setDialog(null)} />
      )}
      {dialog?.kind === 'edit' && <EditEntryDialog item={dialog.entry.item} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'add' && <AddEntryDialog meetingId={meeting.id} onClose={() => setDialog(null)} />}
    </Stack>
  );
}
