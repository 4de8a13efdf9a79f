/**
 * 交接班 before the 工作台: a duty person who signs in while a hand-over note for them is unread
 * (db/repositories/handovers.ts `pendingHandovers`) sees the notes instead of the desk until they
 * 签阅 each (or sign out). Decided at sign-in, like the 保密承诺 (PledgeGate): a note arriving
 * while they work does not take the screen — it is on the 工作台 (HandoverDashboardCard).
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Box, Button, Paper, Stack, Typography } from '@mui/material';
import { pendingHandovers } from '../../db/repositories/handovers';
import { useDesk } from '../../app/desk';
import { useSession } from '../../app/session';
import { Loading } from '../../components/Loading';
import { HandoverNoteView } from './handoverNoteView';
import { SignHandoverButton } from './handoverSign';
import { useLiveQuery } from '../../app/liveQuerier';

export function HandoverGate({ children }: { children: ReactNode }) {
  const desk = useDesk();
  const pending = useLiveQuery(() => pendingHandovers(desk), [desk]);
  // The notes that stood before the desk at sign-in (null: not read yet).
  const [atSignIn, setAtSignIn] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (pending && atSignIn === null) setAtSignIn(pending.map((n) => n.id));
  }, [pending, atSignIn]);
  if (!pending || atSignIn === null) return <Loading fullScreen />;
  // A 签阅 (here or from another desk) re-runs the live read: every table it reads is observed.
  const standing = pending.filter((n) => atSignIn.includes(n.id));
  if (standing.length === 0) return <>{children}</>;
  return <HandoverGateScreen notes={standing} />;
}

function HandoverGateScreen({ notes }: { notes: Awaited<ReturnType<typeof pendingHandovers>> }) {
  const { signOut } = useSession();
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper component="section" aria-labelledby="handover-gate-title" sx={{ p: 4, width: '100%', maxWidth: 880 }}>
        <Stack spacing={2}>
          <Typography id="handover-gate-title" variant="h4" component="h1">
            交接班记录待签阅
          </Typography>
          <Typography>今天您在值班岗。请先阅读上一班的交接班记录并签阅，再进入工作台。</Typography>
          {notes.map((n, i) => (
            <HandoverNoteView key={n.id} note={n} actions={<SignHandoverButton note={n} autoFocus={i === 0} />} />
          ))}
          <Stack direction="row" sx={{ justifyContent: 'flex-end' }}>
            <Button variant="outlined" onClick={() => void signOut()}>
              退出登录
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
