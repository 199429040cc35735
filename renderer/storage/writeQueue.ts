/**
 * The ordered queue every edit goes through on its way to storage. Writes run one at a time, in
 * the order they were made. When one fails because of the storage (a full disk, another window
 * holding the database), it stays at the head of the queue, everything after it waits behind it,
 * and the queue tries again with a growing delay (or at once, on "Retry now"): an edit made while
 * writes fail is kept, and lands after the ones before it, exactly once. While writes fail, the
 * whole queue is also mirrored (see mirror.ts) so a reload or a crash does not lose it either.
 *
 * Independent of React and Dexie: what a write does, how an error is classified, the mirror and
 * the clock are passed in, so tests drive it with fakes and injected failures.
 */
import type { StorageProblem } from './failures';

/** The queue as the UI shows it. */
export interface QueueState<W> {
  /** Writes not stored yet, oldest first (the first may be running). */
  readonly pending: readonly W[];
  /** Why the head write failed last time; null while writes succeed. */
  readonly problem: StorageProblem | null;
  /** Failed attempts of the head write in a row. */
  readonly attempts: number;
  /** When the next automatic retry runs (the clock's milliseconds); null when none is planned. */
  readonly nextRetryAt: number | null;
  /**
   * True when closing the window now would lose nothing: the queue is empty, or every pending
   * write is mirrored and will be replayed on the next start.
   */
  readonly safeToClose: boolean;
  /** True while the pending writes are being mirrored (from the first failure until drained). */
  readonly mirroring: boolean;
}

/** Where pending writes are mirrored while storage fails; both calls are best effort. */
export interface QueueMirror<W> {
  /** Replaces the mirrored list; false when it could not be kept (that storage is full too). */
  save(writes: readonly W[]): boolean;
  clear(): void;
}

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface WriteQueueOptions<W> {
  /** Stores one write; rejects when it could not (nothing of it stored: each write is one transaction). */
  readonly apply: (write: W) => Promise<void>;
  /** The storage problem behind a failure, or null for an error retrying cannot fix. */
  readonly classify: (error: unknown) => StorageProblem | null;
  /**
   * Folds a write into the one queued just before it when both can be one (the same field typed
   * on), so a long outage does not pile up thousands of keystrokes. Null: keep both.
   */
  readonly merge?: (earlier: W, later: W) => W | null;
  readonly mirror?: QueueMirror<W>;
  /** A write given up because retrying cannot help (the caller's promise rejects too). */
  readonly onDropped?: (error: unknown, write: W) => void;
  readonly clock?: Clock;
  /** Delay before retry number `attempt` (1-based). Default: 1 s, doubling, at most 30 s. */
  readonly backoffMs?: (attempt: number) => number;
}

export interface WriteQueue<W> {
  /** Queues a write; resolves once it is stored, rejects if it is given up (see `classify`). */
  enqueue(write: W): Promise<void>;
  /** Tries the failed write again now instead of waiting for the next automatic retry. */
  retryNow(): void;
  getState(): QueueState<W>;
  /** Calls `listener` after every change of state; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
  /** Resolves when the queue is empty (at once if it is). */
  drained(): Promise<void>;
  /** Stops retrying (the page is going away); pending writes stay mirrored if they were. */
  dispose(): void;
}

/** 1 s, 2 s, 4 s … at most 30 s: quick after a blip, gentle during a long outage. */
export function defaultBackoffMs(attempt: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt - 1));
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Entry<W> {
  write: W;
  readonly settle: { resolve: () => void; reject: (error: unknown) => void }[];
}

/** Creates a queue; see the file comment. */
export function createWriteQueue<W>(options: WriteQueueOptions<W>): WriteQueue<W> {
  const clock = options.clock ?? systemClock;
  const backoff = options.backoffMs ?? defaultBackoffMs;
  const entries: Entry<W>[] = [];
  const listeners = new Set<() => void>();
  let running = false;
  let problem: StorageProblem | null = null;
  let attempts = 0;
  let timer: unknown = null;
  let nextRetryAt: number | null = null;
  /** While true every change is mirrored; it starts with the first failure and ends when drained. */
  let mirroring = false;
  let mirrored = false;
  let disposed = false;
  let state: QueueState<W> | null = null;
  let drainWaiters: (() => void)[] = [];

  const emit = (): void => {
    state = null;
    for (const listener of [...listeners]) listener();
  };

  const syncMirror = (): void => {
    if (!mirroring || options.mirror === undefined) return;
    if (entries.length === 0) {
      options.mirror.clear();
      mirroring = false;
      mirrored = false;
    } else {
      mirrored = options.mirror.save(entries.map((e) => e.write));
    }
  };

  const cancelTimer = (): void => {
    if (timer !== null) clock.clearTimeout(timer);
    timer = null;
    nextRetryAt = null;
  };

  const pump = async (): Promise<void> => {
    if (running || disposed) return;
    running = true;
    try {
      while (entries.length > 0 && !disposed) {
        const head = entries[0]!;
        try {
          await options.apply(head.write);
        } catch (error) {
          const found = options.classify(error);
          if (found === null) {
            // Retrying cannot help: give this one write up, loudly, and go on with the rest.
            entries.shift();
            syncMirror();
            options.onDropped?.(error, head.write);
            for (const s of head.settle) s.reject(error);
            emit();
            continue;
          }
          problem = found;
          attempts += 1;
          if (options.mirror !== undefined) mirroring = true;
          syncMirror();
          const delay = backoff(attempts);
          nextRetryAt = clock.now() + delay;
          timer = clock.setTimeout(() => {
            timer = null;
            nextRetryAt = null;
            void pump();
          }, delay);
          emit();
          return;
        }
        entries.shift();
        if (problem !== null) {
          problem = null;
          attempts = 0;
        }
        syncMirror();
        for (const s of head.settle) s.resolve();
        emit();
      }
    } finally {
      running = false;
    }
    if (entries.length === 0) {
      const waiters = drainWaiters;
      drainWaiters = [];
      for (const resolve of waiters) resolve();
    }
  };

  return {
    enqueue(write) {
      return new Promise<void>((resolve, reject) => {
        const tail = entries.at(-1);
        // The head is being written right now: never change what is in flight.
        const inFlight = running && entries.length === 1;
        const merged = tail !== undefined && !inFlight ? (options.merge?.(tail.write, write) ?? null) : null;
        if (tail !== undefined && merged !== null) {
          tail.write = merged;
          tail.settle.push({ resolve, reject });
        } else {
          entries.push({ write, settle: [{ resolve, reject }] });
        }
        syncMirror();
        emit();
        // During an outage a new edit waits for the next retry instead of hammering the storage.
        if (timer === null) void pump();
      });
    },
    retryNow() {
      if (disposed) return;
      cancelTimer();
      emit();
      void pump();
    },
    getState() {
      state ??= {
        pending: entries.map((e) => e.write),
        problem,
        attempts,
        nextRetryAt,
        safeToClose: entries.length === 0 || (mirroring && mirrored),
        mirroring,
      };
      return state;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    drained() {
      if (entries.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => drainWaiters.push(resolve));
    },
    dispose() {
      disposed = true;
      cancelTimer();
      listeners.clear();
    },
  };
}
