/** 设置 → 同步冲突 / 数据冲突: the page once the sync API is loaded (or why there is none). */
import { Alert } from '@mui/material';
import { Loading } from '../../components/Loading';
import { CaseConflictsPage } from './CaseConflictsPage';
import { NO_SYNC_IN_BUILD } from './JoinForm';
import { RecordConflictsPage } from './RecordConflictsPage';
import { useSyncApi } from './syncApi';

export function SyncConflicts({ kind }: { kind: 'case' | 'record' }) {
  const api = useSyncApi();
  if (api === 'absent') return <Alert severity="info">{NO_SYNC_IN_BUILD}</Alert>;
  if (api === null) return <Loading />;
  return kind === 'case' ? <CaseConflictsPage api={api} /> : <RecordConflictsPage api={api} />;
}
