/**
 * A screen's live job (client.ts `watchJob`) as a hook: the latest result for this input, or
 * undefined while the first one is computed (a result for an earlier input is never shown), and
 * the failure's message if the job failed. `input` null: no job.
 */
import { useEffect, useState } from 'react';
import { useDesk } from '../app/desk';
import { watchJob } from './client';
import type { JobInput, JobKind, JobOutput } from './jobs';

export function useJob<K extends JobKind>(
  kind: K,
  input: JobInput<K> | null,
): { value: JobOutput<K> | undefined; error: string | null } {
  const desk = useDesk();
  // The input as a key: equal inputs are one job, whatever object holds them.
  const key = input === null ? '' : JSON.stringify(input);
  const [state, setState] = useState<{ key: string; desk: unknown; value?: JobOutput<K>; error?: string }>({
    key: '',
    desk: null,
  });
  useEffect(() => {
    if (key === '') return undefined;
    return watchJob(
      kind,
      desk,
      JSON.parse(key) as JobInput<K>,
      (value) => setState({ key, desk, value }),
      (error) => setState({ key, desk, error }),
    );
  }, [kind, desk, key]);
  const current = state.key === key && state.desk === desk;
  return { value: current ? state.value : undefined, error: current ? (state.error ?? null) : null };
}
