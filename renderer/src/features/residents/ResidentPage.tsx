/**
 * One resident: details (ID and phone masked; 查看完整 reveals one value and is logged), their
 * 重点服务信息 (contact person, needs, when to reach them; the contact's phone masked), their
 * visits and cases.
 */
import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import type { Resident } from '@shared/domain/records';
import { useParams } from 'react-router';
import { maskIdNumber, maskNumbersInText, maskPhone } from '@shared/domain/masking';
import { residentAddress, residentSummary } from '@shared/domain/resident';
import { careNeedsText } from '@shared/domain/careProfile';
import { proxySettings } from '@shared/domain/proxy';
import { resolveResident, revealResidentField, type RevealableField } from '../../db/repositories/residents';
import { casesOfResident, visitsOfResident } from '../../db/repositories/visits';
import { custodyOfResident } from '../../db/repositories/custody';
import { CustodyTable } from '../../components/CustodyTable';
import { useDesk } from '../../app/desk';
import { useStaffNames } from '../../app/useStaffNames';
import { ResidentDialog } from './ResidentDialog';
import { CareProfileDialog } from './CareProfileDialog';
import { ResidentRequests } from './ResidentRequests';
import { caseTimeLimitStatus } from '@shared/domain/timeLimit';
import { TimeLimitChip } from '../../components/TimeLimitChip';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useNavigate } from 'react-router';
import { can } from '@shared/domain/roles';
import { isInactiveResident } from '@shared/domain/residentStatus';
import { useStaff } from '../../app/session';
import { DeleteResidentDialog, MarkStatusDialog, ResidentStatusChip, RestoreDialog } from './ResidentStatusDialogs';
import { RevealDialog, REMASK_AFTER_MS } from '../../components/RevealDialog';

