/**
 * The page's side of the search worker. Written against a small port interface rather than the
 * DOM's `Worker`, so that tests run it in Node against the real handler; `createSearch` plugs in
 * the real worker (a module worker bundled by Vite from ./search.worker.ts, emitted as a file of
 * the app's own, as the pipeline worker is: the CSP's `worker-src 'self'` allows it).
 */
import type { ClauseTree } from '../../src/model/clause';
import { diffNotes, type NoteInput, type SearchResults, type UnitInput } from '../../src/search/index';
import { isSearchReply, type SearchReply, type SearchRequest } from './protocol';

/** A query's results, with how long the page waited for them. */
export interface SearchAnswer extends SearchResults {
  /** From sending the query to receiving its results, in milliseconds (what the user waits). */
  readonly ms: number;
  /** Of which the search itself, in the worker. */
  readonly workerMs: number;
}

/** What an index was built over. */
export interface LoadInfo {
  readonly units: number;
  readonly notes: number;
  readonly ms: number;
}

/** Full-text search over a project, off the page's thread. */
export interface SearchClient {
  /**
   * Builds the index over both documents and the annotations' notes. Until it is done, queries
   * wait for it. Rejects with a `SearchError` if the worker fails.
   */
  load(law: ClauseTree, code: ClauseTree, annotations: readonly NoteInput[]): Promise<LoadInfo>;
  /** True when the index was last loaded with these two trees (the same objects). */
  holds(law: ClauseTree, code: ClauseTree): boolean;
  /**
   * Brings the notes in the index up to date with the current annotations: only what was added,
   * edited or deleted since the last call goes to the worker. Does nothing before `load`.
   */
  updateNotes(annotations: readonly NoteInput[]): Promise<void>;
  /**
   * Searches. A newer query supersedes this one: it then rejects with an `AbortError` (a
   * `DOMException`), and its results, if the worker still sends them, are dropped.
   */
  query(text: string, options?: { readonly limit?: number }): Promise<SearchAnswer>;
  /** Stops the worker; pending calls reject with an `AbortError`. A later `load` starts afresh. */
  dispose(): void;
}

/** Why a search call failed; `message` is one plain sentence, safe to show as is. */
export class SearchError extends Error {
  override readonly name = 'SearchError';
}

export const SEARCH_CLIENT_MESSAGES = {
  crashed: 'The search stopped unexpectedly. Type again to retry.',
  notStarted: 'The search could not be started. Restart Crosswalk and try again.',
  notLoaded: 'There is nothing to search yet.',
} as const;

/** One running worker, as the client uses it. */
export interface SearchPort {
  post(request: SearchRequest): void;
  terminate(): void;
}

/** What a worker reports back. */
export interface SearchWorkerEvents {
  message(data: unknown): void;
  /** The worker failed as a whole (its script did not load, or it threw outside a request). */
  crash(): void;
}

/** Starts a worker running search.worker.ts (or, in tests, something that answers like it). */
export type StartSearchWorker = (events: SearchWorkerEvents) => SearchPort;

function abortError(): DOMException {
  return new DOMException('The search was superseded.', 'AbortError');
}

/** True for the rejection of a superseded or disposed call, which is no error to show. */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

const slimUnits = (tree: ClauseTree): UnitInput[] =>
  // Only what the index reads: a unit's page boxes are most of its size.
  tree.units.map((unit) => ({ id: unit.id, heading: unit.heading, text: unit.text }));

interface Pending {
  readonly resolve: (reply: SearchReply) => void;
  readonly reject: (error: Error) => void;
}

const DEFAULT_LIMIT = 8;

