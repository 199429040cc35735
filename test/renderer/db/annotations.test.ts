/**
 * Annotations and their undo history: every edit can be undone and redone, typing is one step not
 * one per key, and the history outlives closing the app.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  COALESCE_MS,
  HISTORY_LIMIT,
  annotationFor,
  annotationsFor,
  createProject,
  deleteAnnotation,
  historyState,
  newAnnotation,
  redo,
  saveAnnotation,
  undo,
  type CrosswalkDb,
} from '../../../renderer/db';
import { unitQuote } from '../../../src/model/quote';
import type { Annotation } from '../../../src/model/review';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { miniProject, reopen } from './setup';

const T0 = Date.UTC(2025, 6, 10, 9, 0, 0);

beforeEach(() => {
  // Only the clock: IndexedDB's own scheduling keeps running for real.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
});

afterEach(() => {
  vi.useRealTimers();
});

/** Moves the clock on by `ms`. */
const later = (ms: number): void => void vi.setSystemTime(Date.now() + ms);

async function setUp(): Promise<{ db: CrosswalkDb; projectId: string; draft: Annotation }> {
  const { db, projectId } = await miniProject();
  const draft = newAnnotation({
    projectId,
    source: 'msr_6.2',
    quote: unitQuote(MINI_CODE.units, 1),
  });
  return { db, projectId, draft };
}

const current = (db: CrosswalkDb, id: string): Promise<Annotation | undefined> => db.annotations.get(id);

describe('newAnnotation', () => {
  it('fills in a draft on the unit itself, with no verdict, no tags and the times now', () => {
    const quote = { exact: 'e', prefix: 'p', suffix: 's' };
    const a = newAnnotation({ projectId: 'p', source: 'msr_6.2', quote });
    expect(a).toEqual({
      id: expect.any(String) as unknown,
      projectId: 'p',
      source: 'msr_6.2',
      target: null,
      quote,
      stance: null,
      relationship: null,
      rationaleType: null,
      strength: null,
      rationale: '',
      tags: [],
      status: 'draft',
      author: '',
      fromSuggestion: false,
      createdAt: new Date(T0).toISOString(),
      updatedAt: new Date(T0).toISOString(),
    });
    expect(newAnnotation({ projectId: 'p', source: 's', quote }).id).not.toBe(a.id);
    expect(
      newAnnotation({ projectId: 'p', source: 's', quote, target: 'art_53', stance: 'narrows' }),
    ).toMatchObject({
      target: 'art_53',
      stance: 'narrows',
    });
  });
});

describe('saving annotations', () => {
  it('stores the annotation with updatedAt set to the time of saving, createdAt kept', async () => {
    const { db, draft } = await setUp();
    later(1_000);
    const saved = await saveAnnotation(db, { ...draft, rationale: 'Goes further.' });
    expect(saved.updatedAt).toBe(new Date(T0 + 1_000).toISOString());
    expect(saved.createdAt).toBe(draft.createdAt);
    expect(await current(db, draft.id)).toEqual(saved);
    later(5_000);
    // An editor that sends a stale createdAt does not rewrite when the annotation was created.
    const again = await saveAnnotation(db, { ...saved, createdAt: 'bogus', stance: 'expands' });
    expect(again.createdAt).toBe(draft.createdAt);
  });

  it('records nothing when saved unchanged (a blur that changed nothing)', async () => {
    const { db, projectId, draft } = await setUp();
    const saved = await saveAnnotation(db, draft);
    later(10_000);
    expect(await saveAnnotation(db, { ...saved, updatedAt: 'whatever' })).toEqual(saved);
    await undo(db, projectId);
    expect(await current(db, draft.id)).toBeUndefined();
    expect(await historyState(db, projectId)).toEqual({ canUndo: false, canRedo: true });
  });

  it('finds the annotation of a unit and of one of its links, and lists a project’s by unit', async () => {
    const { db, projectId, draft } = await setUp();
    const onUnit = await saveAnnotation(db, draft);
    const onLink = await saveAnnotation(db, {
      ...newAnnotation({ ...draft, id: 'link-note', target: 'art_55__para_1__point_d' }),
    });
    const elsewhere = await saveAnnotation(db, newAnnotation({ ...draft, id: 'cmt', source: 'cmt_6' }));
    expect(await annotationFor(db, projectId, 'msr_6.2', null)).toEqual(onUnit);
    expect(await annotationFor(db, projectId, 'msr_6.2', 'art_55__para_1__point_d')).toEqual(onLink);
    expect(await annotationFor(db, projectId, 'msr_6.2', 'art_53')).toBeNull();
    expect(await annotationFor(db, 'other-project', 'msr_6.2', null)).toBeNull();
    expect((await annotationsFor(db, projectId)).map((a) => a.id)).toEqual([
      elsewhere.id,
      onUnit.id,
      onLink.id,
    ]);
  });
});

