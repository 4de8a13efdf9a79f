import { useState } from 'react';
import { failureMessage } from '../db/refusal';

/**
 * Runs a repository call and keeps the Chinese message (and field) of a refusal or storage
 * failure for display; anything else is a bug and is rethrown. The one error-to-message path
 * of the screens (db/refusal.ts `failureMessage`).
 */
export function useGuardedAction() {
  const [error, setError] = useState<string | null>(null);
  const [field, setField] = useState<string | undefined>(undefined);
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    setError(null);
    setField(undefined);
    try {
      await action();
      return true;
    } catch (e) {
      const failure = failureMessage(e);
      if (!failure) throw e;
      setError(failure.message);
      setField(failure.field);
      return false;
    }
  }
  return { run, error, field, setError };
}
