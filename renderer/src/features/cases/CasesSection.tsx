import { Route, Routes } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { CasePage } from './CasePage';
import { CaseQueues } from './CaseQueues';

/** 办件: the queues and one case's page. */
export function CasesSection({ community }: { community: CommunityProfile }) {
  return (
    <Routes>
      <Route index element={<CaseQueues community={community} />} />
      <Route path=":id" element={<CasePage community={community} />} />
    </Routes>
  );
}
