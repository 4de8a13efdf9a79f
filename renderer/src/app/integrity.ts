/**
 * At start: did the database lose records (wipe detection, issue 11)? The check reads the
 * record kept outside IndexedDB and counts every table; it runs just after the first screen is
 * up and loads its code on demand (the sign-in screen stays small and quick). While a database with no
 * community is being checked the setup wizard waits: a wiped database must not look like a
 * new installation. From then on every committed write keeps the record up to date.
 */
import { useEffect, useRef, useState } from 'react';
import type { IntegrityCheck } from '../db/backup/integrity';
import { getDb } from '../db/database';

export type IntegrityStatus = 'checking' | IntegrityCheck;

export function useIntegrity(): [IntegrityStatus, () => void] {
  const [status, setStatus] = useState<IntegrityStatus>('checking');
  const follow = useRef<() => void>(() => undefined);
  useEffect(() => {
    let live = true;
    let stop: (() => void) | undefined;
    void (async () => {
      // After the first screen is up: counting every table must not delay the sign-in screen.
      await new Promise<void>((ok) => setTimeout(ok, 250));
      if (!live) return;
      const [{ checkIntegrity }, { backupDeps, followCommittedWrites }, { quietDuring }] = await Promise.all([
        import('../db/backup/integrity'),
        import('./backup'),
        import('../db/committed'),
      ]);
      const { value: result, quiet } = await quietDuring(() => checkIntegrity(getDb(), backupDeps).catch(() => null));
      if (!live) return;
      // The check's counts seed the record's (no table counted again after the first write, the
      // sign-in's) — only when no write committed during the count, which it might have missed.
      const seed = result?.ok && quiet ? result.counts : undefined;
      follow.current = () => (stop ??= followCommittedWrites(seed));
      // A check that could not run lets the desk work, but keeps the record as it was (the
      // next start checks again); only a database known to be whole is followed.
      setStatus(result ?? { ok: true });
      if (result?.ok) follow.current();
    })();
    return () => {
      live = false;
      stop?.();
    };
  }, []);
  const resolved = () => {
    setStatus({ ok: true });
    follow.current();
  };
  return [status, resolved];
}
