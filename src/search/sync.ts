/**
 * What the page sends the search worker when annotations change: only the notes that are new or
 * different since the last time, and the ids of those that are gone, never the whole list again.
 */
import type { NoteInput } from './search-index';

export interface NotesDelta {
  readonly changed: readonly NoteInput[];
  readonly removed: readonly string[];
  /** What the index holds once the delta is applied: a fingerprint by annotation id. */
  readonly next: ReadonlyMap<string, string>;
}

/** What of a note the index reads; two notes with the same fingerprint index alike. */
export function noteFingerprint(note: NoteInput): string {
  return JSON.stringify([note.source, note.target, note.author, note.stance, note.rationale, note.tags]);
}

/** The slim copy of a note that crosses to the worker (an annotation also carries its quote, times…). */
export function slimNote(note: NoteInput): NoteInput {
  return {
    id: note.id,
    source: note.source,
    target: note.target,
    author: note.author,
    stance: note.stance,
    rationale: note.rationale,
    tags: [...note.tags],
  };
}

/** The notes that differ between what the index holds (`previous`) and the current annotations. */
export function diffNotes(previous: ReadonlyMap<string, string>, current: readonly NoteInput[]): NotesDelta {
  const next = new Map<string, string>();
  const changed: NoteInput[] = [];
  for (const note of current) {
    const print = noteFingerprint(note);
    next.set(note.id, print);
    if (previous.get(note.id) !== print) changed.push(slimNote(note));
  }
  const removed = [...previous.keys()].filter((id) => !next.has(id));
  return { changed, removed, next };
}
