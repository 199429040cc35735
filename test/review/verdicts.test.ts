import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/model/review';
import { spotKey, verdictsBySpot } from '../../src/review/index';

function verdict(id: string, author: string, updatedAt: string, target: string | null = null): Annotation {
  return {
    id,
    projectId: 'p',
    source: 'msr_1.1',
    target,
    quote: { exact: '', prefix: '', suffix: '' },
    stance: 'expands',
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale: '',
    tags: [],
    status: 'draft',
    author,
    fromSuggestion: false,
    createdAt: updatedAt,
    updatedAt,
  };
}

describe('verdicts by unit and link', () => {
  const annotations = [
    verdict('ben', 'Ben', '2025-01-03'),
    verdict('ana', 'Ana', '2025-01-01'),
    verdict('ana-link', 'Ana', '2025-01-02', 'art_1'),
  ];

  it("gives the user their own verdict to edit, even when a colleague's is newer", () => {
    const unit = verdictsBySpot(annotations, 'Ana').get(spotKey('msr_1.1', null));
    expect(unit?.mine?.id).toBe('ana');
    expect(unit?.others.map((a) => a.id)).toEqual(['ben']);
    expect(unit?.shown?.id).toBe('ana');
  });

  it("shows a colleague's verdict, read-only, where the user has none", () => {
    const unit = verdictsBySpot(annotations, 'Cleo').get(spotKey('msr_1.1', null));
    expect(unit?.mine).toBeUndefined();
    expect(unit?.shown?.id).toBe('ben');
  });

  it('keeps units and links apart', () => {
    const spots = verdictsBySpot(annotations, 'Ana');
    expect(spots.get(spotKey('msr_1.1', 'art_1'))?.mine?.id).toBe('ana-link');
    expect(spots.size).toBe(2);
  });
});

describe('verdicts written before the user named themselves', () => {
  it('are the user’s own to edit', () => {
    const spots = verdictsBySpot([verdict('old', '', '2025-01-01')], 'Ana');
    expect(spots.get(spotKey('msr_1.1', null))?.mine?.id).toBe('old');
  });
});
