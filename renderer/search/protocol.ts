/**
 * The messages between the page and the search worker (./search.worker.ts). Requests carry an id;
 * every request gets exactly one reply with that id. The checks below route messages; the payloads
 * come from our own code on the other end, so big ones (a law's units) are checked shallowly.
 */
import type { NoteInput, SearchResults, UnitInput } from '../../src/search/index';

// ---- page -> worker ------------------------------------------------------------------------

/** (Re)build the index over both documents and the notes. */
export interface LoadRequest {
  readonly type: 'load';
  readonly id: number;
  readonly law: readonly UnitInput[];
  readonly code: readonly UnitInput[];
  readonly notes: readonly NoteInput[];
}

/** Notes added or edited (`changed`) and deleted (`removed`, annotation ids) since the last message. */
export interface NotesRequest {
  readonly type: 'notes';
  readonly id: number;
  readonly changed: readonly NoteInput[];
  readonly removed: readonly string[];
}

export interface QueryRequest {
  readonly type: 'query';
  readonly id: number;
  readonly text: string;
  readonly limit: number;
}

export type SearchRequest = LoadRequest | NotesRequest | QueryRequest;

// ---- worker -> page ------------------------------------------------------------------------

export interface LoadedReply {
  readonly type: 'loaded';
  readonly id: number;
  readonly units: number;
  readonly notes: number;
  /** Time the worker took to build the index. */
  readonly ms: number;
}

export interface NotedReply {
  readonly type: 'noted';
  readonly id: number;
  readonly notes: number;
}

export interface ResultsReply {
  readonly type: 'results';
  readonly id: number;
  readonly results: SearchResults;
  /** Time the worker took to search. */
  readonly ms: number;
}

/** A query not run because a newer one arrived before the worker got to it. */
export interface SupersededReply {
  readonly type: 'superseded';
  readonly id: number;
}

export interface FailedReply {
  readonly type: 'failed';
  readonly id: number;
  /** One plain sentence, safe to show. */
  readonly message: string;
}

export type SearchReply = LoadedReply | NotedReply | ResultsReply | SupersededReply | FailedReply;

// ---- guards --------------------------------------------------------------------------------

type Fields = Readonly<Record<string, unknown>>;

const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null;
const isId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) > 0;
const isFiniteNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A request the worker can act on. */
export function isSearchRequest(value: unknown): value is SearchRequest {
  if (!isRecord(value) || !isId(value['id'])) return false;
  switch (value['type']) {
    case 'load':
      return Array.isArray(value['law']) && Array.isArray(value['code']) && Array.isArray(value['notes']);
    case 'notes':
      return Array.isArray(value['changed']) && Array.isArray(value['removed']);
    case 'query':
      return typeof value['text'] === 'string' && isId(value['limit']);
    default:
      return false;
  }
}

/** A reply the page can route. */
export function isSearchReply(value: unknown): value is SearchReply {
  if (!isRecord(value) || !isId(value['id'])) return false;
  switch (value['type']) {
    case 'loaded':
      return isFiniteNumber(value['units']) && isFiniteNumber(value['notes']) && isFiniteNumber(value['ms']);
    case 'noted':
      return isFiniteNumber(value['notes']);
    case 'results': {
      const results = value['results'];
      return (
        isFiniteNumber(value['ms']) &&
        isRecord(results) &&
        Array.isArray(results['law']) &&
        Array.isArray(results['code']) &&
        Array.isArray(results['notes'])
      );
    }
    case 'superseded':
      return true;
    case 'failed':
      return typeof value['message'] === 'string';
    default:
      return false;
  }
}
