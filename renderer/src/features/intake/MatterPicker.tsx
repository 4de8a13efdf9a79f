import type React from 'react';
/**
 * Choose a matter from the active catalog by typing its name, pinyin or initials.
 * For a returning resident (`recent`) the list opens on their recent matters, newest first, and
 * Enter takes the first. Shift+Enter takes the highlighted matter with every document received
 * (the clerk has checked the originals): one key instead of Enter then 材料全部收齐.
 *
 * Those keys never depend on the list: an Enter in the empty box before the recent matters are
 * read waits for them; once read, Enter takes the first itself unless the clerk moved the
 * highlight — MUI's own Enter would drop a key pressed in the moment between the list opening and
 * its first option being highlighted (a passive effect), which a slow PC makes long. The list
 * opens below the box, never flipped up over the 来访类型 above (matterListPlacement.ts).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { Autocomplete, TextField } from '@mui/material';
import { matterHaystack, searchMatters, withRecentFirst } from '@shared/domain/matterSearch';
import { LIST_BELOW } from './matterListPlacement';
import type { MatterType } from '../../db/matterType';

type Props = {
  matters: MatterType[];
  value: MatterType | null;
  /** `allReceived`: chosen with Shift+Enter, every document of the matter received. */
  onChange: (m: MatterType | null, allReceived: boolean) => void;
  label: string;
  error?: string;
  autoFocus?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
  /** The resident's recent matter codes, newest first; null while they are being read. */
  recent?: readonly string[] | null;
};

const NONE: readonly string[] = [];

/** Shift+Enter on the list: take the matter and every document. */
function withAllDocuments(e: React.SyntheticEvent): boolean {
  const k = e as React.KeyboardEvent;
  return k.type === 'keydown' && k.key === 'Enter' && k.shiftKey;
}

function setRef<T>(ref: React.Ref<T> | undefined, el: T | null) {
  if (typeof ref === 'function') ref(el);
  else if (ref) ref.current = el;
}

export function MatterPicker({ matters, value, onChange, label, error, autoFocus, inputRef, recent }: Props) {
  const indexed = useMemo(() => matters.map((matter) => ({ matter, haystack: matterHaystack(matter) })), [matters]);
  const recentCodes = recent ?? NONE;
  const recentFirst = useMemo(
    () => (recentCodes.length > 0 ? withRecentFirst(indexed, recentCodes) : indexed),
    [indexed, recentCodes],
  );
  const [open, setOpen] = useState(false);
  const [input, setInput] = useState('');
  const field = useRef<HTMLInputElement | null>(null);
  // An Enter pressed in the empty box before the resident's recent matters were read: it takes
  // the first of them once they are (no keystroke lost, none taking a matter they do not see).
  const pendingEnter = useRef<{ allReceived: boolean } | null>(null);
  // The clerk moved the highlight (arrows, mouse) since the list opened: Enter is then MUI's.
  const moved = useRef(false);
  const latest = useRef({ onChange, value, recentFirst });
  latest.current = { onChange, value, recentFirst };
  useEffect(() => {
    if (recent === null || recent === undefined) return;
    const pending = pendingEnter.current;
    pendingEnter.current = null;
    const { onChange, value, recentFirst } = latest.current;
    if (value !== null || recent.length === 0) return;
    const first = recentFirst[0]?.matter;
    if (pending && first) onChange(first, pending.allReceived);
    else if (document.activeElement === field.current) setOpen(true);
  }, [recent]);

  const recentHelp = recentCodes.length > 0 ? '最近办过的事项在前，Enter 选定' : '输入事项名称、拼音或首字母，如 gljt';
  return (
    <Autocomplete
      options={matters}
      value={value}
      onChange={(e, m) => onChange(m, withAllDocuments(e))}
      open={open}
      onOpen={() => {
        moved.current = false;
        setOpen(true);
      }}
      onClose={() => setOpen(false)}
      openOnFocus={recentCodes.length > 0}
      onInputChange={(_, v) => setInput(v)}
      onKeyDown={(e) => {
        if (e.key !== 'Enter' || value !== null || input !== '') return;
        const first = recentCodes.length > 0 && !moved.current ? recentFirst[0]?.matter : undefined;
        if (recent === null) pendingEnter.current = { allReceived: e.shiftKey };
        else if (first) {
          onChange(first, e.shiftKey);
          setOpen(false);
        } else return;
        e.preventDefault();
        (e as { defaultMuiPrevented?: boolean }).defaultMuiPrevented = true;
      }}
      autoHighlight
      onHighlightChange={() => {
        // Called for the clerk's own moves only (keyboard, mouse, touch), never autoHighlight's.
        moved.current = true;
      }}
      slotProps={LIST_BELOW}
      getOptionLabel={(m) => m.name}
      renderOption={({ key, ...props }, m) => (
        <li key={key} {...props}>
          {m.name}
          <span style={{ marginLeft: 12, opacity: 0.6 }}>
            {recentCodes.includes(m.code) ? '最近办过 · ' : ''}
            {m.category} · {m.defaultMode}
            {m.timeLimitDays > 0 ? ` · ${m.timeLimitDays} 个工作日` : ''}
          </span>
        </li>
      )}
      isOptionEqualToValue={(a, b) => a.code === b.code}
      filterOptions={(_, state) => searchMatters(recentFirst, state.inputValue, 30)}
      renderInput={(params) => (
        <TextField
          {...params}
          inputRef={(el: HTMLInputElement | null) => {
            field.current = el;
            setRef(inputRef, el);
          }}
          label={label}
          autoFocus={autoFocus}
          error={Boolean(error)}
          helperText={error ?? `${recentHelp}；Shift+Enter 选定并材料全部收齐（已核对原件）`}
        />
      )}
    />
  );
}
