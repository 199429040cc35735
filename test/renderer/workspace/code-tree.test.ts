import { describe, expect, it } from 'vitest';
import { buildCodeTree, flattenIds, unitLabel } from '../../../renderer/workspace/code-tree';
import type { ClauseTree, Unit } from '../../../src/model/clause';
import { MINI_CODE } from '../../support/trees';

function unit(id: string, type: Unit['type'], parent: string | null, num: string | null = null): Unit {
  return {
    id,
    type,
    num,
    heading: null,
    text: `${id} text`,
    parent,
    page: 1,
    notes: [],
    boxes: [],
  } as unknown as Unit;
}

const CODE: ClauseTree = {
  document: { kind: 'code', title: 'Code', pages: 1, fingerprint: 'f' },
  units: [
    unit('recitals', 'heading', null),
    unit('rec_a', 'recital', 'recitals', 'a'),
    unit('cmt_1', 'commitment', null, '1'),
    unit('msr_1.1', 'measure', 'cmt_1', '1.1'),
    unit('msr_1.1__point_1', 'point', 'msr_1.1', '(1)'),
    unit('msr_1.2', 'measure', 'cmt_1', '1.2'),
    unit('msr_1.2__subpara_3', 'subparagraph', 'msr_1.2'),
    unit('msr_1.2__subpara_3__point_1', 'point', 'msr_1.2__subpara_3', '(1)'),
    unit('app_1', 'appendix', null, '1'),
    unit('app_1__point_1', 'point', 'app_1', '(1)'),
  ],
};

describe('the code tree', () => {
  it('shows commitments › measures › points, and nothing else', () => {
    expect(flattenIds(buildCodeTree(CODE))).toEqual([
      'cmt_1',
      'msr_1.1',
      'msr_1.1__point_1',
      'msr_1.2',
      'msr_1.2__subpara_3__point_1',
    ]);
  });

  it('hangs a point under a hidden unit from its measure', () => {
    const [commitment] = buildCodeTree(CODE);
    const measure = commitment?.children[1];
    expect(measure?.unit.id).toBe('msr_1.2');
    expect(measure?.children.map((c) => [c.unit.id, c.depth])).toEqual([['msr_1.2__subpara_3__point_1', 2]]);
  });

  it('falls back to measures when a code has no commitments (a draft)', () => {
    const draft: ClauseTree = {
      ...CODE,
      units: CODE.units
        .filter((u) => u.type !== 'commitment')
        .map((u) => (u.parent === 'cmt_1' ? { ...u, parent: null } : u)),
    };
    expect(buildCodeTree(draft).map((n) => n.unit.id)).toEqual(['msr_1.1', 'msr_1.2']);
  });

  it('labels units as the code prints them', () => {
    expect(CODE.units.map(unitLabel).slice(2, 5)).toEqual(['Commitment 1', 'Measure 1.1', '(1)']);
  });

  it('covers every commitment and measure of the synthetic code', () => {
    const ids = new Set(flattenIds(buildCodeTree(MINI_CODE)));
    for (const u of MINI_CODE.units)
      if (u.type === 'commitment' || u.type === 'measure') expect(ids.has(u.id)).toBe(true);
  });
});
