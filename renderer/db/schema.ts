/**
 * The app's offline store (IndexedDB through Dexie): imported documents and their clause trees,
 * projects, links, annotations, the undo history of annotation edits, and settings.
 *
 * VERSIONS ARE APPEND-ONLY. Once a version has shipped, never edit its stores string or delete it:
 * a user's database was created with it. To change the schema, add `this.version(n + 1).stores(…)`
 * (with an `.upgrade()` calling a pure transform from src/storage when records change shape), add
 * the new stores to SCHEMA_HISTORY, and test the upgrade by seeding the old version and reopening.
 * test/renderer/db/schema.test.ts compares SCHEMA_HISTORY with a literal, so an accidental change
 * fails a test instead of a user's database.
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Unit } from '../../src/model/clause';
import type {
  Annotation,
  DocumentRecord,
  LinkRecord,
  Objection,
  ProjectRecord,
} from '../../src/model/review';

/** A unit of an imported document, stored one row per unit so a tree loads in one indexed range. */
export interface StoredUnit extends Unit {
  /** Fingerprint of the document the unit belongs to. */
  readonly doc: string;
  /** Index of the unit in its document's `units` (document order). */
  readonly order: number;
}

/** The bytes of an imported PDF, for the page view and for re-linking after a parser update. */
export interface StoredFile {
  readonly fingerprint: string;
  readonly bytes: Uint8Array;
}

/** One setting; see `Settings` in settings.ts for the keys and their types. */
export interface SettingRow {
  readonly key: string;
  readonly value: unknown;
}

/** One undoable edit of an annotation: its state before and after (null: did not exist / deleted). */
export interface HistoryEntry {
  /** Auto-incremented: the order edits were made in. */
  readonly seq: number;
  readonly projectId: string;
  readonly annotationId: string;
  readonly before: Annotation | null;
  readonly after: Annotation | null;
  /** 1 once undone (and not redone). A number, not a boolean: IndexedDB cannot index booleans. */
  readonly undone: 0 | 1;
  /** Edits with the same key in quick succession merge into this entry (typing a rationale). */
  readonly coalesce: string | null;
  /** Date.now() of the latest edit merged into this entry. */
  readonly at: number;
}

/**
 * A conflict the user settled by keeping their own verdict: remembered with the verdicts it was
 * between, so it comes back if either side changes (a later merge, an edit).
 */
export interface Resolution {
  /** `${projectId}|${spotKey}`: one per unit or link. */
  readonly id: string;
  readonly projectId: string;
  /** The verdicts it settled, as `id@updatedAt`, sorted. */
  readonly signature: string;
  readonly choice: 'kept-mine';
  readonly at: string;
}

/** The stores of each version, oldest first. Append only; see the file comment. */
export const SCHEMA_HISTORY = [
  {
    version: 1,
    stores: {
      documents: 'fingerprint, importedAt',
      files: 'fingerprint',
      clauses: '[doc+id], doc, [doc+order]',
      projects: 'id, updatedAt',
      links: 'id, projectId, [projectId+source], [projectId+status]',
      annotations: 'id, projectId, [projectId+source], *tags, updatedAt',
      settings: 'key',
      history: '++seq, projectId, [projectId+undone]',
    },
  },
  {
    // Objections and their responses; conflicts settled in the conflict view. Records of version 1
    // do not change shape, so there is no upgrade function.
    version: 2,
    stores: {
      objections: 'id, projectId, updatedAt',
      resolutions: 'id, projectId',
    },
  },
] as const;

export const DB_NAME = 'crosswalk';

export class CrosswalkDb extends Dexie {
  declare readonly documents: EntityTable<DocumentRecord, 'fingerprint'>;
  declare readonly files: EntityTable<StoredFile, 'fingerprint'>;
  declare readonly clauses: Table<StoredUnit, [string, string]>;
  declare readonly projects: EntityTable<ProjectRecord, 'id'>;
  declare readonly links: EntityTable<LinkRecord, 'id'>;
  declare readonly annotations: EntityTable<Annotation, 'id'>;
  declare readonly settings: EntityTable<SettingRow, 'key'>;
  declare readonly history: EntityTable<HistoryEntry, 'seq'>;
  declare readonly objections: EntityTable<Objection, 'id'>;
  declare readonly resolutions: EntityTable<Resolution, 'id'>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_HISTORY[0].stores);
    this.version(2).stores(SCHEMA_HISTORY[1].stores);
  }
}
