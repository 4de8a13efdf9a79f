/**
 * The gates in front of the app: load the community profile → the data-loss screen if records
 * were lost (integrity.ts) → first-run setup if there is no community → sign-in → the shell.
 * Providers (desk, session) wrap everything. The first screen is plain HTML (firstScreen.css):
 * MUI's theme and the router come with the screens behind it (lazyPages.ts `screen`,
 * SignedInDesk.tsx), so the initial JavaScript stays small (issue 28 item 5).
 */
import { useLiveQuery } from './liveQuerier';
import { Suspense, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { getCommunity } from '../db/repositories/community';
import { getInstallation } from '../db/repositories/street/install';
import { streetAsCommunity } from '@shared/domain/street/install';
import { SignInPage } from '../features/signin/SignInPage';
import { StorageErrorAlert } from '../components/StorageErrorAlert';
import { requestPersistentStorage } from '../db/persistence';
import { Loading } from '../components/Loading';
import { DataLossScreen, prefetchPages, SetupWizard, SignedInDesk, SyncRunner } from './lazyPages';
import { SyncApiLoaderContext, type LoadSyncApi } from '../features/sync/syncApi';
import { useIntegrity } from './integrity';
import { UpgradeGate } from './UpgradeGate';
import { DeskBaseProvider, useDeskBase } from './desk';
import { SessionProvider, useSession } from './session';
import { useIdleAfter } from './firstScreen';
import './firstScreen.css';

function Gates() {
  const base = useDeskBase();
  // A community's profile, or a street office's (issue 27) standing for it in what both show.
  const install = useLiveQuery(() => getInstallation(base), [base]);
  const communityRow = useLiveQuery(() => getCommunity(base).then((c) => c ?? null), [base]);
  const street = install?.kind === '街道' ? install.street : undefined;
  const streetCommunity = useMemo(() => street && streetAsCommunity(street), [street]);
  const community = install === undefined ? undefined : (streetCommunity ?? communityRow);
  const { staff, ready } = useSession();
  const [integrity, resolved] = useIntegrity();
  // Nothing for after sign-in is fetched before the first screen is usable (the sign-in form
  // with its people listed, or a desk signed in straight away: the setup wizard, a reload);
  // then, when the browser is idle, the screens behind sign-in load in the background and the
  // sync runner starts — a desk served from its center's hub keeps every section while the hub
  // is down (issue 24 item 8), and a joined desk syncs at the sign-in screen already.
  const [signInUsable, setSignInUsable] = useState(false);
  const markSignInUsable = useCallback(() => setSignInUsable(true), []);
  const idle = useIdleAfter(signInUsable || staff !== null);
  useEffect(() => {
    if (idle) prefetchPages();
  }, [idle]);
  if (community === undefined || !ready) return <Loading fullScreen />;
  // Records were lost (the database was wiped or damaged): nothing else until it is resolved.
  if (integrity !== 'checking' && !integrity.ok)
    return (
      <Lazy>
        <DataLossScreen lost={integrity.lost} onResolved={resolved} />
      </Lazy>
    );
  if (community === null && integrity === 'checking') return <Loading fullScreen />;
  if (community === null)
    return (
      <Lazy>
        <SetupWizard />
      </Lazy>
    );
  return (
    <>
      {/* A street desk never joins a center's hub (issue 27): no sync runner. */}
      {idle && !street && <Sync />}
      {staff ? (
        <Lazy>
          <SignedInDesk staff={staff} community={community} street={street} />
        </Lazy>
      ) : (
        <SignInPage community={community} onUsable={markSignInUsable} />
      )}
    </>
  );
}

/** The sync engine's runner (features/sync/SyncRunner.tsx), in a build that has sync. */
function Sync() {
  const hasSync = useContext(SyncApiLoaderContext) !== null;
  if (!hasSync) return null;
  return (
    <Suspense fallback={null}>
      <SyncRunner />
    </Suspense>
  );
}

/** A screen that loads as its own chunk, with the spinner meanwhile. */
function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading fullScreen />}>{children}</Suspense>;
}

/**
 * `loadSync`: the sync API (features/sync/syncApi.ts), `import()`ed by the entry — absent, the
 * desk works alone and 设置 → 多窗口同步 says this build has no sync.
 */
export function App({ loadSync = null }: { loadSync?: LoadSyncApi | null }) {
  useEffect(() => {
    void requestPersistentStorage();
  }, []);
  return (
    <>
      <StorageErrorAlert />
      <UpgradeGate>
        <DeskBaseProvider>
          <SyncApiLoaderContext.Provider value={loadSync}>
            <SessionProvider>
              <Gates />
            </SessionProvider>
          </SyncApiLoaderContext.Provider>
        </DeskBaseProvider>
      </UpgradeGate>
    </>
  );
}
