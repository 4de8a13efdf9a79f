import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';

/** The sync engine and PouchDB: a chunk of their own, loaded after the first screen (issue 24). */
const loadSync = () => import('./sync/api').then((m) => m.syncApi);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App loadSync={loadSync} />
  </StrictMode>,
);
