/**
 * A meeting's agenda in its order: each run of one kind under its heading, the counts by kind
 * and by category and 网格, and each entry (its problem's place, reporters and reports, its
 * case, earlier decisions, the discussion and the decision) with its buttons — 上移 / 下移
 * while the meeting is being prepared, 讨论记录, 作出决定.
 */
import { Alert, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { maskNumbersInText } from '@shared/domain/masking';
import { agendaCounts, decisionRefusal } from '@shared/domain/meetings';
import { kindRuns } from '@shared/receipts/meetingAgenda';
import { useDesk } from '../../app/desk';
import type { MeetingFile } from '../../db/repositories/meetings';
import { gridNameOf, type EntryView } from './meetingText';
import { WholeText } from './WholeText';

/** The dialogs an entry opens (the page shows them). */
export type EntryDialog = { kind: 'decide'; entry: EntryView } | { kind: 'edit'; entry: EntryView };

export function Agenda({
  file,
  entries,
  onMove,
  onDialog,
}: {
  file: MeetingFile;
  entries: EntryView[];
  onMove: (itemId: string, delta: -1 | 1) => void;
  onDialog: (d: EntryDialog) => void;
}) {
  const { community } = useDesk();
  // Counted over the whole agenda; `entries` are the page shown.
  const all = file.items;
  const counts = agendaCounts(all);
  const decided = all.filter((i) => i.decision).length;
  const runCount = (n: number) => (entries.length < all.length ? `本页 ${n} 项` : `${n} 项`);
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="agenda-heading">
      <Stack spacing={1.5}>
        <Typography id="agenda-heading" variant="h6" component="h2">
          会议议程（{all.length} 项，已决定 {decided} 项）
        </Typography>
        {decisionRefusal(file.meeting) && file.meeting.status === '筹备中' && (
          <Typography role="note" color="text.secondary">
            {decisionRefusal(file.meeting)}
          </Typography>
        )}
        {all.length === 0 ? (
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
            aria-label={`${run.kind}（${runCount(run.entries.length)}）`}
          >
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 'bold', pt: 1 }}>
              {run.kind}（{runCount(run.entries.length)}）
            </Typography>
            {run.entries.map((e) => (
              <AgendaEntry
                key={e.item.id}
                entry={e}
                file={file}
                last={e.position === all.length}
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
  onDialog: (d: EntryDialog) => void;
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
          <WholeText text={problem?.detail} of={title} />
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
                disabled={decisionRefusal(file.meeting) !== null}
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
