/**
 * 退出登录, with a warning when this staff member has a registration in progress (it is
 * discarded at sign-out: the next person at the shared PC must not see it), and — for a duty
 * person near the end of their shift — the hand-over note first (交接班, features/duty;
 * a sign-out mid-shift asks nothing).
 */
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle } from '@mui/material';
import { useNavigate } from 'react-router';
import { hasIntakeDraft } from '../features/intake/intakeDraft';
import { HandoverDialog } from '../features/duty/handoverForm';
import { signOutAsksHandover } from '../db/repositories/handovers';
import { useDesk } from './desk';
import { useSession, useStaff } from './session';

export function SignOutButton() {
  const staff = useStaff();
  const desk = useDesk();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [warning, setWarning] = useState(false);
  const [handover, setHandover] = useState(false);
  // The hand-over note when the shift is ending; else straight out.
  const leave = async () => {
    setWarning(false);
    if (await signOutAsksHandover(desk).catch(() => false)) setHandover(true);
    else await signOut();
  };
  return (
    <>
      <Button
        color="inherit"
        variant="outlined"
        onClick={() => (hasIntakeDraft(staff.id) ? setWarning(true) : void leave())}
      >
        退出登录
      </Button>
      {warning && (
        <Dialog open onClose={() => setWarning(false)} aria-labelledby="signout-warning-title">
          <DialogTitle id="signout-warning-title">有未保存的来访登记</DialogTitle>
          <DialogContent>退出登录会丢弃这份还没有保存的来访登记。</DialogContent>
          <DialogActions>
            <Button
              autoFocus
              onClick={() => {
                setWarning(false);
                void navigate('/intake');
              }}
            >
              返回登记
            </Button>
            <Button color="error" onClick={() => void leave()}>
              仍然退出
            </Button>
          </DialogActions>
        </Dialog>
      )}
      {handover && (
        <HandoverDialog
          onCancel={() => setHandover(false)}
          onSkip={() => void signOut()}
          onSaved={() => void signOut()}
        />
      )}
    </>
  );
}
