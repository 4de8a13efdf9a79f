/**
 * Search-as-you-type over residents (name, pinyin, initials, phone or its last 4, ID or its
 * last 4–6). Results show masked ID and phone. Arrow keys move, Enter picks. A search by ID
 * number or phone is logged, the query masked, when it is submitted or a result is picked.
 */
import { forwardRef, useEffect, useState } from 'react';
import {
  Checkbox,
  FormControlLabel,
  List,
  ListItemButton,
  ListItemText,
  Paper,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { isInactiveResident } from '@shared/domain/residentStatus';
import { maskIdNumber, maskPhone } from '@shared/domain/masking';
import type { Resident } from '@shared/domain/records';
import { searchResidents } from '../../db/repositories/residentSearch';
import { recordResidentSearch } from '../../db/repositories/searchLog';
import { residentAddress } from '@shared/domain/resident';
import { useDesk } from '../../app/desk';

const LIMIT = 8;

type Props = {
  onPick: (r: Resident) => void;
  /** Called with the current query when nothing matches and the clerk presses Enter. */
  onNoMatch?: (query: string) => void;
  label?: string;
};

export const ResidentSearch = forwardRef<HTMLInputElement, Props>(function ResidentSearch(
  { onPick, onNoMatch, label = '查找居民' },
  ref,
) {
  const desk = useDesk();
  const { community } = desk;
  const [query, setQuery] = useState('');
  /** Results with the query they answer: Enter must never pick from an older query's list. */
  const [found, setFound] = useState<{ query: string; results: Resident[] }>({ query: '', results: [] });
  const results = found.results;
  const [active, setActive] = useState(0);
  /** 包括已迁出、已故: off by default (they are kept, but rarely the one meant). */
  const [includeInactive, setIncludeInactive] = useState(false);
  const gridName = (id?: string) => community.grids.find((g) => g.id === id)?.name ?? '';

  useEffect(() => {
    let live = true;
    void searchResidents(desk, query, LIMIT, { includeInactive }).then((r) => {
      if (live) {
        setFound({ query, results: r });
        setActive(0);
      }
    });
    return () => {
      live = false;
    };
  }, [desk, query, includeInactive]);

  /** A search by ID number or phone is logged (masked) once per submit or pick, not per keystroke. */
  function log(q: string, pickedId?: string) {
    void recordResidentSearch(desk, { query: q, ...(pickedId ? { pickedId } : {}) }).catch((e: unknown) =>
      console.error('search log failed', e),
    );
  }

  function pick(r: Resident) {
    log(query, r.id);
    onPick(r);
    setQuery('');
  }

  async function enter() {
    const current =
      found.query === query ? found.results : await searchResidents(desk, query, LIMIT, { includeInactive });
    const r = current[found.query === query ? active : 0];
    if (r) pick(r);
    else if (query.trim()) {
      log(query);
      onNoMatch?.(query.trim());
    }
  }

  return (
    <div>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <TextField
          inputRef={ref}
          label={label}
          value={query}
          placeholder="姓名、拼音首字母、电话后四位或身份证后几位"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing || e.keyCode === 229) return; // Enter commits pinyin in the IME
            if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, results.length - 1));
            else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0));
            else if (e.key === 'Enter') {
              e.preventDefault();
              void enter();
            } else return;
            e.preventDefault();
          }}
          slotProps={{
            htmlInput: {
              // Points at the result list only while there is one.
              'aria-controls': query.trim() && results.length > 0 ? 'resident-results' : undefined,
              'aria-autocomplete': 'list',
            },
          }}
          sx={{ flexGrow: 1 }}
        />
        <FormControlLabel
          label="包括已迁出、已故"
          control={<Checkbox checked={includeInactive} onChange={(e) => setIncludeInactive(e.target.checked)} />}
        />
      </Stack>
      {query.trim() && (
        <Paper variant="outlined" sx={{ mt: 1 }}>
          {results.length === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {onNoMatch ? '没有找到，按 Enter 登记新居民' : '没有找到该居民，请先在“居民”中登记'}
              {includeInactive ? '' : '（已迁出、已故的居民需勾选“包括已迁出、已故”）'}
            </Typography>
          ) : (
            <List id="resident-results" aria-label="查找结果" dense>
              {results.map((r, i) => (
                <ListItemButton key={r.id} selected={i === active} onClick={() => pick(r)}>
                  <ListItemText
                    primary={`${r.name}${r.gender ? ` · ${r.gender}` : ''}${isInactiveResident(r) ? `（${r.status}）` : ''}`}
                    // Birth year and address keep namesakes apart; numbers stay masked.
                    secondary={[
                      r.birthDate ? `${r.birthDate.slice(0, 4)}年生` : '',
                      maskIdNumber(r.idNumber),
                      maskPhone(r.phone),
                      residentAddress(r),
                      gridName(r.gridId),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItemButton>
              ))}
            </List>
          )}
          {results.length === LIMIT && (
            <Typography sx={{ px: 2, pb: 1 }} color="text.secondary">
              仅显示前 {LIMIT} 条，请多输入几个字缩小范围
            </Typography>
          )}
        </Paper>
      )}
    </div>
  );
});
