/**
 * 问题库: the problems waiting for the joint meeting or being handled after it — filtered by
 * 类别, 网格 and 状态 (the open ones unless a status is chosen), counted per category and 网格 —
 * a page of 50 at a time (上一页 / 下一页, the range announced), with where each came from (a merged problem lists every report), its resident and its case.
 * 登记问题 adds one a zone staff member brings from a home visit; 合并 makes reports of the
 * same problem one.
 */
import { useMemo, useState } from 'react';
import { WholeText } from './WholeText';
import {
  Box,
  Button,
  Chip,
  Link,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Link as RouterLink } from 'react-router';
import { countLabel } from '@shared/domain/caseQueues';
import { maskNumbersInText } from '@shared/domain/masking';
import { PROBLEM_CATEGORIES, type ProblemStatus } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import { FilterSelect } from '../../components/FilterSelect';
import { poolPage, poolTotal, type poolCounts } from '../../db/repositories/problems';
import { PagePager, useCursorPages } from '../../components/ListPager';
import { gridNameOf, NO_GRID } from './meetingText';
import { MergeDialog } from './MergeDialog';
import { ProblemDialog } from './ProblemDialog';

const STATUSES: ProblemStatus[] = ['待研究', '继续跟踪', '社区处置', '已上报街道', '已解决', '已合并'];
const COLUMNS = ['问题', '类别', '网格', '地点', '来源', '提出日期', '状态', '反映人', '办件'];
const NO_WRAP = { whiteSpace: 'nowrap' } as const;

type Counts = Awaited<ReturnType<typeof poolCounts>>;

