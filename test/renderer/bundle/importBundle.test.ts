import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { importBundle } from '../../../renderer/bundle/importBundle';
import {
  annotationsFor,
  createProject,
  newAnnotation,
  projectLinks,
  saveAnnotation,
  setLinkStatus,
} from '../../../renderer/db';
import { createLinkedProject } from '../../../renderer/project/actions';
import type { Pipeline } from '../../../renderer/worker/pipeline';
import { buildBundle } from '../../../src/export/index';
import { suggestLinks } from '../../../src/linking/index';
import type { ClauseTree } from '../../../src/model/clause';
import type { DocumentRecord, ProjectRecord } from '../../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { freshDb, imported } from '../db/setup';

/** The worker's work, done in-process: linking is the real linker. */
const pipeline: Pipeline = {
  parse: () => Promise.reject(new Error('not used')),
  link: (law: ClauseTree, code: ClauseTree) => Promise.resolve(suggestLinks(law, code)),
  dispose: () => undefined,
};

const quote = { exact: 'x', prefix: '', suffix: '' };

async function reviewed(name: string) {
  const db = await freshDb();
  await imported(db, MINI_LAW, 1);
  await imported(db, MINI_CODE, 2);
  const project = await createLinkedProject(db, pipeline, {
    name,
    lawFingerprint: MINI_LAW.document.fingerprint,
    codeFingerprint: MINI_CODE.document.fingerprint,
  });
  const links = await projectLinks(db, project.id);
  const first = links[0]!;
  await setLinkStatus(db, first.id, 'accepted');
  await saveAnnotation(
    db,
    newAnnotation({
      projectId: project.id,
      source: first.source,
      quote,
      stance: 'expands',
      author: 'Ana',
      rationale: 'Adds deadlines.',
    }),
  );
  return { db, project, source: first.source };
}

async function bundleOf(db: Awaited<ReturnType<typeof freshDb>>, project: ProjectRecord): Promise<string> {
  const documents: DocumentRecord[] = await db.documents.toArray();
  return buildBundle({
    project,
    documents,
    links: await projectLinks(db, project.id),
    annotations: await annotationsFor(db, project.id),
    exportedAt: '2025-05-01T00:00:00.000Z',
  });
}

describe('importing a bundle', () => {
  it("creates the project on a colleague's machine and brings every verdict and decision", async () => {
    const ana = await reviewed('Ana’s review');
    const text = await bundleOf(ana.db, ana.project);
    const ben = await freshDb();
    await imported(ben, MINI_LAW, 1);
    await imported(ben, MINI_CODE, 2);
    const result = await importBundle(ben, pipeline, { name: 'ana.json', text }, null);
    expect(result.created).toBe(true);
    expect(result.report.annotationsAdded).toBe(1);
    const verdicts = await annotationsFor(ben, result.project.id);
    expect(verdicts.map((a) => [a.source, a.stance, a.author, a.rationale])).toEqual([
      [ana.source, 'expands', 'Ana', 'Adds deadlines.'],
    ]);
    const accepted = (await projectLinks(ben, result.project.id)).filter((l) => l.status === 'accepted');
    expect(accepted.map((l) => l.source)).toEqual([ana.source]);
  });

  it('adds nothing twice, and keeps both verdicts when two people disagree', async () => {
    const ana = await reviewed('shared');
    const text = await bundleOf(ana.db, ana.project);
    const again = await importBundle(ana.db, pipeline, { name: 'same.json', text }, ana.project.id);
    expect(again.report).toMatchObject({ annotationsAdded: 0, linksAdded: 0, conflicts: 0 });

    const ben = await freshDb();
    await imported(ben, MINI_LAW, 1);
    await imported(ben, MINI_CODE, 2);
    const benProject = await createProject(ben, {
      name: 'Ben',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    await saveAnnotation(
      ben,
      newAnnotation({
        projectId: benProject.id,
        source: ana.source,
        quote,
        stance: 'clarifies',
        author: 'Ben',
      }),
    );
    const result = await importBundle(ben, pipeline, { name: 'ana.json', text }, benProject.id);
    const verdicts = await annotationsFor(ben, benProject.id);
    expect(verdicts.map((a) => `${a.author}:${a.stance}`).sort()).toEqual(['Ana:expands', 'Ben:clarifies']);
    expect(result.conflicts.map((c) => c.kind)).toContain('parallel');
  });

  it('refuses a bundle whose PDFs are not in the library, and stores nothing', async () => {
    const ana = await reviewed('x');
    const text = await bundleOf(ana.db, ana.project);
    const empty = await freshDb();
    await expect(importBundle(empty, pipeline, { name: 'ana.json', text }, null)).rejects.toThrow(
      /not in your library/,
    );
    expect(await empty.projects.count()).toBe(0);
    expect(await empty.annotations.count()).toBe(0);
  });

  it('refuses hostile or broken input with a plain message', async () => {
    const db = await freshDb();
    for (const text of [
      '{',
      '{"format":"crosswalk-bundle","version":99}',
      '{"__proto__":{"polluted":1}}',
      'null',
    ]) {
      await expect(importBundle(db, pipeline, { name: 'bad.json', text }, null)).rejects.toThrow(
        /^bad\.json: /,
      );
    }
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
