// Each test file gets a fresh in-memory IndexedDB (fake-indexeddb) for data-layer tests.
import 'fake-indexeddb/auto';
// Resident writes outside writeTx (bulk loads in tests) need the search-key builder loaded, as
// the app loads it in the background.
import { ensureSearchKeys } from '../renderer/src/db/searchKeys';
await ensureSearchKeys();
