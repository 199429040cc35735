/**
 * The last resort for edits IndexedDB refused: while writes fail, the write queue keeps a copy of
 * its pending edits in localStorage (a separate store, often still writable when IndexedDB is
 * not), under a key of this window's own. On the next start (a reload, or the app reopened after
 * it was closed or crashed) those edits are read back and queued again before anything else.
 *
 * Two windows must never replay each other's edits: a window's session id lives in its
 * sessionStorage (so a reload keeps it), and each window holds a Web Lock named after it while it
 * lives. A key is adopted when it is this window's own, or when no living window holds its lock.
 */

/** The slice of `Storage` used here (a real localStorage or sessionStorage fits). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** The slice of `navigator.locks` used here. */
export interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<unknown>;
  query(): Promise<{ readonly held?: readonly { readonly name?: string }[] }>;
}

export const MIRROR_PREFIX = 'crosswalk:unsaved:';
export const SESSION_KEY = 'crosswalk:session';
const LOCK_PREFIX = 'crosswalk-window:';

interface MirrorRecord {
  readonly savedAt: number;
  readonly writes: unknown;
}

/** This window's session id: kept across reloads of the window, new for a new window. */
export function sessionIdFor(sessionStore: KeyValueStore | null): string {
  try {
    const existing = sessionStore?.getItem(SESSION_KEY);
    if (existing && /^[0-9a-f-]{36}$/.test(existing)) return existing;
    const fresh = crypto.randomUUID();
    sessionStore?.setItem(SESSION_KEY, fresh);
    return fresh;
  } catch {
    return crypto.randomUUID();
  }
}

/** Holds this window's lock until the page goes away, so other windows know it is alive. */
export function holdSessionLock(locks: LockManagerLike | null, sessionId: string): void {
  if (locks === null) return;
  void locks
    .request(`${LOCK_PREFIX}${sessionId}`, () => new Promise<void>(() => undefined))
    .catch(() => undefined);
}

/** A mirror for the write queue, under this window's key. */
export function createMirror<W>(
  store: KeyValueStore | null,
  sessionId: string,
  now: () => number = Date.now,
): { save(writes: readonly W[]): boolean; clear(): void } {
  const key = `${MIRROR_PREFIX}${sessionId}`;
  return {
    save(writes) {
      if (store === null) return false;
      try {
        const record: MirrorRecord = { savedAt: now(), writes };
        store.setItem(key, JSON.stringify(record));
        return true;
      } catch {
        // localStorage is full too (or disabled): the beforeunload warning is all that is left.
        return false;
      }
    },
    clear() {
      try {
        store?.removeItem(key);
      } catch {
        // Nothing to do: a stale copy is replayed harmlessly (writes are idempotent).
      }
    },
  };
}

/** Mirrored writes this window should take over, oldest session first, and the keys they came from. */
export interface Adopted<W> {
  readonly writes: W[];
  readonly keys: string[];
}

/**
 * Reads the mirrored writes this window takes over: its own (after a reload) and those of windows
 * that are gone (no lock held). Without Web Locks only its own are taken: another window might
 * still be alive and retrying them itself.
 */
export async function adoptMirrored<W>(
  store: KeyValueStore | null,
  sessionId: string,
  locks: LockManagerLike | null,
  parse: (value: unknown) => W[],
): Promise<Adopted<W>> {
  if (store === null) return { writes: [], keys: [] };
  let held: Set<string> | null = null;
  if (locks !== null) {
    try {
      const snapshot = await locks.query();
      held = new Set((snapshot.held ?? []).map((lock) => lock.name ?? ''));
    } catch {
      held = null;
    }
  }
  const found: { key: string; savedAt: number; writes: W[] }[] = [];
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key === null || !key.startsWith(MIRROR_PREFIX)) continue;
      const owner = key.slice(MIRROR_PREFIX.length);
      const mine = owner === sessionId;
      if (!mine && (held === null || held.has(`${LOCK_PREFIX}${owner}`))) continue;
      let record: unknown;
      try {
        record = JSON.parse(store.getItem(key) ?? 'null');
      } catch {
        record = null;
      }
      const savedAt =
        record !== null && typeof record === 'object' && typeof (record as MirrorRecord).savedAt === 'number'
          ? (record as MirrorRecord).savedAt
          : 0;
      const writes =
        record !== null && typeof record === 'object' ? parse((record as MirrorRecord).writes) : [];
      found.push({ key, savedAt, writes });
    }
  } catch {
    return { writes: [], keys: [] };
  }
  found.sort((a, b) => a.savedAt - b.savedAt);
  return { writes: found.flatMap((f) => f.writes), keys: found.map((f) => f.key) };
}

/**
 * Removes adopted keys once their writes are stored. This window's own key is the queue's to
 * manage (it may hold newer edits by then), unless `includingOwn`.
 */
export function forgetAdopted(
  store: KeyValueStore | null,
  keys: readonly string[],
  sessionId: string,
  includingOwn = false,
): void {
  for (const key of keys) {
    if (key === `${MIRROR_PREFIX}${sessionId}` && !includingOwn) continue;
    try {
      store?.removeItem(key);
    } catch {
      // Best effort.
    }
  }
}
