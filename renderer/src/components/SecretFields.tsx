import { TextField } from '@mui/material';

type Props = {
  secret: string;
  again: string;
  onSecret: (v: string) => void;
  onAgain: (v: string) => void;
  secretError?: string;
  againError?: string;
  label?: string;
};

/** A new PIN/password typed twice, used wherever an account's secret is set. */
export function SecretFields({
  secret,
  again,
  onSecret,
  onAgain,
  secretError,
  againError,
  label = '密码或 PIN',
}: Props) {
  return (
    <>
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        value={secret}
        onChange={(e) => onSecret(e.target.value)}
        error={Boolean(secretError)}
        helperText={secretError ?? '6–12 位数字 PIN，或至少 8 位的密码'}
      />
      <TextField
        label={`再次输入${label}`}
        type="password"
        autoComplete="new-password"
        value={again}
        onChange={(e) => onAgain(e.target.value)}
        error={Boolean(againError)}
        helperText={againError ?? ' '}
      />
    </>
  );
}

/** Checks a new secret and its repetition; Chinese messages keyed for the two fields. */
export function secretErrors(
  validate: (s: string) => string | null,
  secret: string,
  again: string,
): { secret?: string; again?: string } {
  const s = validate(secret);
  if (s) return { secret: s };
  return secret === again ? {} : { again: '两次输入不一致' };
}
