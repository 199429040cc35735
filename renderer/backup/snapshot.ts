/**
 * A project's backup: the same bundle a user exports for a colleague (src/export/bundle.ts), read
 * from the store in one transaction so links, verdicts and objections are from the same moment.
 * It carries no PDF bytes: they are in the library, and restoring asks for them by fingerprint.
 */
import { buildBundle } from '../../src/export/index';
import type { ProjectRecord } from '../../src/model/review';
import type { CrosswalkDb } from '../db';

export interface ProjectSnapshot {
  readonly project: ProjectRecord;
  /** The bundle's JSON text. */
  readonly text: string;
}

/** The project's bundle as of now; null when there is no such project (any more). */
export async function snapshotProject(
  db: CrosswalkDb,
  projectId: string,
  now: Date = new Date(),
): Promise<ProjectSnapshot | null> {
  const tables = [db.projects, db.documents, db.links, db.annotations, db.objections];
  const read = await db.transaction('r', tables, async () => {
    const project = await db.projects.get(projectId);
    if (project === undefined) return null;
    const [documents, links, annotations, objections] = await Promise.all([
      db.documents.bulkGet([project.lawFingerprint, project.codeFingerprint]),
      db.links.where('projectId').equals(projectId).toArray(),
      db.annotations.where('projectId').equals(projectId).toArray(),
      db.objections.where('projectId').equals(projectId).toArray(),
    ]);
    return {
      project,
      documents: documents.filter((d): d is NonNullable<typeof d> => d !== undefined),
      links,
      annotations,
      objections,
    };
  });
  if (read === null) return null;
  return { project: read.project, text: buildBundle({ ...read, exportedAt: now.toISOString() }) };
}

/** The name a downloaded backup is offered under: the project and the time, sortable. */
export function backupDownloadName(projectName: string, now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace('T', ' ').replace(':', '-');
  return `${projectName} backup ${stamp}.crosswalk.json`;
}
