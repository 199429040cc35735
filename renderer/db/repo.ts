/**
 * Everything the app reads from and writes to its offline store, as plain async functions taking
 * the database first (no React: hooks.ts wraps the reads in live queries). Each write runs in one
 * transaction, so a crash or a closed window leaves either all of it or none of it.
 */
import type { ClauseTree, Unit } from '../../src/model/clause';
import {
  linkId,
  type Annotation,
  type Objection,
  type DocumentRecord,
  type LinkRecord,
  type LinkStatus,
  type ProjectRecord,
} from '../../src/model/review';
import type { LinkReport } from '../../src/linking/suggest';
import { CrosswalkDb, DB_NAME, type HistoryEntry, type StoredUnit } from './schema';
import { SETTING_DEFAULTS, SETTING_SCHEMAS, parseSetting, type SettingKey, type Settings } from './settings';

/** Edits with the same coalesce key within this many milliseconds of each other are one undo step. */
export const COALESCE_MS = 2_000;

/** Undo steps kept per project; older ones are dropped. */
export const HISTORY_LIMIT = 500;

const nowIso = (): string => new Date().toISOString();

/**
 * Rows written per request. IndexedDB clones every row of a request on the calling thread in one
 * go: the AI Act's 1,625 clauses (with their page boxes) or 2,500 links in one `bulkAdd` held the
 * page for 150–300 ms. In batches, the page handles input between them; the transaction, and so
 * the all-or-nothing write, is the same.
 */
const WRITE_BATCH = 200;

async function inBatches<T>(rows: readonly T[], write: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH)
    await write(rows.slice(start, start + WRITE_BATCH));
}

/** Opens (creating or upgrading as needed) the app's database; rejects if IndexedDB is unavailable. */
export async function openDb(name: string = DB_NAME): Promise<CrosswalkDb> {
  const db = new CrosswalkDb(name);
  await db.open();
  return db;
}

// ---- Documents ---------------------------------------------------------------------------------

/** The file name without any folders: the store never keeps a path. */
function baseName(fileName: string): string {
  return fileName.split(/[\\/]/).pop() ?? fileName;
}

/**
 * Stores an imported PDF: its record, its bytes and its clause tree. A file already in the library
 * (same fingerprint: same bytes) is recognised and left as it was, with its first import date and
 * the tree its annotations were written against; `existed` tells the caller which happened.
 *
 * Store the bytes before handing them to pdf.js, which detaches the buffer it is given: empty bytes
 * are refused rather than saved as a PDF that cannot be shown.
 */
export async function saveDocument(
  db: CrosswalkDb,
  tree: ClauseTree,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ record: DocumentRecord; existed: boolean }> {
  const { fingerprint } = tree.document;
  if (fingerprint === '') throw new Error('This document has no fingerprint, so it cannot be stored.');
  if (bytes.byteLength === 0)
    throw new Error(`The file “${baseName(fileName)}” is empty, so it cannot be stored.`);
  // Structured clone stores a view's whole underlying buffer: copy a view into a larger one.
  const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
  return db.transaction('rw', [db.documents, db.files, db.clauses], async () => {
    const existing = await db.documents.get(fingerprint);
    if (existing) return { record: existing, existed: true };
    const record: DocumentRecord = {
      fingerprint,
      fileName: baseName(fileName),
      title: tree.document.title,
      kind: tree.document.kind,
      pages: tree.document.pages,
      unitCount: tree.units.length,
      byteLength: own.byteLength,
      importedAt: nowIso(),
    };
    await db.documents.add(record);
    await db.files.put({ fingerprint, bytes: own });
    // Rows left by an interrupted delete would clash with the new ones.
    await db.clauses.where('doc').equals(fingerprint).delete();
    await inBatches(
      tree.units.map((unit, order): StoredUnit => ({ ...unit, doc: fingerprint, order })),
      (batch) => db.clauses.bulkAdd(batch),
    );
    return { record, existed: false };
  });
}

/** The library, most recently imported first. */
export async function listDocuments(db: CrosswalkDb): Promise<DocumentRecord[]> {
  return db.documents.orderBy('importedAt').reverse().toArray();
}

