/**
 * What counts as reviewed, and how far a review has come: the figure the workspace shows as
 * "14 of 42 reviewed" and the memos print in their summary.
 */
import type { ClauseTree, Unit } from '../model/clause';
import type { Annotation } from '../model/review';

/** Code units a reviewer gives a verdict on: each commitment and each measure. */
export const REVIEWABLE_TYPES: ReadonlySet<string> = new Set(['commitment', 'measure']);

/** Code units that get suggestions and annotations: commitments, measures and their points. */
export const ANNOTATABLE_TYPES: ReadonlySet<string> = new Set(['commitment', 'measure', 'point']);

/** The commitments and measures of a code, in document order. */
export function reviewableUnits(tree: ClauseTree): Unit[] {
  return tree.units.filter((unit) => REVIEWABLE_TYPES.has(unit.type));
}

/** A unit counts as reviewed once its verdict is marked reviewed (or disputed: someone looked). */
export function isReviewed(annotation: Annotation | undefined): boolean {
  return annotation !== undefined && (annotation.status === 'reviewed' || annotation.status === 'disputed');
}

/** The annotation on each unit itself (not on its links), by source id. */
export function unitAnnotations(annotations: readonly Annotation[]): Map<string, Annotation> {
  const out = new Map<string, Annotation>();
  for (const annotation of annotations) {
    if (annotation.target !== null) continue;
    const seen = out.get(annotation.source);
    // Two verdicts on one unit (merged from two people) — the latest edit speaks for the badge.
    if (seen === undefined || seen.updatedAt < annotation.updatedAt) out.set(annotation.source, annotation);
  }
  return out;
}

export interface Progress {
  readonly reviewed: number;
  readonly total: number;
}

/** How many commitments and measures are reviewed, out of how many. */
export function reviewProgress(tree: ClauseTree, annotations: readonly Annotation[]): Progress {
  const byUnit = unitAnnotations(annotations);
  const units = reviewableUnits(tree);
  return { reviewed: units.filter((unit) => isReviewed(byUnit.get(unit.id))).length, total: units.length };
}
