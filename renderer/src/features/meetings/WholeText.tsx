/**
 * The whole text of a problem whose title shortens it (`Problem.detail`), behind a 全文 toggle:
 * a native <details>, so it opens with the keyboard and screen readers announce it as expandable.
 * The text is already masked (numbers) when stored.
 */
import { Box } from '@mui/material';

export function WholeText({ text, of }: { text: string | undefined; of: string }) {
  if (!text) return null;
  return (
    <Box
      component="details"
      sx={{ mt: 0.5, '& summary': { cursor: 'pointer', color: 'primary.main', width: 'fit-content' } }}
    >
      <Box component="summary" aria-label={`全文：${of}`}>
        全文
      </Box>
      <Box component="p" sx={{ m: 0, mt: 0.5, whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
        {text}
      </Box>
    </Box>
  );
}
