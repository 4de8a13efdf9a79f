/** 上次会议决定落实情况 on a meeting's page: each of last meeting's decisions with the linked case's status and deadline. */
import { Box, Chip, Link, Paper, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { Link as RouterLink } from 'react-router';
import { maskNumbersInText } from '@shared/domain/masking';
import { progressLabel } from '@shared/receipts/meetingAgenda';
import type { MeetingFile } from '../../db/repositories/meetings';
import { progressViews } from './meetingText';

const NO_WRAP = { whiteSpace: 'nowrap' } as const;

export function Progress({ file, staffName }: { file: MeetingFile; staffName: (id: string) => string }) {
  const rows = progressViews(file, staffName);
  return (
    <Paper sx={{ p: 2 }} component="section" aria-labelledby="progress-heading">
      <Typography id="progress-heading" variant="h6" component="h2" sx={{ mb: 1 }}>
        上次会议决定落实情况
      </Typography>
      {rows.length === 0 ? (
        <Typography>{file.meeting.since ? '上次会议没有需要落实的决定。' : '此前没有召开过联席会议。'}</Typography>
      ) : (
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="上次会议决定落实情况">
            <TableHead>
              <TableRow>
                {['问题', '决定', '办件', '办件状态', '时限', '落实'].map((h) => (
                  <TableCell key={h} sx={NO_WRAP}>
                    {h}
                  </TableCell>
                ))}
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((p) => {
                const label = progressLabel(p, file.meeting.day);
                return (
                  <TableRow key={`${p.decision.meetingId}:${p.title}:${p.text}`}>
                    <TableCell>{maskNumbersInText(p.title)}</TableCell>
                    <TableCell>{maskNumbersInText(p.text)}</TableCell>
                    <TableCell sx={NO_WRAP}>
                      {p.record ? (
                        <Link component={RouterLink} to={`/cases/${p.record.id}`}>
                          {p.record.trackingNumber}
                        </Link>
                      ) : (
                        '—'
                      )}
                    </TableCell>
                    <TableCell sx={NO_WRAP}>{p.caseStatus ?? '—'}</TableCell>
                    <TableCell sx={NO_WRAP}>{p.deadline ?? '—'}</TableCell>
                    <TableCell sx={NO_WRAP}>
                      <Chip
                        size="small"
                        label={label}
                        color={p.done ? 'success' : label.includes('超期') ? 'error' : 'default'}
                        variant={p.done ? 'filled' : 'outlined'}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </Box>
      )}
    </Paper>
  );
}
