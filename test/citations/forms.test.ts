/**
 * Every form of reference the linker must read in a code or in the act, one test each, resolved
 * against the small law of fixtures.ts.
 */
import { describe, expect, it } from 'vitest';
import { cite, idsOf, IN_ACT } from './fixtures';

describe('articles, paragraphs and points', () => {
  it('reads Article 53', () => {
    expect(idsOf('Article 53')).toEqual(['art_53']);
  });

  it('reads Article 53(1) as a paragraph', () => {
    expect(idsOf('Article 53(1)')).toEqual(['art_53__para_1']);
  });

  it('reads Article 53(1)(a) as a point of the paragraph', () => {
    expect(idsOf('Article 53(1)(a)')).toEqual(['art_53__para_1__point_a']);
  });

  it('reads Article 53(1), point (a) the same way', () => {
    expect(idsOf('Article 53(1), point (a)')).toEqual(['art_53__para_1__point_a']);
  });

  it('reads a sub-point: Article 53(1)(b)(ii)', () => {
    expect(idsOf('Article 53(1)(b)(ii)')).toEqual(['art_53__para_1__point_b__point_ii']);
  });

  it('reads points (a) and (b) of Article 53(1) as two ids, innermost written first', () => {
    expect(idsOf('points (a) and (b) of Article 53(1)')).toEqual([
      'art_53__para_1__point_a',
      'art_53__para_1__point_b',
    ]);
  });

  it('reads Article 53(1), points (a) and (b)', () => {
    expect(idsOf('Article 53(1), points (a) and (b)')).toEqual([
      'art_53__para_1__point_a',
      'art_53__para_1__point_b',
    ]);
  });

  it('reads Articles 53 and 55', () => {
    expect(idsOf('Articles 53 and 55')).toEqual(['art_53', 'art_55']);
  });

  it('reads Articles 53(1)(a) and 55(1), each number with its own brackets', () => {
    expect(idsOf('Articles 53(1)(a) and 55(1)')).toEqual(['art_53__para_1__point_a', 'art_55__para_1']);
  });

  it('expands a range of letters: Article 55(1), points (a) to (d)', () => {
    expect(idsOf('Article 55(1), points (a) to (d)')).toEqual([
      'art_55__para_1__point_a',
      'art_55__para_1__point_b',
      'art_55__para_1__point_c',
      'art_55__para_1__point_d',
    ]);
  });

  it('expands a range of roman numerals: Article 53(1)(b), points (i) to (ii)', () => {
    expect(idsOf('Article 53(1)(b), points (i) to (ii)')).toEqual([
      'art_53__para_1__point_b__point_i',
      'art_53__para_1__point_b__point_ii',
    ]);
  });

  it('expands a range of articles: Articles 8 to 15', () => {
    expect(idsOf('Articles 8 to 15')).toEqual([
      'art_8',
      'art_9',
      'art_10',
      'art_11',
      'art_12',
      'art_13',
      'art_14',
      'art_15',
    ]);
  });

  it('continues a bracketed list at the level that counts the same way: Article 53(1)(a) and (b)', () => {
    expect(idsOf('Article 53(1)(a) and (b)')).toEqual(['art_53__para_1__point_a', 'art_53__para_1__point_b']);
    expect(idsOf('Article 53(1) and (2)')).toEqual(['art_53__para_1', 'art_53__para_2']);
  });

  it('reads Article 52(1), second subparagraph', () => {
    expect(idsOf('Article 52(1), second subparagraph')).toEqual(['art_52__para_1__subpara_2']);
  });

  it('reads the first subparagraph as the paragraph itself', () => {
    expect(idsOf('Article 52(1), first subparagraph')).toEqual(['art_52__para_1']);
  });

  it('reads Article 5(1), first subparagraph, point (h)', () => {
    expect(idsOf('Article 5(1), first subparagraph, point (h)')).toEqual(['art_5__para_1__point_h']);
  });

  it('reads point (h) of the first subparagraph of Article 5(1)', () => {
    expect(idsOf('point (h) of the first subparagraph of Article 5(1)')).toEqual(['art_5__para_1__point_h']);
  });

  it('reads Article 3(65) as a point, because Article 3 has points and no paragraphs', () => {
    expect(idsOf('Article 3(65)')).toEqual(['art_3__point_65']);
  });

  it('reads Article 3, point (65) the same way', () => {
    expect(idsOf('Article 3, point (65)')).toEqual(['art_3__point_65']);
  });

  it('reads Article 113(3) as the third of its unnumbered paragraphs', () => {
    expect(idsOf('Article 113(3), point (a)')).toEqual(['art_113__subpara_3__point_a']);
    expect(idsOf('Article 113, third subparagraph, point (a)')).toEqual(['art_113__subpara_3__point_a']);
  });
});

