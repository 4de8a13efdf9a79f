/**
 * 操作日志: what was done at this desk, by whom and when, newest first, 50 a page (上一页 / 下一页,
 * the range announced; a filter reads index ranges, db/repositories/auditLog.ts) — for the
 * 审计员 (their only screen) and the admins. Filters by domain and staff member; each row named
 * by its desk and number on that desk, the chain verified above the table (AuditChainPanel).
 * The log holds no personal data, so nothing here needs masking.
 */
import { useEffect, useState } from 'react';
import { Alert, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import type { AuditEntry } from '@shared/domain/records';
import { auditActionLabel, auditEntityLabel } from '@shared/domain/auditLabels';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FilterSelect, StaffSelect } from '../../components/FilterSelect';
import { AUDIT_DOMAINS, AUDIT_PAGE_SIZE, auditPage, auditTotal } from '../../db/repositories/auditLog';
import { ListPager, useCursorPages } from '../../components/ListPager';
import { listStaff } from '../../db/repositories/staff';
import { AuditChainPanel } from './AuditChainPanel';

export function AuditLogPage() {
  const desk = useDesk();
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  const [domain, setDomainNow] = useState('');
  const [staffId, setStaffIdNow] = useState('');
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [total, setTotal] = useState<number | undefined>();
  const pages = useCursorPages<number>();
  const { cursor: before } = pages;
  const { run, error } = useGuardedAction();
  // A filter changed: back to the newest page.
  const refilter = (set: (v: string) => void) => (v: string) => {
    set(v);
    pages.reset();
  };
  useEffect(() => {
    const filter = { domain: domain || undefined, staffId: staffId || undefined };
    void run(async () => setRows(await auditPage(desk, { ...filter, before })));
    // The count beside the page: index keys up to the cap, read after the page.
    void auditTotal(desk, filter).then(setTotal, () => setTotal(undefined));
    // `run` is rebuilt every render; the page depends on the desk, the filters and the cursor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, domain, staffId, before]);
  const more = rows.length === AUDIT_PAGE_SIZE;
  const name = (id: string | null) => (id ? (staff?.find((s) => s.id === id)?.name ?? id) : '（未登录）');
  const domainOf = (action: string) => {
    const domain = action.split('.')[0] ?? '';
    return (AUDIT_DOMAINS as Record<string, string>)[domain] ?? domain;
  };
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        操作日志
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <FilterSelect
            label="类别"
            value={domain}
            options={Object.entries(AUDIT_DOMAINS)}
            onChange={refilter(setDomainNow)}
          />
          <StaffSelect label="工作人员" value={staffId} staff={staff ?? []} onChange={refilter(setStaffIdNow)} />
          <Typography color="text.secondary">日志只记录操作，不含居民的身份证号、电话等个人信息。</Typography>
        </Stack>
      </Paper>
      <AuditChainPanel />
      {error && <Alert severity="error">{error}</Alert>}
      <Paper>
        <Table size="small" aria-label="操作日志">
          <TableHead>
            <TableRow>
              {['编号', '时间', '工作人员', '类别', '操作', '对象', '说明'].map((h) => (
                <TableCell key={h} sx={{ whiteSpace: 'nowrap' }}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>没有符合条件的记录</TableCell>
              </TableRow>
            )}
            {rows.map((e) => (
              <TableRow key={e.seq}>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {e.deskSeq !== undefined ? `${e.desk ?? 1}号台 第 ${e.deskSeq} 条` : '—'}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{localDateTime(e.at)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{name(e.staffId)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{domainOf(e.action)}</TableCell>
                <TableCell>{auditActionLabel(e.action)}</TableCell>
                <TableCell>{auditEntityLabel(e.entity)}</TableCell>
                <TableCell>{e.detail ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <ListPager
        label="操作日志"
        index={pages.index}
        shown={rows.length}
        total={total}
        pageSize={AUDIT_PAGE_SIZE}
        hasMore={more}
        onPrev={pages.prev}
        onNext={() => pages.next(rows.at(-1)?.seq)}
      />
    </Stack>
  );
}
