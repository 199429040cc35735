/** The order links are shown and exported in: the user's accepted links, then open suggestions, then rejected ones. */
import type { LinkRecord, LinkStatus } from '../model/review';

const STATUS_ORDER: Readonly<Record<LinkStatus, number>> = { accepted: 0, suggested: 1, rejected: 2 };

function byRank(a: LinkRecord, b: LinkRecord): number {
  // User-added links have no rank: they keep the order they were added in, after ranked ones.
  const rank = (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER);
  if (rank !== 0) return rank;
  const score = (b.score ?? 0) - (a.score ?? 0);
  return score !== 0 ? score : a.createdAt.localeCompare(b.createdAt) || a.target.localeCompare(b.target);
}

/** Accepted first, then suggestions by rank, then rejected; a new array. */
export function orderLinks(links: readonly LinkRecord[]): LinkRecord[] {
  return [...links].sort((a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byRank(a, b));
}

/** Links of one code unit, grouped by status, each group ordered. */
export function groupLinks(links: readonly LinkRecord[]): Record<LinkStatus, LinkRecord[]> {
  const out: Record<LinkStatus, LinkRecord[]> = { accepted: [], suggested: [], rejected: [] };
  for (const link of orderLinks(links)) out[link.status].push(link);
  return out;
}
