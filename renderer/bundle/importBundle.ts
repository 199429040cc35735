/**
 * Importing a colleague's bundle: parse and validate it, find the project it belongs to (the open
 * one, the same project, or one over the same two PDFs; else a new project when both PDFs are in
 * the library), and add what is new. Nothing stored is ever changed or deleted.
 */
import {
  fingerprintsMatch,
  parseBundle,
  planMerge,
  type Bundle,
  type MergeConflict,
  type MergeReport,
} from '../../src/export/index';
import type { Annotation, ProjectRecord } from '../../src/model/review';
import { reanchorAnnotations, type Moved } from '../../src/review/anchor';
import { fromBase64 } from '../../src/util/base64';
import { sha256Hex } from '../../src/util/sha256';
import {
  applyMergePlan,
  getProject,
  listDocuments,
  listProjects,
  loadTree,
  saveDocument,
  type CrosswalkDb,
} from '../db';
import type { Pipeline } from '../worker/pipeline';

export interface BundleImportResult {
  readonly project: ProjectRecord;
  readonly created: boolean;
  readonly report: MergeReport;
  readonly conflicts: readonly MergeConflict[];
  /** Set when the bundle was made against other PDFs than the project's (a revised document). */
  readonly warning: string | null;
  readonly fileName: string;
  /** Verdicts re-attached to another unit of the revised code, by their quotes. */
  readonly moved: readonly Moved[];
  /** Verdicts whose unit or law provision this project's documents no longer have: kept, listed. */
  readonly orphans: readonly Annotation[];
  /** PDFs the bundle carried that were added to the library. */
  readonly documentsAdded: number;
}

/**
 * Adds the PDFs a bundle carries that the library lacks, after checking each file's SHA-256
 * against the fingerprint it claims (a bundle could pair a fingerprint with other bytes).
 */
async function importCarriedPdfs(db: CrosswalkDb, pipeline: Pipeline, bundle: Bundle): Promise<number> {
  let added = 0;
  for (const file of bundle.files ?? []) {
    if ((await loadTree(db, file.fingerprint)) !== null) continue;
    const bytes = fromBase64(file.base64);
    if (bytes === null) throw new Error(`The PDF “${file.fileName}” in the bundle is damaged.`);
    if ((await sha256Hex(bytes)) !== file.fingerprint)
      throw new Error(
        `The PDF “${file.fileName}” in the bundle is not the file its fingerprint names; nothing was imported.`,
      );
    // pdf.js takes ownership of (detaches) the buffer it parses: give it a copy.
    const tree = await pipeline.parse(bytes.slice());
    await saveDocument(db, tree, file.fileName, bytes);
    added += 1;
  }
  return added;
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
  let documentsAdded = 0;
  if (project === null) {
    documentsAdded = await importCarriedPdfs(db, pipeline, bundle);
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
    // The same project on this machine: its own id and record (a new id only if that one is taken
    // here), and the sender's links as they are rather than a fresh linker run, so exporting it
    // again gives back the same bundle. Added below, in the merge's own transaction.
    const taken = (await db.projects.get(bundle.project.id)) !== undefined;
    project = { ...bundle.project, id: taken ? crypto.randomUUID() : bundle.project.id, sample: false };
    created = true;
  }

  const target = project.id;
  const check = fingerprintsMatch(project, bundle);
  // A bundle made against another version of a document: its verdicts are re-attached by their
  // quotes, and its links follow the units their verdicts moved to.
  let incoming = bundle;
  let moved: readonly Moved[] = [];
  let orphans: readonly Annotation[] = [];
  if (!check.matches) {
    const [law, code] = await Promise.all([
      loadTree(db, project.lawFingerprint),
      loadTree(db, project.codeFingerprint),
    ]);
    if (law !== null && code !== null) {
      const result = reanchorAnnotations(bundle.annotations, code, law);
      moved = result.moved;
      orphans = result.orphans;
      const unitMoves = new Map(
        result.moved.filter((m) => m.annotation.target === null).map((m) => [m.from, m.to]),
      );
      incoming = {
        ...bundle,
        annotations: result.annotations,
        links: bundle.links.map((link) => {
          const to = unitMoves.get(link.source);
          return to === undefined
            ? link
            : { ...link, source: to, id: `${link.projectId}|${to}|${link.target}` };
        }),
        objections: bundle.objections.map((o) => ({
          ...o,
          units: o.units.map((id) => unitMoves.get(id) ?? id),
        })),
      };
    }
  }
  const [links, annotations, colliding, objections, collidingObjections] = await Promise.all([
    db.links.where('projectId').equals(target).toArray(),
    db.annotations.where('projectId').equals(target).toArray(),
    db.annotations.bulkGet(incoming.annotations.map((a) => a.id)),
    db.objections.where('projectId').equals(target).toArray(),
    db.objections.bulkGet(incoming.objections.map((o) => o.id)),
  ]);
  const taken = colliding.filter(
    (a): a is NonNullable<typeof a> => a !== undefined && a.projectId !== target,
  );
  const takenObjections = collidingObjections.filter(
    (o): o is NonNullable<typeof o> => o !== undefined && o.projectId !== target,
  );
  const plan = planMerge(
    {
      links,
      annotations: [...annotations, ...taken],
      objections: [...objections, ...takenObjections],
    },
    incoming,
    target,
  );
  if (created) {
    const fresh = project;
    // One transaction: a project is never left behind without the review it was made for.
    await db.transaction('rw', [db.projects, db.links, db.annotations, db.objections], async () => {
      await db.projects.add(fresh);
      await applyMergePlan(db, target, plan, { touch: false });
    });
  } else await applyMergePlan(db, target, plan);
  return {
    project,
    created,
    report: plan.report,
    conflicts: plan.conflicts,
    warning: check.matches ? null : check.message,
    fileName: file.name,
    moved,
    orphans,
    documentsAdded,
  };
}
