/** The verdict shortcuts write what the buttons and the editor write, undoably. */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { newAnnotation, saveAnnotation, saveSuggestions, undo, type CrosswalkDb } from '../../../renderer/db';
import { acceptTopSuggestion, updateUnitVerdict } from '../../../renderer/keyboard/actions';
import type { LinkSuggestion } from '../../../src/linking/suggest';
import { unitQuote } from '../../../src/model/quote';
import { linkId } from '../../../src/model/review';
import { MINI_CODE } from '../../support/trees';
import { miniProject } from '../db/setup';

const setUp = miniProject;

function suggestion(source: string, target: string, rank: number): LinkSuggestion {
  return {
    source,
    target,
    rank,
    score: 1 / rank,
    basis: ['similarity'],
    evidence: [],
    suggestedStance: null,
  };
}

const unitLinks = (db: CrosswalkDb, projectId: string, source: string) =>
  db.links.where('[projectId+source]').equals([projectId, source]).toArray();

describe('a: accept the top open suggestion', () => {
  it('accepts the best-ranked open suggestion, then the next one', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(db, projectId, {
      links: [
        suggestion('msr_9.3', 'art_55__para_1__point_c', 1),
        suggestion('msr_9.3', 'art_53__para_1__point_a', 2),
        suggestion('msr_6.2', 'art_55__para_1', 1),
      ],
      unresolved: [],
    });
    const first = await acceptTopSuggestion(db, await unitLinks(db, projectId, 'msr_9.3'));
    expect(first).toMatchObject({ target: 'art_55__para_1__point_c', status: 'accepted' });
    const second = await acceptTopSuggestion(db, await unitLinks(db, projectId, 'msr_9.3'));
    expect(second).toMatchObject({ target: 'art_53__para_1__point_a', status: 'accepted' });
    expect(await acceptTopSuggestion(db, await unitLinks(db, projectId, 'msr_9.3'))).toBeNull();
    // Another unit's suggestion is untouched.
    expect((await db.links.get(linkId(projectId, 'msr_6.2', 'art_55__para_1')))?.status).toBe('suggested');
  });

  it('skips rejected links and has nothing to accept without suggestions', async () => {
    const { db, projectId } = await setUp();
    await saveSuggestions(db, projectId, {
      links: [
        suggestion('msr_9.3', 'art_55__para_1__point_c', 1),
        suggestion('msr_9.3', 'art_53__para_1', 2),
      ],
      unresolved: [],
    });
    await db.links.update(linkId(projectId, 'msr_9.3', 'art_55__para_1__point_c'), { status: 'rejected' });
    const accepted = await acceptTopSuggestion(db, await unitLinks(db, projectId, 'msr_9.3'));
    expect(accepted?.target).toBe('art_53__para_1');
    expect(await acceptTopSuggestion(db, [])).toBeNull();
  });
});

describe('1–6 and r: the unit’s own verdict', () => {
  const at = (projectId: string, author = 'Ana') => ({
    projectId,
    units: MINI_CODE.units,
    unitId: 'msr_9.3',
    author,
  });

  it('creates the verdict with the unit’s quote on the first key, then edits the same one', async () => {
    const { db, projectId } = await setUp();
    const created = await updateUnitVerdict(db, at(projectId), { stance: 'expands' });
    const index = MINI_CODE.units.findIndex((u) => u.id === 'msr_9.3');
    expect(created).toMatchObject({
      source: 'msr_9.3',
      target: null,
      stance: 'expands',
      status: 'draft',
      author: 'Ana',
      quote: unitQuote(MINI_CODE.units, index),
    });
    const reviewed = await updateUnitVerdict(db, at(projectId), { status: 'reviewed' });
    expect(reviewed).toMatchObject({ id: created?.id, stance: 'expands', status: 'reviewed' });
    expect(await db.annotations.count()).toBe(1);
  });

  it('each key is one undoable step', async () => {
    const { db, projectId } = await setUp();
    const created = await updateUnitVerdict(db, at(projectId), { stance: 'clarifies' });
    await updateUnitVerdict(db, at(projectId), { stance: 'narrows' });
    await undo(db, projectId);
    expect((await db.annotations.get(created?.id ?? ''))?.stance).toBe('clarifies');
    await undo(db, projectId);
    expect(await db.annotations.count()).toBe(0);
  });

  it('edits the author’s own verdict, never a colleague’s, and keeps the rest of it', async () => {
    const { db, projectId } = await setUp();
    const colleague = newAnnotation({
      projectId,
      source: 'msr_9.3',
      quote: unitQuote(MINI_CODE.units, 0),
      author: 'Ben',
      stance: 'restates',
    });
    const mine = newAnnotation({
      projectId,
      source: 'msr_9.3',
      quote: unitQuote(MINI_CODE.units, 0),
      author: 'Ana',
      rationale: 'Deadlines the Act does not set.',
      tags: ['deadlines'],
    });
    const onLink = newAnnotation({
      projectId,
      source: 'msr_9.3',
      target: 'art_55__para_1',
      quote: mine.quote,
      author: 'Ana',
    });
    await saveAnnotation(db, colleague);
    await saveAnnotation(db, mine);
    await saveAnnotation(db, onLink);
    const saved = await updateUnitVerdict(db, at(projectId), { stance: 'conflicts' });
    expect(saved).toMatchObject({
      id: mine.id,
      stance: 'conflicts',
      rationale: mine.rationale,
      tags: ['deadlines'],
    });
    expect((await db.annotations.get(colleague.id))?.stance).toBe('restates');
    expect((await db.annotations.get(onLink.id))?.stance).toBeNull();
  });

  it('takes over a verdict written before the user gave their name', async () => {
    const { db, projectId } = await setUp();
    const unnamed = newAnnotation({ projectId, source: 'msr_9.3', quote: unitQuote(MINI_CODE.units, 0) });
    await saveAnnotation(db, unnamed);
    const saved = await updateUnitVerdict(db, at(projectId), { status: 'reviewed' });
    expect(saved).toMatchObject({ id: unnamed.id, author: 'Ana', status: 'reviewed' });
  });

  it('writes nothing for a unit the code does not have', async () => {
    const { db, projectId } = await setUp();
    expect(
      await updateUnitVerdict(db, { ...at(projectId), unitId: 'msr_99.1' }, { stance: 'unclear' }),
    ).toBeNull();
    expect(await db.annotations.count()).toBe(0);
  });
});