function toUnit(row: StoredUnit): Unit {
  const { doc: _doc, order: _order, ...unit } = row;
  return unit;
}

/** A stored document's clause tree, exactly as it was saved; null if it is not in the library. */
export async function loadTree(db: CrosswalkDb, fingerprint: string): Promise<ClauseTree | null> {
  return db.transaction('r', [db.documents, db.clauses], async () => {
    const record = await db.documents.get(fingerprint);
    if (!record) return null;
    const rows = await db.clauses
      .where('[doc+order]')
      .between([fingerprint, -Infinity], [fingerprint, Infinity], true, true)
      .toArray();
    return {
      document: { kind: record.kind, title: record.title, pages: record.pages, fingerprint },
      units: rows.map(toUnit),
    };
  });
}

/** A stored document's PDF bytes; null if it is not in the library. */
export async function loadPdfBytes(db: CrosswalkDb, fingerprint: string): Promise<Uint8Array | null> {
  const file = await db.files.get(fingerprint);
  return file?.bytes ?? null;
}

export type Outcome = { readonly ok: true } | { readonly ok: false; readonly error: string };

/**
 * Removes a document, its bytes and its clauses from the library. Refused while a project reads it:
 * the project's annotations point into its clauses.
 */
export async function deleteDocument(db: CrosswalkDb, fingerprint: string): Promise<Outcome> {
  return db.transaction('rw', [db.documents, db.files, db.clauses, db.projects], async () => {
    const record = await db.documents.get(fingerprint);
    if (!record) return { ok: true };
    const users = await db.projects
      .filter((p) => p.lawFingerprint === fingerprint || p.codeFingerprint === fingerprint)
      .toArray();
    if (users.length > 0) {
      const names = users.map((p) => `“${p.name}”`).join(', ');
      const noun = users.length === 1 ? 'project' : 'projects';
      return {
        ok: false,
        error: `“${record.title}” is used by the ${noun} ${names}. Delete the ${noun} first.`,
      };
    }
    await db.clauses.where('doc').equals(fingerprint).delete();
    await db.files.delete(fingerprint);
    await db.documents.delete(fingerprint);
    return { ok: true };
  });
}

// ---- Projects ----------------------------------------------------------------------------------

export interface NewProject {
  /** Blank: named after the two documents. */
  readonly name: string;
  readonly lawFingerprint: string;
  readonly codeFingerprint: string;
  readonly sample: boolean;
}

/** Starts a project reading a code against a law; both must already be in the library. */
export async function createProject(db: CrosswalkDb, fields: NewProject): Promise<ProjectRecord> {
  return db.transaction('rw', [db.projects, db.documents], async () => {
    const law = await db.documents.get(fields.lawFingerprint);
    const code = await db.documents.get(fields.codeFingerprint);
    if (!law) throw new Error('The law for this project is not in the library.');
    if (!code) throw new Error('The code for this project is not in the library.');
    const now = nowIso();
    const project: ProjectRecord = {
      id: crypto.randomUUID(),
      name: fields.name.trim() || `${code.title} against ${law.title}`,
      lawFingerprint: law.fingerprint,
      codeFingerprint: code.fingerprint,
      sample: fields.sample,
      createdAt: now,
      updatedAt: now,
    };
    await db.projects.add(project);
    return project;
  });
}

/** All projects, most recently worked on first. */
export async function listProjects(db: CrosswalkDb): Promise<ProjectRecord[]> {
  return db.projects.orderBy('updatedAt').reverse().toArray();
}

export async function getProject(db: CrosswalkDb, id: string): Promise<ProjectRecord | null> {
  return (await db.projects.get(id)) ?? null;
}

/** Renames a project (a blank name is refused); null if there is no such project. */
export async function renameProject(
  db: CrosswalkDb,
  id: string,
  name: string,
): Promise<ProjectRecord | null> {
  const trimmed = name.trim();
  if (trimmed === '') throw new Error('A project needs a name.');
  return db.transaction('rw', [db.projects], async () => {
    const project = await db.projects.get(id);
    if (!project) return null;
    const next: ProjectRecord = { ...project, name: trimmed, updatedAt: nowIso() };
    await db.projects.put(next);
    return next;
  });
}