describe('undo and redo', () => {
  it('undoes a creation by deleting the annotation, and redo brings it back', async () => {
    const { db, projectId, draft } = await setUp();
    const saved = await saveAnnotation(db, draft);
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: false });

    expect(await undo(db, projectId)).toEqual({ annotation: saved, removed: true });
    expect(await current(db, draft.id)).toBeUndefined();
    expect(await historyState(db, projectId)).toEqual({ canUndo: false, canRedo: true });

    expect(await redo(db, projectId)).toEqual({ annotation: saved, removed: false });
    expect(await current(db, draft.id)).toEqual(saved);
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: false });
  });

  it('steps back through separate edits one at a time, then forward again in order', async () => {
    const { db, projectId, draft } = await setUp();
    const v1 = await saveAnnotation(db, draft);
    later(10);
    const v2 = await saveAnnotation(db, { ...v1, stance: 'expands' });
    later(10);
    const v3 = await saveAnnotation(db, { ...v2, status: 'reviewed' });

    expect((await undo(db, projectId))?.annotation).toEqual(v2);
    expect(await current(db, draft.id)).toEqual(v2);
    expect((await undo(db, projectId))?.annotation).toEqual(v1);
    expect(await current(db, draft.id)).toEqual(v1);

    expect((await redo(db, projectId))?.annotation).toEqual(v2);
    expect((await redo(db, projectId))?.annotation).toEqual(v3);
    expect(await current(db, draft.id)).toEqual(v3);
    expect(await redo(db, projectId)).toBeNull();
  });

  it('has nothing to undo or redo in a fresh project', async () => {
    const { db, projectId } = await setUp();
    expect(await undo(db, projectId)).toBeNull();
    expect(await redo(db, projectId)).toBeNull();
    expect(await historyState(db, projectId)).toEqual({ canUndo: false, canRedo: false });
  });

  it('makes typing a rationale one undo step, however many saves it took', async () => {
    const { db, projectId, draft } = await setUp();
    const v1 = await saveAnnotation(db, { ...draft, stance: 'clarifies' });
    let next = v1;
    // Keystrokes 1.5 s apart: each is within the window of the last, so they stay one step.
    for (const text of ['S', 'Sh', 'Sha', 'Shal', 'Shall']) {
      later(1_500);
      next = await saveAnnotation(db, { ...next, rationale: text }, { coalesce: 'rationale' });
    }
    expect((await current(db, draft.id))?.rationale).toBe('Shall');

    expect((await undo(db, projectId))?.annotation).toEqual(v1);
    expect((await current(db, draft.id))?.rationale).toBe('');
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: true });
    expect((await redo(db, projectId))?.annotation).toEqual(next);
  });

  it('takes an annotation created by its first keystroke and the typing after it as one step', async () => {
    const { db, projectId, draft } = await setUp();
    let next = await saveAnnotation(db, { ...draft, rationale: 'N' }, { coalesce: 'rationale' });
    for (const text of ['Na', 'Nar', 'Narrows']) {
      later(300);
      next = await saveAnnotation(db, { ...next, rationale: text }, { coalesce: 'rationale' });
    }
    expect(await undo(db, projectId)).toEqual({ annotation: next, removed: true });
    expect(await historyState(db, projectId)).toEqual({ canUndo: false, canRedo: true });
  });

  it('starts a new step after a pause, for another field, or for another annotation', async () => {
    const { db, projectId, draft } = await setUp();
    const base = await saveAnnotation(db, draft);
    later(100);
    const a = await saveAnnotation(db, { ...base, rationale: 'one' }, { coalesce: 'rationale' });
    later(COALESCE_MS);
    const b = await saveAnnotation(db, { ...a, rationale: 'one two' }, { coalesce: 'rationale' });
    later(100);
    const c = await saveAnnotation(db, { ...b, tags: ['security'] }, { coalesce: 'tags' });
    later(100);
    const other = await saveAnnotation(db, newAnnotation({ ...draft, id: 'other' }));
    later(100);
    await saveAnnotation(db, { ...other, tags: ['x'] }, { coalesce: 'tags' });

    await undo(db, projectId);
    expect(await current(db, 'other')).toEqual(other);
    await undo(db, projectId);
    expect(await current(db, 'other')).toBeUndefined();
    expect(await current(db, draft.id)).toEqual(c);
    await undo(db, projectId);
    expect(await current(db, draft.id)).toEqual(b);
    await undo(db, projectId);
    expect(await current(db, draft.id)).toEqual(a);
    await undo(db, projectId);
    expect(await current(db, draft.id)).toEqual(base);
  });

  it('drops the step altogether when typing returns the text to where it began', async () => {
    const { db, projectId, draft } = await setUp();
    const base = await saveAnnotation(db, draft);
    later(100);
    const typed = await saveAnnotation(db, { ...base, rationale: 'x' }, { coalesce: 'rationale' });
    later(100);
    await saveAnnotation(db, { ...typed, rationale: '' }, { coalesce: 'rationale' });
    // The one step left is the creation.
    expect((await undo(db, projectId))?.removed).toBe(true);
    expect(await historyState(db, projectId)).toEqual({ canUndo: false, canRedo: true });
  });

  it('clears the redo steps when a new edit is made', async () => {
    const { db, projectId, draft } = await setUp();
    const v1 = await saveAnnotation(db, draft);
    later(10);
    await saveAnnotation(db, { ...v1, stance: 'expands' });
    await undo(db, projectId);
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: true });
    later(10);
    const v3 = await saveAnnotation(db, { ...v1, stance: 'narrows' });
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: false });
    expect(await redo(db, projectId)).toBeNull();
    expect(await current(db, draft.id)).toEqual(v3);
  });

  it('never merges an edit made after an undo into the step before it', async () => {
    const { db, projectId, draft } = await setUp();
    const base = await saveAnnotation(db, draft);
    later(2_500);
    const a = await saveAnnotation(db, { ...base, rationale: 'a' }, { coalesce: 'rationale' });
    later(100);
    await saveAnnotation(db, { ...a, tags: ['t'] });
    await undo(db, projectId); // the tag
    later(100);
    await saveAnnotation(db, { ...a, rationale: 'ab' }, { coalesce: 'rationale' });
    await undo(db, projectId);
    expect(await current(db, draft.id)).toEqual(a);
  });

  it('never merges typing into a step that was undone and redone', async () => {
    const { db, projectId, draft } = await setUp();
    const base = await saveAnnotation(db, draft);
    later(2_500);
    const a = await saveAnnotation(db, { ...base, rationale: 'a' }, { coalesce: 'rationale' });
    await undo(db, projectId);
    await redo(db, projectId);
    later(100);
    await saveAnnotation(db, { ...a, rationale: 'ab' }, { coalesce: 'rationale' });
    await undo(db, projectId);
    expect(await current(db, draft.id)).toEqual(a);
  });

  it('undoes a deletion by restoring the annotation as it was', async () => {
    const { db, projectId, draft } = await setUp();
    const saved = await saveAnnotation(db, { ...draft, rationale: 'Keep me', tags: ['security'] });
    expect(await deleteAnnotation(db, draft.id)).toEqual(saved);
    expect(await current(db, draft.id)).toBeUndefined();
    expect(await undo(db, projectId)).toEqual({ annotation: saved, removed: false });
    expect(await current(db, draft.id)).toEqual(saved);
    expect(await redo(db, projectId)).toEqual({ annotation: saved, removed: true });
    expect(await current(db, draft.id)).toBeUndefined();
    expect(await deleteAnnotation(db, 'missing')).toBeNull();
  });

  it('keeps each project’s history to itself', async () => {
    const { db, projectId, draft } = await setUp();
    const other = await createProject(db, {
      name: 'Other',
      lawFingerprint: MINI_LAW.document.fingerprint,
      codeFingerprint: MINI_CODE.document.fingerprint,
      sample: false,
    });
    await saveAnnotation(db, draft);
    const theirs = await saveAnnotation(db, newAnnotation({ ...draft, id: 'theirs', projectId: other.id }));
    await undo(db, projectId);
    expect(await current(db, draft.id)).toBeUndefined();
    expect(await current(db, 'theirs')).toEqual(theirs);
    expect(await historyState(db, other.id)).toEqual({ canUndo: true, canRedo: false });
  });

  it('can still undo and redo after the database is closed and opened again', async () => {
    const { db, projectId, draft } = await setUp();
    const v1 = await saveAnnotation(db, draft);
    later(10);
    await saveAnnotation(db, { ...v1, stance: 'conflicts' });
    const again = await reopen(db);
    expect(await historyState(again, projectId)).toEqual({ canUndo: true, canRedo: false });
    await undo(again, projectId);
    expect(await current(again, draft.id)).toEqual(v1);
    const third = await reopen(again);
    expect(await historyState(third, projectId)).toEqual({ canUndo: true, canRedo: true });
    expect((await redo(third, projectId))?.annotation.stance).toBe('conflicts');
  });

  it(`keeps the latest ${HISTORY_LIMIT} steps of a project`, async () => {
    const { db, projectId, draft } = await setUp();
    let next = await saveAnnotation(db, draft);
    for (let i = 1; i <= HISTORY_LIMIT + 4; i++) {
      later(10);
      next = await saveAnnotation(db, { ...next, strength: (i % 10) + 1, rationale: String(i) });
    }
    expect(await db.history.where('projectId').equals(projectId).count()).toBe(HISTORY_LIMIT);
    let undone = 0;
    while (await undo(db, projectId)) undone++;
    expect(undone).toBe(HISTORY_LIMIT);
    // The oldest steps (the creation among them) were let go: undo stops at edit 4.
    expect((await current(db, draft.id))?.rationale).toBe('4');
  }, 60_000);
});
