/**
 * A fresh, empty database per test, in fake-indexeddb, closed afterwards. Dexie looks for
 * IndexedDB when it is first imported, so each test file imports 'fake-indexeddb/auto' first.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import type { Pipeline } from '../../../renderer/worker/pipeline';
import { suggestLinks } from '../../../src/linking/index';
import type { ClauseTree } from '../../../src/model/clause';
import { createProject, openDb, saveDocument, type CrosswalkDb } from '../../../renderer/db';
import { MINI_CODE, MINI_LAW } from '../../support/trees';

const opened: CrosswalkDb[] = [];

afterEach(() => {
  for (const db of opened.splice(0)) db.close();
});

/** A new database under a name no other test uses. */
export async function freshDb(): Promise<CrosswalkDb> {
  const db = await openDb(`test-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}

/** Reopens a database by name, as the app does after a restart. */
export async function reopen(db: CrosswalkDb): Promise<CrosswalkDb> {
  db.close();
  const again = await openDb(db.name);
  opened.push(again);
  return again;
}

/** Some bytes standing for a PDF file. */
export function pdfBytes(seed = 1, length = 64): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) % 256);
}

/** Stores a tree as if imported, under a file name of its title. */
export async function imported(db: CrosswalkDb, tree: ClauseTree, seed = 1): Promise<void> {
  await saveDocument(db, tree, `${tree.document.title}.pdf`, pdfBytes(seed));
}

/** A fresh database with MINI_LAW and MINI_CODE imported and a project reading one against the other. */
export async function miniProject(): Promise<{ db: CrosswalkDb; projectId: string }> {
  const db = await freshDb();
  await imported(db, MINI_LAW);
  await imported(db, MINI_CODE, 2);
  const project = await createProject(db, {
    name: 'Review',
    lawFingerprint: MINI_LAW.document.fingerprint,
    codeFingerprint: MINI_CODE.document.fingerprint,
    sample: false,
  });
  return { db, projectId: project.id };
}

/** The worker's linking done in-process with the real linker; parsing is not expected. */
export const linkingPipeline: Pipeline = {
  parse: () => Promise.reject(new Error('not used')),
  link: (law: ClauseTree, code: ClauseTree) => Promise.resolve(suggestLinks(law, code)),
  dispose: () => undefined,
};
