/**
 * React hooks over the store: each is a live query, so a component re-renders when the data it
 * reads changes, whoever changed it (this window, an undo, another window on the same profile).
 * Every hook returns `undefined` while its first read is in flight.
 *
 * The database comes from `DbProvider`, so the app and tests can each pass their own.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { createContext, createElement, useContext, type ReactNode } from 'react';
import type { ClauseTree } from '../../src/model/clause';
import type {
  Annotation,
  DocumentRecord,
  LinkRecord,
  Objection,
  ProjectRecord,
} from '../../src/model/review';
import { listObjections, listResolutions } from './objections';
import {
  annotationsFor,
  getProject,
  getSetting,
  historyState,
  listDocuments,
  listProjects,
  loadTree,
  projectLinks,
  type HistoryState,
} from './repo';
import type { CrosswalkDb, Resolution } from './schema';
import { SETTING_DEFAULTS, type SettingKey, type Settings } from './settings';

const DbContext = createContext<CrosswalkDb | null>(null);

/** Makes `db` the database of every hook below it. */
export function DbProvider({
  db,
  children,
}: {
  readonly db: CrosswalkDb;
  readonly children?: ReactNode;
}): ReactNode {
  return createElement(DbContext.Provider, { value: db }, children);
}

/** The database given to the nearest `DbProvider`. */
export function useDb(): CrosswalkDb {
  const db = useContext(DbContext);
  if (!db) throw new Error('useDb() needs a <DbProvider db={…}> above it.');
  return db;
}

/**
 * Clause trees by database and fingerprint. A fingerprint names fixed bytes and a stored tree is
 * never rewritten, so a tree read once is good until its document is deleted; the AI Act's runs to
 * thousands of units, too many to read again on every render.
 */
const trees = new WeakMap<CrosswalkDb, Map<string, ClauseTree>>();

function treeCache(db: CrosswalkDb): Map<string, ClauseTree> {
  let cache = trees.get(db);
  if (!cache) trees.set(db, (cache = new Map<string, ClauseTree>()));
  return cache;
}

/**
 * A document's clause tree, read once and then served from memory (the same object each time);
 * null once the document is not in the library.
 */
export async function cachedTree(db: CrosswalkDb, fingerprint: string): Promise<ClauseTree | null> {
  const cache = treeCache(db);
  // Reading the record (cheap) keeps a live query subscribed to the document's deletion.
  if (!(await db.documents.get(fingerprint))) {
    cache.delete(fingerprint);
    return null;
  }
  const hit = cache.get(fingerprint);
  if (hit) return hit;
  const tree = await loadTree(db, fingerprint);
  if (tree) cache.set(fingerprint, tree);
  return tree;
}

/** The library, most recently imported first. */
export function useDocuments(): DocumentRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listDocuments(db), [db]);
}

/** All projects, most recently worked on first. */
export function useProjects(): ProjectRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(() => listProjects(db), [db]);
}

/** One project; null if there is no such project (or no id yet). */
export function useProject(id: string | null | undefined): ProjectRecord | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (id == null ? null : getProject(db, id)), [db, id]);
}

/**
 * A document's clause tree; null if it is not in the library (or no fingerprint); undefined while
 * it loads. The answer carries the fingerprint it is for: when the fingerprint changes, the live
 * query keeps its previous answer until the new one arrives, and that answer (a null from before
 * the project was known, say) must not pass for this document's.
 */
export function useTree(fingerprint: string | null | undefined): ClauseTree | null | undefined {
  const db = useDb();
  const key = fingerprint ?? null;
  // A tree already in memory shows on the first render, not one render later.
  const cached = key === null ? null : treeCache(db).get(key);
  const answer = useLiveQuery(
    async () => ({ key, tree: key === null ? null : await cachedTree(db, key) }),
    [db, key],
    cached === undefined ? undefined : { key, tree: cached },
  );
  return answer === undefined || answer.key !== key ? undefined : answer.tree;
}

/** Every link of a project, grouped by code unit, best suggestion first within each. */
export function useLinks(projectId: string | null | undefined): LinkRecord[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (projectId == null ? [] : projectLinks(db, projectId)), [db, projectId]);
}

/** A project's annotations, by code unit. */
export function useAnnotations(projectId: string | null | undefined): Annotation[] | undefined {
  const db = useDb();
  return useLiveQuery(async () => (projectId == null ? [] : annotationsFor(db, projectId)), [db, projectId]);
}

/** A setting's value; its default until the stored one is read. */
export function useSetting<K extends SettingKey>(key: K): Settings[K] {
  const db = useDb();
  return useLiveQuery(() => getSetting(db, key), [db, key], SETTING_DEFAULTS[key]);
}

const NOTHING_TO_DO: HistoryState = { canUndo: false, canRedo: false };

/** Whether Undo and Redo have anything to do in a project. */
export function useHistoryState(projectId: string | null | undefined): HistoryState {
  const db = useDb();
  return useLiveQuery(
    async () => (projectId == null ? NOTHING_TO_DO : historyState(db, projectId)),
    [db, projectId],
    NOTHING_TO_DO,
  );
}

/** A project's objections, oldest first. */
export function useObjections(projectId: string | null): Objection[] | undefined {
  const db = useDb();
  return useLiveQuery(() => (projectId === null ? [] : listObjections(db, projectId)), [db, projectId]);
}

/** The conflicts a project's user settled by keeping their own verdict. */
export function useResolutions(projectId: string | null): Resolution[] | undefined {
  const db = useDb();
  return useLiveQuery(() => (projectId === null ? [] : listResolutions(db, projectId)), [db, projectId]);
}
