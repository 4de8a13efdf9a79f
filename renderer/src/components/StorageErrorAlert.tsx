/**
 * Shows every storage failure reported by the data layer (quota, disk, closed database) to
 * the clerk in Chinese. It stays until dismissed: a save that did not happen must not pass
 * unnoticed. (A fixed box, not a Snackbar: it is on the first screen, and a Snackbar's code is
 * not needed for a message that never hides itself.)
 */
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Box } from '@mui/material';
import { onStorageError, type StorageError } from '../db/storageErrors';

export function StorageErrorAlert() {
  const [error, setError] = useState<StorageError | null>(null);
  useEffect(() => onStorageError(setError), []);
  if (!error) return null;
  return (
    <Box
      sx={{ position: 'fixed', top: 24, left: '50%', transform: 'translateX(-50%)', zIndex: 'snackbar', maxWidth: 640 }}
    >
      <Alert severity="error" variant="filled" onClose={() => setError(null)} role="alert" sx={{ fontSize: '1.05rem' }}>
        <AlertTitle>数据没有保存</AlertTitle>
        {error.userMessage}
      </Alert>
    </Box>
  );
}
