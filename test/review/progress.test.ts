import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/model/review';
import { isReviewed, reviewableUnits, reviewProgress, unitAnnotations } from '../../src/review/index';
import { MINI_CODE } from '../support/trees';

function verdict(
  source: string,
  status: Annotation['status'],
  updatedAt = '2025-01-01T00:00:00Z',
  target: string | null = null,
): Annotation {
  return {
    id: `${source}-${target}-${updatedAt}`,
    projectId: 'p',
    source,
    target,
    quote: { exact: '', prefix: '', suffix: '' },
    stance: 'clarifies',
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status,
    author: 'a',
    fromSuggestion: false,
    createdAt: updatedAt,
    updatedAt,
  };
}

describe('review progress', () => {
  const units = reviewableUnits(MINI_CODE);

  it('counts commitments and measures only', () => {
    expect(units.length).toBeGreaterThan(0);
    expect(units.every((u) => u.type === 'commitment' || u.type === 'measure')).toBe(true);
  });

  it('counts reviewed and disputed units, not drafts nor link verdicts', () => {
    const [a, b, c] = units;
    const annotations = [
      verdict(a!.id, 'reviewed'),
      verdict(b!.id, 'draft'),
      verdict(c!.id, 'disputed'),
      verdict(b!.id, 'reviewed', '2025-01-01T00:00:00Z', 'art_1'),
    ];
    expect(reviewProgress(MINI_CODE, annotations)).toEqual({ reviewed: 2, total: units.length });
  });

  it('lets the latest of two verdicts on a unit speak for it', () => {
    const id = units[0]!.id;
    const map = unitAnnotations([
      verdict(id, 'reviewed', '2025-01-02T00:00:00Z'),
      verdict(id, 'draft', '2025-01-01T00:00:00Z'),
    ]);
    expect(isReviewed(map.get(id))).toBe(true);
  });
});