/** Marks a project as just worked on (the library lists the latest first). */
export async function touchProject(db: CrosswalkDb, id: string): Promise<void> {
  await db.projects.update(id, { updatedAt: nowIso() });
}

/** Deletes a project with its links, annotations and undo history. Its documents stay in the library. */
export async function deleteProject(db: CrosswalkDb, id: string): Promise<void> {
  const stores = [
    db.projects,
    db.links,
    db.annotations,
    db.history,
    db.settings,
    db.objections,
    db.resolutions,
  ];
  await db.transaction('rw', stores, async () => {
    await db.links.where('projectId').equals(id).delete();
    await db.annotations.where('projectId').equals(id).delete();
    await db.objections.where('projectId').equals(id).delete();
    await db.resolutions.where('projectId').equals(id).delete();
    await db.history.where('projectId').equals(id).delete();
    await db.projects.delete(id);
    const last = await db.settings.get('lastProjectId');
    if (last?.value === id) await db.settings.put({ key: 'lastProjectId', value: null });
  });
}

// ---- Links -------------------------------------------------------------------------------------

export interface SuggestionsSaved {
  /** Pairs suggested for the first time. */
  readonly added: number;
  /** Pairs already stored whose rank, score, basis, evidence and stance were refreshed. */
  readonly refreshed: number;
  /** Earlier suggestions the linker no longer makes, dropped because nobody had acted on them. */
  readonly removed: number;
}

/**
 * Stores the linker's suggestions for a project. Re-running keeps every user decision: an accepted
 * or rejected link keeps its status (only its rank, score, basis, evidence and suggested stance are
 * refreshed), and links a user added stay exactly as they are. An earlier suggestion the linker no
 * longer makes is removed, unless the user decided on it or wrote an annotation on it.
 */
export async function saveSuggestions(
  db: CrosswalkDb,
  projectId: string,
  report: LinkReport,
): Promise<SuggestionsSaved> {
  return db.transaction('rw', [db.links, db.projects, db.annotations], async () => {
    if (!(await db.projects.get(projectId))) throw new Error('There is no such project.');
    const existing = new Map(
      (await db.links.where('projectId').equals(projectId).toArray()).map((l) => [l.id, l]),
    );
    const now = nowIso();
    const next = new Map<string, LinkRecord>();
    let added = 0;
    let refreshed = 0;
    for (const s of report.links) {
      const id = linkId(projectId, s.source, s.target);
      const machine = {
        rank: s.rank,
        score: s.score,
        basis: [...s.basis],
        evidence: [...s.evidence],
        suggestedStance: s.suggestedStance,
        updatedAt: now,
      };
      const old = existing.get(id);
      if (old?.origin === 'user') continue;
      if (!next.has(id)) {
        if (old) refreshed++;
        else added++;
      }
      next.set(
        id,
        old
          ? { ...old, ...machine }
          : {
              id,
              projectId,
              source: s.source,
              target: s.target,
              status: 'suggested',
              origin: 'machine',
              ...machine,
              createdAt: now,
            },
      );
    }
    const annotated = new Set(
      (await db.annotations.where('projectId').equals(projectId).toArray())
        .filter((a) => a.target !== null)
        .map((a) => linkId(projectId, a.source, a.target ?? '')),
    );
    const stale = [...existing.values()]
      .filter(
        (l) => l.origin === 'machine' && l.status === 'suggested' && !next.has(l.id) && !annotated.has(l.id),
      )
      .map((l) => l.id);
    await db.links.bulkDelete(stale);
    await inBatches([...next.values()], (batch) => db.links.bulkPut(batch));
    return { added, refreshed, removed: stale.length };
  });
}

/** Records the user's decision on a link (or takes it back: `suggested`); null if there is no such link. */
export async function setLinkStatus(
  db: CrosswalkDb,
  id: string,
  status: LinkStatus,
): Promise<LinkRecord | null> {
  return db.transaction('rw', [db.links, db.projects], async () => {
    const link = await db.links.get(id);
    if (!link) return null;
    const now = nowIso();
    const next: LinkRecord = { ...link, status, updatedAt: now };
    await db.links.put(next);
    await db.projects.update(link.projectId, { updatedAt: now });
    return next;
  });
}

