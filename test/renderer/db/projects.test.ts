/** Projects: created from two documents in the library, listed by recent work, deleted with all they hold. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addUserLink,
  createProject,
  deleteProject,
  getProject,
  getSetting,
  historyState,
  listProjects,
  newAnnotation,
  putSetting,
  renameProject,
  saveAnnotation,
  touchProject,
  type CrosswalkDb,
} from '../../../renderer/db';
import type { ProjectRecord } from '../../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { freshDb, imported } from './setup';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 5));

async function withDocuments(): Promise<CrosswalkDb> {
  const db = await freshDb();
  await imported(db, MINI_LAW);
  await imported(db, MINI_CODE, 2);
  return db;
}

function project(db: CrosswalkDb, name: string, sample = false): Promise<ProjectRecord> {
  return createProject(db, {
    name,
    lawFingerprint: MINI_LAW.document.fingerprint,
    codeFingerprint: MINI_CODE.document.fingerprint,
    sample,
  });
}

describe('projects', () => {
  it('creates a project with a fresh id, both documents and its creation time', async () => {
    const db = await withDocuments();
    const a = await project(db, '  GPAI review  ', true);
    const b = await project(db, 'Second look');
    expect(a.id).not.toBe(b.id);
    expect(a).toMatchObject({
      name: 'GPAI review',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: true,
    });
    expect(a.updatedAt).toBe(a.createdAt);
    expect(await getProject(db, a.id)).toEqual(a);
    expect(await getProject(db, 'missing')).toBeNull();
  });

  it('names a project after its documents when no name is given', async () => {
    const db = await withDocuments();
    expect((await project(db, '   ')).name).toBe('Mini Code against Mini AI Act');
  });

  it('refuses a project over a document that is not in the library', async () => {
    const db = await freshDb();
    await imported(db, MINI_LAW);
    await expect(project(db, 'x')).rejects.toThrow(/code .* not in the library/);
    expect(await listProjects(db)).toEqual([]);
  });

  it('lists projects by most recent work, which renaming or touching counts as', async () => {
    const db = await withDocuments();
    const first = await project(db, 'First');
    await tick();
    const second = await project(db, 'Second');
    expect((await listProjects(db)).map((p) => p.id)).toEqual([second.id, first.id]);
    await tick();
    await touchProject(db, first.id);
    expect((await listProjects(db)).map((p) => p.id)).toEqual([first.id, second.id]);
    await tick();
    const renamed = await renameProject(db, second.id, ' Renamed ');
    expect(renamed?.name).toBe('Renamed');
    expect((await listProjects(db)).map((p) => p.name)).toEqual(['Renamed', 'First']);
  });

  it('refuses a blank name, and renaming a missing project changes nothing', async () => {
    const db = await withDocuments();
    const p = await project(db, 'Keep');
    await expect(renameProject(db, p.id, '  ')).rejects.toThrow(/name/);
    expect((await getProject(db, p.id))?.name).toBe('Keep');
    expect(await renameProject(db, 'missing', 'x')).toBeNull();
    expect(await listProjects(db)).toHaveLength(1);
  });

  it('deletes a project with its links, annotations and history, and nothing of another project', async () => {
    const db = await withDocuments();
    const doomed = await project(db, 'Doomed');
    const kept = await project(db, 'Kept');
    for (const p of [doomed, kept]) {
      await addUserLink(db, p.id, 'msr_6.2', 'art_55__para_1__point_d');
      await saveAnnotation(
        db,
        newAnnotation({ projectId: p.id, source: 'msr_6.2', quote: { exact: 'x', prefix: '', suffix: '' } }),
      );
    }
    await putSetting(db, 'lastProjectId', doomed.id);

    await deleteProject(db, doomed.id);

    expect(await getProject(db, doomed.id)).toBeNull();
    expect(await db.links.where('projectId').equals(doomed.id).count()).toBe(0);
    expect(await db.annotations.where('projectId').equals(doomed.id).count()).toBe(0);
    expect(await historyState(db, doomed.id)).toEqual({ canUndo: false, canRedo: false });
    // A start-up that reopens the last project does not try to open a deleted one.
    expect(await getSetting(db, 'lastProjectId')).toBeNull();

    expect(await db.links.where('projectId').equals(kept.id).count()).toBe(1);
    expect(await db.annotations.where('projectId').equals(kept.id).count()).toBe(1);
    expect(await historyState(db, kept.id)).toEqual({ canUndo: true, canRedo: false });
    // Its documents stay in the library for the other project.
    expect(await db.documents.count()).toBe(2);
  });

  it('leaves the last-project setting alone when another project is deleted', async () => {
    const db = await withDocuments();
    const a = await project(db, 'A');
    const b = await project(db, 'B');
    await putSetting(db, 'lastProjectId', a.id);
    await deleteProject(db, b.id);
    expect(await getSetting(db, 'lastProjectId')).toBe(a.id);
  });
});
