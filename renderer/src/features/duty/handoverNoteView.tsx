/**
 * One hand-over note as the desk shows it: who handed over to which day, what the desk knew, the
 * writer's notes and items to watch, who signed it when. The text was masked when kept and is
 * masked again for the screen.
 */
import type { ReactNode } from 'react';
import { Box, Divider, Stack, Typography } from '@mui/material';
import { factLine } from '@shared/domain/handover';
import { maskNumbersInText } from '@shared/domain/masking';
import type { HandoverView } from '../../db/repositories/handovers';
import { localDateTime } from '../../app/clock';

export function HandoverNoteView({ note, actions }: { note: HandoverView; actions?: ReactNode }) {
  const titleId = `handover-${note.id}`;
  return (
    <Box
      component="article"
      aria-labelledby={titleId}
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}
    >
      <Stack spacing={1}>
        <Typography id={titleId} variant="h6" component="h3">
          {note.writerName} 交班 → {note.forDay} 接班
        </Typography>
        <Typography color="text.secondary">填写时间：{localDateTime(note.createdAt)}</Typography>
        <Typography component="h4" sx={{ fontWeight: 700 }}>
          值班台情况
        </Typography>
        <Box component="ul" sx={{ m: 0, pl: 3 }}>
          {note.facts.map((f) => (
            <li key={f.kind}>{factLine(f)}</li>
          ))}
        </Box>
        <Typography component="h4" sx={{ fontWeight: 700 }}>
          交接内容
        </Typography>
        <Typography sx={{ whiteSpace: 'pre-wrap' }}>{note.text ? maskNumbersInText(note.text) : '（无）'}</Typography>
        <Typography component="h4" sx={{ fontWeight: 700 }}>
          需关注事项
        </Typography>
        {note.watch.length > 0 ? (
          <Box component="ol" sx={{ m: 0, pl: 3 }}>
            {note.watch.map((w, i) => (
              <li key={i}>{maskNumbersInText(w)}</li>
            ))}
          </Box>
        ) : (
          <Typography>（无）</Typography>
        )}
        <Divider />
        <Typography aria-label="签阅情况">
          {note.readers.length > 0
            ? `已签阅：${note.readers.map((r) => `${r.name}（${localDateTime(r.at)}）`).join('、')}`
            : '尚无人签阅'}
        </Typography>
        {actions}
      </Stack>
    </Box>
  );
}
