import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { getDb } from './db/database';

// Open the database before the first render asks for it: on a large store Chromium's open is
// the longest wait of the start (it overlaps the render this way). Errors surface on first use.
void getDb()
  .open()
  .catch(() => undefined);

const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
