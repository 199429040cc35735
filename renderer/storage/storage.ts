/**
 * The page's storage health: one write queue per open database (see writeQueue.ts), with its
 * mirror, plus what Dexie says about the connection itself (another window upgraded the database,
 * or the browser closed it). The UI reads both through `StorageHealth` and shows one banner.
 *
 * Created once per database and kept in a WeakMap, not in React state: React's strict mode runs
 * initialisers twice, and two queues over one database would race each other's writes.
 */
import type { CrosswalkDb } from '../db';
import { classifyStorageError, PROBLEM_MESSAGES, type StorageProblem } from './failures';
import {
  adoptMirrored,
  createMirror,
  forgetAdopted,
  holdSessionLock,
  sessionIdFor,
  type KeyValueStore,
  type LockManagerLike,
} from './mirror';
import { createWriteQueue, type QueueState, type WriteQueue } from './writeQueue';
import { applyWrite, mergeWrites, parsePendingWrites, type PendingWrite } from './writes';

export interface StorageHealthState {
  readonly queue: QueueState<PendingWrite>;
  /** A problem with the connection itself (another window upgraded the database); null when fine. */
  readonly connection: StorageProblem | null;
  /** Edits from an earlier session found in the mirror and queued again (0 when none). */
  readonly recovered: number;
}

export interface StorageHealth {
  readonly queue: WriteQueue<PendingWrite>;
  // Arrow-typed: React's useSyncExternalStore calls them unbound.
  readonly getState: () => StorageHealthState;
  readonly subscribe: (listener: () => void) => () => void;
}

/** Where the mirror and the window lock live: the browser's by default, fakes in tests. */
export interface StorageEnvironment {
  readonly local: KeyValueStore | null;
  readonly session: KeyValueStore | null;
  readonly locks: LockManagerLike | null;
}

function storageOrNull(get: () => Storage): KeyValueStore | null {
  try {
    return get();
  } catch {
    // Storage disabled (some privacy settings throw on the mere access).
    return null;
  }
}

/** The browser's localStorage, sessionStorage and Web Locks, where there are any. */
export function browserEnvironment(): StorageEnvironment {
  const locks = typeof navigator !== 'undefined' && 'locks' in navigator ? navigator.locks : null;
  return {
    local: storageOrNull(() => window.localStorage),
    session: storageOrNull(() => window.sessionStorage),
    locks,
  };
}

const healthByDb = new WeakMap<CrosswalkDb, StorageHealth>();

/** The storage health of `db`, created (and its leftover edits recovered) on first use. */
export function storageHealthFor(
  db: CrosswalkDb,
  env: StorageEnvironment = browserEnvironment(),
): StorageHealth {
  const existing = healthByDb.get(db);
  if (existing !== undefined) return existing;
  const health = createStorageHealth(db, env);
  healthByDb.set(db, health);
  return health;
}

/** Creates the queue, watches the connection and replays edits an earlier session left unsaved. */
export function createStorageHealth(db: CrosswalkDb, env: StorageEnvironment): StorageHealth {
  const sessionId = sessionIdFor(env.session);
  holdSessionLock(env.locks, sessionId);
  const listeners = new Set<() => void>();
  let connection: StorageProblem | null = null;
  let recovered = 0;
  let state: StorageHealthState | null = null;
  const emit = (): void => {
    state = null;
    for (const listener of [...listeners]) listener();
  };

  const queue = createWriteQueue<PendingWrite>({
    apply: (write) => applyWrite(db, write),
    classify: classifyStorageError,
    merge: mergeWrites,
    // A write given up is reported by whoever queued it: their promise rejects.
    mirror: createMirror<PendingWrite>(env.local, sessionId),
  });
  queue.subscribe(emit);

  // Dexie closes this connection itself so the other window's upgrade can go on; this window's
  // code no longer matches the database, so only a reload helps. Say so, and keep the edits.
  db.on('versionchange', () => {
    connection = { kind: 'outdated', message: PROBLEM_MESSAGES.outdated };
    emit();
  });

  void adoptMirrored(env.local, sessionId, env.locks, parsePendingWrites).then(({ writes, keys }) => {
    if (keys.length === 0) return;
    if (writes.length === 0) {
      forgetAdopted(env.local, keys, sessionId, true);
      return;
    }
    recovered = writes.length;
    emit();
    void Promise.allSettled(writes.map((write) => queue.enqueue(write))).then(() =>
      forgetAdopted(env.local, keys, sessionId, !queue.getState().mirroring),
    );
  });

  return {
    queue,
    getState: () => {
      state ??= { queue: queue.getState(), connection, recovered };
      return state;
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
