/**
 * Whose verdict the workspace edits. After a bundle from a colleague is merged, one unit (or link)
 * can carry verdicts by several people: the user edits their own, and sees the others beside it,
 * never silently editing a colleague's record in their name.
 */
import type { Annotation } from '../model/review';

export interface SpotVerdicts {
  /** The current author's verdict here (the latest, if there are several), else an unnamed one. */
  readonly mine: Annotation | undefined;
  /** Everyone else's, latest first. */
  readonly others: readonly Annotation[];
  /** What a badge shows: mine, else the latest of the others. */
  readonly shown: Annotation | undefined;
}

/** The key of a unit (`target` null) or of one of its links. */
export function spotKey(source: string, target: string | null): string {
  return `${source}\u0000${target ?? ''}`;
}

/** Verdicts grouped by unit and link, split into the current author's and the others'. */
export function verdictsBySpot(
  annotations: readonly Annotation[],
  author: string,
): Map<string, SpotVerdicts> {
  const groups = new Map<string, Annotation[]>();
  for (const annotation of annotations) {
    const key = spotKey(annotation.source, annotation.target);
    const list = groups.get(key);
    if (list) list.push(annotation);
    else groups.set(key, [annotation]);
  }
  const out = new Map<string, SpotVerdicts>();
  for (const [key, list] of groups) {
    const sorted = [...list].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
    // Verdicts written before the user gave their name (author '') are theirs too.
    const mine = sorted.find((a) => a.author === author) ?? sorted.find((a) => a.author === '');
    const others = sorted.filter((a) => a !== mine);
    out.set(key, { mine, others, shown: mine ?? others[0] });
  }
  return out;
}