/**
 * A link the user makes by hand (e.g. by typing a citation), accepted. If the linker already
 * suggested the pair, that suggestion is accepted instead, keeping its evidence.
 */
export async function addUserLink(
  db: CrosswalkDb,
  projectId: string,
  source: string,
  target: string,
): Promise<LinkRecord> {
  return db.transaction('rw', [db.links, db.projects], async () => {
    const id = linkId(projectId, source, target);
    const old = await db.links.get(id);
    const now = nowIso();
    const next: LinkRecord = old
      ? { ...old, status: 'accepted', updatedAt: now }
      : {
          id,
          projectId,
          source,
          target,
          status: 'accepted',
          origin: 'user',
          rank: null,
          score: null,
          basis: [],
          evidence: [],
          suggestedStance: null,
          createdAt: now,
          updatedAt: now,
        };
    await db.links.put(next);
    await db.projects.update(projectId, { updatedAt: now });
    return next;
  });
}

/** Machine suggestions by rank, then links users added in the order they were added. */
function byRank(a: LinkRecord, b: LinkRecord): number {
  const ra = a.rank ?? Infinity;
  const rb = b.rank ?? Infinity;
  if (ra !== rb) return ra - rb;
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.target < b.target ? -1 : a.target > b.target ? 1 : 0;
}

/** The links of one code unit, best suggestion first. */
export async function linksFor(db: CrosswalkDb, projectId: string, source: string): Promise<LinkRecord[]> {
  const links = await db.links.where('[projectId+source]').equals([projectId, source]).toArray();
  return links.sort(byRank);
}

/** Every link of a project, grouped by code unit, best suggestion first within each. */
export async function projectLinks(db: CrosswalkDb, projectId: string): Promise<LinkRecord[]> {
  const links = await db.links.where('projectId').equals(projectId).toArray();
  return links.sort((a, b) => (a.source === b.source ? byRank(a, b) : a.source < b.source ? -1 : 1));
}

// ---- Annotations -------------------------------------------------------------------------------

export type NewAnnotationFields = Pick<Annotation, 'projectId' | 'source' | 'quote'> &
  Partial<Omit<Annotation, 'projectId' | 'source' | 'quote'>>;

/**
 * A complete annotation from the fields that matter: a fresh id, on the unit itself (target null),
 * no verdict yet, a draft with no tags, created now. Any field given wins.
 */
export function newAnnotation(fields: NewAnnotationFields): Annotation {
  const now = nowIso();
  return {
    id: crypto.randomUUID(),
    target: null,
    stance: null,
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status: 'draft',
    author: '',
    fromSuggestion: false,
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

/** JSON with object keys sorted, so two records compare equal whatever order their keys were set in. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/** Same content, whenever it was saved. */
function sameContent(a: Annotation | null, b: Annotation | null): boolean {
  if (a === null || b === null) return a === b;
  return stableJson({ ...a, updatedAt: '' }) === stableJson({ ...b, updatedAt: '' });
}

async function latestActive(db: CrosswalkDb, projectId: string): Promise<HistoryEntry | undefined> {
  return db.history.where('[projectId+undone]').equals([projectId, 0]).last();
}

/** Records an edit in the project's history: a new edit makes the undone steps unreachable. */
async function record(
  db: CrosswalkDb,
  projectId: string,
  annotationId: string,
  before: Annotation | null,
  after: Annotation | null,
  coalesce: string | null,
): Promise<void> {
  const at = Date.now();
  const dropped = await db.history.where('[projectId+undone]').equals([projectId, 1]).delete();
  // After an undo, the next edit is a step of its own, never merged into the one before the undo.
  if (coalesce !== null && dropped === 0) {
    const latest = await latestActive(db, projectId);
    if (
      latest &&
      latest.annotationId === annotationId &&
      latest.coalesce === coalesce &&
      at - latest.at >= 0 &&
      at - latest.at < COALESCE_MS
    ) {
      // Typed back to where the step began: nothing left to undo.
      if (sameContent(latest.before, after)) await db.history.delete(latest.seq);
      else await db.history.update(latest.seq, { after, at });
      return;
    }
  }
  await db.history.add({ projectId, annotationId, before, after, undone: 0, coalesce, at });
  const count = await db.history.where('projectId').equals(projectId).count();
  if (count > HISTORY_LIMIT) {
    const oldest = await db.history
      .where('projectId')
      .equals(projectId)
      .limit(count - HISTORY_LIMIT)
      .primaryKeys();
    await db.history.bulkDelete(oldest);
  }
}

export interface SaveOptions {
  /**
   * Edits with the same key, to the same annotation, less than two seconds apart are one undo step
   * (e.g. `rationale` while the user types). Without a key every save is a step of its own.
   */
  readonly coalesce?: string;
}

/**
 * Saves an annotation (created or edited) and records the edit for undo, in one transaction.
 * Returns the annotation as stored (updatedAt now). Saving it unchanged records nothing.
 */
export async function saveAnnotation(
  db: CrosswalkDb,
  next: Annotation,
  options: SaveOptions = {},
): Promise<Annotation> {
  return db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
    const before = (await db.annotations.get(next.id)) ?? null;
    const saved: Annotation = {
      ...next,
      createdAt: before?.createdAt ?? next.createdAt,
      updatedAt: nowIso(),
    };
    if (before && sameContent(before, saved)) return before;
    await db.annotations.put(saved);
    await record(db, saved.projectId, saved.id, before, saved, options.coalesce ?? null);
    await db.projects.update(saved.projectId, { updatedAt: saved.updatedAt });
    return saved;
  });
}

