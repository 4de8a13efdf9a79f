// Each test file gets a fresh in-memory IndexedDB (fake-indexeddb) for data-layer tests.
import 'fake-indexeddb/auto';
// Resident writes outside writeTx (bulk loads in tests) need the search-key builder loaded, as
// the app loads it in the background.
import { ensureSearchKeys } from '../renderer/src/db/searchKeys';
import { loadUpgradeSteps } from '../renderer/src/db/database';
await ensureSearchKeys();
// Tests open databases of every older version: the versions' data steps (a lazy chunk in the app,
// loaded by UpgradeGate only when an upgrade is pending) are loaded once here.
await loadUpgradeSteps();
