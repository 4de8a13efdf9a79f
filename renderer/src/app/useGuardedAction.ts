import { useState } from 'react';
import { StorageError } from '../db/storageErrors';
import { DomainRefusal } from '../db/write';

/**
 * Runs a repository call and keeps the Chinese message of a refusal or storage failure for
 * display; anything else is a bug and is rethrown.
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
      if (e instanceof DomainRefusal) {
        setError(e.message);
        setField(e.field);
      } else if (e instanceof StorageError) setError(e.userMessage);
      else throw e;
      return false;
    }
  }
  return { run, error, field };
}
