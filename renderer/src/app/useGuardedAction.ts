import { useState } from 'react';
import { DomainRefusal, failureMessage } from '../db/refusal';

/** Shown when a write fails for a reason that is not a rule or the storage (a bug). */
export const UNEXPECTED_FAILURE = '操作失败，本次操作没有完成，请重试；如反复出现请联系管理员。';

/**
 * The one error-to-message path of the screens. `run(action)` calls a repository function and
 * answers whether it succeeded; on failure it keeps the Chinese message (and the field) of a
 * refusal or storage failure for display (db/refusal.ts `failureMessage`). A refusal that
 * carries structured data (e.g. every field's message) can be taken by `onRefusal`, which
 * returns true when it has handled it. Anything else is a bug: the clerk gets a generic
 * message (the form and what they typed stay), and the error goes to the console.
 */
export function useGuardedAction() {
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>(undefined);
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<unknown>, onRefusal?: (e: DomainRefusal) => boolean): Promise<boolean> {
    setError(null);
    setField(undefined);
    setBusy(true);
    try {
      await action();
      return true;
    } catch (e) {
      if (onRefusal && e instanceof DomainRefusal && onRefusal(e)) return false;
      const failure = failureMessage(e);
      if (!failure) console.error('unexpected failure', e);
      setError(failure?.message ?? UNEXPECTED_FAILURE);
      setField(failure?.field);
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { run, error, field, busy, setError };
}
