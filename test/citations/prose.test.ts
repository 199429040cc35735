/** Ordinary prose uses `article`, `point`, `paragraph` too: only numbered or lettered forms are citations. */
import { describe, expect, it } from 'vitest';
import { cite, IN_ACT, IN_CODE } from './fixtures';

const PROSE = [
  'at this point in time, the provider shall act',
  'a newspaper article on the AI Office',
  'the paragraph above explains the approach',
  'points of contact shall be designated',
  'the first time a model is placed on the market',
  'at the relevant points along the entire model lifecycle',
  'in the first place, and in the second place',
  'the article was published on 2 August 2025',
  'this Chapter forms part of other Union laws',
  'the Glossary for this Chapter',
  'Articles of association and annexed documents',
  'see the following paragraph and the preceding paragraphs',
  'the first sentence of the opinion',
];

describe('prose is not cited', () => {
  it.each(PROSE)('finds nothing in "%s", even knowing the current unit', (text) => {
    expect(cite(text, IN_CODE, 'msr_1.2__point_1')).toEqual([]);
    expect(cite(text, IN_ACT, 'art_53__para_1')).toEqual([]);
  });

  it('does not read lower-case article or annex as headings of references', () => {
    expect(cite('the article 53 of the statute and annex 2', IN_ACT)).toEqual([]);
  });

  it('does not read a date after a list of articles as a further article', () => {
    const [found] = cite('Articles 8 to 10, 2 August 2026', IN_ACT);
    expect(found?.text).toBe('Articles 8 to 10');
  });

  it('stops a reference before a sentence-final full stop', () => {
    const [found] = cite('as specified in Measure 1.3.', IN_CODE);
    expect(found?.text).toBe('Measure 1.3');
  });
});
