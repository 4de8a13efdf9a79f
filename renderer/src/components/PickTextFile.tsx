import { useRef, type ReactNode } from 'react';
import { Button } from '@mui/material';

/**
 * A button that opens the file chooser and hands over the chosen file's text and name (the
 * hidden input is out of the Tab order: the button is the control).
 */
export function PickTextFile({
  label,
  accept,
  onText,
  disabled,
  variant = 'outlined',
}: {
  label: ReactNode;
  /** The chooser's filter, e.g. '.json'. */
  accept: string;
  onText: (text: string, name: string) => void;
  disabled?: boolean;
  variant?: 'outlined' | 'contained';
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button variant={variant} onClick={() => input.current?.click()} disabled={disabled}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void file.text().then((text) => onText(text, file.name));
        }}
      />
    </>
  );
}
