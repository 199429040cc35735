import { describe, expect, it } from 'vitest';
import { conflictSignature, findConflicts } from '../../src/review/conflicts';
import { spotKey } from '../../src/review/verdicts';
import { annotation, T2 } from '../export/fixtures';

const alice = annotation('a1', 'msr_9.3', null, { author: 'Alice', stance: 'clarifies' });
const bob = annotation('b1', 'msr_9.3', null, { author: 'Bob', stance: 'expands', updatedAt: T2 });
const bobAgrees = annotation('b2', 'msr_6.2', null, { author: 'Bob', stance: 'clarifies' });
const aliceOn62 = annotation('a2', 'msr_6.2', null, {
  author: 'Alice',
  stance: 'clarifies',
  rationale: 'other words',
});

describe('findConflicts', () => {
  it('lists spots whose verdicts differ in stance or relationship, with mine and the others', () => {
    const conflicts = findConflicts([alice, bob, bobAgrees, aliceOn62], 'Alice', new Map());
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ spot: spotKey('msr_9.3', null), source: 'msr_9.3', target: null });
    expect(conflicts[0]?.mine).toBe(alice);
    expect(conflicts[0]?.others).toEqual([bob]);
  });

  it('finds a conflict between two colleagues when the user has no verdict there', () => {
    const carol = annotation('c1', 'msr_9.3', null, { author: 'Carol', stance: 'narrows' });
    const conflicts = findConflicts([bob, carol], 'Alice', new Map());
    expect(conflicts[0]?.mine).toBeUndefined();
    expect(conflicts[0]?.others).toHaveLength(2);
  });

  it('a relationship alone can conflict; verdicts with neither stance nor relationship cannot', () => {
    const rel = annotation('b3', 'msr_9.3', null, {
      author: 'Bob',
      stance: 'clarifies',
      relationship: 'equal',
    });
    expect(findConflicts([alice, rel], 'Alice', new Map())).toHaveLength(1);
    const empty = annotation('b4', 'msr_9.3', null, { author: 'Bob', stance: null, relationship: null });
    expect(findConflicts([alice, empty], 'Alice', new Map())).toHaveLength(0);
  });

  it('hides a settled conflict until one of its verdicts changes', () => {
    const settled = new Map([[spotKey('msr_9.3', null), conflictSignature([alice, bob])]]);
    expect(findConflicts([alice, bob], 'Alice', settled)).toHaveLength(0);
    const edited = { ...bob, updatedAt: '2025-04-01T00:00:00.000Z' };
    expect(findConflicts([alice, edited], 'Alice', settled)).toHaveLength(1);
  });

  it('orders conflicts by the clause order given', () => {
    const x = annotation('x1', 'msr_6.2', null, { author: 'Bob', stance: 'expands' });
    const conflicts = findConflicts([alice, bob, aliceOn62, x], 'Alice', new Map(), ['msr_6.2', 'msr_9.3']);
    expect(conflicts.map((c) => c.source)).toEqual(['msr_6.2', 'msr_9.3']);
  });
});
