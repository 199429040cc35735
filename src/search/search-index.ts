/**
 * One full-text index over a project: every unit of the law and of the code (citation, heading,
 * text) and every note (an annotation's rationale and tags). Prefix and fuzzy matching, so a user
 * finds "serious incidents" by typing `serious inci` or `serous incidents`; citation-like queries
 * (`55(1)(c)`, `Art 53`, `Measure 9.3`) are also resolved to the provision itself, for a direct jump.
 * Notes follow edits through `updateNotes`, without rebuilding the index over the documents.
 */
import MiniSearch from 'minisearch';
import { formatCitation, resolveQuery } from '../citations/index';
import type { Unit } from '../model/clause';
import type { Annotation } from '../model/review';
import { makeSnippet, normalizeWord, words, type Snippet } from './text';

/** What the index reads of a unit. */
export type UnitInput = Pick<Unit, 'id' | 'heading' | 'text'>;

/** What the index reads of an annotation. */
export type NoteInput = Pick<
  Annotation,
  'id' | 'source' | 'target' | 'author' | 'stance' | 'rationale' | 'tags'
>;

export type SearchDoc = 'law' | 'code';

interface UnitEntry {
  readonly key: string;
  readonly kind: 'unit';
  readonly doc: SearchDoc;
  readonly id: string;
  readonly citation: string;
  readonly heading: string;
  readonly text: string;
  readonly tags: string;
}

interface NoteEntry {
  readonly key: string;
  readonly kind: 'note';
  readonly note: NoteInput;
  readonly citation: string;
  readonly heading: string;
  readonly text: string;
  readonly tags: string;
}

type Entry = UnitEntry | NoteEntry;

/** A built index. Opaque: use the functions of this module on it. */
export interface SearchIndex {
  readonly mini: MiniSearch<Entry>;
  readonly entries: Map<string, Entry>;
  readonly lawIds: ReadonlySet<string>;
  readonly codeIds: ReadonlySet<string>;
}

const FIELDS = ['citation', 'heading', 'text', 'tags'] as const;

/** Citations and headings say what a provision is about; a word in the running text counts least. */
const BOOST: Readonly<Record<(typeof FIELDS)[number], number>> = {
  citation: 3,
  heading: 2,
  tags: 2,
  text: 1,
};

/**
 * MiniSearch's fuzziness: a fifth of a word's letters, rounded, may differ. MiniSearch rounds 3 x 0.2
 * up to one edit, which makes `art` find `are` and `act`; words under four letters must match as typed.
 */
export const FUZZY = 0.2;
const MIN_FUZZY_LENGTH = 4;

const unitKey = (doc: SearchDoc, id: string): string => `${doc}:${id}`;
const noteKey = (id: string): string => `note:${id}`;

function unitEntry(doc: SearchDoc, unit: UnitInput): UnitEntry {
  return {
    key: unitKey(doc, unit.id),
    kind: 'unit',
    doc,
    id: unit.id,
    citation: formatCitation(unit.id),
    heading: unit.heading ?? '',
    text: unit.text,
    tags: '',
  };
}

/** A note worth indexing: one with words in its rationale or tags. */
function noteEntry(note: NoteInput): NoteEntry | null {
  if (note.rationale.trim() === '' && note.tags.length === 0) return null;
  return {
    key: noteKey(note.id),
    kind: 'note',
    // A copy: the index must be able to remove exactly what it added, whatever the caller does later.
    note: {
      id: note.id,
      source: note.source,
      target: note.target,
      author: note.author,
      stance: note.stance,
      rationale: note.rationale,
      tags: [...note.tags],
    },
    citation: '',
    heading: '',
    text: note.rationale,
    tags: note.tags.join(' '),
  };
}

