/** The first rows as they will be saved (numbers masked as on every screen), or why not. */
import { Table, TableBody, TableCell, TableHead, TableRow } from '@mui/material';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import { residentAddress } from '@shared/domain/resident';
import type { PlannedRow } from '@shared/residentImport/plan';

export const PREVIEW_ROWS = 12;

export function PreviewTable({
  rows,
  registered,
  gridName,
}: {
  rows: readonly PlannedRow[];
  /** Rows matching a resident already on file: row → why ('已登记（身份证号相同）'). */
  registered: ReadonlyMap<number, string>;
  gridName: (id?: string) => string;
}) {
  return (
    <Table size="small" aria-label="导入预览">
      <TableHead>
        <TableRow>
          {['行号', '结果', '姓名', '身份证号', '性别', '出生日期', '联系电话', '住址', '网格', '人员标签'].map((h) => (
            <TableCell key={h}>{h}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.slice(0, PREVIEW_ROWS).map((r) =>
          r.ok ? (
            <TableRow key={r.row}>
              <TableCell>{r.row}</TableCell>
              <TableCell>{registered.get(r.row) ?? '将导入'}</TableCell>
              <TableCell>{r.value.name}</TableCell>
              <TableCell>{r.value.idNumber ? maskIdNumber(r.value.idNumber) : ''}</TableCell>
              <TableCell>{r.value.gender ?? ''}</TableCell>
              <TableCell>{r.value.birthDate ?? ''}</TableCell>
              <TableCell>{r.value.phone ? maskPhone(r.value.phone) : ''}</TableCell>
              <TableCell>{residentAddress(r.value)}</TableCell>
              <TableCell>{gridName(r.value.gridId)}</TableCell>
              <TableCell>{r.value.tags.join('、')}</TableCell>
            </TableRow>
          ) : (
            <TableRow key={r.row}>
              <TableCell>{r.row}</TableCell>
              <TableCell colSpan={9} sx={{ color: 'error.main' }}>
                不导入：{r.reason}
              </TableCell>
            </TableRow>
          ),
        )}
      </TableBody>
    </Table>
  );
}