/** Deletes an annotation, undoably. Returns what was deleted; null if there was no such annotation. */
export async function deleteAnnotation(db: CrosswalkDb, id: string): Promise<Annotation | null> {
  return db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
    const before = await db.annotations.get(id);
    if (!before) return null;
    await db.annotations.delete(id);
    await record(db, before.projectId, id, before, null, null);
    await db.projects.update(before.projectId, { updatedAt: nowIso() });
    return before;
  });
}

/** What an undo or redo changed: the annotation as it now is, or as it was if the step removed it. */
export interface HistoryStep {
  readonly annotation: Annotation;
  /** True when the step deleted the annotation (undoing its creation, redoing its deletion). */
  readonly removed: boolean;
}

async function apply(
  db: CrosswalkDb,
  entry: HistoryEntry,
  state: Annotation | null,
): Promise<HistoryStep | null> {
  if (state) {
    await db.annotations.put(state);
  } else {
    await db.annotations.delete(entry.annotationId);
  }
  await db.projects.update(entry.projectId, { updatedAt: nowIso() });
  const annotation = state ?? entry.before ?? entry.after;
  return annotation ? { annotation, removed: state === null } : null;
}

/** Undoes the project's latest edit; null when there is nothing to undo. */
export async function undo(db: CrosswalkDb, projectId: string): Promise<HistoryStep | null> {
  return db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
    const entry = await latestActive(db, projectId);
    if (!entry) return null;
    await db.history.update(entry.seq, { undone: 1 });
    return apply(db, entry, entry.before);
  });
}

/** Redoes the project's earliest undone edit; null when there is nothing to redo. */
export async function redo(db: CrosswalkDb, projectId: string): Promise<HistoryStep | null> {
  return db.transaction('rw', [db.annotations, db.history, db.projects], async () => {
    const entry = await db.history.where('[projectId+undone]').equals([projectId, 1]).first();
    if (!entry) return null;
    // A redone step is closed: later typing starts a new step instead of merging into it.
    await db.history.update(entry.seq, { undone: 0, coalesce: null });
    return apply(db, entry, entry.after);
  });
}

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
}

export async function historyState(db: CrosswalkDb, projectId: string): Promise<HistoryState> {
  return db.transaction('r', [db.history], async () => {
    const undoable = await db.history.where('[projectId+undone]').equals([projectId, 0]).count();
    const redoable = await db.history.where('[projectId+undone]').equals([projectId, 1]).count();
    return { canUndo: undoable > 0, canRedo: redoable > 0 };
  });
}

