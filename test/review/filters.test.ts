import { describe, expect, it } from 'vitest';
import type { Annotation, LinkRecord } from '../../src/model/review';
import {
  applyCodeFilter,
  EMPTY_FILTER,
  filterCodeUnits,
  isFilterActive,
  type CodeFilter,
  type FilterData,
  type FilterNode,
} from '../../src/review/filters';

const node = (id: string, ...children: FilterNode[]): FilterNode => ({ unit: { id }, children });

// cmt_1 › msr_1.1 › (1), (2); cmt_1 › msr_1.2; cmt_2 › msr_2.1
const TREE: FilterNode[] = [
  node('cmt_1', node('msr_1.1', node('msr_1.1__point_1'), node('msr_1.1__point_2')), node('msr_1.2')),
  node('cmt_2', node('msr_2.1')),
];
const ALL = ['cmt_1', 'msr_1.1', 'msr_1.1__point_1', 'msr_1.1__point_2', 'msr_1.2', 'cmt_2', 'msr_2.1'];

function verdict(source: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id: `v-${source}-${extra.target ?? ''}`,
    projectId: 'p',
    source,
    target: null,
    quote: { exact: '', prefix: '', suffix: '' },
    stance: null,
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status: 'draft',
    author: 'Ada',
    fromSuggestion: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function link(source: string, target: string, extra: Partial<LinkRecord> = {}): LinkRecord {
  return {
    id: `p|${source}|${target}`,
    projectId: 'p',
    source,
    target,
    status: 'suggested',
    origin: 'machine',
    rank: 1,
    score: 0.5,
    basis: ['similarity'],
    evidence: [],
    suggestedStance: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const unitVerdicts = [
  verdict('msr_1.1', { stance: 'expands', status: 'reviewed', tags: ['deadlines'] }),
  verdict('msr_1.1__point_2', { stance: 'narrows', status: 'draft' }),
  verdict('msr_1.2', { stance: 'clarifies', status: 'disputed' }),
  verdict('msr_2.1', { stance: null, status: 'draft' }),
];
const linkVerdict = verdict('msr_1.2', { target: 'art_55', tags: ['security'] });

const DATA: FilterData = {
  verdicts: new Map(unitVerdicts.map((v) => [v.source, v])),
  annotations: [...unitVerdicts, linkVerdict],
  links: [
    link('msr_1.1', 'art_55', { status: 'accepted' }),
    link('msr_1.1', 'art_53'),
    link('msr_1.2', 'art_55'),
    link('msr_1.2', 'art_53', { status: 'rejected' }),
    link('msr_2.1', 'art_55'),
    link('msr_2.1', 'art_56'),
    link('cmt_2', 'art_99', { origin: 'user', rank: null, score: null }),
  ],
};

const filter = (extra: Partial<CodeFilter>): CodeFilter => ({ ...EMPTY_FILTER, ...extra });
const visible = (extra: Partial<CodeFilter>): string[] =>
  ALL.filter((id) => filterCodeUnits(TREE, filter(extra), DATA).has(id));

describe('filtering the code tree', () => {
  it('shows everything when nothing is asked for', () => {
    expect(isFilterActive(EMPTY_FILTER)).toBe(false);
    const outcome = applyCodeFilter(TREE, EMPTY_FILTER, DATA);
    expect([...outcome.visible]).toEqual(ALL);
    expect(outcome.matched.size).toBe(ALL.length);
    expect(outcome.total).toBe(ALL.length);
  });

  it('keeps the units with a stance, and the units above them so the tree keeps its shape', () => {
    expect(visible({ stances: ['expands'] })).toEqual(['cmt_1', 'msr_1.1']);
    // A point matches: its measure and commitment stay, its sibling goes.
    expect(visible({ stances: ['narrows'] })).toEqual(['cmt_1', 'msr_1.1', 'msr_1.1__point_2']);
    const outcome = applyCodeFilter(TREE, filter({ stances: ['narrows'] }), DATA);
    expect([...outcome.matched]).toEqual(['msr_1.1__point_2']);
  });

  it('reads several stances as either, and "none" as no stance recorded', () => {
    expect(visible({ stances: ['expands', 'clarifies'] })).toEqual(['cmt_1', 'msr_1.1', 'msr_1.2']);
    // No verdict at all (the commitments, point 1) or a verdict without a stance (msr_2.1).
    expect(visible({ stances: ['none'] })).toEqual([
      'cmt_1',
      'msr_1.1',
      'msr_1.1__point_1',
      'cmt_2',
      'msr_2.1',
    ]);
  });

  it('filters by status, "none" being no verdict yet', () => {
    expect(visible({ statuses: ['disputed'] })).toEqual(['cmt_1', 'msr_1.2']);
    expect(visible({ statuses: ['draft'] })).toEqual([
      'cmt_1',
      'msr_1.1',
      'msr_1.1__point_2',
      'cmt_2',
      'msr_2.1',
    ]);
    expect(visible({ statuses: ['none'] })).toEqual(['cmt_1', 'msr_1.1', 'msr_1.1__point_1', 'cmt_2']);
  });

  it('filters by tag, on the unit’s verdict or on one of its links’', () => {
    expect(visible({ tags: ['deadlines'] })).toEqual(['cmt_1', 'msr_1.1']);
    expect(visible({ tags: ['security'] })).toEqual(['cmt_1', 'msr_1.2']);
    expect(visible({ tags: ['deadlines', 'security'] })).toEqual(['cmt_1', 'msr_1.1', 'msr_1.2']);
    expect(visible({ tags: ['unknown'] })).toEqual([]);
  });

  it('finds the units without an accepted link', () => {
    expect(visible({ noLink: true })).toEqual([
      'cmt_1',
      'msr_1.1',
      'msr_1.1__point_1',
      'msr_1.1__point_2',
      'msr_1.2',
      'cmt_2',
      'msr_2.1',
    ]);
    const outcome = applyCodeFilter(TREE, filter({ noLink: true }), DATA);
    expect(outcome.matched.has('msr_1.1')).toBe(false);
    expect(outcome.matched.has('msr_1.2')).toBe(true);
  });

  it('finds the units whose suggestions nobody has accepted or rejected yet', () => {
    // msr_1.1 has one accepted, msr_1.2 one rejected; cmt_2's only link is one a user added.
    expect(visible({ unreviewedSuggestion: true })).toEqual(['cmt_2', 'msr_2.1']);
    expect([...applyCodeFilter(TREE, filter({ unreviewedSuggestion: true }), DATA).matched]).toEqual([
      'msr_2.1',
    ]);
  });

  it('combines criteria: every one must hold', () => {
    expect(visible({ stances: ['clarifies', 'expands'], statuses: ['reviewed'] })).toEqual([
      'cmt_1',
      'msr_1.1',
    ]);
    expect(visible({ stances: ['expands'], noLink: true })).toEqual([]);
    expect(visible({ stances: ['none'], unreviewedSuggestion: true })).toEqual(['cmt_2', 'msr_2.1']);
  });

  it('counts what matches against the whole tree', () => {
    const outcome = applyCodeFilter(TREE, filter({ statuses: ['draft'] }), DATA);
    expect(outcome.matched.size).toBe(2);
    expect(outcome.total).toBe(7);
    expect(outcome.visible.size).toBe(5);
  });
});