export function ResidentPage() {
  const desk = useDesk();
  const { community, calendar } = desk;
  const { id = '' } = useParams();
  const staffNames = useStaffNames();
  // A record merged away (合并居民档案) opens as the record it was merged into.
  const resident = useLiveQuery(() => resolveResident(desk.db, id), [desk, id]);
  const visits = useLiveQuery(() => visitsOfResident(desk, id), [desk, id]);
  const cases = useLiveQuery(() => casesOfResident(desk, id), [desk, id]);
  const documents = useLiveQuery(() => custodyOfResident(desk, id), [desk, id]);
  const [revealed, setRevealed] = useState<Partial<Record<RevealableField, string>>>({});
  const [editing, setEditing] = useState(false);
  const [editingCare, setEditingCare] = useState(false);
  /** The field whose 查看原因 is being asked (every reveal goes through RevealDialog). */
  const [asking, setAsking] = useState<RevealableField | null>(null);
  const [statusDialog, setStatusDialog] = useState<'mark' | 'restore' | 'delete' | null>(null);
  const staff = useStaff();
  const navigate = useNavigate();
  const guard = useGuardedAction();
  // On a shared desk PC a revealed number must not stay on screen.
  useEffect(() => {
    if (!revealed.idNumber && !revealed.phone) return;
    const t = setTimeout(() => setRevealed({}), REMASK_AFTER_MS);
    return () => clearTimeout(t);
  }, [revealed]);
  useEffect(() => {
    if (resident && resident.id !== id) void navigate(`/residents/${resident.id}`, { replace: true });
  }, [resident, id, navigate]);
  if (!resident || resident.id !== id) return null;
  const reveal = async (field: RevealableField, reason: string) => {
    const value = await revealResidentField(desk, resident.id, field, reason);
    setRevealed((r) => ({ ...r, [field]: value }));
  };
  const shown = (field: RevealableField, masked: string) => (
    <>
      {revealed[field] ?? masked}{' '}
      {!revealed[field] && masked && (
        <Button
          size="small"
          onClick={() => setAsking(field)}
          aria-label={field === 'idNumber' ? '查看完整身份证号' : '查看完整电话'}
        >
          查看完整（记录在案）
        </Button>
      )}
    </>
  );
  const address = residentAddress(resident);
  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'baseline' }}>
        <Typography variant="h4" component="h1">
          {residentSummary(resident, desk.clock.today())}
        </Typography>
        <ResidentStatusChip resident={resident} size="medium" />
        <span style={{ flexGrow: 1 }} />
        <Button variant="outlined" onClick={() => setEditing(true)}>
          修改居民信息
        </Button>
        {can(staff, 'resident.markInactive') && resident.status !== '已故' && (
          <Button variant="outlined" onClick={() => setStatusDialog('mark')}>
            标记迁出/已故
          </Button>
        )}
        {isInactiveResident(resident) && can(staff, 'resident.reactivate') && (
          <Button variant="outlined" onClick={() => setStatusDialog('restore')}>
            恢复在册
          </Button>
        )}
        {can(staff, 'resident.delete') && (
          <Button variant="outlined" color="error" onClick={() => setStatusDialog('delete')}>
            删除居民
          </Button>
        )}
      </Stack>
      {isInactiveResident(resident) && (
        <Alert severity="info" role="status" aria-label="居民状态">
          {resident.status}
          {resident.statusDay ? `（${resident.statusDay}）` : ''}
          {resident.statusNote ? `：${maskNumbersInText(resident.statusNote)}` : ''}
          。查找居民时默认不显示，办件和来访记录照常保留。
        </Alert>
      )}
      {guard.error && (
        <Alert severity="error" role="alert" onClose={() => guard.setError(null)}>
          {guard.error}
        </Alert>
      )}
      <Paper sx={{ p: 2 }}>
        <Stack spacing={1}>
          <Typography aria-label="身份证号">身份证号：{shown('idNumber', maskIdNumber(resident.idNumber))}</Typography>
          <Typography aria-label="联系电话">联系电话：{shown('phone', maskPhone(resident.phone))}</Typography>
          <Typography>
            住址：{address || '—'} · 网格：{community.grids.find((g) => g.id === resident.gridId)?.name ?? '—'}
          </Typography>
          <Stack direction="row" spacing={1}>
            {resident.tags.map((t) => (
              <Chip key={t} label={t} />
            ))}
          </Stack>
        </Stack>
      </Paper>
      <CareBlock resident={resident} onEdit={() => setEditingCare(true)} />
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          办件（{cases?.length ?? 0}）
        </Typography>
        <Table aria-label="居民的办件">
          <TableHead>
            <TableRow>
              <TableCell>受理编号</TableCell>
              <TableCell>事项</TableCell>
              <TableCell>办理方式</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>承诺办结日期</TableCell>
              <TableCell>剩余时限</TableCell>
              <TableCell>首问责任人</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {cases?.map((c) => (
              <TableRow key={c.id}>
                <TableCell>
                  <a href={`#/cases/${c.id}`}>{c.trackingNumber}</a>
                </TableCell>
                <TableCell>{c.matterName}</TableCell>
                <TableCell>{c.mode}</TableCell>
                <TableCell>{c.status}</TableCell>
                <TableCell>{c.deadline ?? '—'}</TableCell>
                <TableCell>
                  <TimeLimitChip status={caseTimeLimitStatus(c, desk.clock.today(), calendar)} />
                </TableCell>
                <TableCell>{staffNames.get(c.firstContactId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          来访记录（{visits?.length ?? 0}）
        </Typography>
        <Table aria-label="居民的来访记录">
          <TableHead>
            <TableRow>
              <TableCell>日期</TableCell>
              <TableCell>来访方式</TableCell>
              <TableCell>类型</TableCell>
              <TableCell>诉求内容</TableCell>
              <TableCell>首问责任人</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {visits?.map((v) => (
              <TableRow key={v.id}>
                <TableCell>{v.day}</TableCell>
                <TableCell>{v.channel}</TableCell>
                <TableCell>{v.kind}</TableCell>
                <TableCell>{maskNumbersInText(v.content)}</TableCell>
                <TableCell>{staffNames.get(v.firstContactId)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      <ResidentRequests residentId={resident.id} />
      <Paper sx={{ p: 2 }}>
        <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
          材料交接记录（{documents?.length ?? 0}）
        </Typography>
        {documents && <CustodyTable label="居民的材料交接记录" rows={documents} empty="没有上门收取过材料" />}
      </Paper>
      {asking && (
        <RevealDialog
          label={asking === 'idNumber' ? '身份证号' : '联系电话'}
          reveal={(reason) => reveal(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
      {editing && (
        <ResidentDialog resident={resident} onClose={() => setEditing(false)} onSaved={() => setEditing(false)} />
      )}
      {statusDialog === 'mark' && (
        <MarkStatusDialog
          resident={resident}
          onClose={() => setStatusDialog(null)}
          onDone={() => setStatusDialog(null)}
        />
      )}
      {statusDialog === 'restore' && (
        <RestoreDialog resident={resident} onClose={() => setStatusDialog(null)} onDone={() => setStatusDialog(null)} />
      )}
      {statusDialog === 'delete' && (
        <DeleteResidentDialog
          resident={resident}
          onClose={() => setStatusDialog(null)}
          onDone={() => void navigate('/residents', { state: { deleted: resident.name } })}
        />
      )}
      {editingCare && (
        <CareProfileDialog
          resident={resident}
          onClose={() => setEditingCare(false)}
          onSaved={() => setEditingCare(false)}
        />
      )}
    </Stack>
  );
}

/** 重点服务信息: who to call for the resident, what help they need, when to reach them. */
function CareBlock({ resident, onEdit }: { resident: Resident; onEdit: () => void }) {
  const desk = useDesk();
  const care = resident.care;
  const registerTags = proxySettings(desk.community).registerTags;
  const onRegister = resident.tags.filter((t) => registerTags.includes(t));
  const contact = care?.contactName
    ? `${care.contactName}${care.contactRelation ? `（${care.contactRelation}）` : ''}`
    : '—';
  const line = (label: string, value: string | undefined) => (
    <Typography>
      {label}：{value || '—'}
    </Typography>
  );
  return (
    <Paper component="section" aria-labelledby="care-heading" sx={{ p: 2 }}>
      <Stack direction="row" sx={{ alignItems: 'baseline', mb: 1 }}>
        <Typography id="care-heading" variant="h6" component="h2" sx={{ flexGrow: 1 }}>
          重点服务信息
        </Typography>
        <Button variant="outlined" onClick={onEdit} aria-label="编辑重点服务信息">
          编辑
        </Button>
      </Stack>
      <Stack spacing={1}>
        <Typography>
          {onRegister.length > 0
            ? `重点服务对象（${onRegister.join('、')}），列入帮代办名单`
            : `未列入重点服务对象名单（名单收录带有“${registerTags.join('、')}”标签的居民）`}
        </Typography>
        {care ? (
          <>
            <Typography>
              联系人：{contact} · 联系电话：
              {care.contactPhone ? maskPhone(care.contactPhone) : '—'}
            </Typography>
            {line('服务需求', careNeedsText(care))}
            {line('方便联系的时间', care.preferredTime)}
            {care.note && line('备注', maskNumbersInText(care.note))}
          </>
        ) : (
          <Typography color="text.secondary">尚未登记联系人和服务需求</Typography>
        )}
      </Stack>
    </Paper>
  );
}
