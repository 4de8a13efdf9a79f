/**
 * 居民: find residents, register and edit them, and open one to see their visits and cases.
 */
import { Route, Routes, useParams } from 'react-router';
import type { CommunityProfile } from '@shared/domain/records';
import { ResidentList } from './ResidentList';
import { ResidentPage } from './ResidentPage';

export function ResidentsSection({ community }: { community: CommunityProfile }) {
  return (
    <Routes>
      <Route index element={<ResidentList community={community} />} />
      <Route path=":id" element={<ResidentPageKeyed community={community} />} />
    </Routes>
  );
}

/** A fresh page per resident: nothing revealed for one resident carries over to the next. */
function ResidentPageKeyed({ community }: { community: CommunityProfile }) {
  const { id = '' } = useParams();
  return <ResidentPage key={id} community={community} />;
}
