// Each test file gets a fresh in-memory IndexedDB (fake-indexeddb) for data-layer tests.
import 'fake-indexeddb/auto';
