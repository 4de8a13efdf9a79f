/**
 * One 联席会议: its day and status (改期, 取消 with the reason, 登记召开 with the attendance and
 * the summary), how last meeting's decisions are going (the case's status and deadline), and the
 * agenda in its order — each run of one kind under its heading, with the counts by kind and by
 * category and 网格 — where each entry is moved, annotated (讨论记录) and decided. The 会议议程
 * and, once held, the 会议纪要 are printed (and the minutes saved as PDF) from here.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Link,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link as RouterLink, useParams } from 'react-router';
import { maskNumbersInText } from '@shared/domain/masking';
import { agendaCounts, allowedMeetingActions, type MeetingActionType } from '@shared/domain/meetings';
import { dayWithWeekday, kindRuns, progressLabel, renderMeetingAgenda } from '@shared/receipts/meetingAgenda';
import { renderMeetingMinutes } from '@shared/receipts/meetingMinutes';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useStaff } from '../../app/session';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useStaffNames } from '../../app/useStaffNames';
import { getMeetingFile, refreshAgenda, type MeetingFile } from '../../db/repositories/meetings';
import { moveAgendaEntry } from '../../db/repositories/meetingEntries';
import { residentsByIds } from '../../db/repositories/residents';
import { platform } from '../../platform';
import { DecisionDialog } from './DecisionDialog';
import { AddEntryDialog, EditEntryDialog } from './EntryDialogs';
import { MeetingActionDialog } from './MeetingActionDialog';
import { agendaPaper, entryViews, gridNameOf, minutesPaper, progressViews, type EntryView } from './meetingText';

const ACTION_LABEL: Record<MeetingActionType, string> = { 改期: '改期', 取消: '取消会议', 召开: '登记召开' };
const STATUS_COLOR = { 筹备中: 'primary', 已召开: 'success', 已取消: 'default' } as const;
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Dialog =
  | { kind: 'action'; type: MeetingActionType }
  | { kind: 'decide'; entry: EntryView }
  | { kind: 'edit'; entry: EntryView }
  | { kind: 'add' };

export function MeetingPage() {
  const { id = '' } = useParams();
  const desk = useDesk();
  const staff = useStaff();
  const names = useStaffNames();
  const staffName = (sid: string) => names.get(sid) ?? '工作人员';
  const data = useLiveQuery(async () => {
    const file = await getMeetingFile(desk, id);
    if (!file) return null;
    const ids = [...file.problems.values()].flatMap((p) => p.residentIds ?? []);
    return { file, residents: await residentsByIds(desk, ids) };
  }, [desk, id]);
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
  const preparing = meeting.status === '筹备中';
  const cancelled = meeting.status === '已取消';
  const paper = {
    file,
    entries,
    community: desk.community,
    staffName,
    printedAt: localDateTime(desk.clock.now()),
    printedBy: staff.name,
  };

  const act = (work: () => Promise<string>) => {
    setDone(null);
    return action.run(async () => setDone(await work()));
  };
  const printAgenda = () =>
    act(async () => {
      const r = await platform.printHtml({ html: renderMeetingAgenda(agendaPaper(paper)), pageSize: 'A4' });
      return r.printed
        ? '会议议程已送打印'
        : r.reason === 'canceled'
          ? '已取消打印'
          : `打印未完成：${r.message ?? '请检查打印机'}`;
    });
  const printMinutes = (asPdf: boolean) =>
    act(async () => {
      const html = renderMeetingMinutes(minutesPaper(paper));
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

/** Who attends: present and absent once held, the list to tick before. */
function Attendance({ file }: { file: MeetingFile }) {
  const { meeting } = file;
  const present = meeting.attendees.filter((a) => a.present);
  const absent = meeting.attendees.filter((a) => !a.present);
  const list = (l: typeof present) => l.map((a) => `${a.name}（${a.role}）`).join('、') || '无';
  return (
    <Stack spacing={0.5} sx={{ mb: 1.5 }}>
      {meeting.status === '已召开' ? (
        <>
          <Typography aria-label="出席">
            出席（{present.length}）：{list(present)}
          </Typography>
          <Typography aria-label="缺席">
            缺席（{absent.length}）：{list(absent)}
          </Typography>
          {meeting.summary && (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>会议小结：{maskNumbersInText(meeting.summary)}</Typography>
          )}
        </>
      ) : (
        <Typography>
          参会人员（{meeting.attendees.length}）：{list(meeting.attendees)}
          {meeting.status === '筹备中' && '。会后“登记召开”时勾选出席人员。'}
        </Typography>
      )}
    </Stack>
  );
}

