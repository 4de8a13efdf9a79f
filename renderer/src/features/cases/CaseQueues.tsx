/**
 * 办件 queues: 我的办件, 待签收, 今日到期, 即将超期, 已超期, 待回访, 整改, 已上报街道, 全部在办 —
 * each with its count, filters by 网格 / 状态 / 事项, search by tracking number, resident or
 * matter, 25 rows a page (index reads: fast with tens of thousands of cases).
 */
import { useEffect, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  Link,
  Paper,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Tabs,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router';
import { visuallyHidden } from '@mui/utils';
import { maskIdNumber, maskNumbersInText } from '@shared/domain/masking';
import { residentLabel } from '@shared/domain/residentStatus';
import { caseTimeLimitStatus, timeLimitStatus } from '@shared/domain/timeLimit';
import type { CaseRecord, CaseStatus, Resident } from '@shared/domain/records';
import { listMatterTypes } from '../../db/repositories/catalog';
import { queueCounts, queuePage, queueTotal, searchCases, type CaseFilter } from '../../db/repositories/cases';
import { countLabel, QUEUE_COUNT_CAP, QUEUES, type QueueName } from '@shared/domain/caseQueues';
import { residentsByIds } from '../../db/repositories/residents';
import { searchResidents } from '../../db/repositories/residentSearch';
import { recordCaseSearch } from '../../db/repositories/searchLog';
import { useDesk } from '../../app/desk';
import { useStaffNames } from '../../app/useStaffNames';
import { TimeLimitChip } from '../../components/TimeLimitChip';
import { SameNumberNotice } from './SameNumberNotice';
import { FilterSelect } from '../../components/FilterSelect';
import { can } from '@shared/domain/roles';
import { useStaff } from '../../app/session';
import { StreetFeedbackImportDialog } from './StreetFeedbackImport';
import { useCursorPages } from '../../components/ListPager';

const STATUSES: CaseStatus[] = ['已受理', '待补正', '办理中', '待签收', '已上报街道', '已办结', '已归档', '不予受理'];
const PAGE_SIZE = 25;
/** Short values (dates, numbers, statuses) never break mid-word; the matter name takes the rest. */
const NO_WRAP = { whiteSpace: 'nowrap' } as const;
/**
 * Names (a grid's, a staff member's, a resident's) stay on one line up to four characters and
 * wrap beyond: a long minority name or a grid named for its streets must not push 当前经办人 off
 * the right edge at 1366 px (issue 25 item 20).
 */
const NAME_CELL = { minWidth: '4em' } as const;

/**
 * Why a case is in 整改: the rating and the resident's reason, numbers masked (tasks opened before
 * the reason was asked show the rating alone). Two lines at most here; the case page has it whole.
 */
function rectificationWhy(c: CaseRecord) {
  const reason = c.rectification?.reason;
  return (
    <Typography
      variant="body2"
      color="text.secondary"
      sx={{ display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' }}
    >
      {c.rating ?? '不满意'}
      {reason ? `：${maskNumbersInText(reason)}` : '（未记录原因）'}
    </Typography>
  );
}

const residentIdsOf = (rows: CaseRecord[]) => rows.flatMap((c) => (c.residentId ? [c.residentId] : []));

/** Name, and the ID number masked, on one line each (namesakes stay apart); 已删除居民 or '—'. */
function residentCell(residentId: string | undefined, r: Resident | undefined) {
  if (!r) return residentLabel(residentId, r, (x: Resident) => x.name);
  return (
    <>
      <Box component="span" sx={{ display: 'block', ...NAME_CELL }}>
        {r.name}
      </Box>
      {r.idNumber && (
        <Typography variant="body2" color="text.secondary" sx={{ ...NO_WRAP, fontVariantNumeric: 'tabular-nums' }}>
          {maskIdNumber(r.idNumber)}
        </Typography>
      )}
    </>
  );
}

export function CaseQueues() {
  const desk = useDesk();
  const { community, calendar } = desk;
  const navigate = useNavigate();
  const staffNames = useStaffNames();
  const today = desk.clock.today();
  // The queue is in the address (?queue=待签收), so the 工作台 can lead straight to one.
  const [params, setParams] = useSearchParams();
  const asked = params.get('queue');
  const queue: QueueName = QUEUES.find((q) => q === asked) ?? '我的办件';
  const setQueue = (q: QueueName) => setParams({ queue: q }, { replace: true });
  const [filter, setFilter] = useState<CaseFilter>({});
  // Each page is read on from the key the page before ended at (its cursor, kept for 上一页).
  const pages = useCursorPages<string>();
  const staff = useStaff();
  const [importing, setImporting] = useState(false);
  const [search, setSearch] = useState('');
  // Search after a short pause in typing, not on every keystroke.
  const [query, setQuery] = useState('');
  useEffect(() => {
    const t = setTimeout(() => setQuery(search), 250);
    return () => clearTimeout(t);
  }, [search]);
  /** A search by ID number or phone is logged (masked) at Enter and at a picked row, once per query. */
  const [logged, setLogged] = useState('');
  const logSearch = (pickedId?: string) => {
    const q = search.trim();
    if (!q || (pickedId === undefined && logged === q)) return;
    setLogged(q);
    void recordCaseSearch(desk, { query: q, ...(pickedId ? { pickedId } : {}) }).catch((e: unknown) =>
      console.error('search log failed', e),
    );
  };
  const matters = useLiveQuery(() => listMatterTypes(desk), [desk]);
  const counts = useLiveQuery(() => queueCounts(desk), [desk]);
  const result = useLiveQuery(async () => {
    if (query.trim()) {
      // A resident who moved away or died still has their cases: found too.
      const residents = await searchResidents(desk, query, 20, { includeInactive: true });
      const rows = await searchCases(
        desk,
        query,
        residents.map((r) => r.id),
      );
      return { rows, hasMore: false, residents: await residentsByIds(desk, residentIdsOf(rows)) };
    }
    const found = await queuePage(desk, queue, filter, {
      ...(pages.cursor !== undefined ? { after: pages.cursor } : {}),
      limit: PAGE_SIZE,
    });
    return { ...found, residents: await residentsByIds(desk, residentIdsOf(found.rows)) };
  }, [desk, queue, filter, pages.cursor, query]);
  // The total for the pagination arrives beside the page (the rows do not wait for a count).
  const total = useLiveQuery(() => queueTotal(desk, queue, filter), [desk, queue, filter]);

  const select = (key: keyof CaseFilter, label: string, options: [string, string][]) => (
    <FilterSelect
      label={label}
      value={filter[key] ?? ''}
      options={options}
      onChange={(v) => {
        setFilter((f) => ({ ...f, [key]: v || undefined }));
        pages.reset();
      }}
    />
  );

  /**
   * The clock that matters in a follow-up queue: in 整改 the rectification's 15 working days, in
   * 待回访 a consultation's reply limit. Elsewhere the promised date.
   */
  const followUp = (c: CaseRecord): { label: string; due: string } | null => {
    if (queue === '整改' && c.rectification && c.rectification.status !== '已完成')
      return { label: '整改', due: c.rectification.dueDay };
    if (queue === '待回访' && c.callback?.dueDay && c.callback.status !== '已回访')
      return { label: '答复', due: c.callback.dueDay };
    return null;
  };
  const row = (c: CaseRecord) => {
    const f = followUp(c);
    return (
      <TableRow
        key={c.id}
        hover
        sx={{ cursor: 'pointer' }}
        onClick={() => {
          logSearch(c.id);
          void navigate(`/cases/${c.id}`);
        }}
      >
        <TableCell sx={NO_WRAP}>
          <Link
            component={RouterLink}
            to={`/cases/${c.id}`}
            onClick={(e) => {
              // The row's click would navigate and log a second time.
              e.stopPropagation();
              logSearch(c.id);
            }}
            sx={{ fontVariantNumeric: 'tabular-nums' }}
          >
            {c.trackingNumber}
          </Link>
        </TableCell>
        <TableCell>
          {residentCell(c.residentId, c.residentId ? result?.residents.get(c.residentId) : undefined)}
        </TableCell>
        <TableCell sx={{ minWidth: '9em' }}>
          {c.matterName}
          {queue === '整改' && c.rectification && rectificationWhy(c)}
        </TableCell>
        <TableCell sx={NO_WRAP}>{c.status}</TableCell>
        <TableCell sx={NO_WRAP}>{f ? `${f.label} ${f.due}` : (c.deadline ?? '—')}</TableCell>
        <TableCell>
          <TimeLimitChip
            status={f ? timeLimitStatus(f.due, today, calendar, false) : caseTimeLimitStatus(c, today, calendar)}
          />
        </TableCell>
        <TableCell sx={NAME_CELL}>{community.grids.find((g) => g.id === c.gridId)?.name ?? '—'}</TableCell>
        <TableCell sx={NAME_CELL}>{staffNames.get(c.firstContactId)}</TableCell>
        <TableCell sx={NAME_CELL}>{staffNames.get(c.handlerId)}</TableCell>
      </TableRow>
    );
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
        <Typography variant="h4" component="h1">
          办件
        </Typography>
        {can(staff, 'desk.work') && (
          <Button variant="outlined" onClick={() => setImporting(true)}>
            导入街道反馈
          </Button>
        )}
      </Stack>
      {importing && <StreetFeedbackImportDialog onClose={() => setImporting(false)} />}
      <Paper>
        <Tabs
          value={queue}
          onChange={(_, v: QueueName) => {
            setQueue(v);
            pages.reset();
            setSearch('');
          }}
          variant="scrollable"
          aria-label="办件队列"
        >
          {QUEUES.map((name) => (
            <Tab
              key={name}
              value={name}
              label={
                // The name read out is the visible one plus the count: 「待签收（2）」.
                <Badge
                  color={name === '已超期' ? 'error' : 'primary'}
                  badgeContent={counts?.[name] ?? 0}
                  max={QUEUE_COUNT_CAP}
                  sx={{ pr: 2 }}
                  slotProps={{ badge: { 'aria-hidden': true } }}
                >
                  {name}
                  <Box component="span" sx={visuallyHidden}>
                    （{countLabel(counts?.[name] ?? 0)}）
                  </Box>
                </Badge>
              }
            />
          ))}
        </Tabs>
      </Paper>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2}>
          <TextField
            label="查找办件"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) logSearch();
            }}
            placeholder="受理编号、居民姓名/拼音或事项名称"
          />
          {select(
            'gridId',
            '网格',
            community.grids.map((g) => [g.id, g.name]),
          )}
          {select(
            'status',
            '状态',
            STATUSES.map((s) => [s, s]),
          )}
          {select(
            'matterCode',
            '事项',
            (matters ?? []).map((m) => [m.code, m.name]),
          )}
        </Stack>
      </Paper>
      {query.trim() && result && <SameNumberNotice query={query} rows={result.rows} />}
      <Paper>
        {/* Cells 12 px apart (not 16), and the headers may wrap (承诺办结日期, 首问责任人, 当前经办人 on
            two lines): nine columns and a 受理编号 with its desk fit 1366 px, the last one too. */}
        <Table
          aria-label={search.trim() ? '查找结果' : queue}
          size="small"
          sx={{ '& .MuiTableCell-sizeSmall': { px: 1.5 } }}
        >
          <TableHead>
            <TableRow sx={{ '& th': { verticalAlign: 'bottom' } }}>
              <TableCell>受理编号</TableCell>
              <TableCell>居民</TableCell>
              <TableCell>事项</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>承诺办结日期</TableCell>
              <TableCell>剩余时限</TableCell>
              <TableCell>网格</TableCell>
              <TableCell>首问责任人</TableCell>
              <TableCell>当前经办人</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>{result?.rows.map(row)}</TableBody>
        </Table>
        {!search.trim() && (
          <TablePagination
            component="div"
            // Past the count cap (or while it is counted) the total is open: every page still opens.
            count={total === undefined || total > QUEUE_COUNT_CAP ? -1 : total}
            labelDisplayedRows={({ from, to, count }) =>
              `${from}–${to} / ${count === -1 ? `${QUEUE_COUNT_CAP} 条以上` : `${count} 条`}`
            }
            slotProps={{ actions: { nextButton: { disabled: !result?.hasMore } } }}
            page={pages.index}
            rowsPerPage={PAGE_SIZE}
            rowsPerPageOptions={[PAGE_SIZE]}
            onPageChange={(_, p) => (p > pages.index ? pages.next(result?.next) : pages.prev())}
          />
        )}
      </Paper>
    </Stack>
  );
}
