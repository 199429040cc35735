import { describe, expect, it } from 'vitest';
import { moveActive, optionTarget, resultGroups } from '../../../renderer/search/results';
import type { Annotation } from '../../../src/model/review';
import { buildSearchIndex, searchAll } from '../../../src/search/index';
import { MINI_CODE, MINI_LAW } from '../../support/trees';

const NOTE: Annotation = {
  id: 'n1',
  projectId: 'p',
  source: 'msr_9.3',
  target: 'art_55__para_1__point_c',
  quote: { exact: '', prefix: '', suffix: '' },
  stance: 'expands',
  relationship: null,
  rationaleType: null,
  strength: null,
  rationale: 'Serious incidents are reported in days, not "without undue delay".',
  tags: [],
  status: 'draft',
  author: 'Ada',
  fromSuggestion: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

const INDEX = buildSearchIndex({ law: MINI_LAW.units, code: MINI_CODE.units, notes: [NOTE] });

describe('the results list', () => {
  it('shows the provision named first, then the code, the law and the notes', () => {
    const groups = resultGroups(searchAll(INDEX, 'Measure 9.3'), 'AI Act');
    expect(groups.map((g) => g.name)).toEqual(['direct', 'code']);
    expect(groups[0]?.options[0]).toMatchObject({ doc: 'code', id: 'msr_9.3', hit: null });

    const mixed = resultGroups(searchAll(INDEX, 'serious incidents'), 'AI Act');
    expect(mixed.map((g) => [g.name, g.label])).toEqual([
      ['code', 'Code'],
      ['law', 'AI Act'],
      ['notes', 'Notes'],
    ]);
    for (const group of mixed) expect(group.total).toBeGreaterThanOrEqual(group.options.length);
  });

  it('leaves out empty groups, and shows nothing without results', () => {
    expect(resultGroups(searchAll(INDEX, 'cybersecurity'), 'Law').map((g) => g.name)).toEqual([
      'code',
      'law',
    ]);
    expect(resultGroups(searchAll(INDEX, 'zebra'), 'Law')).toEqual([]);
    expect(resultGroups(null, 'Law')).toEqual([]);
  });

  it('gives every entry a key of its own', () => {
    const options = resultGroups(searchAll(INDEX, 'Article 55'), 'Law').flatMap((g) => g.options);
    expect(new Set(options.map((o) => o.key)).size).toBe(options.length);
  });

  it('opens a provision where it is, and a note at the unit it is on', () => {
    const groups = resultGroups(searchAll(INDEX, 'undue delay'), 'Law');
    const note = groups.find((g) => g.name === 'notes')?.options[0];
    expect(note).toMatchObject({ doc: 'note', id: 'n1', unit: 'msr_9.3' });
    expect(note && optionTarget(note)).toEqual({ doc: 'code', id: 'msr_9.3' });
    const law = groups.find((g) => g.name === 'law')?.options[0];
    expect(law && optionTarget(law)).toEqual({ doc: 'law', id: 'art_55__para_1__point_c' });
  });
});

describe('the arrow keys', () => {
  it('go down from the top and up from the bottom, wrapping round', () => {
    expect(moveActive(-1, 1, 4)).toBe(0);
    expect(moveActive(-1, -1, 4)).toBe(3);
    expect(moveActive(0, 1, 4)).toBe(1);
    expect(moveActive(3, 1, 4)).toBe(0);
    expect(moveActive(0, -1, 4)).toBe(3);
  });

  it('do nothing in an empty list, and recover from an entry that is gone', () => {
    expect(moveActive(-1, 1, 0)).toBe(-1);
    expect(moveActive(7, 1, 3)).toBe(0);
  });
});