describe('annexes, chapters and recitals', () => {
  it('reads Annex XI', () => {
    expect(idsOf('Annex XI')).toEqual(['anx_XI']);
  });

  it('reads Annex XI, Section 2', () => {
    expect(idsOf('Annex XI, Section 2')).toEqual(['anx_XI__sec_2']);
  });

  it('reads Annexes XI and XII', () => {
    expect(idsOf('Annexes XI and XII')).toEqual(['anx_XI', 'anx_XII']);
  });

  it('reads an annex point and its sub-points: points 5(b) and (c) of Annex III', () => {
    expect(idsOf('points 5(b) and (c) of Annex III')).toEqual([
      'anx_III__point_5__point_b',
      'anx_III__point_5__point_c',
    ]);
    // As Article 12(3) prints it: a space before the bracket, a comma before `of`.
    expect(idsOf('point 5 (b), of Annex III', IN_ACT)).toEqual(['anx_III__point_5__point_b']);
  });

  it('finds a point of an annex numbered through its sections: point 14 of Annex I', () => {
    expect(idsOf('point 14 of Annex I')).toEqual(['anx_I__sec_B__point_14']);
  });

  it('finds the one section whose point has the whole reference: points 2(d) and (e) of Annex XI', () => {
    expect(idsOf('points 2(d) and (e) of Annex XI')).toEqual([
      'anx_XI__sec_1__point_2__point_d',
      'anx_XI__sec_1__point_2__point_e',
    ]);
  });

  it('does not pick a section when two have the point: point 2 of Annex XI', () => {
    const [found] = cite('point 2 of Annex XI');
    expect(found?.ids).toEqual(['anx_XI']);
    expect(found?.unresolved).toEqual([
      { text: 'Annex XI, point 2', reason: 'Annex XI has a point 2 in more than one Section' },
    ]);
  });

  it('reads Section A of Annex I', () => {
    expect(idsOf('Section A of Annex I')).toEqual(['anx_I__sec_A']);
  });

  it('reads Chapter V, Section 2 and Section 2 of Chapter V', () => {
    expect(idsOf('Chapter V, Section 2')).toEqual(['chp_V__sec_2']);
    expect(idsOf('Section 2 of Chapter V')).toEqual(['chp_V__sec_2']);
  });

  it('reads recital 110', () => {
    expect(idsOf('recital 110')).toEqual(['rec_110']);
  });

  it('reads recitals 110, 114, and 115 with an Oxford comma', () => {
    expect(idsOf('recitals 110, 114, and 115')).toEqual(['rec_110', 'rec_114', 'rec_115']);
  });

  it('reads recitals 110 to 112 as a range', () => {
    expect(idsOf('recitals 110 to 112')).toEqual(['rec_110', 'rec_111', 'rec_112']);
  });
});

describe('the citation keeps the reference as written', () => {
  it('records the exact text and offsets', () => {
    const text = 'as set out in Article 55(1), points (a) to (d), the provider shall';
    const [found] = cite(text);
    expect(found?.text).toBe('Article 55(1), points (a) to (d)');
    expect(found && text.slice(found.start, found.end)).toBe(found?.text);
  });

  it('returns citations in order of appearance', () => {
    const found = cite('Annex XI applies, then Article 53, then recital 110.');
    expect(found.map((c) => c.text)).toEqual(['Annex XI', 'Article 53', 'recital 110']);
  });
});
