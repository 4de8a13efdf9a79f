/**
 * The dialog every edit form uses: title, fields, one error area, 取消 and the submit button.
 * Enter in a field submits (the form is small and complete); Escape or 取消 closes.
 */
import type { FormEvent, ReactNode } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';

type Props = {
  title: string;
  /** Accessible name of the form (defaults to the title). */
  label?: string;
  submitLabel: string;
  onSubmit: (e: FormEvent) => void;
  onClose: () => void;
  busy?: boolean;
  /** Shown under the fields as one alert; a list shows one line per entry. */
  error?: string | string[] | null;
  maxWidth?: 'sm' | 'md' | 'lg';
  children: ReactNode;
};

export function FormDialog({
  title,
  label,
  submitLabel,
  onSubmit,
  onClose,
  busy,
  error,
  maxWidth = 'sm',
  children,
}: Props) {
  const lines = error ? (Array.isArray(error) ? error : [error]) : [];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth={maxWidth}>
      <form onSubmit={onSubmit} noValidate aria-label={label ?? title}>
        <DialogTitle>{title}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {children}
            {lines.length > 0 && (
              <Alert severity="error" role="alert">
                {lines.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </Alert>
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>取消</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {submitLabel}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
