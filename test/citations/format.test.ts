/** Clause ids back into the words EU texts cite them with. */
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../src/citations';

describe('formatCitation', () => {
  it.each([
    ['art_53', 'Article 53'],
    ['art_53__para_1', 'Article 53(1)'],
    ['art_55__para_1__point_c', 'Article 55(1), point (c)'],
    ['art_53__para_1__point_b__point_ii', 'Article 53(1), point (b)(ii)'],
    ['art_3__point_65', 'Article 3, point (65)'],
    ['art_52__para_1__subpara_2', 'Article 52(1), second subparagraph'],
    ['art_113__subpara_3__point_a', 'Article 113, third subparagraph, point (a)'],
    ['rec_110', 'recital 110'],
    ['chp_V', 'Chapter V'],
    ['chp_V__sec_2', 'Chapter V, Section 2'],
    ['anx_XI', 'Annex XI'],
    ['anx_XI__sec_2', 'Annex XI, Section 2'],
    ['anx_XI__sec_1__point_1', 'Annex XI, Section 1, point 1'],
    ['anx_III__point_1__point_a', 'Annex III, point 1(a)'],
    ['anx_VII__subpara_22', 'Annex VII, twenty-second subparagraph'],
    ['anx_II__indent_3', 'Annex II, third indent'],
    ['msr_1.2', 'Measure 1.2'],
    ['msr_1.1__point_2__point_a', 'Measure 1.1, point (2)(a)'],
    ['msr_1.2__subpara_3__point_1', 'Measure 1.2, third paragraph, point (1)'],
    ['msr_II.1.2', 'Measure II.1.2'],
    ['cmt_4', 'Commitment 4'],
    ['cmt_II.1', 'Commitment II.1'],
    ['app_3.2', 'Appendix 3.2'],
    ['rec_c', 'recital (c)'],
    ['gls', 'Glossary'],
    ['obj_A', 'Objective A'],
  ])('formats %s as "%s"', (id, text) => {
    expect(formatCitation(id)).toBe(text);
  });

  it('gives back an id of no known shape unchanged rather than inventing words', () => {
    expect(formatCitation('h_3')).toBe('h_3');
    expect(formatCitation('art_5__weird_2')).toBe('art_5__weird_2');
    expect(formatCitation('')).toBe('');
  });
});
