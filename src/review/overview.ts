/**
 * The review at a glance: for each commitment, how its own verdict and its measures' verdicts
 * are spread over the stances, how many are reviewed and how many disputed. Every figure keeps
 * the ids of the units behind it, so a click on a number can list them.
 */
import type { ClauseTree, Unit } from '../model/clause';
import { STANCES, type Annotation } from '../model/review';
import { isReviewed, REVIEWABLE_TYPES } from './progress';
import { spotKey, verdictsBySpot } from './verdicts';

/** The column of units with no verdict yet, or a verdict that records no stance. */
export const NO_STANCE = 'none';

/** The overview's columns, in order: each stance, then no stance. */
export const OVERVIEW_COLUMNS = [...STANCES, NO_STANCE] as const;
export type OverviewColumn = (typeof OVERVIEW_COLUMNS)[number];

/** How a column is headed: the stance itself, or "no stance". */
export function columnLabel(column: OverviewColumn): string {
  return column === NO_STANCE ? 'no stance' : column;
}

/** The key of the row holding measures that sit under no commitment (a draft code). */
export const LOOSE_ROW = '(none)';

export interface OverviewRow {
  /** The commitment's clause id; `LOOSE_ROW` for measures outside any commitment. */
  readonly key: string;
  /** The commitment; null for the loose row. */
  readonly commitment: Unit | null;
  /** The commitment, then its measures, in document order. */
  readonly unitIds: readonly string[];
  /** Per column, the units whose verdict falls there (each unit in exactly one column). */
  readonly cells: Readonly<Record<OverviewColumn, readonly string[]>>;
  /** Units whose verdict is marked reviewed or disputed. */
  readonly reviewed: readonly string[];
  /** Units whose verdict is marked disputed. */
  readonly disputed: readonly string[];
  /** Units on which reviewers (after a merge) recorded different stances. */
  readonly disagreed: readonly string[];
}

export interface Overview {
  readonly rows: readonly OverviewRow[];
  /** Every row added up (the key is `all`, `commitment` null). */
  readonly totals: OverviewRow;
  /** The largest count in any one cell of a row (not the totals): what full shading means. */
  readonly maxCell: number;
}

/** The verdict a unit is counted under, and whether its verdicts disagree. */
interface Counted {
  readonly shown: Annotation | undefined;
  readonly disagreed: boolean;
}

function emptyCells(): Record<OverviewColumn, string[]> {
  const cells = {} as Record<OverviewColumn, string[]>;
  for (const column of OVERVIEW_COLUMNS) cells[column] = [];
  return cells;
}

/** The commitment a code unit belongs to (itself, for a commitment); null outside any. */
export function commitmentOf(unit: Unit, byId: ReadonlyMap<string, Unit>): Unit | null {
  let current: Unit | undefined = unit;
  while (current !== undefined) {
    if (current.type === 'commitment') return current;
    current = current.parent === null ? undefined : byId.get(current.parent);
  }
  return null;
}

function row(
  key: string,
  commitment: Unit | null,
  unitIds: readonly string[],
  counted: (id: string) => Counted,
): OverviewRow {
  const cells = emptyCells();
  const reviewed: string[] = [];
  const disputed: string[] = [];
  const disagreed: string[] = [];
  for (const id of unitIds) {
    const { shown, disagreed: differs } = counted(id);
    cells[shown?.stance ?? NO_STANCE].push(id);
    if (isReviewed(shown)) reviewed.push(id);
    if (shown?.status === 'disputed') disputed.push(id);
    if (differs) disagreed.push(id);
  }
  return { key, commitment, unitIds, cells, reviewed, disputed, disagreed };
}

/**
 * The overview of a code's review. Each commitment and measure is counted once, under the stance
 * of the verdict the workspace shows for it: the current author's own (the latest of theirs, or
 * one written before they gave a name), else the latest by anyone. Verdicts on links are not
 * counted here; they belong to the link, not the unit.
 */
export function buildOverview(
  code: ClauseTree,
  annotations: readonly Annotation[],
  author: string,
): Overview {
  const byId = new Map<string, Unit>(code.units.map((unit) => [unit.id, unit]));
  const spots = verdictsBySpot(
    annotations.filter((a) => a.target === null),
    author,
  );
  const counted = (id: string): Counted => {
    const spot = spots.get(spotKey(id, null));
    if (spot === undefined) return { shown: undefined, disagreed: false };
    // Each person's latest verdict speaks for them (`others` is latest first); an earlier verdict
    // of theirs that they since changed is no disagreement. Unnamed verdicts are the user's.
    const latest = new Map<string, Annotation>();
    if (spot.mine !== undefined) latest.set(author, spot.mine);
    for (const other of spot.others) {
      const who = other.author === '' ? author : other.author;
      if (!latest.has(who)) latest.set(who, other);
    }
    const stances = new Set([...latest.values()].map((a) => a.stance ?? ''));
    return { shown: spot.shown, disagreed: stances.size > 1 };
  };

  const groups = new Map<string, { commitment: Unit | null; ids: string[] }>();
  const loose: string[] = [];
  for (const unit of code.units) {
    if (!REVIEWABLE_TYPES.has(unit.type)) continue;
    const commitment = commitmentOf(unit, byId);
    if (commitment === null) {
      loose.push(unit.id);
      continue;
    }
    const group = groups.get(commitment.id);
    if (group) group.ids.push(unit.id);
    else groups.set(commitment.id, { commitment, ids: [unit.id] });
  }
  const rows = [...groups].map(([key, group]) => row(key, group.commitment, group.ids, counted));
  if (loose.length > 0) rows.push(row(LOOSE_ROW, null, loose, counted));

  const totals = row(
    'all',
    null,
    rows.flatMap((r) => r.unitIds),
    counted,
  );
  let maxCell = 0;
  for (const r of rows)
    for (const column of OVERVIEW_COLUMNS) maxCell = Math.max(maxCell, r.cells[column].length);
  return { rows, totals, maxCell };
}

/** A row's units in one column, or all of them for `disputed`/`disagreed`. */
export function cellUnits(
  row: OverviewRow,
  which: OverviewColumn | 'disputed' | 'disagreed',
): readonly string[] {
  if (which === 'disputed') return row.disputed;
  if (which === 'disagreed') return row.disagreed;
  return row.cells[which];
}