/** Builds the index over both documents' units and the project's notes. */
export function buildSearchIndex(input: {
  readonly law: readonly UnitInput[];
  readonly code: readonly UnitInput[];
  readonly notes: readonly NoteInput[];
}): SearchIndex {
  const mini = new MiniSearch<Entry>({
    idField: 'key',
    fields: [...FIELDS],
    tokenize: words,
    processTerm: (term) => normalizeWord(term) || null,
    // Notes are removed with `remove` (the index keeps what it added), so nothing is left to vacuum.
    autoVacuum: false,
  });
  const entries = new Map<string, Entry>();
  const add = (entry: Entry): void => {
    // A duplicate id (a damaged tree) would make MiniSearch throw; the first one wins.
    if (entries.has(entry.key)) return;
    entries.set(entry.key, entry);
  };
  for (const unit of input.law) add(unitEntry('law', unit));
  for (const unit of input.code) add(unitEntry('code', unit));
  for (const note of input.notes) {
    const entry = noteEntry(note);
    if (entry !== null) add(entry);
  }
  mini.addAll([...entries.values()]);
  return {
    mini,
    entries,
    lawIds: new Set(input.law.map((u) => u.id)),
    codeIds: new Set(input.code.map((u) => u.id)),
  };
}

export interface NotesUpdate {
  readonly added: number;
  readonly replaced: number;
  readonly removed: number;
}

/**
 * Brings the notes in the index up to date: `changed` are new or edited annotations, `removed` the
 * ids of deleted ones. An annotation whose rationale and tags are now empty leaves the index.
 */
export function updateNotes(
  index: SearchIndex,
  changed: readonly NoteInput[],
  removed: readonly string[],
): NotesUpdate {
  let added = 0;
  let replaced = 0;
  let gone = 0;
  const drop = (id: string): boolean => {
    const old = index.entries.get(noteKey(id));
    if (old === undefined) return false;
    index.mini.remove(old);
    index.entries.delete(old.key);
    return true;
  };
  for (const note of changed) {
    const had = drop(note.id);
    const entry = noteEntry(note);
    if (entry !== null) {
      index.mini.add(entry);
      index.entries.set(entry.key, entry);
      if (had) replaced += 1;
      else added += 1;
    } else if (had) gone += 1;
  }
  for (const id of removed) if (drop(id)) gone += 1;
  return { added, replaced, removed: gone };
}

/** A provision the query names outright. */
export interface DirectTarget {
  readonly doc: SearchDoc;
  readonly id: string;
  readonly citation: string;
}

/** A citation-like query resolved: the provision it names, or why none. */
export interface DirectResolution {
  readonly direct: DirectTarget | null;
  /** Why a citation-like query names nothing here (`Article 99 does not exist`); null otherwise. */
  readonly unresolved: string | null;
}

/**
 * Resolves a citation-like query (`55(1)(c)`, `Art 53`, `Annex XI`, `Measure 9.3`) to the first
 * provision it names. Plain words resolve to nothing, silently.
 */
export function resolveDirect(
  query: string,
  lawIds: ReadonlySet<string>,
  codeIds: ReadonlySet<string>,
): DirectResolution {
  const resolution = resolveQuery(query, lawIds, codeIds);
  if (resolution === null) return { direct: null, unresolved: null };
  const id = resolution.ids[0];
  if (id === undefined)
    return {
      direct: null,
      unresolved: resolution.unresolved[0]?.reason ?? `${resolution.normalized} is not in this document`,
    };
  return { direct: { doc: resolution.target, id, citation: formatCitation(id) }, unresolved: null };
}

interface HitBase {
  /** Unique across the results (a law and a code unit may share an id). */
  readonly key: string;
  /** The unit's clause id, or the annotation's id. */
  readonly id: string;
  readonly citation: string;
  readonly snippet: Snippet;
  readonly score: number;
}

export interface UnitHit extends HitBase {
  readonly kind: 'unit';
  readonly doc: SearchDoc;
  readonly heading: string | null;
}

export interface NoteHit extends HitBase {
  readonly kind: 'note';
  /** The code unit the note is on. */
  readonly source: string;
  /** The law provision, when the note is on a link. */
  readonly target: string | null;
  readonly author: string;
  readonly stance: Annotation['stance'];
}

export type Hit = UnitHit | NoteHit;

