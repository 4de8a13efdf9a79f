/**
 * Shows every storage failure reported by the data layer (quota, disk, closed database) to
 * the clerk in Chinese. It stays until dismissed: a save that did not happen must not pass
 * unnoticed.
 */
import { useEffect, useState } from 'react';
import { Alert, AlertTitle, Snackbar } from '@mui/material';
import { onStorageError, type StorageError } from '../db/storageErrors';

export function StorageErrorAlert() {
  const [error, setError] = useState<StorageError | null>(null);
  useEffect(() => onStorageError(setError), []);
  return (
    <Snackbar open={error !== null} anchorOrigin={{ vertical: 'top', horizontal: 'center' }}>
      <Alert severity="error" variant="filled" onClose={() => setError(null)} role="alert" sx={{ fontSize: '1.05rem' }}>
        <AlertTitle>数据没有保存</AlertTitle>
        {error?.userMessage}
      </Alert>
    </Snackbar>
  );
}