/** The client over any worker host. The worker starts on the first `load`. */
export function createSearchWith(
  startWorker: StartSearchWorker,
  now: () => number = () => performance.now(),
): SearchClient {
  let port: SearchPort | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let latestQuery: number | null = null;
  // What the index holds (or will, once the worker has read what it was sent): kept so that a
  // worker started after a crash can be given the same index.
  let trees: { readonly law: ClauseTree; readonly code: ClauseTree } | null = null;
  let fingerprints: ReadonlyMap<string, string> = new Map();
  const notes = new Map<string, NoteInput>();

  function loadRequest(id: number, law: ClauseTree, code: ClauseTree): SearchRequest {
    return { type: 'load', id, law: slimUnits(law), code: slimUnits(code), notes: [...notes.values()] };
  }

  function failAll(error: () => Error): void {
    const entries = [...pending.values()];
    pending.clear();
    latestQuery = null;
    for (const entry of entries) entry.reject(error());
  }

  function receive(data: unknown): void {
    if (!isSearchReply(data)) return;
    const entry = pending.get(data.id);
    if (entry === undefined) return; // superseded, disposed, or a restoring load: dropped
    pending.delete(data.id);
    if (data.type === 'failed') entry.reject(new SearchError(data.message));
    else if (data.type === 'superseded') entry.reject(abortError());
    else entry.resolve(data);
  }

  function currentPort(): SearchPort {
    if (port !== null) return port;
    const started: SearchPort = startWorker({
      // A terminated worker's late messages and errors are not the current one's.
      message: (data) => {
        if (port === started) receive(data);
      },
      crash: () => {
        if (port !== started) return;
        port = null;
        started.terminate();
        failAll(() => new SearchError(SEARCH_CLIENT_MESSAGES.crashed));
      },
    });
    port = started;
    // A worker started after a crash gets the index the last one had, before anything else.
    if (trees !== null) started.post(loadRequest(nextId++, trees.law, trees.code));
    return started;
  }

  function send(build: (id: number) => SearchRequest): Promise<SearchReply> {
    return new Promise<SearchReply>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      try {
        const target = currentPort();
        target.post(build(id));
      } catch {
        pending.delete(id);
        port?.terminate();
        port = null;
        reject(new SearchError(SEARCH_CLIENT_MESSAGES.notStarted));
      }
    });
  }

  function applyDelta(annotations: readonly NoteInput[]): { changed: NoteInput[]; removed: string[] } {
    const delta = diffNotes(fingerprints, annotations);
    fingerprints = delta.next;
    for (const note of delta.changed) notes.set(note.id, note);
    for (const id of delta.removed) notes.delete(id);
    return { changed: [...delta.changed], removed: [...delta.removed] };
  }

  return {
    async load(law, code, annotations) {
      // Not restored by `currentPort`: this load is the index.
      trees = null;
      fingerprints = new Map();
      notes.clear();
      applyDelta(annotations);
      const reply = await send((id) => {
        trees = { law, code };
        return loadRequest(id, law, code);
      });
      if (reply.type !== 'loaded') throw new SearchError(SEARCH_CLIENT_MESSAGES.crashed);
      return { units: reply.units, notes: reply.notes, ms: reply.ms };
    },

    holds(law, code) {
      return trees !== null && trees.law === law && trees.code === code;
    },

    async updateNotes(annotations) {
      if (trees === null) return;
      const { changed, removed } = applyDelta(annotations);
      if (changed.length === 0 && removed.length === 0) return;
      await send((id) => ({ type: 'notes', id, changed, removed }));
    },

    async query(text, options = {}) {
      if (trees === null) throw new SearchError(SEARCH_CLIENT_MESSAGES.notLoaded);
      // The previous query is of no more interest: its caller hears so now, not when it is done.
      if (latestQuery !== null) {
        const previous = pending.get(latestQuery);
        pending.delete(latestQuery);
        previous?.reject(abortError());
      }
      const started = now();
      const answer = await send((id) => {
        latestQuery = id;
        return { type: 'query', id, text, limit: options.limit ?? DEFAULT_LIMIT };
      });
      if (answer.type !== 'results') throw new SearchError(SEARCH_CLIENT_MESSAGES.crashed);
      return { ...answer.results, ms: now() - started, workerMs: answer.ms };
    },

    dispose() {
      port?.terminate();
      port = null;
      trees = null;
      fingerprints = new Map();
      notes.clear();
      failAll(abortError);
    },
  };
}

/** The app's search: a module worker, started on the first `load`. */
export function createSearch(): SearchClient {
  return createSearchWith((events) => {
    const worker = new Worker(new URL('./search.worker.ts', import.meta.url), {
      type: 'module',
      name: 'crosswalk-search',
    });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => events.message(event.data));
    worker.addEventListener('messageerror', () => events.crash());
    worker.addEventListener('error', () => events.crash());
    return {
      post: (request) => worker.postMessage(request),
      terminate: () => worker.terminate(),
    };
  });
}
