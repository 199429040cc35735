/** References a code of practice makes to itself: Measures, Commitments, Appendices, its recitals. */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../src/citations';
import { cite, idsOf, IN_ACT, IN_CODE } from './fixtures';

describe('the code’s own units', () => {
  it('reads Measure 1.2', () => {
    expect(cite('Measure 1.2')[0]).toMatchObject({ target: 'self', ids: ['msr_1.2'] });
  });

  it('reads Measures 1.1 to 1.3 as a range', () => {
    expect(idsOf('Measures 1.1 to 1.3')).toEqual(['msr_1.1', 'msr_1.2', 'msr_1.3']);
  });

  it('reads Commitment 4 and Commitments 5 and 6', () => {
    expect(idsOf('Commitment 4')).toEqual(['cmt_4']);
    expect(idsOf('Commitments 5 and 6')).toEqual(['cmt_5', 'cmt_6']);
  });

  it('reads Commitments 1 and 7 to 10', () => {
    expect(idsOf('Commitments 1 and 7 to 10')).toEqual(['cmt_1', 'cmt_7', 'cmt_8', 'cmt_9', 'cmt_10']);
  });

  it('reads Appendix 3.2 and Appendices 4.1 to 4.5', () => {
    expect(idsOf('Appendix 3.2')).toEqual(['app_3.2']);
    expect(idsOf('Appendices 4.1 to 4.5')).toEqual(['app_4.1', 'app_4.2', 'app_4.3', 'app_4.4', 'app_4.5']);
  });

  it('reads draft numbering: Commitment II.1 and Measure II.1.2', () => {
    expect(idsOf('Commitment II.1 and Measure II.1.2')).toEqual(['cmt_II.1', 'msr_II.1.2']);
  });

  it('reads recital (c) as the code’s own recital', () => {
    expect(cite('recital (c)')[0]).toMatchObject({ target: 'self', ids: ['rec_c'] });
  });

  it('reads points of a measure: Measure 1.1, point (2)(c) and points (1) to (7) of Measure 9.2', () => {
    expect(idsOf('Measure 1.1, point (2)(c)')).toEqual(['msr_1.1__point_2__point_c']);
    expect(idsOf('points (1) to (7) of Measure 9.2')).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((n) => `msr_9.2__point_${n}`),
    );
  });

  it('does not read Measure, Commitment or Appendix in an act, which has none', () => {
    expect(cite('Measure 1.2 and Appendix 3', IN_ACT)).toEqual([]);
  });

  it('does not read the Glossary as a reference', () => {
    expect(cite('as defined in the Glossary')).toEqual([]);
    expect(cite('Glossary')).toEqual([]);
  });
});

describe('paragraphs of a measure', () => {
  it('reads Measure 1.2, second paragraph, point (1)(a) as the first list when it is in that paragraph', () => {
    expect(idsOf('Measure 1.2, second paragraph, point (1)(a)')).toEqual(['msr_1.2__point_1__point_a']);
  });

  it('reads a later list of points by its paragraph: Measure 1.2, third paragraph, point (1)', () => {
    expect(idsOf('Measure 1.2, third paragraph, point (1)')).toEqual(['msr_1.2__subpara_3__point_1']);
  });

  it('prefers the paragraph’s own list where both exist', () => {
    const self = new Set(['msr_1.2', 'msr_1.2__point_1', 'msr_1.2__subpara_2__point_1']);
    const [found] = findCitations('Measure 1.2, second paragraph, point (1)', { ...IN_CODE, self });
    expect(found?.ids).toEqual(['msr_1.2__subpara_2__point_1']);
  });

  it('does not take the first list for a paragraph after a later list', () => {
    // Measure 3.5 has its first list, then lists in its third and fourth paragraphs: a list in its
    // seventh paragraph cannot be the first one.
    const [found] = cite('Measure 3.5, seventh paragraph, point (1)');
    expect(found?.ids).toEqual(['msr_3.5']);
    expect(found?.unresolved).toHaveLength(1);
  });

  it('resolves as far as the ids allow and reports the rest', () => {
    const self = new Set(['msr_1.2']);
    const [found] = findCitations('Measure 1.2, second paragraph, point (1)(a)', { ...IN_CODE, self });
    expect(found?.ids).toEqual(['msr_1.2']);
    expect(found?.unresolved).toEqual([
      { text: 'Measure 1.2, second paragraph, point (1)(a)', reason: 'Measure 1.2 has no point (1)' },
    ]);
  });

  it('reads a paragraph with no list of its own as the measure, whose text it is', () => {
    expect(idsOf('Measure 1.2, third paragraph')).toEqual(['msr_1.2']);
    expect(idsOf('Measure 7.6, first and third paragraph')).toEqual(['msr_7.6']);
  });

  it('reads Appendix 3.5, first paragraph, points (1) or (2)', () => {
    expect(idsOf('Appendix 3.5, first paragraph, points (1) or (2)')).toEqual([
      'app_3.5__point_1',
      'app_3.5__point_2',
    ]);
  });

  it('applies a suffix after a range to every item of it: Appendices 4.1 to 4.2, point (1)', () => {
    const [found] = cite('Appendices 4.1 to 4.2, point (1)');
    expect(found?.ids).toEqual(['app_4.1__point_1', 'app_4.2']);
    expect(found?.unresolved.map((u) => u.reason)).toEqual(['Appendix 4.2 has no point (1)']);
  });
});

describe('this Measure, this Commitment', () => {
  it('reads this Commitment inside a measure as the measure’s commitment', () => {
    expect(idsOf('this Commitment', IN_CODE, 'msr_3.4')).toEqual(['cmt_3']);
    expect(idsOf('this Commitment', IN_CODE, 'msr_II.1.2')).toEqual(['cmt_II.1']);
  });

  it('reads this Measure and this Appendix 3.5', () => {
    expect(idsOf('this Measure', IN_CODE, 'msr_1.2__point_1__point_b')).toEqual(['msr_1.2']);
    expect(idsOf('this Appendix 3.5', IN_CODE, 'app_3.5__point_2')).toEqual(['app_3.5']);
  });
});
