/**
 * 保密承诺: after sign-in, a staff member who has never accepted the pledge, or accepted it more
 * than 365 days ago (shared/domain/pledge.ts), sees it instead of the desk. Nothing else is
 * usable until 我已阅读并承诺 (the staff row keeps the time, the audit log the acceptance, one
 * transaction) or 退出登录. The staff row is read live, so acceptance opens the desk at once.
 *
 * A session whose account is no longer in the data (a restore from another machine) ends here
 * (sign-in again), never a pledge with an empty 承诺人. A stopped account keeps its open session
 * until the desk locks: it cannot unlock, and an active colleague takes over (DeskLock).
 *
 * The rule is read at sign-in and again at every unlock (app/pledgeCheck.ts): desks stay signed
 * in for days, so a year that runs out while the session is open is asked before the desk
 * continues. Never while the desk is locked (a reload of a locked desk waits for the unlock).
 */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { useLiveQuery } from '../../app/liveQuerier';
import { pledgeDue } from '@shared/domain/pledge';
import { PLEDGE_ACCEPT, PLEDGE_LINES, PLEDGE_TITLE } from '@shared/domain/texts';
import { acceptPledge, getStaff } from '../../db/repositories/staff';
import { useDesk } from '../../app/desk';
import { useSession } from '../../app/session';
import { isDeskLocked } from '../../app/deskLock';
import { PledgeCheckContext } from '../../app/pledgeCheck';
import { useGuardedAction } from '../../app/useGuardedAction';
import { Loading } from '../../components/Loading';

export function PledgeGate({ children }: { children: ReactNode }) {
  const desk = useDesk();
  const staff = useLiveQuery(() => getStaff(desk, desk.actor.id).then((s) => s ?? null), [desk]);
  // When the rule was last read: at sign-in, then at each unlock (null: a locked desk, not yet).
  const [checkedAt, setCheckedAt] = useState<number | null>(() => (isDeskLocked() ? null : desk.clock.now()));
  const { clock } = desk;
  const recheck = useCallback(() => setCheckedAt(clock.now()), [clock]);
  const { endSession } = useSession();
  // The account is gone from the data (a restore): the pledge is never asked in its name — the
  // session ends and the clerk signs in again.
  const gone = staff === null;
  useEffect(() => {
    if (gone) endSession(ACCOUNT_GONE);
  }, [gone, endSession]);
  if (staff === undefined || gone) return <Loading fullScreen />;
  if (staff && (checkedAt === null || !pledgeDue(staff.pledgeAcceptedAt, checkedAt)))
    return <PledgeCheckContext.Provider value={recheck}>{children}</PledgeCheckContext.Provider>;
  return <PledgeScreen name={staff.name} renewal={staff.pledgeAcceptedAt !== undefined} />;
}

/** The sign-in screen's line when the signed-in account left the data. */
const ACCOUNT_GONE = '当前账号已不在本机数据中，请重新登录。';

function PledgeScreen({ name, renewal }: { name: string; renewal: boolean }) {
  const desk = useDesk();
  const { signOut } = useSession();
  const { run, error, busy } = useGuardedAction();
  return (
    <Box component="main" sx={{ display: 'grid', placeItems: 'center', minHeight: '100vh', p: 2 }}>
      <Paper component="section" aria-labelledby="pledge-title" sx={{ p: 4, maxWidth: 720 }}>
        <Stack spacing={2}>
          <Typography id="pledge-title" variant="h4" component="h1">
            {PLEDGE_TITLE}
          </Typography>
          <Typography>
            {renewal ? '保密承诺每年确认一次，请重新阅读。' : '第一次使用本机值班台，请先阅读并确认保密承诺。'}
            本人{name}承诺：
          </Typography>
          <Box component="ol" aria-label="承诺内容" sx={{ m: 0, pl: 3, '& li': { mb: 1, fontSize: '1.0625rem' } }}>
            {PLEDGE_LINES.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </Box>
          <Typography color="text.secondary">
            承诺人：{name}　日期：{desk.clock.today()}（确认后记入操作日志）
          </Typography>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          <Stack direction="row" spacing={2} sx={{ justifyContent: 'flex-end' }}>
            <Button variant="outlined" onClick={() => void signOut()} disabled={busy}>
              退出登录
            </Button>
            <Button variant="contained" autoFocus onClick={() => void run(() => acceptPledge(desk))} disabled={busy}>
              {PLEDGE_ACCEPT}
            </Button>
          </Stack>
        </Stack>
      </Paper>
    </Box>
  );
}
