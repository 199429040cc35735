/**
 * Restoring a backup never deletes anything: either into a new project (a copy beside the current
 * one), or merged into the project it came from through the same bundle import a colleague's
 * bundle takes (renderer/bundle/importBundle.ts), which only ever adds.
 */
import { parseBundle, type Bundle } from '../../src/export/index';
import { importBundle, type BundleImportResult } from '../bundle/importBundle';
import { listDocuments, type CrosswalkDb } from '../db';
import type { TextFile } from '../platform';
import { createLinkedProject } from '../project/actions';
import type { Pipeline } from '../worker/pipeline';

/** The checked bundle of a backup file, or a plain message naming the file. */
export function readBackupBundle(file: TextFile): Bundle {
  const parsed = parseBundle(file.text);
  if (!parsed.ok) throw new Error(`${file.name}: ${parsed.error}`);
  return parsed.bundle;
}

/** "Review (restored 29 Nov 2026, 10:42)": the copy's name says what it is and from when. */
export function restoredName(bundle: Bundle, now: Date): string {
  const when = now.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return `${bundle.project.name} (restored ${when})`;
}

/**
 * Restores a backup as a new project over the same two PDFs (which must still be in the library):
 * suggestions are made afresh, then every link decision and verdict of the backup is added.
 */
export async function restoreAsNewProject(
  db: CrosswalkDb,
  pipeline: Pipeline,
  file: TextFile,
  now: Date = new Date(),
): Promise<BundleImportResult> {
  const bundle = readBackupBundle(file);
  const have = new Set((await listDocuments(db)).map((d) => d.fingerprint));
  const missing = [bundle.project.lawFingerprint, bundle.project.codeFingerprint].filter((f) => !have.has(f));
  if (missing.length > 0) {
    const names = missing.map((fingerprint) => {
      const doc = bundle.documents.find((d) => d.fingerprint === fingerprint);
      return doc === undefined
        ? `a PDF (fingerprint ${fingerprint.slice(0, 12)}…)`
        : `"${doc.title || doc.fileName}" (${doc.fileName})`;
    });
    throw new Error(
      `${file.name} is a backup of a project over PDFs that are not in your library: ${names.join(' and ')}. Import those PDFs first (the same files), then restore again.`,
    );
  }
  const copy = await createLinkedProject(db, pipeline, {
    name: restoredName(bundle, now),
    lawFingerprint: bundle.project.lawFingerprint,
    codeFingerprint: bundle.project.codeFingerprint,
  });
  const result = await importBundle(db, pipeline, file, copy.id);
  return { ...result, created: true };
}

/**
 * Merges a backup into a project: what the backup has and the project lacks (a verdict deleted
 * since, a link decision) is added back; where they differ, both are kept and listed.
 */
export function restoreIntoProject(
  db: CrosswalkDb,
  pipeline: Pipeline,
  file: TextFile,
  projectId: string,
): Promise<BundleImportResult> {
  readBackupBundle(file);
  return importBundle(db, pipeline, file, projectId, { explicit: true });
}
