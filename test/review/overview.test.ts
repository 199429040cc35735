import { describe, expect, it } from 'vitest';
import type { Annotation, ReviewStance, ReviewStatus } from '../../src/model/review';
import { reviewProgress } from '../../src/review/index';
import {
  buildOverview,
  cellUnits,
  columnLabel,
  LOOSE_ROW,
  NO_STANCE,
  OVERVIEW_COLUMNS,
  type OverviewRow,
} from '../../src/review/overview';
import { MINI_CODE, tree } from '../support/trees';

let n = 0;
function verdict(
  source: string,
  stance: ReviewStance | null,
  options: {
    status?: ReviewStatus;
    author?: string;
    updatedAt?: string;
    target?: string | null;
  } = {},
): Annotation {
  const updatedAt = options.updatedAt ?? '2025-01-01T00:00:00Z';
  n += 1;
  return {
    id: `v${n}`,
    projectId: 'p',
    source,
    target: options.target ?? null,
    quote: { exact: '', prefix: '', suffix: '' },
    stance,
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status: options.status ?? 'draft',
    author: options.author ?? 'Ana',
    fromSuggestion: false,
    createdAt: updatedAt,
    updatedAt,
  };
}

function counts(row: OverviewRow): Record<string, number> {
  return Object.fromEntries(OVERVIEW_COLUMNS.map((c) => [c, row.cells[c].length]));
}

function rowOf(rows: readonly OverviewRow[], key: string): OverviewRow {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

describe('the overview of a review', () => {
  it('has a row per commitment holding it and its measures, each unit in one column', () => {
    const overview = buildOverview(MINI_CODE, [verdict('msr_9.3', 'expands')], 'Ana');
    expect(overview.rows.map((r) => [r.key, r.unitIds])).toEqual([
      ['cmt_6', ['cmt_6', 'msr_6.2']],
      ['cmt_9', ['cmt_9', 'msr_9.3']],
    ]);
    const nine = rowOf(overview.rows, 'cmt_9');
    expect(nine.cells.expands).toEqual(['msr_9.3']);
    // The commitment itself has no verdict yet: it counts under "no stance", so a row adds up.
    expect(nine.cells[NO_STANCE]).toEqual(['cmt_9']);
    expect(counts(rowOf(overview.rows, 'cmt_6'))).toMatchObject({ none: 2, expands: 0 });
    expect(overview.totals.unitIds).toEqual(['cmt_6', 'msr_6.2', 'cmt_9', 'msr_9.3']);
    expect(overview.totals.cells.expands).toEqual(['msr_9.3']);
    expect(overview.maxCell).toBe(2);
  });

  it("counts the user's own verdict, even when a colleague's is newer", () => {
    const annotations = [
      verdict('msr_9.3', 'clarifies', { author: 'Ana', updatedAt: '2025-01-01T00:00:00Z' }),
      verdict('msr_9.3', 'conflicts', { author: 'Ben', updatedAt: '2025-03-01T00:00:00Z' }),
    ];
    const asAna = rowOf(buildOverview(MINI_CODE, annotations, 'Ana').rows, 'cmt_9');
    expect(asAna.cells.clarifies).toEqual(['msr_9.3']);
    expect(asAna.cells.conflicts).toEqual([]);
    // Someone with no verdict of their own sees the latest one.
    const asCleo = rowOf(buildOverview(MINI_CODE, annotations, 'Cleo').rows, 'cmt_9');
    expect(asCleo.cells.conflicts).toEqual(['msr_9.3']);
    // Either way the unit is flagged: the two reviewers disagree.
    expect(asAna.disagreed).toEqual(['msr_9.3']);
  });

  it('takes the latest of one author’s verdicts and ignores verdicts on links', () => {
    const annotations = [
      verdict('msr_6.2', 'restates', { updatedAt: '2025-01-01T00:00:00Z' }),
      verdict('msr_6.2', 'narrows', { updatedAt: '2025-02-01T00:00:00Z' }),
      verdict('cmt_6', 'conflicts', { target: 'art_55__para_1', status: 'reviewed' }),
    ];
    const six = rowOf(buildOverview(MINI_CODE, annotations, 'Ana').rows, 'cmt_6');
    expect(counts(six)).toMatchObject({ narrows: 1, restates: 0, conflicts: 0, none: 1 });
    expect(six.reviewed).toEqual([]);
    expect(six.disagreed).toEqual([]);
  });

  it('counts reviewed and disputed units the way the progress bar does', () => {
    const annotations = [
      verdict('cmt_6', 'clarifies', { status: 'reviewed' }),
      verdict('msr_6.2', null, { status: 'disputed' }),
      verdict('msr_9.3', 'expands', { status: 'draft' }),
    ];
    const overview = buildOverview(MINI_CODE, annotations, 'Ana');
    const six = rowOf(overview.rows, 'cmt_6');
    expect(six.reviewed).toEqual(['cmt_6', 'msr_6.2']);
    expect(six.disputed).toEqual(['msr_6.2']);
    // A disputed verdict without a stance is still "no stance".
    expect(six.cells[NO_STANCE]).toEqual(['msr_6.2']);
    expect(cellUnits(six, 'disputed')).toEqual(['msr_6.2']);
    expect(cellUnits(six, 'clarifies')).toEqual(['cmt_6']);
    const progress = reviewProgress(MINI_CODE, annotations);
    expect(overview.totals.reviewed.length).toBe(progress.reviewed);
    expect(overview.totals.unitIds.length).toBe(progress.total);
  });

  it('puts measures outside any commitment in a row of their own', () => {
    const draft = tree('code', 'Draft', [
      ['msr_1', 'measure', '1', 'Loose', 'A measure.', null],
      ['cmt_2', 'commitment', '2', 'Two', 'LEGAL TEXT: Article 1.', null],
      ['msr_2.1', 'measure', '2.1', null, 'Under two.', 'cmt_2'],
      ['msr_2.1__point_1', 'point', '(1)', null, 'A point is not reviewed on its own.', 'msr_2.1'],
    ]);
    const overview = buildOverview(draft, [verdict('msr_1', 'unclear')], '');
    expect(overview.rows.map((r) => [r.key, r.unitIds])).toEqual([
      ['cmt_2', ['cmt_2', 'msr_2.1']],
      [LOOSE_ROW, ['msr_1']],
    ]);
    expect(rowOf(overview.rows, LOOSE_ROW).commitment).toBeNull();
    expect(rowOf(overview.rows, LOOSE_ROW).cells.unclear).toEqual(['msr_1']);
  });

  it('labels the last column "no stance"', () => {
    expect(OVERVIEW_COLUMNS).toEqual([
      'clarifies',
      'expands',
      'restates',
      'narrows',
      'conflicts',
      'unclear',
      'none',
    ]);
    expect(columnLabel(NO_STANCE)).toBe('no stance');
    expect(columnLabel('expands')).toBe('expands');
  });
});