/** 上次会议决定落实情况: each decision with the linked case's status and deadline. */
function Progress({ file, staffName }: { file: MeetingFile; staffName: (id: string) => string }) {
  const rows = progressViews(file, staffName);
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="progress-heading">
      <Typography id="progress-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        上次会议决定落实情况
      </Typography>
      {rows.length === 0 ? (
        <Typography>{file.meeting.since ? '上次会议没有需要落实的决定。' : '此前没有召开过联席会议。'}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="上次会议决定落实情况">
            <TableHead>
              <TableRow>
                {['问题', '决定', '办件', '办件状态', '时限', '落实'].map((h) => (
                  <TableCell key={h} sx={NO_WRAP}>
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => {
                const label = progressLabel(p, file.meeting.day);
                return (
                  <TableRow key={`${p.decision.meetingId}:${p.title}:${p.text}`}>
                    <TableCell>{maskNumbersInText(p.title)}</TableCell>
                    <TableCell>{maskNumbersInText(p.text)}</TableCell>
                    <TableCell sx={NO_WRAP}>
                      {p.record ? (
                        <Link component={RouterLink} to={`/cases/${p.record.id}`}>
                          {p.record.trackingNumber}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell sx={NO_WRAP}>{p.caseStatus ?? '—'}</TableCell>
                    <TableCell sx={NO_WRAP}>{p.deadline ?? '—'}</TableCell>
                    <TableCell sx={NO_WRAP}>
                      <Chip
                        size="small"
                        label={label}
                        color={p.done ? 'success' : label.includes('超期') ? 'error' : 'default'}
                        variant={p.done ? 'filled' : 'outlined'}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}

function Agenda({
  file,
  entries,
  onMove,
  onDialog,
}: {
  file: MeetingFile;
  entries: EntryView[];
  onMove: (itemId: string, delta: -1 | 1) => void;
  onDialog: (d: Dialog) => void;
}) {
  const { community } = useDesk();
  const counts = agendaCounts(entries.map((e) => e.item));
  const decided = entries.filter((e) => e.item.decision).length;
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="agenda-heading">
      <Stack spacing={1.5}>
        <Typography id="agenda-heading" variant="h6" component="h2">
          会议议程（{entries.length} 项，已决定 {decided} 项）
        </Typography>
        {entries.length === 0 ? (
          <Typography>本次会议没有议题。问题库中有新问题时可“更新议程”，会上提出的可“增加议题”。</Typography>
        ) : (
          <Stack spacing={0.5} role="group" aria-label="议题统计">
            <Typography>
              按类型：
              {Object.entries(counts.byKind)
                .map(([k, n]) => `${k} ${n} 项`)
                .join('，')}
            </Typography>
            <Typography>
              按类别和网格：
              {counts.groups.map((g) => `${g.category} · ${gridNameOf(community, g.gridId)} ${g.count} 项`).join('，')}
            </Typography>
          </Stack>
        )}
        {kindRuns(entries.map((e) => ({ ...e, kind: e.item.kind }))).map((run, r) => (
          <Stack
            key={`${run.kind}-${r}`}
            spacing={1}
            component="section"
            aria-label={`${run.kind}（${run.entries.length} 项）`}
          >
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold', pt: 1 }}>
              {run.kind}（{run.entries.length} 项）
            </Typography>
            {run.entries.map((e) => (
              <AgendaEntry
                key={e.item.id}
                entry={e}
                file={file}
                last={e.position === entries.length}
                onMove={onMove}
                onDialog={onDialog}
              />
            ))}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}

function AgendaEntry({
  entry: e,
  file,
  last,
  onMove,
  onDialog,
}: {
  entry: EntryView;
  file: MeetingFile;
  last: boolean;
  onMove: (itemId: string, delta: -1 | 1) => void;
  onDialog: (d: Dialog) => void;
}) {
  const { community } = useDesk();
  const { item, problem, record } = e;
  const { status } = file.meeting;
  const headingId = `entry-${item.id}`;
  // What the clerk typed (a title, a place, the discussion, the decisions) is shown masked, as printed.
  const title = maskNumbersInText(item.title);
  return (
    <Paper variant="outlined" sx={{ p: 1.5 }} component="article" aria-labelledby={headingId}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
        <Stack spacing={0.5} sx={{ flexGrow: 1, minWidth: 0 }}>
          <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
            <Typography component="span" sx={{ fontWeight: 'bold' }}>
              {e.position}.
            </Typography>
            {/* 上次结转 stands out; the other kinds are named by their run's heading too. */}
            <Chip
              size="small"
              label={item.kind}
              color={item.kind === '上次结转' ? 'primary' : 'default'}
              variant={item.kind === '上次结转' ? 'filled' : 'outlined'}
            />
            <Typography id={headingId} component="h4" sx={{ fontWeight: 'bold', fontSize: '1.0625rem' }}>
              {title}
            </Typography>
          </Stack>
          <Typography>
            {item.category} · {gridNameOf(community, item.gridId)}
            {problem?.place ? ` · 地点：${maskNumbersInText(problem.place)}` : ''}
            {e.residents.length > 0 ? ` · 反映人：${e.residents.map((r) => r.name).join('、')}` : ''}
            {problem && problem.sources.length > 1 ? `（${problem.sources.length} 次反映）` : ''}
          </Typography>
          {record && (
            <Typography>
              办件{' '}
              <Link component={RouterLink} to={`/cases/${record.id}`} underline="always">
                {record.trackingNumber}
              </Link>
              ：{record.status}
              {record.deadline ? `，时限 ${record.deadline}` : ''}
            </Typography>
          )}
          {e.history.map((h) => (
            <Typography key={h} color="text.secondary">
              此前决定：{maskNumbersInText(h)}
            </Typography>
          ))}
          {item.discussion && (
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>讨论记录：{maskNumbersInText(item.discussion)}</Typography>
          )}
          {e.decision && (
            <Alert severity="success" icon={false} sx={{ py: 0 }} aria-label={`决定：${title}`}>
              会议决定：{maskNumbersInText(e.decision)}
            </Alert>
          )}
        </Stack>
        {status !== '已取消' && (
          <Stack
            direction="row"
            spacing={1}
            sx={{ flexShrink: 0, flexWrap: 'wrap', justifyContent: 'flex-end', gap: 1, maxWidth: 340 }}
          >
            {status === '筹备中' && (
              <>
                <Button
                  size="medium"
                  aria-label={`上移：${title}`}
                  disabled={e.position === 1}
                  onClick={() => onMove(item.id, -1)}
                >
                  上移
                </Button>
                <Button size="medium" aria-label={`下移：${title}`} disabled={last} onClick={() => onMove(item.id, 1)}>
                  下移
                </Button>
              </>
            )}
            <Button
              size="medium"
              variant="outlined"
              aria-label={`讨论记录：${title}`}
              onClick={() => onDialog({ kind: 'edit', entry: e })}
            >
              讨论记录
            </Button>
            {!item.decision && (
              <Button
                size="medium"
                variant="contained"
                aria-label={`作出决定：${title}`}
                onClick={() => onDialog({ kind: 'decide', entry: e })}
              >
                作出决定
              </Button>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
