/**
 * Filtering the code tree: which commitments, measures and points to show when the reviewer asks
 * for, say, the units recorded as "expands", the disputed ones, those tagged "deadlines", those
 * without an accepted link yet, or those whose suggestions nobody has looked at. A unit stays
 * visible when it or any unit below it matches, so the tree keeps its shape.
 */
import type { Annotation, LinkRecord, ReviewStance, ReviewStatus } from '../model/review';

/** A stance, or `none`: no verdict yet, or a verdict without a stance. */
export type StanceChoice = ReviewStance | 'none';

/** A status, or `none`: no verdict yet. */
export type StatusChoice = ReviewStatus | 'none';

/**
 * What the tree is filtered by. Within a list any entry may match (expands or narrows); across
 * criteria all must (expands and tagged "deadlines"). Empty lists and `false` filter nothing.
 */
export interface CodeFilter {
  readonly stances: readonly StanceChoice[];
  readonly statuses: readonly StatusChoice[];
  /** The unit, or one of its links, carries a verdict with one of these tags. */
  readonly tags: readonly string[];
  /** No accepted link yet. */
  readonly noLink: boolean;
  /** The linker suggested provisions and none of the unit's links has been accepted or rejected yet. */
  readonly unreviewedSuggestion: boolean;
}

export const EMPTY_FILTER: CodeFilter = {
  stances: [],
  statuses: [],
  tags: [],
  noLink: false,
  unreviewedSuggestion: false,
};

/** A node of the tree being filtered (the workspace's `CodeNode` fits). */
export interface FilterNode {
  readonly unit: { readonly id: string };
  readonly children: readonly FilterNode[];
}

/** What the filter reads about the units. */
export interface FilterData {
  /** The verdict each unit shows (its badge): the unit's own verdict (`target` null), by unit id. */
  readonly verdicts: ReadonlyMap<string, Annotation>;
  /** The project's links. */
  readonly links: readonly LinkRecord[];
  /** The project's annotations (for tags, which may sit on a unit's verdict or on its links'). */
  readonly annotations: readonly Annotation[];
}

/** True when the filter would hide something. */
export function isFilterActive(filter: CodeFilter): boolean {
  return (
    filter.stances.length > 0 ||
    filter.statuses.length > 0 ||
    filter.tags.length > 0 ||
    filter.noLink ||
    filter.unreviewedSuggestion
  );
}

interface LinkState {
  accepted: number;
  decided: number;
  suggested: number;
}

/** Builds the test one unit is put to (indexes built once, not per unit). */
function matcher(filter: CodeFilter, data: FilterData): (id: string) => boolean {
  const stances = new Set(filter.stances);
  const statuses = new Set(filter.statuses);
  const wanted = new Set(filter.tags);
  const tagged = new Set<string>();
  if (wanted.size > 0)
    for (const annotation of data.annotations)
      if (annotation.tags.some((tag) => wanted.has(tag))) tagged.add(annotation.source);
  const linkStates = new Map<string, LinkState>();
  if (filter.noLink || filter.unreviewedSuggestion)
    for (const link of data.links) {
      let state = linkStates.get(link.source);
      if (state === undefined)
        linkStates.set(link.source, (state = { accepted: 0, decided: 0, suggested: 0 }));
      if (link.status === 'accepted') state.accepted += 1;
      if (link.status !== 'suggested') state.decided += 1;
      if (link.origin === 'machine') state.suggested += 1;
    }
  return (id) => {
    const verdict = data.verdicts.get(id);
    if (stances.size > 0 && !stances.has(verdict?.stance ?? 'none')) return false;
    if (statuses.size > 0 && !statuses.has(verdict?.status ?? 'none')) return false;
    if (wanted.size > 0 && !tagged.has(id)) return false;
    const links = linkStates.get(id);
    if (filter.noLink && (links?.accepted ?? 0) > 0) return false;
    if (filter.unreviewedSuggestion && (links === undefined || links.suggested === 0 || links.decided > 0))
      return false;
    return true;
  };
}

export interface FilterOutcome {
  /** Units to show, in display order: those that match and every unit above one that does. */
  readonly visible: Set<string>;
  /** Units that match the filter themselves. */
  readonly matched: Set<string>;
  /** Units in the tree. */
  readonly total: number;
}

/** Filters a tree: what matches, what stays visible, and how many units there are in all. */
export function applyCodeFilter(
  nodes: readonly FilterNode[],
  filter: CodeFilter,
  data: FilterData,
): FilterOutcome {
  const active = isFilterActive(filter);
  const matches = matcher(filter, data);
  const visible = new Set<string>();
  const matched = new Set<string>();
  let total = 0;
  // Each unit takes its place in `visible` before its children (display order), and gives it up
  // again if neither it nor anything below it matches.
  const walk = (node: FilterNode): boolean => {
    total += 1;
    const self = !active || matches(node.unit.id);
    if (self) matched.add(node.unit.id);
    visible.add(node.unit.id);
    let below = false;
    for (const child of node.children) below = walk(child) || below;
    if (!self && !below) visible.delete(node.unit.id);
    return self || below;
  };
  for (const node of nodes) walk(node);
  return { visible, matched, total };
}

/**
 * The ids of the units to show under a filter: each unit that matches, and every unit above one
 * that does (so a matching point keeps its measure and commitment). With an empty filter, all.
 */
export function filterCodeUnits(
  nodes: readonly FilterNode[],
  filter: CodeFilter,
  data: FilterData,
): Set<string> {
  return applyCodeFilter(nodes, filter, data).visible;
}
