/**
 * 材料交接 on a proxy case: every document taken from the resident's home, who holds it now and
 * its chain; 收取 at the door, 移交 / 取回 / 归还 of one or several items at once (one transaction
 * for all: recordCustodyMany), 留存 and 遗失损坏 with their reason; after a hand-over the
 * 材料交接单 (or the 材料归还单) prints for signatures, with the time the records store.
 */
import { useState } from 'react';
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
import { useLiveQuery } from '../../app/liveQuerier';
import { allowedCustodyActions, holderLabel } from '@shared/domain/custody';
import type { CaseRecord, CustodyActionType, CustodyItem, Resident, Staff } from '@shared/domain/records';
import { residentLabel } from '@shared/domain/residentStatus';
import { renderCustodySheet, type CustodySheet } from '@shared/receipts/custodySheet';
import { localDateTime } from '../../app/clock';
import { useDesk } from '../../app/desk';
import { useGuardedAction } from '../../app/useGuardedAction';
import { custodyMoveOf, custodyOfCase } from '../../db/repositories/custody';
import { proxyTaskOfCase } from '../../db/repositories/proxy';
import { platform } from '../../platform';
import { CollectDialog } from '../proxy/CollectDialog';
import { MandateDialog } from '../proxy/MandateDialog';
import { CustodyMoveDialog, type Asked } from './CustodyMoveDialog';

type Props = { record: CaseRecord; resident?: Resident; staff: readonly Staff[]; documents: readonly string[] };

const MANY = ['移交', '取回', '归还'] as const;
const LONE_LABELS = { 留存: '登记留存', 遗失损坏: '登记遗失/损坏' } as const;

export function CustodyPanel({ record, resident, staff, documents }: Props) {
  const desk = useDesk();
  const items = useLiveQuery(() => custodyOfCase(desk, record.id), [desk, record.id]);
  const task = useLiveQuery(() => proxyTaskOfCase(desk, record.id), [desk, record.id]);
  const [asked, setAsked] = useState<Asked | null>(null);
  const [collecting, setCollecting] = useState(false);
  const [mandate, setMandate] = useState(false);
  const [sheet, setSheet] = useState<CustodySheet | null>(null);
  const print = useGuardedAction();
  const name = (id: string) => staff.find((s) => s.id === id)?.name ?? '工作人员';
  if (!items) return null;
  const me = desk.actor.id;
  const can = (i: CustodyItem, t: CustodyActionType) => allowedCustodyActions(i, me).includes(t);
  const offer = (t: CustodyActionType) => items.filter((i) => can(i, t));

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label="材料交接">
      <Stack spacing={2}>
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', gap: 1 }}>
          <Typography variant="h6" component="h2" sx={{ flexGrow: 1 }}>
            材料交接
          </Typography>
          {record.status !== '已归档' && <Button onClick={() => setMandate(true)}>打印委托书</Button>}
          {record.status !== '已归档' && (
            <Button variant="contained" onClick={() => setCollecting(true)}>
              收取材料
            </Button>
          )}
          {MANY.map((t) => (
            <Button
              key={t}
              variant="outlined"
              disabled={offer(t).length === 0}
              onClick={() => setAsked({ type: t, items: offer(t) })}
            >
              {t === '归还' ? '归还居民' : t}
            </Button>
          ))}
        </Stack>
        <Table size="small" aria-label="材料及保管人">
          <TableHead>
            <TableRow>
              {['材料', '原件/复印件', '份数', '现由', '状态', '交接记录', ''].map((h) => (
                <TableCell key={h} sx={{ whiteSpace: h === '交接记录' ? undefined : 'nowrap' }}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {items.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>尚未收取居民的材料</TableCell>
              </TableRow>
            )}
            {items.map((i) => (
              <TableRow key={i.id}>
                <TableCell>{i.document}</TableCell>
                <TableCell>{i.original ? '原件' : '复印件'}</TableCell>
                <TableCell>{i.count}</TableCell>
                <TableCell>{holderLabel(i.holder, name)}</TableCell>
                <TableCell>{i.status}</TableCell>
                <TableCell>
                  {i.events
                    .map(
                      (e) =>
                        `${localDateTime(e.at).slice(5)} ${e.type} ${holderLabel(e.from, name)}→${holderLabel(e.to, name)}`,
                    )
                    .join('；')}
                </TableCell>
                <TableCell>
                  {(['留存', '遗失损坏'] as const)
                    .filter((t) => can(i, t))
                    .map((t) => (
                      <Button
                        key={t}
                        size="small"
                        onClick={() => setAsked({ type: t, items: [i] })}
                        aria-label={`${LONE_LABELS[t]}：${i.document}`}
                      >
                        {LONE_LABELS[t]}
                      </Button>
                    ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        {sheet && (
          <Alert
            severity="success"
            role="status"
            action={
              <Button
                color="inherit"
                onClick={() =>
                  void print.run(() =>
                    platform.printHtml({
                      html: renderCustodySheet(sheet, { by: name(me), at: localDateTime(desk.clock.now()) }),
                      pageSize: 'A4',
                    }),
                  )
                }
              >
                打印{sheet.kind}
              </Button>
            }
          >
            已登记：{sheet.items.map((i) => i.document).join('、')}，{sheet.from} → {sheet.to}
          </Alert>
        )}
        {print.error && <Alert severity="error">{print.error}</Alert>}
      </Stack>
      {mandate && (
        <MandateDialog
          record={record}
          task={task}
          resident={resident}
          staff={staff}
          documents={documents}
          onClose={() => setMandate(false)}
        />
      )}
      {collecting && (
        <CollectDialog
          record={record}
          documents={documents}
          taken={items.map((i) => i.document)}
          onClose={() => setCollecting(false)}
        />
      )}
      {asked && (
        <CustodyMoveDialog
          asked={asked}
          staff={staff.filter((s) => s.active && s.id !== me)}
          onClose={() => setAsked(null)}
          onDone={(moved) =>
            setSheet({
              kind: asked.type === '归还' ? '材料归还单' : '材料交接单',
              communityName: desk.community.name,
              trackingNumber: record.trackingNumber,
              matterName: record.matterName,
              residentName: residentLabel(record.residentId, resident, (r) => r.name, ''),
              items: moved,
              ...sheetMove(moved, name),
              recordedBy: name(me),
            })
          }
          name={name}
          caseId={record.id}
        />
      )}
    </Paper>
  );
}

/** The sheet's from → to and time, from the items as the write stored them (not a fresh clock reading). */
function sheetMove(moved: readonly CustodyItem[], name: (id: string) => string) {
  const move = custodyMoveOf(moved);
  return { from: holderLabel(move.from, name), to: holderLabel(move.to, name), at: localDateTime(move.at) };
}
