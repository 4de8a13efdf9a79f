import { Route, Routes } from 'react-router';
import { CasePage } from './CasePage';
import { CaseQueues } from './CaseQueues';

/** 办件: the queues and one case's page. */
export function CasesSection() {
  return (
    <Routes>
      <Route index element={<CaseQueues />} />
      <Route path=":id" element={<CasePage />} />
    </Routes>
  );
}
