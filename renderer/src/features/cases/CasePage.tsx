/**
 * One case: where it stands, who is responsible, what is missing, the escalation and
 * follow-ups, the full timeline, and the actions allowed in its current state only.
 */
import { useRef, useState } from 'react';
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
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { useParams } from 'react-router';
import { allowedActions, caseStateFromRecord, type CaseActionType } from '@shared/domain/caseMachine';
import { uncoveredYearsText } from '@shared/domain/texts';
import { caseTimeLimitStatus } from '@shared/domain/timeLimit';
import { residentLabel } from '@shared/domain/residentStatus';
import { maskIdNumber, maskNumbersInText, maskPhone } from '@shared/domain/masking';
import { can } from '@shared/domain/roles';
import { addCaseNote, getCaseFile, performCaseAction, type CaseActionInput } from '../../db/repositories/cases';
import { listStaff } from '../../db/repositories/staff';
import { ReceiptActions } from '../../components/ReceiptActions';
import { renderEscalationSheet } from '@shared/receipts/escalationSheet';
import { platform } from '../../platform';
import { KeyValueTable } from '../../components/KeyValueTable';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { buildReceiptData } from '../../components/receiptData';
import { receiptKindsFor } from '@shared/domain/receiptKinds';
import { ActionDialog } from './ActionDialog';
import { CustodyPanel } from './CustodyPanel';
import { ProxyTaskPanel } from '../proxy/ProxyTaskPanel';
import { offeredOnCasePage } from './actionForms';
import { actsOnBehalf } from '@shared/domain/caseOwnership';
import { TimeLimitChip } from '../../components/TimeLimitChip';
import { checkInShown } from '@shared/domain/checkIn';
import type { EscalationCheckIn } from '@shared/domain/records';

/** 报到 on the case page: the unit as typed, the person masked (shared/domain/checkIn.ts). */
function checkInLine(c: EscalationCheckIn): string {
  const { unit, person } = checkInShown(c, false);
  return person ? `${unit}（${person}）` : unit;
}

