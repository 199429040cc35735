/**
 * Search over a project: the law's and the code's units and the user's notes, with snippets, and
 * citation-like queries resolved to the provision they name. Pure: it runs in the search worker
 * (renderer/search/search.worker.ts) and in tests alike.
 */
export {
  buildSearchIndex,
  FUZZY,
  indexSize,
  resolveDirect,
  searchAll,
  updateNotes,
  type DirectResolution,
  type DirectTarget,
  type Hit,
  type NoteHit,
  type NoteInput,
  type NotesUpdate,
  type SearchDoc,
  type SearchIndex,
  type SearchOptions,
  type SearchResults,
  type UnitHit,
  type UnitInput,
} from './search-index';
export { diffNotes, noteFingerprint, slimNote, type NotesDelta } from './sync';
export { makeSnippet, normalizeWord, tokens, words, type Snippet, type Token } from './text';
export { shortTitle } from './title';
