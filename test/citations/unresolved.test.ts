/** Provisions that do not exist are reported with a reason: never dropped, never moved to a neighbour. */
import { describe, expect, it } from 'vitest';
import { cite, IN_CODE } from './fixtures';

describe('unresolvable references', () => {
  it.each([
    ['Article 999', 'the law has no Article 999'],
    ['Annex XIV', 'the law has no Annex XIV'],
    ['recital 500', 'the law has no recital 500'],
    ['Measure 11.1', 'this code has no Measure 11.1'],
  ])('keeps %s with no ids and the reason', (text, reason) => {
    expect(cite(text, IN_CODE)).toEqual([
      {
        text,
        start: 0,
        end: text.length,
        target: text.startsWith('Measure') ? 'self' : 'law',
        external: null,
        ids: [],
        unresolved: [{ text, reason }],
      },
    ]);
  });

  it('resolves Article 53(9) to the article and reports the missing paragraph', () => {
    const [found] = cite('Article 53(9)');
    expect(found?.ids).toEqual(['art_53']);
    expect(found?.unresolved).toEqual([{ text: 'Article 53(9)', reason: 'Article 53 has no paragraph 9' }]);
  });

  it('reports a missing point of an article without paragraphs as a point', () => {
    const [found] = cite('Article 3(99)');
    expect(found?.unresolved).toEqual([{ text: 'Article 3(99)', reason: 'Article 3 has no point (99)' }]);
  });

  it('keeps the part of a range that exists and reports the rest', () => {
    const [found] = cite('Article 55(1), points (a) to (f)');
    expect(found?.ids).toEqual([
      'art_55__para_1__point_a',
      'art_55__para_1__point_b',
      'art_55__para_1__point_c',
      'art_55__para_1__point_d',
    ]);
    expect(found?.unresolved).toEqual([
      { text: 'Article 55(1), point (e)', reason: 'Article 55(1) has no point (e)' },
      { text: 'Article 55(1), point (f)', reason: 'Article 55(1) has no point (f)' },
    ]);
  });

  it('reports a missing subparagraph', () => {
    const [found] = cite('Article 52(1), third subparagraph');
    expect(found?.ids).toEqual(['art_52__para_1']);
    expect(found?.unresolved[0]?.reason).toBe('Article 52(1) has no third subparagraph');
  });

  it('reports a range it cannot expand instead of guessing its middle', () => {
    const [found] = cite('Measures 1.4 to 2.1');
    expect(found?.ids).toEqual(['msr_1.4', 'msr_2.1']);
    expect(found?.unresolved[0]?.reason).toMatch(/^cannot expand the range 1\.4 to 2\.1/);
  });

  it('reports references to Parts and Titles of the law, which have no ids here', () => {
    const [found] = cite('Chapter V of Title II');
    expect(found?.ids).toEqual(['chp_V']);
    expect(found?.unresolved[0]?.reason).toMatch(/Title II cannot be resolved/);
  });
});