export interface SearchResults extends DirectResolution {
  readonly query: string;
  /** `all`: every hit has every word of the query; `any`: none had, so hits with some of them. */
  readonly mode: 'all' | 'any';
  readonly law: readonly UnitHit[];
  readonly code: readonly UnitHit[];
  readonly notes: readonly NoteHit[];
  /** How many matched in each group, before the limit. */
  readonly counts: { readonly law: number; readonly code: number; readonly notes: number };
}

export interface SearchOptions {
  /** Hits kept per group (law, code, notes). Default 8. */
  readonly limit?: number;
}

const NOTHING = { law: [], code: [], notes: [], counts: { law: 0, code: 0, notes: 0 } } as const;

function unitHit(entry: UnitEntry, terms: ReadonlySet<string>, score: number): UnitHit {
  // The running text shows the match best; a heading or citation match shows the heading.
  const inText = entry.text !== '' && words(entry.text).some((w) => terms.has(normalizeWord(w)));
  return {
    key: entry.key,
    kind: 'unit',
    doc: entry.doc,
    id: entry.id,
    citation: entry.citation,
    heading: entry.heading === '' ? null : entry.heading,
    snippet: makeSnippet(inText || entry.heading === '' ? entry.text : entry.heading, terms),
    score,
  };
}

function noteHit(entry: NoteEntry, terms: ReadonlySet<string>, score: number): NoteHit {
  const { note } = entry;
  const inText = words(note.rationale).some((w) => terms.has(normalizeWord(w)));
  return {
    key: entry.key,
    kind: 'note',
    id: note.id,
    citation:
      note.target === null
        ? formatCitation(note.source)
        : `${formatCitation(note.source)} → ${formatCitation(note.target)}`,
    source: note.source,
    target: note.target,
    author: note.author,
    stance: note.stance,
    snippet: makeSnippet(inText || note.tags.length === 0 ? note.rationale : note.tags.join(', '), terms),
    score,
  };
}

/**
 * Searches units and notes, best first within each group. Every word of the query must match
 * (as a prefix, or with a typo in a long word); when no entry has them all, entries with any of
 * them are returned (`mode: 'any'`). A citation-like query also comes back resolved (`direct`).
 */
export function searchAll(index: SearchIndex, query: string, options: SearchOptions = {}): SearchResults {
  const limit = options.limit ?? 8;
  const text = query.trim();
  if (text === '') return { query, direct: null, unresolved: null, mode: 'all', ...NOTHING };
  const resolution = resolveDirect(text, index.lawIds, index.codeIds);
  const run = (combineWith: 'AND' | 'OR') =>
    index.mini.search(text, {
      combineWith,
      boost: BOOST,
      // A one-letter prefix (`c` of `55(1)(c)`) would match a good part of the language.
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= MIN_FUZZY_LENGTH ? FUZZY : false),
    });
  let mode: 'all' | 'any' = 'all';
  let found = run('AND');
  if (found.length === 0) {
    mode = 'any';
    found = run('OR');
  }
  const law: UnitHit[] = [];
  const code: UnitHit[] = [];
  const notes: NoteHit[] = [];
  const counts = { law: 0, code: 0, notes: 0 };
  for (const result of found) {
    const entry = index.entries.get(String(result.id));
    if (entry === undefined) continue;
    const terms = new Set(result.terms);
    if (entry.kind === 'note') {
      counts.notes += 1;
      if (notes.length < limit) notes.push(noteHit(entry, terms, result.score));
    } else if (entry.doc === 'law') {
      counts.law += 1;
      if (law.length < limit) law.push(unitHit(entry, terms, result.score));
    } else {
      counts.code += 1;
      if (code.length < limit) code.push(unitHit(entry, terms, result.score));
    }
  }
  return { query, ...resolution, mode, law, code, notes, counts };
}

/** How many units and notes an index holds. */
export function indexSize(index: SearchIndex): { readonly units: number; readonly notes: number } {
  let notes = 0;
  for (const entry of index.entries.values()) if (entry.kind === 'note') notes += 1;
  return { units: index.entries.size - notes, notes };
}
