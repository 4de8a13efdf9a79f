/**
 * Shown above the search results when the number looked up (typed or scanned from a receipt's
 * QR code) belongs to more than one case: every one of them, with its desk and date.
 */
import { Alert, Box } from '@mui/material';
import type { CaseRecord } from '@shared/domain/records';
import { numberMatches } from '@shared/domain/numberLookup';

export function SameNumberNotice({ query, rows }: { query: string; rows: readonly CaseRecord[] }) {
  const matches = numberMatches(query, rows);
  if (matches.length < 2) return null;
  return (
    <Alert severity="warning" role="status" aria-label="同号办件">
      受理编号 {matches[0]!.trackingNumber} 对应 {matches.length}{' '}
      件办件（启用窗口号之前发出的编号，各窗口可能重复），请按受理日期和窗口核对：
      <Box component="ul" sx={{ m: 0, pl: 3 }}>
        {matches.map((m) => (
          <li key={m.id}>
            受理日期 {m.acceptedDay}，{m.desk}
          </li>
        ))}
      </Box>
    </Alert>
  );
}
