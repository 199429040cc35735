/**
 * A backup is the project's bundle, and restoring it never deletes anything: as a new project it
 * sits beside the current one (unchanged); merged into its project it adds back what was lost.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { restoreAsNewProject, restoreIntoProject } from '../../../renderer/backup/restore';
import { backupDownloadName, snapshotProject } from '../../../renderer/backup/snapshot';
import {
  annotationsFor,
  deleteAnnotation,
  listProjects,
  newAnnotation,
  projectLinks,
  saveAnnotation,
  setLinkStatus,
} from '../../../renderer/db';
import { createLinkedProject } from '../../../renderer/project/actions';
import { parseBundle } from '../../../src/export/index';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { freshDb, imported, linkingPipeline } from '../db/setup';

const pipeline = linkingPipeline;

async function reviewed() {
  const db = await freshDb();
  await imported(db, MINI_LAW, 1);
  await imported(db, MINI_CODE, 2);
  const project = await createLinkedProject(db, pipeline, {
    name: 'Review',
    lawFingerprint: MINI_LAW.document.fingerprint,
    codeFingerprint: MINI_CODE.document.fingerprint,
  });
  const [first] = await projectLinks(db, project.id);
  await setLinkStatus(db, first!.id, 'accepted');
  const verdict = await saveAnnotation(
    db,
    newAnnotation({
      projectId: project.id,
      source: 'msr_9.3',
      quote: { exact: 'x', prefix: '', suffix: '' },
      stance: 'expands',
      author: 'Ana',
      rationale: 'Adds a two-day deadline.',
    }),
  );
  return { db, project, verdict, acceptedLink: first!.id };
}

describe('backups and restore', () => {
  it('a snapshot is a valid bundle of the whole project', async () => {
    const { db, project } = await reviewed();
    const snapshot = await snapshotProject(db, project.id, new Date('2026-11-29T05:00:00Z'));
    const parsed = parseBundle(snapshot!.text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.bundle.project.id).toBe(project.id);
    expect(parsed.bundle.documents).toHaveLength(2);
    expect(parsed.bundle.annotations.map((a) => a.rationale)).toEqual(['Adds a two-day deadline.']);
    expect(parsed.bundle.links.filter((l) => l.status === 'accepted')).toHaveLength(1);
    expect(await snapshotProject(db, 'gone')).toBeNull();
    expect(backupDownloadName('Review', new Date('2026-11-29T05:07:00Z'))).toBe(
      'Review backup 2026-11-29 05-07.crosswalk.json',
    );
  });

  it('restores a backup as a new project beside the current one, which stays as it is', async () => {
    const { db, project, verdict } = await reviewed();
    const text = (await snapshotProject(db, project.id))!.text;
    await deleteAnnotation(db, verdict.id);
    const before = await annotationsFor(db, project.id);

    const result = await restoreAsNewProject(db, pipeline, { name: 'backup.json', text });
    expect(result.created).toBe(true);
    expect(result.project.id).not.toBe(project.id);
    expect(result.project.name).toMatch(/^Review \(restored .+\)$/);
    const copy = await annotationsFor(db, result.project.id);
    expect(copy.map((a) => a.rationale)).toEqual(['Adds a two-day deadline.']);
    expect((await projectLinks(db, result.project.id)).filter((l) => l.status === 'accepted')).toHaveLength(
      1,
    );
    expect(await annotationsFor(db, project.id)).toEqual(before);
    expect(await listProjects(db)).toHaveLength(2);
  });

  it('merged into its project, adds back a deleted verdict and keeps a newer edit beside the old one', async () => {
    const { db, project, verdict } = await reviewed();
    const text = (await snapshotProject(db, project.id))!.text;
    const other = await saveAnnotation(
      db,
      newAnnotation({
        projectId: project.id,
        source: 'msr_6.2',
        quote: verdict.quote,
        author: 'Ana',
        stance: 'clarifies',
      }),
    );
    await saveAnnotation(db, { ...other, rationale: 'written after the backup' });
    await deleteAnnotation(db, verdict.id);

    const result = await restoreIntoProject(db, pipeline, { name: 'backup.json', text }, project.id);
    expect(result.created).toBe(false);
    const after = await annotationsFor(db, project.id);
    expect(after.map((a) => a.rationale).sort()).toEqual([
      'Adds a two-day deadline.',
      'written after the backup',
    ]);
  });

  it('says which PDFs are missing instead of restoring half a project', async () => {
    const { db, project } = await reviewed();
    const text = (await snapshotProject(db, project.id))!.text;
    const db2 = await freshDb();
    await imported(db2, MINI_LAW, 1);
    await expect(restoreAsNewProject(db2, pipeline, { name: 'backup.json', text })).rejects.toThrow(
      /not in your library: "Mini Code"/,
    );
    expect(await listProjects(db2)).toEqual([]);
    await expect(
      restoreAsNewProject(db, pipeline, { name: 'broken.json', text: text.slice(0, 100) }),
    ).rejects.toThrow(/^broken\.json: /);
  });
});
