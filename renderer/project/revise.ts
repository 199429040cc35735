/**
 * Moving a project onto a revised PDF (a new draft of the code, a corrected law): a new project
 * over the revised document, linked afresh, into which the old project's review is merged the way
 * a colleague's bundle is. Each verdict follows its clause id and its quote to the unit that now
 * says it (src/review/anchor.ts); those that find no place are kept and listed in the conflict
 * view. The old project is left exactly as it was, so nothing can be lost.
 */
import { buildBundle } from '../../src/export/index';
import type { ProjectRecord } from '../../src/model/review';
import { importBundle, type BundleImportResult } from '../bundle/importBundle';
import {
  annotationsFor,
  deleteProject,
  getProject,
  listObjections,
  projectLinks,
  type CrosswalkDb,
} from '../db';
import type { Pipeline } from '../worker/pipeline';
import { createLinkedProject } from './actions';

export interface Revision {
  readonly projectId: string;
  /** Which document is revised: one at a time, so the other anchors the merge. */
  readonly role: 'law' | 'code';
  /** Fingerprint of the revised PDF, already in the library. */
  readonly fingerprint: string;
}

/** The revised project's name: the old one with the revised document's title. */
export function revisedName(project: ProjectRecord, role: 'law' | 'code', title: string): string {
  const base = project.name.replace(/ \(revised (law|code)[^)]*\)$/, '');
  const short = title.length > 40 ? `${title.slice(0, 39).trimEnd()}…` : title;
  return `${base} (revised ${role}: ${short})`;
}

/** Creates the revised project and merges the old review into it; the old project is not changed. */
export async function reviseProject(
  db: CrosswalkDb,
  pipeline: Pipeline,
  revision: Revision,
  signal?: AbortSignal,
): Promise<BundleImportResult> {
  const project = await getProject(db, revision.projectId);
  if (project === null) throw new Error('The project is no longer here.');
  const current = revision.role === 'law' ? project.lawFingerprint : project.codeFingerprint;
  if (current === revision.fingerprint)
    throw new Error(`That PDF is already this project’s ${revision.role}.`);
  const revised = await db.documents.get(revision.fingerprint);
  if (revised === undefined) throw new Error('The revised PDF is no longer in the library.');
  const documents = (await db.documents.bulkGet([project.lawFingerprint, project.codeFingerprint])).filter(
    (d) => d !== undefined,
  );
  const links = await projectLinks(db, project.id);
  const text = buildBundle({
    project,
    documents,
    // The user's decisions and links travel; the old suggestions give way to the new linker's.
    links: links.filter((link) => link.status !== 'suggested' || link.origin === 'user'),
    annotations: await annotationsFor(db, project.id),
    objections: await listObjections(db, project.id),
    exportedAt: new Date().toISOString(),
  });
  const next = await createLinkedProject(
    db,
    pipeline,
    {
      name: revisedName(project, revision.role, revised.title || revised.fileName),
      lawFingerprint: revision.role === 'law' ? revision.fingerprint : project.lawFingerprint,
      codeFingerprint: revision.role === 'code' ? revision.fingerprint : project.codeFingerprint,
    },
    signal,
  );
  try {
    return await importBundle(db, pipeline, { name: `“${project.name}”`, text }, next.id, { explicit: true });
  } catch (error) {
    // No empty "(revised …)" project left behind: the merge failed, so the new project goes.
    await deleteProject(db, next.id);
    throw error;
  }
}
