/**
 * 居民: find residents, register and edit them, and open one to see their visits and cases;
 * admins import a ledger and merge two records of one person (重复档案, 合并居民档案).
 */
import { Route, Routes, useParams } from 'react-router';
import { ResidentList } from './ResidentList';
import { ResidentPage } from './ResidentPage';
import { ImportPage } from './import/ImportPage';
import { DuplicatesPage } from './merge/DuplicatesPage';
import { MergePage } from './merge/MergePage';

export function ResidentsSection() {
  return (
    <Routes>
      <Route index element={<ResidentList />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="duplicates" element={<DuplicatesPage />} />
      <Route path="merge/:a/:b" element={<MergePage />} />
      <Route path=":id" element={<ResidentPageKeyed />} />
    </Routes>
  );
}

/** A fresh page per resident: nothing revealed for one resident carries over to the next. */
function ResidentPageKeyed() {
  const { id = '' } = useParams();
  return <ResidentPage key={id} />;
}
