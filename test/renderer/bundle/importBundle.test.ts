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
import { addObjection, listObjections } from '../../../renderer/db/objections';
import { buildBundle, parseBundle, type Bundle } from '../../../src/export/index';
import { unitQuote } from '../../../src/model/quote';
import { toBase64 } from '../../../src/util/base64';
import { sha256Hex } from '../../../src/util/sha256';
import type { ClauseTree } from '../../../src/model/clause';
import type { DocumentRecord, ProjectRecord } from '../../../src/model/review';
import { MINI_CODE, MINI_CODE_REVISED, MINI_LAW } from '../../support/trees';
import { freshDb, imported, linkingPipeline } from '../db/setup';

const pipeline = linkingPipeline;

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
    objections: await listObjections(db, project.id),
    exportedAt: '2025-05-01T00:00:00.000Z',
  });
}

function parsed(text: string): Bundle {
  const result = parseBundle(text);
  if (!result.ok) throw new Error(result.error);
  return result.bundle;
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
    // The same project, under its own id: a later bundle from Ana finds it.
    expect(result.project.id).toBe(ana.project.id);
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

  it('exported, imported on an empty machine and exported again, is the same bundle', async () => {
    const ana = await reviewed('Round trip');
    await addObjection(ana.db, ana.project.id, {
      title: 'Deadlines',
      raisedBy: 'Industry',
      claim: 'Too strict.',
      units: [ana.source],
      assessment: 'founded',
      response: 'Conceded.',
      author: 'Ana',
    });
    const text = await bundleOf(ana.db, ana.project);
    const ben = await freshDb();
    await imported(ben, MINI_LAW, 1);
    await imported(ben, MINI_CODE, 2);
    const result = await importBundle(ben, pipeline, { name: 'ana.json', text }, null);
    expect(result.report.objectionsAdded).toBe(1);
    const project = await ben.projects.get(result.project.id);
    const again = await bundleOf(ben, project!);
    // Each library records when it imported its PDFs: the only lines that may differ.
    const strip = (b: Bundle) => ({ ...b, documents: b.documents.map((d) => ({ ...d, importedAt: '' })) });
    expect(strip(parsed(again))).toEqual(strip(parsed(text)));
    expect(again.split('\n').filter((line) => !line.includes('"importedAt"'))).toEqual(
      text.split('\n').filter((line) => !line.includes('"importedAt"')),
    );
  });

  it('brings the PDFs a bundle carries into an empty library, checking their fingerprints', async () => {
    const lawBytes = new TextEncoder().encode('%PDF-1.7 law bytes');
    const codeBytes = new TextEncoder().encode('%PDF-1.7 code bytes');
    const law: ClauseTree = {
      ...MINI_LAW,
      document: { ...MINI_LAW.document, fingerprint: await sha256Hex(lawBytes) },
    };
    const code: ClauseTree = {
      ...MINI_CODE,
      document: { ...MINI_CODE.document, fingerprint: await sha256Hex(codeBytes) },
    };
    const trees = new Map([
      [law.document.fingerprint, law],
      [code.document.fingerprint, code],
    ]);
    const parsing: Pipeline = {
      ...pipeline,
      parse: async (bytes) => trees.get(await sha256Hex(bytes)) ?? Promise.reject(new Error('unknown PDF')),
    };
    const ana = await freshDb();
    await imported(ana, law, 1);
    await imported(ana, code, 2);
    const project = await createProject(ana, {
      name: 'Carried',
      lawFingerprint: law.document.fingerprint,
      codeFingerprint: code.document.fingerprint,
      sample: false,
    });
    const files = [
      { fingerprint: law.document.fingerprint, fileName: 'law.pdf', base64: toBase64(lawBytes) },
      { fingerprint: code.document.fingerprint, fileName: 'code.pdf', base64: toBase64(codeBytes) },
    ];
    const base = {
      project,
      documents: await ana.documents.toArray(),
      links: [],
      annotations: [],
      exportedAt: '',
    };
    const ben = await freshDb();
    const result = await importBundle(
      ben,
      parsing,
      { name: 'b.json', text: buildBundle({ ...base, files }) },
      null,
    );
    expect(result.documentsAdded).toBe(2);
    expect(result.created).toBe(true);
    expect((await ben.files.get(code.document.fingerprint))?.bytes).toEqual(codeBytes);

    // Bytes that are not the file their fingerprint names are refused, and nothing is stored.
    const forged = [{ ...files[0]!, base64: toBase64(codeBytes) }, files[1]!];
    const empty = await freshDb();
    await expect(
      importBundle(empty, parsing, { name: 'f.json', text: buildBundle({ ...base, files: forged }) }, null),
    ).rejects.toThrow(/not the file its fingerprint names/);
    expect(await empty.documents.count()).toBe(0);
    expect(await empty.projects.count()).toBe(0);
  });

  it('re-attaches verdicts to a revised code by their quotes, and lists those that find no place', async () => {
    const ana = await freshDb();
    await imported(ana, MINI_LAW, 1);
    await imported(ana, MINI_CODE, 2);
    const project = await createProject(ana, {
      name: 'Old code',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    const at = (id: string) =>
      unitQuote(
        MINI_CODE.units,
        MINI_CODE.units.findIndex((u) => u.id === id),
      );
    for (const source of ['msr_9.3', 'msr_6.2'])
      await saveAnnotation(
        ana,
        newAnnotation({ projectId: project.id, source, quote: at(source), stance: 'expands', author: 'Ana' }),
      );
    const text = await bundleOf(ana, project);

    // The revised code: Measure 9.3 renumbered 9.4 (a new 9.3 before it), Measure 6.2 gone.
    const revisedCode = MINI_CODE_REVISED;
    const ben = await freshDb();
    await imported(ben, MINI_LAW, 1);
    await imported(ben, revisedCode, 3);
    const benProject = await createProject(ben, {
      name: 'New code',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: revisedCode.document.fingerprint,
      sample: false,
    });
    // Merely open, a project over another code does not take the bundle; chosen for it, it does.
    await expect(importBundle(ben, pipeline, { name: 'old.json', text }, benProject.id)).rejects.toThrow(
      /not in your library/,
    );
    const result = await importBundle(ben, pipeline, { name: 'old.json', text }, benProject.id, {
      explicit: true,
    });
    expect(result.warning).toMatch(/different code PDF/);
    expect(result.moved.map((m) => [m.from, m.to])).toEqual([['msr_9.3', 'msr_9.4']]);
    expect(result.orphans.map((a) => a.source)).toEqual(['msr_6.2']);
    const stored = await annotationsFor(ben, benProject.id);
    // Nothing dropped: the orphan is stored too, on its old clause id, for the user to re-attach.
    expect(stored.map((a) => a.source).sort()).toEqual(['msr_6.2', 'msr_9.4']);
  });

  it('merges the same bundle into two more projects of one library (copies, revisions) without a clash', async () => {
    const ana = await reviewed('Original');
    await addObjection(ana.db, ana.project.id, { title: 'O', units: [ana.source] });
    const text = await bundleOf(ana.db, ana.project);
    for (const name of ['Copy 1', 'Copy 2']) {
      const copy = await createProject(ana.db, {
        name,
        lawFingerprint: MINI_LAW.document.fingerprint,
        codeFingerprint: MINI_CODE.document.fingerprint,
        sample: false,
      });
      // The bundle's ids are taken by the original: each copy keeps them under ids of its own.
      const result = await importBundle(ana.db, pipeline, { name: 'b.json', text }, copy.id);
      expect(result.report).toMatchObject({ annotationsAdded: 1, objectionsAdded: 1 });
      expect((await annotationsFor(ana.db, copy.id)).map((a) => a.rationale)).toEqual(['Adds deadlines.']);
    }
    expect(await ana.db.annotations.count()).toBe(3);
    expect(await ana.db.objections.count()).toBe(3);
  });

  it('never lands one chapter’s review on another chapter’s project that shares only the law', async () => {
    const ana = await reviewed('Chapter A');
    const text = await bundleOf(ana.db, ana.project);
    const otherCode: ClauseTree = {
      ...MINI_CODE,
      document: { ...MINI_CODE.document, fingerprint: 'c'.repeat(64) },
    };
    await imported(ana.db, otherCode, 4);
    const chapterB = await createProject(ana.db, {
      name: 'Chapter B',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: otherCode.document.fingerprint,
      sample: false,
    });
    // Chapter B is open; the bundle is Chapter A's: it goes to Chapter A (already there: nothing new).
    const result = await importBundle(ana.db, pipeline, { name: 'a.json', text }, chapterB.id);
    expect(result.project.id).toBe(ana.project.id);
    expect(await annotationsFor(ana.db, chapterB.id)).toEqual([]);
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
