/**
 * 帮代办 queues: 待确认, 待上门, 今日上门, 办理中, 待送达 — each one index range read 50 a page
 * (上一页 / 下一页), with its count —
 * and today's home visits per staff member. Each row: the resident (name, masked phone, the
 * address to go to), the request or its case, the booked visit, the target beside the case's
 * deadline, and the next steps.
 */
import { useState } from 'react';
import {
  Box,
  Link,
  Stack,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  Typography,
} from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { Link as RouterLink } from 'react-router';
import { maskNumbersInText, maskPhone } from '@shared/domain/masking';
import { residentAddress } from '@shared/domain/resident';
import { residentLabel } from '@shared/domain/residentStatus';
import type { Resident, Staff } from '@shared/domain/records';
import { useDesk } from '../../app/desk';
import {
  PROXY_QUEUES,
  proxyQueue,
  proxyQueueCounts,
  proxyQueuePage,
  type ProxyCursor,
  type ProxyQueue,
} from '../../db/repositories/proxy';
import { PagePager, useCursorPages } from '../../components/ListPager';
import { ProxyActions } from './ProxyActions';
import { targetText, visitText } from './proxyText';

export function ProxyQueues({ staff }: { staff: readonly Staff[] }) {
  const desk = useDesk();
  const [queue, setQueueNow] = useState<ProxyQueue>('待上门');
  const pages = useCursorPages<ProxyCursor>();
  const { cursor } = pages;
  const setQueue = (q: ProxyQueue) => {
    setQueueNow(q);
    pages.reset();
  };
  const counts = useLiveQuery(() => proxyQueueCounts(desk), [desk]);
  const page = useLiveQuery(() => proxyQueuePage(desk, queue, { after: cursor }), [desk, queue, cursor]);
  const rows = page?.rows;
  const today = useLiveQuery(() => proxyQueue(desk, '今日上门'), [desk]);
  const name = (id: string) => staff.find((s) => s.id === id)?.name ?? '工作人员';
  const perStaff = new Map<string, number>();
  for (const r of today ?? [])
    for (const id of r.task.visit?.staffIds ?? []) perStaff.set(id, (perStaff.get(id) ?? 0) + 1);
  return (
    <Stack spacing={2}>
      <Typography aria-label="今日上门安排">
        今日上门：
        {perStaff.size === 0 ? '无' : [...perStaff].map(([id, n]) => `${name(id)} ${n} 户`).join('，')}
      </Typography>
      <Tabs value={queue} onChange={(_, v: ProxyQueue) => setQueue(v)} aria-label="代办队列" variant="scrollable">
        {PROXY_QUEUES.map((q) => (
          <Tab key={q} value={q} label={`${q}（${counts?.[q] ?? 0}）`} />
        ))}
      </Tabs>
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={`${queue}的代办`}>
          <TableHead>
            <TableRow>
              {['居民', '住址', '来源', '需求 / 办件', '上门', '时限', '操作'].map((h) => (
                <TableCell key={h} sx={{ whiteSpace: 'nowrap' }}>
                  {h}
                </TableCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {rows?.length === 0 && (
              <TableRow>
                <TableCell colSpan={7}>没有{queue}的代办</TableCell>
              </TableRow>
            )}
            {rows?.map(({ task, resident, record }) => (
              <TableRow key={task.id}>
                <TableCell>
                  {resident ? (
                    <Link component={RouterLink} to={`/residents/${resident.id}`}>
                      {resident.name}
                    </Link>
                  ) : (
                    residentLabel(task.residentId, resident, (r: Resident) => r.name)
                  )}
                  {resident?.phone && <Typography variant="body2">{maskPhone(resident.phone)}</Typography>}
                </TableCell>
                <TableCell>{resident ? residentAddress(resident) || '—' : '—'}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{task.source}</TableCell>
                <TableCell>
                  {record ? (
                    <Link component={RouterLink} to={`/cases/${record.id}`} sx={{ whiteSpace: 'nowrap' }}>
                      {record.trackingNumber}
                    </Link>
                  ) : (
                    '未确认事项'
                  )}
                  <Typography variant="body2">{record?.matterName ?? maskNumbersInText(task.request)}</Typography>
                  {record && <Typography variant="body2">办件{record.status}</Typography>}
                </TableCell>
                <TableCell>{visitText(task, name)}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {targetText(task, record?.deadline)
                    .split('；')
                    .map((line) => (
                      <div key={line}>{line}</div>
                    ))}
                </TableCell>
                <TableCell>
                  <ProxyActions task={task} resident={resident} staff={staff} record={record} inQueue />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>
      <PagePager label={`${queue}的代办`} page={page} pages={pages} total={counts?.[queue]} />
    </Stack>
  );
}
