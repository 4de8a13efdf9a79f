/**
 * Asks the browser to keep our IndexedDB under storage pressure (persistent storage). In
 * Electron this is granted; in a browser it may be refused, which the settings page shows.
 */
export type PersistenceState = 'persisted' | 'best-effort' | 'unsupported';

export async function requestPersistentStorage(): Promise<PersistenceState> {
  if (!navigator.storage?.persist) return 'unsupported';
  try {
    if (await navigator.storage.persisted()) return 'persisted';
    return (await navigator.storage.persist()) ? 'persisted' : 'best-effort';
  } catch {
    return 'best-effort';
  }
}

export async function persistenceState(): Promise<PersistenceState> {
  if (!navigator.storage?.persisted) return 'unsupported';
  return (await navigator.storage.persisted()) ? 'persisted' : 'best-effort';
}
