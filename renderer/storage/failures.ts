/**
 * Storage failures as the user reads them. IndexedDB (through Dexie) fails in a handful of ways a
 * person can act on: the disk is full, another window upgraded or holds the database, or the
 * storage is simply unavailable for a moment. Each becomes one plain sentence and a decision:
 * retry the write later (the edit is kept) or give it up (a mistake in the request itself, which
 * would fail the same way forever).
 */

export type StorageProblemKind = 'quota' | 'outdated' | 'closed' | 'blocked' | 'failed';

export interface StorageProblem {
  readonly kind: StorageProblemKind;
  /** One or two plain sentences for the banner. */
  readonly message: string;
}

/** What the banner says for each kind; the queue's own state adds how many edits are waiting. */
export const PROBLEM_MESSAGES: Readonly<Record<StorageProblemKind, string>> = {
  quota:
    'Your disk is full: the last edits are kept in memory and will be saved when space is freed. Free some disk space, then choose Retry now.',
  outdated:
    'Crosswalk was updated in another window. Reload this window to keep working: edits not yet saved are kept and saved after the reload.',
  closed:
    'Crosswalk is open in another window that is changing its storage; close it to continue. Your last edits are kept in memory and will be saved when storage is back.',
  blocked:
    'Crosswalk is open in another window; close it (or reload it) to continue. This window will open as soon as the other one lets go of the storage.',
  failed:
    'Crosswalk could not save your last edits. They are kept in memory and saved again automatically; choose Retry now to try at once.',
};

/** Error names (DOM and Dexie) that mean the storage itself failed, not the request. */
const RETRYABLE_NAMES = new Map<string, StorageProblemKind>([
  ['QuotaExceededError', 'quota'],
  ['VersionError', 'outdated'],
  ['DatabaseClosedError', 'closed'],
  ['InvalidStateError', 'closed'],
  ['AbortError', 'failed'],
  ['UnknownError', 'failed'],
  ['TimeoutError', 'failed'],
  ['OpenFailedError', 'failed'],
  ['TransactionInactiveError', 'failed'],
  ['ReadOnlyError', 'failed'],
]);

/** How deep to follow `inner` / `cause`: Dexie wraps the DOM error once or twice. */
const MAX_DEPTH = 5;

function nameOf(value: unknown): string | null {
  if (value === null || typeof value !== 'object') return null;
  const name = (value as { readonly name?: unknown }).name;
  return typeof name === 'string' ? name : null;
}

function wrapped(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  const { inner, cause } = value as { readonly inner?: unknown; readonly cause?: unknown };
  return inner ?? cause;
}

/**
 * The storage problem behind an error, or null when the error is not a storage failure (a bad
 * request, a bug): retrying that would fail the same way, so it is reported and given up.
 * A full disk wins over anything it is wrapped in (a transaction aborted because of the quota).
 */
export function classifyStorageError(error: unknown): StorageProblem | null {
  const kinds: StorageProblemKind[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_DEPTH && current !== undefined && current !== null; depth++) {
    const name = nameOf(current);
    const kind = name === null ? undefined : RETRYABLE_NAMES.get(name);
    if (kind !== undefined) kinds.push(kind);
    current = wrapped(current);
  }
  const first = kinds.includes('quota') ? 'quota' : kinds[0];
  return first === undefined ? null : { kind: first, message: PROBLEM_MESSAGES[first] };
}

/** The banner's sentence for a storage error, or null when it is not one (say it some other way). */
export function storageMessage(error: unknown): string | null {
  return classifyStorageError(error)?.message ?? null;
}
