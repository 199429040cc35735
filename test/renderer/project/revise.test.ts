import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  addUserLink,
  annotationsFor,
  createProject,
  newAnnotation,
  projectLinks,
  saveAnnotation,
  setLinkStatus,
} from '../../../renderer/db';
import { addObjection, listObjections } from '../../../renderer/db/objections';
import { reviseProject, revisedName } from '../../../renderer/project/revise';
import { unitQuote } from '../../../src/model/quote';
import { MINI_CODE, MINI_CODE_REVISED, MINI_LAW } from '../../support/trees';
import { freshDb, imported, linkingPipeline } from '../db/setup';

const pipeline = linkingPipeline;

describe('moving a project onto a revised PDF', () => {
  it('makes a new project where verdicts, decisions and objections follow their text; the old one is untouched', async () => {
    const db = await freshDb();
    await imported(db, MINI_LAW, 1);
    await imported(db, MINI_CODE, 2);
    const revised = MINI_CODE_REVISED;
    await imported(db, revised, 3);
    const old = await createProject(db, {
      name: 'Review',
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
        db,
        newAnnotation({ projectId: old.id, source, quote: at(source), stance: 'expands', author: 'Ana' }),
      );
    const link = await addUserLink(db, old.id, 'msr_9.3', 'art_55__para_1__point_c');
    await setLinkStatus(db, link.id, 'accepted');
    await addObjection(db, old.id, { title: 'Deadlines', units: ['msr_9.3', 'msr_6.2'], author: 'Ana' });
    const before = {
      links: await projectLinks(db, old.id),
      annotations: await annotationsFor(db, old.id),
      objections: await listObjections(db, old.id),
    };

    const result = await reviseProject(db, pipeline, {
      projectId: old.id,
      role: 'code',
      fingerprint: revised.document.fingerprint,
    });
    expect(result.project.id).not.toBe(old.id);
    expect(result.project.codeFingerprint).toBe(revised.document.fingerprint);
    expect(result.project.name).toBe('Review (revised code: Mini Code, second draft)');
    expect(result.moved.map((m) => [m.from, m.to])).toEqual([['msr_9.3', 'msr_9.4']]);
    expect(result.orphans.map((a) => a.source)).toEqual(['msr_6.2']);

    const moved = await annotationsFor(db, result.project.id);
    expect(moved.map((a) => a.source).sort()).toEqual(['msr_6.2', 'msr_9.4']);
    const accepted = (await projectLinks(db, result.project.id)).filter((l) => l.status === 'accepted');
    expect(accepted.map((l) => [l.source, l.target])).toEqual([['msr_9.4', 'art_55__para_1__point_c']]);
    const [objection] = await listObjections(db, result.project.id);
    expect(objection?.units).toEqual(['msr_9.4', 'msr_6.2']);

    // The old project, exactly as it was.
    expect(await projectLinks(db, old.id)).toEqual(before.links);
    expect(await annotationsFor(db, old.id)).toEqual(before.annotations);
    expect(await listObjections(db, old.id)).toEqual(before.objections);
  });

  it('refuses the same PDF, and names revisions plainly', async () => {
    const db = await freshDb();
    await imported(db, MINI_LAW, 1);
    await imported(db, MINI_CODE, 2);
    const project = await createProject(db, {
      name: 'Review',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    await expect(
      reviseProject(db, pipeline, {
        projectId: project.id,
        role: 'code',
        fingerprint: MINI_CODE.document.fingerprint,
      }),
    ).rejects.toThrow(/already this project’s code/);
    expect(revisedName({ ...project, name: 'Review (revised code: old)' }, 'law', 'AI Act corrigendum')).toBe(
      'Review (revised law: AI Act corrigendum)',
    );
  });
});
