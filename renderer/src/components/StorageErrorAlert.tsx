/**
 * Shows every storage failure reported by the data layer (quota, disk, closed database) to
 * the clerk in Chinese. It stays until dismissed: a save that did not happen must not pass
 * unnoticed. Plain HTML (app/firstScreen.css), not MUI's Alert: it is on the first screen.
 */
import { useEffect, useState } from 'react';
import { onStorageError, type StorageError } from '../db/storageErrors';

export function StorageErrorAlert() {
  const [error, setError] = useState<StorageError | null>(null);
  useEffect(() => onStorageError(setError), []);
  if (!error) return null;
  return (
    <div className="fs-alert fs-alert--storage" role="alert">
      <div>
        <p className="fs-alert__title">数据没有保存</p>
        {error.userMessage}
      </div>
      <button type="button" className="fs-alert__close" onClick={() => setError(null)}>
        关闭
      </button>
    </div>
  );
}
