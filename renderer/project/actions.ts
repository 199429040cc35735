/**
 * Projects: pairing a law with a code runs the linker in the worker and stores its suggestions; the
 * sample project does the same with the synthetic act and code bundled with the app.
 */
import type { ProjectRecord } from '../../src/model/review';
import { sha256Hex } from '../../src/util/sha256';
import {
  createProject,
  getProject,
  listProjects,
  loadTree,
  saveDocument,
  saveSuggestions,
  type CrosswalkDb,
} from '../db';
import { loadSampleFiles } from '../sample';
import type { Pipeline } from '../worker/pipeline';

export interface NewProject {
  readonly name: string;
  readonly lawFingerprint: string;
  readonly codeFingerprint: string;
  readonly sample?: boolean;
}

/** Creates a project and stores the linker's suggestions for it; nothing is stored if linking fails. */
export async function createLinkedProject(
  db: CrosswalkDb,
  pipeline: Pipeline,
  input: NewProject,
  signal?: AbortSignal,
): Promise<ProjectRecord> {
  const [law, code] = await Promise.all([
    loadTree(db, input.lawFingerprint),
    loadTree(db, input.codeFingerprint),
  ]);
  if (law === null || code === null) {
    throw new Error('One of the two documents is no longer in the library. Import it again, then retry.');
  }
  const report = await pipeline.link(law, code, signal === undefined ? {} : { signal });
  signal?.throwIfAborted();
  // One transaction: a project is never left behind without its suggestions.
  return db.transaction('rw', [db.documents, db.projects, db.links, db.annotations], async () => {
    const project = await createProject(db, {
      name: input.name.trim() || defaultProjectName(code.document.title, law.document.title),
      lawFingerprint: input.lawFingerprint,
      codeFingerprint: input.codeFingerprint,
      sample: input.sample ?? false,
    });
    await saveSuggestions(db, project.id, report);
    return project;
  });
}

/** "Code title vs law title", shortened for lists. */
export function defaultProjectName(codeTitle: string, lawTitle: string): string {
  const short = (title: string, fallback: string): string => {
    const flat = title.replace(/\s+/g, ' ').trim();
    if (flat === '') return fallback;
    return flat.length > 60 ? `${flat.slice(0, 57).trimEnd()}…` : flat;
  };
  return `${short(codeTitle, 'Code')} vs ${short(lawTitle, 'Law')}`;
}

let sampleInFlight: Promise<ProjectRecord> | null = null;

/**
 * The sample project (synthetic act and code from fixtures/), created on first use and reopened
 * after that. One creation at a time, however many times it is asked for.
 */
export function openSampleProject(db: CrosswalkDb, pipeline: Pipeline): Promise<ProjectRecord> {
  sampleInFlight ??= (async () => {
    const existing = (await listProjects(db)).find((project) => project.sample);
    if (existing !== undefined && (await getProject(db, existing.id)) !== null) return existing;
    const files = await loadSampleFiles();
    const fingerprints: string[] = [];
    for (const file of [files.law, files.code]) {
      const fingerprint = await sha256Hex(file.bytes);
      if ((await loadTree(db, fingerprint)) === null) {
        const tree = await pipeline.parse(file.bytes);
        await saveDocument(db, tree, file.name, file.bytes);
      }
      fingerprints.push(fingerprint);
    }
    return createLinkedProject(db, pipeline, {
      name: 'Sample: synthetic act and code',
      lawFingerprint: fingerprints[0] ?? '',
      codeFingerprint: fingerprints[1] ?? '',
      sample: true,
    });
  })().finally(() => {
    sampleInFlight = null;
  });
  return sampleInFlight;
}
