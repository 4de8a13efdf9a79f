import type { SetupErrors, SetupForm } from './setupForm';

export type StepProps = {
  form: SetupForm;
  errors: SetupErrors;
  update: (patch: Partial<SetupForm>) => void;
};

/** The `error`/`helperText` pair for a field: the error if any, else the hint. */
export function fieldState(errors: SetupErrors, key: keyof SetupForm, hint = ' ') {
  const message = errors[key];
  return { error: Boolean(message), helperText: message ?? hint };
}