export function CasePage() {
  const { id = '' } = useParams();
  const desk = useDesk();
  const { community, calendar } = desk;
  const file = useLiveQuery(() => getCaseFile(desk, id), [desk, id]);
  const staff = useLiveQuery(() => listStaff(desk), [desk]);
  const [acting, setActing] = useState<CaseActionType | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [note, setNote] = useState('');
  const noteAction = useGuardedAction();
  const sheet = useGuardedAction();
  if (!file || !staff) return null;
  const { record, events, resident, matter, visit } = file;
  const today = desk.clock.today();
  const name = (sid?: string) => staff.find((s) => s.id === sid)?.name ?? '—';
  const actor = { staffId: desk.actor.id, isAdmin: can(desk.actor, 'case.supervise') };
  const actions = allowedActions(caseStateFromRecord(record), actor).filter(offeredOnCasePage);
  const esc = record.escalations?.at(-1);

  async function saveNote() {
    if (await noteAction.run(() => addCaseNote(desk, id, note))) setNote('');
  }

  const info: [string, string][] = [
    ['事项', `${record.matterName}（${record.mode}）`],
    [
      '居民',
      residentLabel(record.residentId, resident, (r) => `${r.name} ${maskIdNumber(r.idNumber)} ${maskPhone(r.phone)}`),
    ],
    ['首问责任人', name(record.firstContactId)],
    [
      '当前经办人',
      name(record.handlerId) + (record.transfer ? `（已转办给 ${name(record.transfer.toStaffId)}，待签收）` : ''),
    ],
    ['受理日期', record.acceptedDay],
    [
      '来访',
      visit
        ? `${visit.day} ${visit.channel}：${maskNumbersInText(visit.content)}${visit.agent ? `（代办人 ${visit.agent.name}，${visit.agent.relation}）` : ''}`
        : '—',
    ],
    [
      '承诺办结日期',
      (record.deadline ?? '—') +
        (record.deadlineUncoveredYears?.length ? `（${uncoveredYearsText(record.deadlineUncoveredYears)}）` : ''),
    ],
    ['已收材料', record.documentsReceived.join('、') || '—'],
    ['缺件', record.documentsMissing.join('、') || '无'],
  ];
  if (record.result)
    info.push([
      '办理结果',
      `${maskNumbersInText(record.result)}${record.notifiedBy ? `（${record.notifiedBy}告知）` : ''}`,
    ]);
  if (record.callback)
    info.push([
      '回访',
      `${record.callback.status}${record.callback.outcome ? `：${maskNumbersInText(record.callback.outcome)}` : ''}`,
    ]);
  if (record.rating) info.push(['评价', `${record.rating}（${record.ratingBy ?? ''}）`]);
  if (record.rectification)
    info.push([
      '整改',
      `${record.rectification.status}，${record.rectification.dueDay} 前完成` +
        (record.rectification.reason ? `；不满意原因：${maskNumbersInText(record.rectification.reason)}` : ''),
    ]);
  if (record.archiveNumber) info.push(['归档号', record.archiveNumber]);

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h4" component="h1" sx={{ flexGrow: 1 }} tabIndex={-1} ref={headingRef}>
          办件 {record.trackingNumber}
        </Typography>
        <Chip label={record.status} color="primary" aria-label="办件状态" />
        <TimeLimitChip status={caseTimeLimitStatus(record, today, calendar)} />
      </Stack>
      {record.status === '已归档' && (
        <Alert severity="info">已归档的办件为只读{actor.isAdmin ? '；站长/管理员可填写理由后重新办理' : ''}。</Alert>
      )}
      <Paper sx={{ p: 2 }} component="section" aria-label="办理操作">
        <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', gap: 1 }}>
          {actions.length === 0 && <Typography color="text.secondary">当前没有可执行的操作</Typography>}
          {actions.map((a) => (
            <Button key={a} variant="outlined" onClick={() => setActing(a)}>
              {a}
            </Button>
          ))}
        </Stack>
      </Paper>
      <KeyValueTable label="办件信息" rows={info} />
      {record.mode === '帮代办' && <ProxyTaskPanel record={record} resident={resident} staff={staff} />}
      {record.mode === '帮代办' && (
        <CustodyPanel
          record={record}
          resident={resident}
          staff={staff}
          documents={matter?.documents.map((d) => d.name) ?? []}
        />
      )}
      {esc && (
        <Paper sx={{ p: 2 }} component="section" aria-label="上报街道">
          <Typography variant="h6" component="h2">
            上报街道（{esc.level}）· {esc.stage}
          </Typography>
          <Button
            sx={{ float: 'right' }}
            variant="outlined"
            onClick={() =>
              void sheet.run(async () => {
                const html = renderEscalationSheet({
                  communityName: community.name,
                  communityPhone: community.phone,
                  trackingNumber: record.trackingNumber,
                  matterName: record.matterName,
                  residentId: record.residentId,
                  resident,
                  escalation: esc,
                  raisedByName: name(esc.raisedBy),
                  ...(esc.checkIn ? { checkInAt: localDateTime(esc.checkIn.at) } : {}),
                  printedAt: localDateTime(desk.clock.now()),
                  printedBy: name(desk.actor.id),
                });
                await platform.printHtml({ html, pageSize: 'A4' });
              })
            }
          >
            打印上报事项单
          </Button>
          {sheet.error && <Alert severity="error">{sheet.error}</Alert>}
          <Typography>
            {esc.raisedDay} 上报至 {esc.office}：{maskNumbersInText(esc.request)}
          </Typography>
          {esc.checkIn && (
            <Typography>
              报到：{checkInLine(esc.checkIn)}，{localDateTime(esc.checkIn.at)}
            </Typography>
          )}
          {esc.feedback.map((f) => (
            <Typography key={f.at}>
              处理反馈（{localDateTime(f.at)}）：{maskNumbersInText(f.text)}
            </Typography>
          ))}
          {esc.verification && (
            <Typography>
              核实结项：{esc.verification.solved ? '已解决' : '未解决'}
              {esc.verification.note ? `，${maskNumbersInText(esc.verification.note)}` : ''}
            </Typography>
          )}
          {esc.departmentRating && <Typography>对部门处理的评价：{esc.departmentRating}</Typography>}
        </Paper>
      )}
      <Paper sx={{ p: 2 }} component="section" aria-label="回执">
        <ReceiptActions
          kinds={receiptKindsFor(record)}
          load={async () =>
            buildReceiptData({
              record,
              resident,
              community,
              staffName: name(record.firstContactId),
              printedBy: name(desk.actor.id),
              matter,
              now: desk.clock.now(),
            })
          }
        />
      </Paper>
      <Paper>
        <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
          办理过程
        </Typography>
        <Table aria-label="办理过程" size="small">
          <TableHead>
            <TableRow>
              <TableCell>时间</TableCell>
              <TableCell>操作</TableCell>
              <TableCell>状态</TableCell>
              <TableCell>经办人</TableCell>
              <TableCell>说明</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {events.map((e) => (
              <TableRow key={e.id}>
                <TableCell>{localDateTime(e.at)}</TableCell>
                <TableCell>{e.action}</TableCell>
                <TableCell>{e.from && e.to && e.from !== e.to ? `${e.from} → ${e.to}` : (e.to ?? '')}</TableCell>
                <TableCell>{name(e.by)}</TableCell>
                <TableCell>
                  {e.toStaffId
                    ? `转给 ${name(e.toStaffId)}，${maskNumbersInText(e.note?.replace(/^转办，/, '') ?? '待签收')}`
                    : maskNumbersInText(e.note ?? '')}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Paper>
      {record.status !== '已归档' && (
        <Paper
          sx={{ p: 2 }}
          component="form"
          aria-label="添加备注"
          onSubmit={(e) => (e.preventDefault(), void saveNote())}
        >
          <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start' }}>
            <TextField
              label="备注"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              error={Boolean(noteAction.error)}
              helperText={noteAction.error ?? '记在办理过程中，如电话沟通情况'}
            />
            <Button type="submit" variant="outlined">
              添加备注
            </Button>
          </Stack>
        </Paper>
      )}
      {acting && (
        <ActionDialog
          type={acting}
          record={record}
          documents={matter?.documents.map((d) => d.name) ?? []}
          staff={staff}
          meId={desk.actor.id}
          onBehalfOf={actsOnBehalf(record, acting, actor) ? name(record.handlerId) : undefined}
          onApply={(action: CaseActionInput, onBehalfReason?: string) =>
            performCaseAction(desk, id, action, { onBehalfReason })
          }
          onClose={() => {
            setActing(null);
            // The button just used may be gone in the new state: keep the keyboard on the page.
            setTimeout(() => headingRef.current?.focus(), 0);
          }}
        />
      )}
    </Stack>
  );
}
