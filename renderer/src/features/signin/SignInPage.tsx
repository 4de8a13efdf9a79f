/**
 * Sign-in at the shared desk PC: pick who you are, type your PIN or password, Enter.
 * Wrong secrets count towards a temporary lock (see shared/domain/credentials).
 */
import { useEffect, useState, type FormEvent } from 'react';
// Plain HTML (app/firstScreen.css), no MUI and no router: this is the first screen, and its
// JavaScript must stay small (scripts/check-initial-js.mjs, issue 28 item 5).
import { useLiveQuery } from '../../app/liveQuerier';
import type { CommunityProfile } from '@shared/domain/records';
import { listActiveStaff, signIn } from '../../db/repositories/staff';
import { useGuardedAction } from '../../app/useGuardedAction';
import { useDeskBase } from '../../app/desk';
import { useSession } from '../../app/session';
import { startAtDashboard } from '../../app/firstScreen';
import { StaffPinFields } from '../../components/StaffPinFields';

/** `onUsable`: called once the form can be used (its people listed): the rest may load then. */
export function SignInPage({ community, onUsable }: { community: CommunityProfile; onUsable?: () => void }) {
  const desk = useDeskBase();
  const staffList = useLiveQuery(() => listActiveStaff(desk), [desk]);
  const { signedIn, notice } = useSession();
  const [staffId, setStaffId] = useState('');
  const [secret, setSecret] = useState('');
  const { run, error, setError, busy } = useGuardedAction();
  const listed = staffList !== undefined;
  useEffect(() => {
    if (listed) onUsable?.();
  }, [listed, onUsable]);
  const chosen = staffId || (staffList?.length === 1 ? (staffList[0]?.id ?? '') : '');

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!chosen) return setError('请选择值班人员');
    if (!secret) return setError('请输入密码或 PIN');
    const typed = secret;
    setSecret('');
    let refused: string | null = null;
    await run(async () => {
      const result = await signIn(desk, chosen, typed);
      if (result.ok) {
        // Each sign-in starts on the 工作台, never on the previous person's last page.
        startAtDashboard();
        signedIn(result.staff);
      } else refused = result.message;
    });
    if (refused) setError(refused);
  }

  return (
    <div className="fs-page">
      <form className="fs-card fs-stack" onSubmit={submit} aria-label="登录">
        <h1 className="fs-title">社区值班台</h1>
        <p className="fs-subtitle">{community.name}</p>
        {notice && (
          <p role="status" className="fs-notice">
            {notice}
          </p>
        )}
        <StaffPinFields
          id="signin"
          people={staffList ?? []}
          staffId={chosen}
          onStaff={setStaffId}
          secret={secret}
          onSecret={setSecret}
          error={error}
          busy={busy}
          submitLabel="登录"
          placeholder={
            <option value="" disabled>
              请选择
            </option>
          }
        />
      </form>
    </div>
  );
}