/** A project's annotations by code unit, the unit's own before its links'. */
export async function annotationsFor(db: CrosswalkDb, projectId: string): Promise<Annotation[]> {
  const all = await db.annotations.where('projectId').equals(projectId).toArray();
  const key = (a: Annotation): string => `${a.source}\u0000${a.target ?? ''}\u0000${a.createdAt}`;
  return all.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * The annotation on a code unit (`target` null) or on one of its links; the latest edited one if
 * there are several (e.g. after merging two reviewers' bundles).
 */
export async function annotationFor(
  db: CrosswalkDb,
  projectId: string,
  source: string,
  target: string | null,
): Promise<Annotation | null> {
  const onUnit = await db.annotations.where('[projectId+source]').equals([projectId, source]).toArray();
  const matches = onUnit
    .filter((a) => a.target === target)
    .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1));
  return matches[0] ?? null;
}

// ---- Settings ----------------------------------------------------------------------------------

/** A setting's stored value, or `fallback` (the key's default unless given) if unset or unreadable. */
export async function getSetting<K extends SettingKey>(
  db: CrosswalkDb,
  key: K,
  fallback: Settings[K] = SETTING_DEFAULTS[key],
): Promise<Settings[K]> {
  const row = await db.settings.get(key);
  if (!row) return fallback;
  return parseSetting(key, row.value) ?? fallback;
}

/** Stores a setting; a value of the wrong type is refused. */
export async function putSetting<K extends SettingKey>(
  db: CrosswalkDb,
  key: K,
  value: Settings[K],
): Promise<void> {
  const parsed = SETTING_SCHEMAS[key].safeParse(value);
  if (!parsed.success) throw new Error(`Setting “${key}” cannot be ${JSON.stringify(value)}.`);
  await db.settings.put({ key, value: parsed.data });
}

// ---- Merging a bundle --------------------------------------------------------------------------

/** What a merge added. */
export interface MergeApplied {
  readonly links: number;
  readonly decided: number;
  readonly annotations: number;
  readonly objections: number;
}

/**
 * Adds a merge plan's new links and annotations to a project, in one transaction. Only ever adds:
 * `bulkAdd` refuses (and the whole merge rolls back) rather than overwrite a record with the same
 * key, so nothing already stored can change.
 */
export async function applyMergePlan(
  db: CrosswalkDb,
  projectId: string,
  plan: {
    readonly addLinks: readonly LinkRecord[];
    readonly decideLinks: readonly LinkRecord[];
    readonly addAnnotations: readonly Annotation[];
    readonly addObjections?: readonly Objection[];
  },
  /** `touch: false` leaves the project's `updatedAt` alone (a project just created from the bundle). */
  options: { readonly touch?: boolean } = {},
): Promise<MergeApplied> {
  const addObjections = plan.addObjections ?? [];
  await db.transaction('rw', [db.projects, db.links, db.annotations, db.objections], async () => {
    const project = await db.projects.get(projectId);
    if (!project) throw new Error('The project to merge into is no longer here.');
    if (
      plan.addLinks.some((link) => link.projectId !== projectId) ||
      plan.addAnnotations.some((a) => a.projectId !== projectId) ||
      addObjections.some((o) => o.projectId !== projectId)
    ) {
      throw new Error('The merge plan names another project; nothing was imported.');
    }
    await db.links.bulkAdd([...plan.addLinks]);
    for (const decided of plan.decideLinks) {
      // Only a suggestion still undecided here takes the sender's decision; one decided since the
      // plan was made stays as the user left it.
      const current = await db.links.get(decided.id);
      if (current?.status === 'suggested' && current.origin === 'machine') {
        await db.links.update(decided.id, { status: decided.status, updatedAt: decided.updatedAt });
      }
    }
    await db.annotations.bulkAdd([...plan.addAnnotations]);
    await db.objections.bulkAdd([...addObjections]);
    if (options.touch ?? true) await db.projects.update(projectId, { updatedAt: nowIso() });
  });
  return {
    links: plan.addLinks.length,
    decided: plan.decideLinks.length,
    annotations: plan.addAnnotations.length,
    objections: addObjections.length,
  };
}
