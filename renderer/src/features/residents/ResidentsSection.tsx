/**
 * 居民: find residents, register and edit them, and open one to see their visits and cases.
 */
import { Route, Routes } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { ResidentList } from './ResidentList';
import { ResidentPage } from './ResidentPage';

export function ResidentsSection({ community }: { community: CommunityProfile }) {
  return (
    <Routes>
      <Route index element={<ResidentList community={community} />} />
      <Route path=":id" element={<ResidentPage community={community} />} />
    </Routes>
  );
}
