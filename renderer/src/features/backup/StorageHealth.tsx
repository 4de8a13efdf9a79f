/** 存储状态 for the admin: persistent storage or not, space used of the quota, a warning above 80%. */
import { useEffect, useState } from 'react';
import { Alert, Typography } from '@mui/material';
import { persistenceState, type PersistenceState } from '../../db/persistence';

const PERSISTENCE_TEXT: Record<PersistenceState, string> = {
  persisted: '已获得持久存储',
  'best-effort': '未获得持久存储（空间紧张时浏览器可能清除数据）',
  unsupported: '无法查询持久存储',
};

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export function StorageHealth() {
  const [persist, setPersist] = useState<PersistenceState | null>(null);
  const [estimate, setEstimate] = useState<{ usage: number; quota: number } | null>(null);
  useEffect(() => {
    void persistenceState().then(setPersist);
    void navigator.storage
      ?.estimate()
      .then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }))
      .catch(() => setEstimate(null));
  }, []);
  const share = estimate && estimate.quota > 0 ? estimate.usage / estimate.quota : 0;
  return (
    <>
      <Typography aria-label="存储状态">
        存储状态：{persist ? PERSISTENCE_TEXT[persist] : '…'}
        {estimate ? `；已用 ${mb(estimate.usage)}，可用上限 ${mb(estimate.quota)}（${(share * 100).toFixed(1)}%）` : ''}
      </Typography>
      {share > 0.8 && (
        <Alert severity="warning">本机存储已用超过 80%，空间不足时将无法保存。请清理磁盘，并立即做一次备份。</Alert>
      )}
    </>
  );
}
