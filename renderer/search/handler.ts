/**
 * The search worker's work, apart from the worker's global scope so that tests run it in Node: it
 * holds the index, applies note updates in order, and runs only the latest of the queries that
 * arrived while it was busy (a user typing fast has moved on from the older ones).
 */
import {
  buildSearchIndex,
  indexSize,
  searchAll,
  updateNotes,
  type SearchIndex,
} from '../../src/search/index';
import type { QueryRequest, SearchReply, SearchRequest } from './protocol';

export interface SearchHandlerDeps {
  readonly post: (reply: SearchReply) => void;
  /** Runs `task` after the messages already waiting (a 0 ms timeout in the worker). */
  readonly defer: (task: () => void) => void;
  readonly now: () => number;
  /** Where the details of an unexpected failure go (the console, in the worker). */
  readonly onInternalError?: (error: unknown) => void;
}

export const SEARCH_MESSAGES = {
  notLoaded: 'The search index is not ready yet. Try again in a moment.',
  failed: 'The search failed unexpectedly. Try again.',
} as const;

/** A function that handles each request the worker receives. */
export function createSearchHandler(deps: SearchHandlerDeps): (request: SearchRequest) => void {
  let index: SearchIndex | null = null;
  let waiting: QueryRequest | null = null;

  const fail = (id: number, error: unknown): void => {
    deps.onInternalError?.(error);
    deps.post({ type: 'failed', id, message: SEARCH_MESSAGES.failed });
  };

  const runWaiting = (): void => {
    const request = waiting;
    waiting = null;
    if (request === null) return;
    if (index === null) {
      deps.post({ type: 'failed', id: request.id, message: SEARCH_MESSAGES.notLoaded });
      return;
    }
    try {
      const started = deps.now();
      const results = searchAll(index, request.text, { limit: request.limit });
      deps.post({ type: 'results', id: request.id, results, ms: deps.now() - started });
    } catch (error) {
      fail(request.id, error);
    }
  };

  return (request) => {
    switch (request.type) {
      case 'load': {
        try {
          const started = deps.now();
          index = buildSearchIndex({ law: request.law, code: request.code, notes: request.notes });
          const size = indexSize(index);
          deps.post({ type: 'loaded', id: request.id, ...size, ms: deps.now() - started });
        } catch (error) {
          index = null;
          fail(request.id, error);
        }
        return;
      }
      case 'notes': {
        if (index === null) {
          deps.post({ type: 'failed', id: request.id, message: SEARCH_MESSAGES.notLoaded });
          return;
        }
        try {
          updateNotes(index, request.changed, request.removed);
          deps.post({ type: 'noted', id: request.id, notes: indexSize(index).notes });
        } catch (error) {
          fail(request.id, error);
        }
        return;
      }
      case 'query': {
        if (waiting !== null) deps.post({ type: 'superseded', id: waiting.id });
        else deps.defer(runWaiting);
        waiting = request;
        return;
      }
      default: {
        const unknown: never = request;
        throw new Error(`Unhandled request ${JSON.stringify(unknown)}`);
      }
    }
  };
}
