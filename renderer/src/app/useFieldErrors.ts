/**
 * Field errors that follow the value (issue 25 item 19). A field's message appears when the
 * clerk leaves the field (`touch`) or saves (`setErrors` with the refusal's messages); from then
 * on it is checked again at every change of the form's values, so it clears the moment the value
 * becomes valid (or turns into the new value's message) — never a red field over a right value.
 * Fields not yet shown are not checked while the clerk types.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

type Errors = Record<string, unknown>;

/** The shown messages, each replaced by the current check's (gone when the field is now valid). */
export function recheckShown<E extends Errors>(shown: E, now: E): E {
  let next: E | null = null;
  for (const [key, message] of Object.entries(shown)) {
    // Only a field's own message: a nested list (a form's per-row errors) stays as the save left it.
    if (typeof message !== 'string' || now[key] === message) continue;
    next ??= { ...shown };
    if (typeof now[key] === 'string') (next as Errors)[key] = now[key];
    else delete (next as Errors)[key];
  }
  return next ?? shown;
}

/**
 * `check` gives every field's current message (valid fields absent); `values` is the form's
 * state, whose change triggers the re-check.
 */
export function useFieldErrors<E extends Errors>(check: () => E, values: unknown) {
  const [errors, setErrors] = useState<E>({} as E);
  const latest = useRef(check);
  latest.current = check;
  useEffect(() => {
    setErrors((shown) => recheckShown(shown, latest.current()));
  }, [values]);
  const touch = useCallback(
    (key: keyof E) =>
      setErrors((all) => {
        const message = latest.current()[key];
        if (all[key] === message) return all;
        const next = { ...all, [key]: message };
        if (message === undefined) delete next[key];
        return next;
      }),
    [],
  );
  return { errors, setErrors, touch };
}
