/**
 * On a resident's page: their proxy requests (帮代办: source, request, status, the case) and the
 * problems they raised that went to the joint meeting (问题库: category, status, the decisions).
 */
import type { ReactNode } from 'react';
import { Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { maskNumbersInText } from '@shared/domain/masking';
import { Link as RouterLink } from 'react-router';
import { useDesk } from '../../app/desk';
import { proxyTasksOfResident } from '../../db/repositories/proxy';
import { problemsOfResident } from '../../db/repositories/problems';

function HistoryTable({
  title,
  label,
  columns,
  rows,
  empty,
}: {
  title: string;
  label: string;
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[] | undefined;
  empty: string;
}) {
  return (
    <Paper>
      <Typography variant="h6" component="h2" sx={{ p: 2, pb: 0 }}>
        {title}（{rows?.length ?? 0}）
      </Typography>
      <Table aria-label={label}>
        <TableHead>
          <TableRow>
            {columns.map((c) => (
              <TableCell key={c}>{c}</TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows?.length === 0 && (
            <TableRow>
              <TableCell colSpan={columns.length}>{empty}</TableCell>
            </TableRow>
          )}
          {rows?.map((r) => (
            <TableRow key={r.key}>
              {r.cells.map((c, i) => (
                <TableCell key={columns[i]}>{c}</TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Paper>
  );
}

export function ResidentRequests({ residentId }: { residentId: string }) {
  const desk = useDesk();
  const tasks = useLiveQuery(() => proxyTasksOfResident(desk, residentId), [desk, residentId]);
  const problems = useLiveQuery(() => problemsOfResident(desk, residentId), [desk, residentId]);
  const caseLink = (id: string | undefined, text: string) =>
    id ? (
      <Link component={RouterLink} to={`/cases/${id}`}>
        {text}
      </Link>
    ) : (
      text
    );
  return (
    <>
      <HistoryTable
        title="帮代办记录"
        label="居民的帮代办记录"
        columns={['日期', '来源', '需求', '状态']}
        empty="没有帮代办记录"
        rows={tasks?.map((t) => ({
          key: t.id,
          cells: [t.requestedDay, t.source, caseLink(t.caseId, maskNumbersInText(t.request)), t.status],
        }))}
      />
      <HistoryTable
        title="反映的问题"
        label="居民反映的问题"
        columns={['日期', '问题', '类别', '状态']}
        empty="没有提交联席会议的问题"
        rows={problems?.map((p) => ({
          key: p.id,
          cells: [p.raisedDay, caseLink(p.caseId, p.title), p.category, p.status],
        }))}
      />
    </>
  );
}
