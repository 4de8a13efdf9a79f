/**
 * 操作日志: what was done at this desk, by whom and when, newest first, 50 at a time — for the
 * 审计员 (their only screen) and the admins. Filters by domain and staff member; each row named
 * by its desk and number on that desk, the chain verified above the table (AuditChainPanel).
 * The log holds no personal data, so nothing here needs masking.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
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
import type { AuditEntry } from '@shared/domain/records';
import { auditActionLabel, auditEntityLabel } from '@shared/domain/auditLabels';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { FilterSelect, StaffSelect } from '../../components/FilterSelect';
import { AUDIT_DOMAINS, AUDIT_PAGE_SIZE, auditPage } from '../../db/repositories/auditLog';
import { listStaff } from '../../db/repositories/staff';
import { AuditChainPanel } from './AuditChainPanel';

export function AuditLogPage() {
  const desk = useDesk();
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  const [domain, setDomain] = useState('');
  const [staffId, setStaffId] = useState('');
  const [rows, setRows] = useState<AuditEntry[]>([]);
  const [more, setMore] = useState(false);
  const { run, error } = useGuardedAction();
  const load = (before?: number) =>
    run(async () => {
      const page = await auditPage(desk, { domain: domain || undefined, staffId: staffId || undefined, before });
      setRows((r) => (before === undefined ? page : [...r, ...page]));
      setMore(page.length === AUDIT_PAGE_SIZE);
    });
  useEffect(() => {
    void load();
    // Reload when a filter changes; `load` itself is rebuilt every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [desk, domain, staffId]);
  const name = (id: string | null) => (id ? (staff?.find((s) => s.id === id)?.name ?? id) : '（未登录）');
  const domainOf = (action: string) => AUDIT_DOMAINS[action.split('.')[0] ?? ''] ?? action.split('.')[0];
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        操作日志
      </Typography>
      <Paper sx={{ p: 2 }}>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <FilterSelect label="类别" value={domain} options={Object.entries(AUDIT_DOMAINS)} onChange={setDomain} />
          <StaffSelect label="工作人员" value={staffId} staff={staff ?? []} onChange={setStaffId} />
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
      {more && (
        <Button sx={{ alignSelf: 'flex-start' }} onClick={() => void load(rows.at(-1)?.seq)}>
          更早的记录
        </Button>
      )}
    </Stack>
  );
}
