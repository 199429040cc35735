import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import { describeStorage } from './describe';
import type { StorageHealth, StorageHealthState } from './storage';
import type { WriteQueue } from './writeQueue';
import type { PendingWrite } from './writes';

const StorageContext = createContext<StorageHealth | null>(null);

/** Makes the page's storage health (its write queue) available below. */
export function StorageProvider({
  health,
  children,
}: {
  readonly health: StorageHealth;
  readonly children: ReactNode;
}) {
  return <StorageContext.Provider value={health}>{children}</StorageContext.Provider>;
}

export function useStorageHealth(): StorageHealth {
  const health = useContext(StorageContext);
  if (health === null) throw new Error('useStorageHealth needs a StorageProvider above it.');
  return health;
}

/** The queue every edit goes through (see writeQueue.ts). */
export function useWriteQueue(): WriteQueue<PendingWrite> {
  return useStorageHealth().queue;
}

export function useStorageState(): StorageHealthState {
  const health = useStorageHealth();
  return useSyncExternalStore(health.subscribe, health.getState);
}

/**
 * Asks before the window closes while edits are neither stored nor copied to the mirror (the
 * desktop app turns the refusal into a "Leave anyway?" dialog in main).
 */
export function useUnsavedWarning(health: StorageHealth): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent): void => {
      if (health.getState().queue.safeToClose) return;
      event.preventDefault();
      // Older browsers want a string here before they ask; its text is never shown.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [health]);
}

/**
 * The storage banner: stays while a write fails or another window holds the database, says in
 * plain words what happened and what to do, and offers Retry now / Reload.
 */
export function StorageBanner() {
  const health = useStorageHealth();
  const state = useStorageState();
  useUnsavedWarning(health);
  const notice = describeStorage(state);
  const [dismissed, setDismissed] = useState<string | null>(null);
  if (notice === null || (notice.level === 'status' && dismissed === notice.message)) return null;
  return (
    <div
      className={notice.level === 'alert' ? 'banner error' : 'banner'}
      role={notice.level}
      data-testid="storage-banner"
      data-waiting={notice.waiting}
    >
      <span>{notice.message}</span>
      {notice.canRetry && (
        <button
          type="button"
          className="link"
          onClick={() => health.queue.retryNow()}
          data-testid="storage-retry"
        >
          Retry now
        </button>
      )}
      {notice.needsReload && (
        <button
          type="button"
          className="link"
          onClick={() => window.location.reload()}
          data-testid="storage-reload"
        >
          Reload
        </button>
      )}
      {notice.level === 'status' && (
        <button type="button" className="link" onClick={() => setDismissed(notice.message)}>
          Dismiss
        </button>
      )}
    </div>
  );
}
