/**
 * Importing a colleague's bundle: parse and validate it, find the project it belongs to (the open
 * one, the same project, or one over the same two PDFs; else a new project when both PDFs are in
 * the library), and add what is new. Nothing stored is ever changed or deleted.
 */
import {
  fingerprintsMatch,
  parseBundle,
  planMerge,
  type MergeConflict,
  type MergeReport,
} from '../../src/export/index';
import type { ProjectRecord } from '../../src/model/review';
import { applyMergePlan, getProject, listDocuments, listProjects, type CrosswalkDb } from '../db';
import { createLinkedProject } from '../project/actions';
import type { Pipeline } from '../worker/pipeline';

export interface BundleImportResult {
  readonly project: ProjectRecord;
  readonly created: boolean;
  readonly report: MergeReport;
  readonly conflicts: readonly MergeConflict[];
  /** Set when the bundle was made against other PDFs than the project's (a revised document). */
  readonly warning: string | null;
  readonly fileName: string;
}

/** Imports a bundle's text; rejects with a plain message when it cannot (nothing is stored then). */
export async function importBundle(
  db: CrosswalkDb,
  pipeline: Pipeline,
  file: { readonly name: string; readonly text: string },
  openProjectId: string | null,
): Promise<BundleImportResult> {
  const parsed = parseBundle(file.text);
  if (!parsed.ok) throw new Error(`${file.name}: ${parsed.error}`);
  const { bundle } = parsed;

  // The open project takes the bundle only when it is the same project or reads one of the same
  // PDFs (a revised other one); a bundle of another code never lands on this project's units.
  const open = openProjectId === null ? null : await getProject(db, openProjectId);
  let project: ProjectRecord | null =
    open !== null &&
    (open.id === bundle.project.id ||
      open.lawFingerprint === bundle.project.lawFingerprint ||
      open.codeFingerprint === bundle.project.codeFingerprint)
      ? open
      : null;
  let created = false;
  if (project === null) {
    const projects = await listProjects(db);
    project =
      projects.find((p) => p.id === bundle.project.id) ??
      projects.find(
        (p) =>
          p.lawFingerprint === bundle.project.lawFingerprint &&
          p.codeFingerprint === bundle.project.codeFingerprint,
      ) ??
      null;
  }
  if (project === null) {
    const have = new Set((await listDocuments(db)).map((d) => d.fingerprint));
    const missing = bundle.documents.filter(
      (d) =>
        !have.has(d.fingerprint) &&
        (d.fingerprint === bundle.project.lawFingerprint || d.fingerprint === bundle.project.codeFingerprint),
    );
    if (
      missing.length > 0 ||
      !have.has(bundle.project.lawFingerprint) ||
      !have.has(bundle.project.codeFingerprint)
    ) {
      const names = missing.map(
        (d) => `"${d.title || d.fileName}" (${d.fileName}, fingerprint ${d.fingerprint.slice(0, 12)}…)`,
      );
      throw new Error(
        `${file.name} belongs to a project over PDFs that are not in your library${names.length > 0 ? `: ${names.join(' and ')}` : ''}. Import those PDFs first (the same files), then import the bundle again.`,
      );
    }
    project = await createLinkedProject(db, pipeline, {
      name: bundle.project.name,
      lawFingerprint: bundle.project.lawFingerprint,
      codeFingerprint: bundle.project.codeFingerprint,
    });
    created = true;
  }

  const target = project.id;
  const [links, annotations, colliding] = await Promise.all([
    db.links.where('projectId').equals(target).toArray(),
    db.annotations.where('projectId').equals(target).toArray(),
    db.annotations.bulkGet(bundle.annotations.map((a) => a.id)),
  ]);
  const taken = colliding.filter(
    (a): a is NonNullable<typeof a> => a !== undefined && a.projectId !== target,
  );
  const plan = planMerge({ links, annotations: [...annotations, ...taken] }, bundle, target);
  await applyMergePlan(db, target, plan);
  const check = fingerprintsMatch(project, bundle);
  return {
    project,
    created,
    report: plan.report,
    conflicts: plan.conflicts,
    warning: check.matches ? null : check.message,
    fileName: file.name,
  };
}
