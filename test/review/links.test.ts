import { describe, expect, it } from 'vitest';
import type { LinkRecord } from '../../src/model/review';
import { groupLinks, orderLinks } from '../../src/review/index';

function link(
  target: string,
  status: LinkRecord['status'],
  rank: number | null,
  createdAt = '2025-01-01T00:00:00Z',
): LinkRecord {
  return {
    id: `p|s|${target}`,
    projectId: 'p',
    source: 's',
    target,
    status,
    origin: rank === null ? 'user' : 'machine',
    rank,
    score: rank === null ? null : 1 / rank,
    basis: [],
    evidence: [],
    suggestedStance: null,
    createdAt,
    updatedAt: createdAt,
  };
}

describe('link order', () => {
  it('puts accepted links first, then suggestions by rank, then rejected ones', () => {
    const links = [
      link('r', 'rejected', 1),
      link('s3', 'suggested', 3),
      link('s2', 'suggested', 2),
      link('u', 'accepted', null),
      link('a', 'accepted', 4),
    ];
    expect(orderLinks(links).map((l) => l.target)).toEqual(['a', 'u', 's2', 's3', 'r']);
    expect(links[0]!.target).toBe('r');
  });

  it('keeps user links in the order they were added', () => {
    const links = [
      link('b', 'accepted', null, '2025-01-02T00:00:00Z'),
      link('a', 'accepted', null, '2025-01-01T00:00:00Z'),
    ];
    expect(groupLinks(links).accepted.map((l) => l.target)).toEqual(['a', 'b']);
  });
});
