/**
 * Conflicts between reviewers: after a colleague's bundle is merged, a unit or link can carry
 * verdicts that disagree (a different stance or NIST relationship). Both are kept; this lists them
 * for the conflict view, where the user adopts the other verdict or keeps their own. Keeping one's
 * own is remembered with the verdicts it was between, so the conflict returns if either changes.
 */
import type { Annotation } from '../model/review';
import { verdictsBySpot } from './verdicts';

export interface VerdictConflict {
  /** `spotKey` of the unit or link. */
  readonly spot: string;
  readonly source: string;
  readonly target: string | null;
  /** The user's verdict here, if they wrote one. */
  readonly mine: Annotation | undefined;
  /** The others' verdicts, latest first. */
  readonly others: readonly Annotation[];
  /** The verdicts in conflict as `id@updatedAt`, sorted: what a "keep mine" settles. */
  readonly signature: string;
}

/** What a verdict says that can conflict: its stance and its relationship. */
function position(a: Annotation): string | null {
  if (a.stance === null && a.relationship === null) return null;
  return `${a.stance ?? ''}|${a.relationship ?? ''}`;
}

export function conflictSignature(verdicts: readonly Annotation[]): string {
  return verdicts
    .map((a) => `${a.id}@${a.updatedAt}`)
    .sort()
    .join(',');
}

/**
 * The spots where verdicts disagree, in the order of `order` (clause ids in document order; spots
 * on ids not in it come last), leaving out those settled (`settled`: spot → signature) as they are.
 */
export function findConflicts(
  annotations: readonly Annotation[],
  author: string,
  settled: ReadonlyMap<string, string>,
  order: readonly string[] = [],
): VerdictConflict[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const out: VerdictConflict[] = [];
  for (const [spot, verdicts] of verdictsBySpot(annotations, author)) {
    const all = verdicts.mine === undefined ? [...verdicts.others] : [verdicts.mine, ...verdicts.others];
    if (all.length < 2) continue;
    const positions = new Set(all.map(position).filter((p): p is string => p !== null));
    if (positions.size < 2) continue;
    const signature = conflictSignature(all);
    if (settled.get(spot) === signature) continue;
    const first = all[0];
    if (first === undefined) continue;
    out.push({
      spot,
      source: first.source,
      target: first.target,
      mine: verdicts.mine,
      others: verdicts.others,
      signature,
    });
  }
  const at = (c: VerdictConflict): number => rank.get(c.source) ?? Number.MAX_SAFE_INTEGER;
  return out.sort(
    (a, b) =>
      at(a) - at(b) || a.source.localeCompare(b.source) || (a.target ?? '').localeCompare(b.target ?? ''),
  );
}
