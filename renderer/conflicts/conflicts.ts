/**
 * What the Conflicts screen lists, from a project's stored data: verdicts that disagree (not yet
 * settled by "Keep mine") and notes whose place is gone from the project's documents, and where a
 * note the user re-attaches by citation would go. Pure functions, so the screen, the workspace's
 * count and the tests agree on one answer.
 */
import { formatCitation, resolveQuery } from '../../src/citations/index';
import type { ClauseTree } from '../../src/model/clause';
import type { Annotation } from '../../src/model/review';
import { findConflicts, type VerdictConflict } from '../../src/review/conflicts';
import { orphanAnnotations } from '../../src/review/anchor';
import type { Resolution } from '../db';

export interface ProjectConflicts {
  readonly conflicts: readonly VerdictConflict[];
  readonly orphans: readonly Annotation[];
}

/** The spot a "Keep mine" settled, from its record's id (`${projectId}|${spot}`). */
function settledSpots(projectId: string, resolutions: readonly Resolution[]): Map<string, string> {
  const prefix = `${projectId}|`;
  const out = new Map<string, string>();
  for (const r of resolutions) if (r.id.startsWith(prefix)) out.set(r.id.slice(prefix.length), r.signature);
  return out;
}

/**
 * Conflicts in the code's order, and orphans. A conflict on a spot that is itself gone is left to
 * the orphan list: it can only be settled once its notes have a place again.
 */
export function projectConflicts(
  projectId: string,
  annotations: readonly Annotation[],
  author: string,
  resolutions: readonly Resolution[],
  code: ClauseTree,
  law: ClauseTree,
): ProjectConflicts {
  const codeIds = new Set<string>(code.units.map((unit) => unit.id));
  const lawIds = new Set<string>(law.units.map((unit) => unit.id));
  const order = code.units.map((unit) => unit.id);
  const conflicts = findConflicts(annotations, author, settledSpots(projectId, resolutions), order).filter(
    (c) => codeIds.has(c.source) && (c.target === null || lawIds.has(c.target)),
  );
  return { conflicts, orphans: orphanAnnotations(annotations, code, law) };
}

/** `Measure 9.3`, or `Measure 9.3 → Article 55(1), point (c)` for a verdict on a link. */
export function spotCitation(source: string, target: string | null): string {
  return target === null ? formatCitation(source) : `${formatCitation(source)} → ${formatCitation(target)}`;
}

/** Who wrote a verdict, for labels. */
export function authorName(annotation: Annotation): string {
  return annotation.author.trim() === '' ? 'an unnamed colleague' : annotation.author;
}

/** Written by the user: under their name, or before they gave one (as `verdictsBySpot` counts it). */
export function isOwn(annotation: Annotation, author: string): boolean {
  return annotation.author === author || annotation.author.trim() === '';
}

export type ReattachPlan =
  | { readonly ok: false; readonly error: string }
  | {
      readonly ok: true;
      readonly source: string;
      readonly target: string | null;
      /** What the move means, said before the user confirms it. */
      readonly notes: readonly string[];
    };

const ASK = 'Type a commitment or measure of the code, e.g. "Measure 9.4" or "Commitment 2".';

/**
 * Where a note that lost its place goes when the user types `text` (a citation of a code unit):
 * that unit, keeping its law provision when the law still has it, else as a note on the unit itself.
 */
export function planReattach(
  orphan: Annotation,
  text: string,
  code: ClauseTree,
  law: ClauseTree,
  annotations: readonly Annotation[],
  author: string,
): ReattachPlan {
  if (text.trim() === '') return { ok: false, error: ASK };
  const codeIds = new Set<string>(code.units.map((unit) => unit.id));
  const lawIds = new Set<string>(law.units.map((unit) => unit.id));
  const resolution = resolveQuery(text, lawIds, codeIds);
  if (resolution === null || resolution.target !== 'code') return { ok: false, error: ASK };
  const [source, ...more] = resolution.ids;
  if (source === undefined) {
    const reasons = resolution.unresolved.map((u) => u.reason).join('; ');
    return { ok: false, error: reasons === '' ? `Nothing in the code matches "${text.trim()}".` : reasons };
  }
  if (more.length > 0)
    return {
      ok: false,
      error: `"${text.trim()}" names ${resolution.ids.length} units (${resolution.ids.map(formatCitation).join(', ')}). Name one.`,
    };
  const targetGone = orphan.target !== null && !lawIds.has(orphan.target);
  const target = targetGone ? null : orphan.target;
  if (source === orphan.source && target === orphan.target)
    return { ok: false, error: `The note is already on ${spotCitation(source, target)}.` };

  const notes: string[] = [];
  if (orphan.target !== null && targetGone)
    notes.push(
      `Its law provision, ${formatCitation(orphan.target)}, is not in the law either, so it becomes a note on ${formatCitation(source)} itself.`,
    );
  else if (target !== null)
    notes.push(`It stays a verdict on the link to ${formatCitation(target)}, which is added if missing.`);
  const there = annotations.filter((a) => a.id !== orphan.id && a.source === source && a.target === target);
  const [only] = there;
  if (only !== undefined) {
    const whose =
      there.length > 1
        ? `${there.length} verdicts`
        : isOwn(only, author)
          ? 'your verdict'
          : `a verdict by ${authorName(only)}`;
    notes.push(
      `${spotCitation(source, target)} already has ${whose}; all are kept, and any that disagree are listed here as a conflict.`,
    );
  }
  return { ok: true, source, target, notes };
}
