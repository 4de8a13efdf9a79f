/**
 * Residents' documents as a table (材料交接): the document, its case, who holds it now, since
 * when, and its status — on a resident's page (their history) and in 帮代办 (everything out).
 * A document out longer than the center's limit is marked.
 */
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { custodyAlertDays, holderLabel } from '@shared/domain/custody';
import type { CustodyItem } from '@shared/domain/records';
import { localDateTime } from '../app/clock';
import { useDesk } from '../app/desk';
import { useStaffNames } from '../app/useStaffNames';

type Row = CustodyItem & { trackingNumber: string };

export function CustodyTable({ label, rows, empty }: { label: string; rows: readonly Row[]; empty: string }) {
  const desk = useDesk();
  const names = useStaffNames();
  const name = (id: string) => names.get(id) ?? '工作人员';
  const limit = custodyAlertDays(desk.community);
  const daysOut = (i: Row) => Math.floor((desk.clock.now() - i.collectedAt) / 86_400_000);
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          {['材料', '办件', '现由', '收取时间', '状态'].map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 && (
          <TableRow>
            <TableCell colSpan={5}>{empty}</TableCell>
          </TableRow>
        )}
        {rows.map((i) => (
          <TableRow key={i.id}>
            <TableCell>
              {i.document}（{i.original ? '原件' : '复印件'}）
            </TableCell>
            <TableCell>
              <a href={`#/cases/${i.caseId}`}>{i.trackingNumber}</a>
            </TableCell>
            <TableCell>{holderLabel(i.holder, name)}</TableCell>
            <TableCell>{localDateTime(i.collectedAt)}</TableCell>
            <TableCell
              sx={i.status === '在外' && daysOut(i) > limit ? { color: 'error.main', fontWeight: 700 } : undefined}
            >
              {i.status === '在外' ? `在外 ${daysOut(i)} 天${daysOut(i) > limit ? '（超期）' : ''}` : i.status}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