export function ProblemPool({ counts }: { counts: Counts | undefined }) {
  const desk = useDesk();
  const { community } = desk;
  const [category, setCategoryNow] = useState('');
  const [gridId, setGridIdNow] = useState('');
  const [status, setStatusNow] = useState('');
  const [dialog, setDialog] = useState<'add' | 'merge' | null>(null);
  const pages = useCursorPages<string>();
  const { cursor } = pages;
  // A filter changed: back to its first page.
  const refilter = (set: (v: string) => void) => (v: string) => {
    set(v);
    pages.reset();
  };
  const [setCategory, setGridId, setStatus] = [
    refilter(setCategoryNow),
    refilter(setGridIdNow),
    refilter(setStatusNow),
  ];
  const filter = useMemo(
    () => ({ category, gridId, ...(status ? { status: status as ProblemStatus } : {}) }),
    [category, gridId, status],
  );
  const page = useLiveQuery(() => poolPage(desk, filter, { after: cursor }), [desk, filter, cursor]);
  const total = useLiveQuery(() => poolTotal(desk, filter), [desk, filter]);
  const rows = page?.rows;
  const filtered = Boolean(category || gridId || status);
  const gridName = (id: string | undefined) => gridNameOf(community, id);
  return (
    <Stack spacing={2} component="section" aria-labelledby="pool-heading">
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id="pool-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          问题库（{total === undefined ? '…' : countLabel(total)}）
        </Typography>
        <Button variant="outlined" onClick={() => setDialog('merge')} disabled={!rows || rows.length < 2}>
          合并重复问题
        </Button>
        <Button variant="contained" onClick={() => setDialog('add')}>
          登记问题
        </Button>
      </Stack>
      <Stack direction="row" spacing={2} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <FilterSelect
          label="类别"
          value={category}
          options={PROBLEM_CATEGORIES.map((c) => [c, c])}
          onChange={setCategory}
        />
        <FilterSelect
          label="网格"
          value={gridId}
          options={community.grids.map((g) => [g.id, g.name])}
          onChange={setGridId}
        />
        <FilterSelect
          label="状态"
          value={status}
          emptyLabel="在办（未解决）"
          options={STATUSES.map((s) => [s, s])}
          onChange={setStatus}
        />
        {filtered && (
          <Button
            onClick={() => {
              setCategory('');
              setGridId('');
              setStatus('');
            }}
          >
            清除筛选
          </Button>
        )}
      </Stack>
      {counts && <PoolCounts counts={counts} gridName={gridName} onCategory={setCategory} onGrid={setGridId} />}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label="问题列表">
          <TableHead>
            <TableRow>
              {COLUMNS.map((h) => (
                <TableCell key={h} sx={NO_WRAP}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows?.length === 0 && (
              <TableRow>
                <TableCell colSpan={COLUMNS.length}>
                  {filtered ? '没有符合筛选条件的问题' : '问题库中没有在办的问题'}
                </TableCell>
              </TableRow>
            )}
            {rows?.map(({ problem: p, record, residents }) => (
              <TableRow key={p.id}>
                <TableCell sx={{ minWidth: '10em' }}>
                  {maskNumbersInText(p.title)}
                  <WholeText text={p.detail} of={maskNumbersInText(p.title)} />
                </TableCell>
                <TableCell sx={NO_WRAP}>{p.category}</TableCell>
                <TableCell sx={NO_WRAP}>{gridName(p.gridId)}</TableCell>
                <TableCell>{p.place ? maskNumbersInText(p.place) : '—'}</TableCell>
                <TableCell sx={NO_WRAP}>
                  {[...new Set(p.sources.map((x) => x.kind))].join('、')}
                  {p.sources.length > 1 && <Typography variant="body2">{p.sources.length} 次反映</Typography>}
                </TableCell>
                <TableCell sx={NO_WRAP}>{p.raisedDay}</TableCell>
                <TableCell sx={NO_WRAP}>
                  {p.status}
                  {p.mergedInto && <Typography variant="body2">已并入其他问题</Typography>}
                </TableCell>
                <TableCell>
                  {residents.length === 0
                    ? '—'
                    : residents.map((r, i) => (
                        <span key={r.id} style={NO_WRAP}>
                          {i > 0 && '、'}
                          {r.onFile ? (
                            <Link component={RouterLink} to={`/residents/${r.id}`}>
                              {r.name}
                            </Link>
                          ) : (
                            r.name
                          )}
                        </span>
                      ))}
                </TableCell>
                <TableCell sx={NO_WRAP}>
                  {record ? (
                    <>
                      <Link component={RouterLink} to={`/cases/${record.id}`}>
                        {record.trackingNumber}
                      </Link>
                      <Typography variant="body2">{record.status}</Typography>
                    </>
                  ) : (
                    '—'
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <PagePager label="问题库" page={page} pages={pages} total={total} />
      {dialog === 'add' && <ProblemDialog onClose={() => setDialog(null)} />}
      {dialog === 'merge' && rows && <MergeDialog rows={rows} onClose={() => setDialog(null)} />}
    </Stack>
  );
}

/** The open problems per category and per 网格; a chip narrows the list to it. */
function PoolCounts({
  counts,
  gridName,
  onCategory,
  onGrid,
}: {
  counts: Counts;
  gridName: (id: string | undefined) => string;
  onCategory: (c: string) => void;
  onGrid: (g: string) => void;
}) {
  const categories = PROBLEM_CATEGORIES.filter((c) => counts.byCategory[c]);
  const grids = Object.entries(counts.byGrid).sort(([a], [b]) => (a || '\uffff').localeCompare(b || '\uffff'));
  return (
    <Stack spacing={1} aria-label="在办问题统计" role="group">
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography component="span" sx={{ minWidth: '5em' }}>
          按类别：
        </Typography>
        {categories.length === 0 && <Typography component="span">无</Typography>}
        {categories.map((c) => (
          <Chip key={c} label={`${c} ${counts.byCategory[c]}`} variant="outlined" onClick={() => onCategory(c)} />
        ))}
      </Stack>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography component="span" sx={{ minWidth: '5em' }}>
          按网格：
        </Typography>
        {grids.length === 0 && <Typography component="span">无</Typography>}
        {grids.map(([g, n]) =>
          g ? (
            <Chip key={g} label={`${gridName(g)} ${n}`} variant="outlined" onClick={() => onGrid(g)} />
          ) : (
            <Chip key="none" label={`${NO_GRID} ${n}`} variant="outlined" />
          ),
        )}
      </Stack>
    </Stack>
  );
}
