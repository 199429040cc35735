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
import { reanchorReview, type Moved } from '../../src/review/anchor';
import { backupProjectIdSchema } from '../../src/ipc/contract';
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
  // Every file is decoded and checked before any is stored: a bad second file must not leave the
  // first one behind under a message that says nothing was imported.
  const wanted: { fileName: string; bytes: Uint8Array }[] = [];
  for (const file of bundle.files ?? []) {
    if ((await loadTree(db, file.fingerprint)) !== null) continue;
    const bytes = fromBase64(file.base64);
    if (bytes === null)
      throw new Error(`The PDF “${file.fileName}” in the bundle is damaged; nothing was imported.`);
    if ((await sha256Hex(bytes)) !== file.fingerprint)
      throw new Error(
        `The PDF “${file.fileName}” in the bundle is not the file its fingerprint names; nothing was imported.`,
      );
    wanted.push({ fileName: file.fileName, bytes });
  }
  // pdf.js takes ownership of (detaches) the buffer it parses: give it a copy.
  const trees = [];
  for (const file of wanted) trees.push(await pipeline.parse(file.bytes.slice()));
  for (const [i, file] of wanted.entries()) {
    const tree = trees[i];
    if (tree !== undefined) await saveDocument(db, tree, file.fileName, file.bytes);
  }
  return wanted.length;
}

/** Imports a bundle's text; rejects with a plain message when it cannot (nothing is stored then). */
export async function importBundle(
  db: CrosswalkDb,
  pipeline: Pipeline,
  file: { readonly name: string; readonly text: string },
  openProjectId: string | null,
  /**
   * `explicit`: the user chose this project for the bundle (a restore into it, a move onto a revised
   * PDF), so one shared PDF is enough; otherwise it is merely the project open on screen.
   */
  options: { readonly explicit?: boolean } = {},
): Promise<BundleImportResult> {
  const parsed = parseBundle(file.text);
  if (!parsed.ok) throw new Error(`${file.name}: ${parsed.error}`);
  const { bundle } = parsed;

  // The open project takes the bundle when it is the same project (a colleague's copy, perhaps
  // made against a revised PDF) or reads the same two PDFs. Sharing only the law is not enough:
  // two chapters of a code reviewed against the same Act have the same clause ids (cmt_1, msr_1.1…),
  // and one chapter's verdicts must never land on the other's units.
  const open = openProjectId === null ? null : await getProject(db, openProjectId);
  const sameLaw = open?.lawFingerprint === bundle.project.lawFingerprint;
  const sameCode = open?.codeFingerprint === bundle.project.codeFingerprint;
  const fits =
    open !== null &&
    (open.id === bundle.project.id ||
      (sameLaw && sameCode) ||
      (options.explicit === true && (sameLaw || sameCode)));
  if (options.explicit === true && open !== null && !fits)
    throw new Error(
      `${file.name} belongs to a project over other PDFs than “${open.name}”; nothing was imported.`,
    );
  let project: ProjectRecord | null = fits ? open : null;
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
    // Its own id, unless taken here or not a plain id (backups name folders after project ids).
    const usable =
      backupProjectIdSchema.safeParse(bundle.project.id).success &&
      (await db.projects.get(bundle.project.id)) === undefined;
    project = { ...bundle.project, id: usable ? bundle.project.id : crypto.randomUUID(), sample: false };
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
      const result = reanchorReview(bundle, code, law);
      moved = result.moved;
      orphans = result.orphans;
      incoming = {
        ...bundle,
        annotations: result.annotations,
        links: result.links,
        objections: result.objections,
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
