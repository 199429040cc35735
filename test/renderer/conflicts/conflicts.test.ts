import { describe, expect, it } from 'vitest';
import {
  authorName,
  isOwn,
  planReattach,
  projectConflicts,
  spotCitation,
} from '../../../renderer/conflicts/conflicts';
import type { Resolution } from '../../../renderer/db';
import { conflictSignature } from '../../../src/review/conflicts';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { by } from './fixtures';

const mine = by('Ana', 'msr_9.3', 'expands');
const bobs = by('Bob', 'msr_9.3', 'clarifies', { updatedAt: '2025-02-01T00:00:00Z' });
const lostUnit = by('Bob', 'msr_99.9', 'narrows');
const lostLaw = by('Ana', 'msr_9.3', 'restates', { target: 'art_99__para_1' });
const onLink = by('Bob', 'msr_99.9', 'restates', { target: 'art_55__para_1__point_c' });

describe('projectConflicts', () => {
  it('lists a spot where two people disagree, and notes whose unit or provision is gone', () => {
    const found = projectConflicts('p', [mine, bobs, lostUnit, lostLaw], 'Ana', [], MINI_CODE, MINI_LAW);
    expect(found.conflicts.map((c) => [c.source, c.mine?.id, c.others.map((o) => o.id)])).toEqual([
      ['msr_9.3', mine.id, [bobs.id]],
    ]);
    expect(found.orphans.map((o) => o.id)).toEqual([lostUnit.id, lostLaw.id]);
  });

  it('leaves out a conflict settled by "Keep mine", until either verdict changes', () => {
    const settled: Resolution = {
      id: `p|msr_9.3\u0000`,
      projectId: 'p',
      signature: conflictSignature([mine, bobs]),
      choice: 'kept-mine',
      at: '2025-03-01T00:00:00Z',
    };
    expect(projectConflicts('p', [mine, bobs], 'Ana', [settled], MINI_CODE, MINI_LAW).conflicts).toEqual([]);
    const edited = { ...bobs, updatedAt: '2025-04-01T00:00:00Z' };
    expect(
      projectConflicts('p', [mine, edited], 'Ana', [settled], MINI_CODE, MINI_LAW).conflicts,
    ).toHaveLength(1);
  });

  it('leaves a conflict on a spot that is gone to the orphan list', () => {
    const other = by('Bob', 'msr_99.9', 'expands', { id: 'other' });
    const found = projectConflicts('p', [lostUnit, other], 'Ana', [], MINI_CODE, MINI_LAW);
    expect(found.conflicts).toEqual([]);
    expect(found.orphans).toHaveLength(2);
  });
});

describe('planReattach', () => {
  it('moves a note to the unit a citation names', () => {
    expect(planReattach(lostUnit, 'Measure 6.2', MINI_CODE, MINI_LAW, [], 'Ana')).toEqual({
      ok: true,
      source: 'msr_6.2',
      target: null,
      notes: [],
    });
  });

  it('keeps a link verdict on its law provision when the law still has it, and says so', () => {
    const plan = planReattach(onLink, 'Measure 9.3', MINI_CODE, MINI_LAW, [], 'Ana');
    expect(plan).toMatchObject({ ok: true, source: 'msr_9.3', target: 'art_55__para_1__point_c' });
    expect(plan.ok && plan.notes.join(' ')).toContain('link to Article 55(1), point (c)');
  });

  it('makes a note on a vanished provision a note on the unit itself, and says so before the move', () => {
    const plan = planReattach(lostLaw, 'Measure 9.3', MINI_CODE, MINI_LAW, [mine, bobs], 'Ana');
    expect(plan).toMatchObject({ ok: true, source: 'msr_9.3', target: null });
    const notes = plan.ok ? plan.notes : [];
    expect(notes[0]).toMatch(/not in the law either, so it becomes a note on Measure 9\.3 itself/);
    // Two verdicts are already there: none is replaced.
    expect(notes[1]).toMatch(/Measure 9\.3 already has 2 verdicts; all are kept/);
    const onlyMine = planReattach(lostLaw, 'Measure 9.3', MINI_CODE, MINI_LAW, [mine], 'Ana');
    expect(onlyMine.ok && onlyMine.notes[1]).toMatch(/already has your verdict/);
    const onlyBobs = planReattach(lostLaw, 'Measure 9.3', MINI_CODE, MINI_LAW, [bobs], 'Ana');
    expect(onlyBobs.ok && onlyBobs.notes[1]).toMatch(/already has a verdict by Bob/);
  });

  it('refuses, in plain words, what is not a unit of the code', () => {
    expect(planReattach(lostUnit, '', MINI_CODE, MINI_LAW, [], 'Ana')).toMatchObject({ ok: false });
    expect(planReattach(lostUnit, 'Article 55', MINI_CODE, MINI_LAW, [], 'Ana')).toEqual({
      ok: false,
      error: 'Type a commitment or measure of the code, e.g. "Measure 9.4" or "Commitment 2".',
    });
    const missing = planReattach(lostUnit, 'Measure 42.1', MINI_CODE, MINI_LAW, [], 'Ana');
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error).toMatch(/42\.1/);
    expect(planReattach(by('Ana', 'msr_6.2', null), 'Measure 6.2', MINI_CODE, MINI_LAW, [], 'Ana')).toEqual({
      ok: false,
      error: 'The note is already on Measure 6.2.',
    });
  });
});

describe('labels', () => {
  it('names spots and authors', () => {
    expect(spotCitation('msr_9.3', 'art_55__para_1__point_c')).toBe('Measure 9.3 → Article 55(1), point (c)');
    expect(authorName(by('', 'msr_9.3', null))).toBe('an unnamed colleague');
    expect(isOwn(by('', 'msr_9.3', null), 'Ana')).toBe(true);
    expect(isOwn(by('Bob', 'msr_9.3', null), 'Ana')).toBe(false);
  });
});
