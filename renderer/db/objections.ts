/**
 * Objections (an industry claim against the code, the units it concerns, the user's response) and
 * conflicts the user settled. Objections are edited in place, like a document the user writes;
 * deleting one is an explicit act the Objections panel asks to confirm.
 */
import type { Objection } from '../../src/model/review';
import type { CrosswalkDb, Resolution } from './schema';

const nowIso = (): string => new Date().toISOString();

/** The fields a user types; the rest (ids, times) the store sets. */
export type ObjectionFields = Omit<Objection, 'id' | 'projectId' | 'createdAt' | 'updatedAt'>;

export const EMPTY_OBJECTION: ObjectionFields = {
  title: '',
  raisedBy: '',
  raisedOn: '',
  source: '',
  claim: '',
  units: [],
  assessment: null,
  response: '',
  author: '',
};

/**
 * Marks the project as worked on: the library's "updated" date and the backup policy (a backup is
 * due after changes) both read `updatedAt`.
 */
async function touch(db: CrosswalkDb, projectId: string, at: string): Promise<void> {
  await db.projects.update(projectId, { updatedAt: at });
}

/** A project's objections, oldest first (the order a response memo lists them). */
export async function listObjections(db: CrosswalkDb, projectId: string): Promise<Objection[]> {
  const list = await db.objections.where('projectId').equals(projectId).toArray();
  return list.sort(
    (a, b) =>
      a.createdAt.localeCompare(b.createdAt) || a.title.localeCompare(b.title) || a.id.localeCompare(b.id),
  );
}

export async function addObjection(
  db: CrosswalkDb,
  projectId: string,
  fields: Partial<ObjectionFields> = {},
): Promise<Objection> {
  const now = nowIso();
  const objection: Objection = {
    ...EMPTY_OBJECTION,
    ...fields,
    id: crypto.randomUUID(),
    projectId,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', [db.projects, db.objections], async () => {
    if (!(await db.projects.get(projectId))) throw new Error('The project is no longer here.');
    await db.objections.add(objection);
    await touch(db, projectId, now);
  });
  return objection;
}

/** Applies `patch` to the stored objection; returns it as saved, or null when it is gone. */
export async function updateObjection(
  db: CrosswalkDb,
  id: string,
  patch: Partial<ObjectionFields>,
): Promise<Objection | null> {
  return db.transaction('rw', [db.projects, db.objections], async () => {
    const current = await db.objections.get(id);
    if (!current) return null;
    const next: Objection = { ...current, ...patch, id, projectId: current.projectId, updatedAt: nowIso() };
    await db.objections.put(next);
    await touch(db, current.projectId, next.updatedAt);
    return next;
  });
}

export async function deleteObjection(db: CrosswalkDb, id: string): Promise<Objection | null> {
  return db.transaction('rw', [db.projects, db.objections], async () => {
    const current = await db.objections.get(id);
    if (!current) return null;
    await db.objections.delete(id);
    await touch(db, current.projectId, nowIso());
    return current;
  });
}

// ---- Settled conflicts ------------------------------------------------------------------------

export async function listResolutions(db: CrosswalkDb, projectId: string): Promise<Resolution[]> {
  return db.resolutions.where('projectId').equals(projectId).toArray();
}

/** Remembers that the user kept their own verdict at `spot` against the verdicts in `signature`. */
export async function keepMine(
  db: CrosswalkDb,
  projectId: string,
  spot: string,
  signature: string,
): Promise<Resolution> {
  const resolution: Resolution = {
    id: `${projectId}|${spot}`,
    projectId,
    signature,
    choice: 'kept-mine',
    at: nowIso(),
  };
  await db.transaction('rw', [db.projects, db.resolutions], async () => {
    await db.resolutions.put(resolution);
    await touch(db, projectId, resolution.at);
  });
  return resolution;
}
