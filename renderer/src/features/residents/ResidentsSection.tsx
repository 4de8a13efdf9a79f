/**
 * 居民: find residents, register and edit them, and open one to see their visits and cases.
 */
import { Route, Routes, useParams } from 'react-router';
import { ResidentList } from './ResidentList';
import { ResidentPage } from './ResidentPage';
import { ImportPage } from './import/ImportPage';

export function ResidentsSection() {
  return (
    <Routes>
      <Route index element={<ResidentList />} />
      <Route path="import" element={<ImportPage />} />
      <Route path=":id" element={<ResidentPageKeyed />} />
    </Routes>
  );
}

/** A fresh page per resident: nothing revealed for one resident carries over to the next. */
function ResidentPageKeyed() {
  const { id = '' } = useParams();
  return <ResidentPage key={id} />;
}
