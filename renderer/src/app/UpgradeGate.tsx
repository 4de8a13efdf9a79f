/**
 * Before the database is opened: if this build would upgrade its schema, a backup of the data
 * as it is comes first (db/backup/preUpgrade.ts). In the desktop app it is written to the backup
 * folder by itself; in the browser build it is a download, and the upgrade waits until the
 * clerk confirms the file was saved. A desk that never made a backup sets its backup
 * passphrase here first. Nobody is signed in yet: unless the desktop app writes the backup into
 * its folder by itself, a 站长/管理员 PIN of the old database is asked (checked in preUpgrade.ts).
 */
import { Suspense, useEffect, useState, type ReactNode } from 'react';
import { getDb, loadUpgradeSteps } from '../db/database';
import { Loading } from '../components/Loading';
import { UpgradeBackupScreen } from './lazyPages';
import { pendingUpgradeFrom } from '../db/backup/pendingUpgrade';
import { systemClock } from './clock';

type Stage = 'checking' | 'ready' | { from: number; hasKey: boolean; saved: boolean; automatic: boolean };

export function UpgradeGate({ children }: { children: ReactNode }) {
  const [stage, setStage] = useState<Stage>('checking');
  useEffect(() => {
    void (async () => {
      const from = await pendingUpgradeFrom().catch(() => null);
      if (from === null) return setStage('ready');
      // The versions' data steps load only now: an up-to-date desk never loads them.
      await loadUpgradeSteps();
      const [{ backupBeforeUpgrade }, { automaticBackups, backupDeps }] = await Promise.all([
        import('../db/backup/preUpgrade'),
        import('./backup'),
      ]);
      const hasKey = (await backupDeps.keys.load()) !== null;
      if (automaticBackups && hasKey) {
        const outcome = await backupBeforeUpgrade(backupDeps, { now: systemClock.now() }).catch(() => null);
        if (outcome?.ok) return setStage('ready');
      }
      setStage({ from, hasKey, saved: false, automatic: automaticBackups });
    })();
  }, []);
  useEffect(() => {
    // Open the database before the first screen asks for it (on a large store the open is the
    // longest wait of the start).
    if (stage === 'ready')
      void getDb()
        .open()
        .catch(() => undefined);
  }, [stage]);
  if (stage === 'checking') return <Loading fullScreen />;
  if (stage === 'ready') return children;
  const backUp = async (passphrase?: string, adminPin?: string) => {
    const [{ backupBeforeUpgrade }, { backupDeps }] = await Promise.all([
      import('../db/backup/preUpgrade'),
      import('./backup'),
    ]);
    return backupBeforeUpgrade(backupDeps, { now: systemClock.now(), passphrase, adminPin });
  };
  return (
    <Suspense fallback={<Loading fullScreen />}>
      <UpgradeBackupScreen
        {...stage}
        onBackUp={backUp}
        onSaved={() => setStage({ ...stage, saved: true })}
        onGo={() => setStage('ready')}
      />
    </Suspense>
  );
}
