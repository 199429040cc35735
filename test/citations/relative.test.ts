/**
 * References counted from the unit the text belongs to: `paragraph 1 of this Article`, `point (a)`,
 * `the first subparagraph`. They are read only when the current unit is known.
 */
import { describe, expect, it } from 'vitest';
import { cite, idsOf, IN_ACT, IN_CODE } from './fixtures';

describe('relative references in the act', () => {
  it('reads paragraph 1 of this Article', () => {
    expect(idsOf('paragraph 1 of this Article', IN_ACT, 'art_53__para_3')).toEqual(['art_53__para_1']);
  });

  it('reads paragraph 2 alone inside an article', () => {
    expect(idsOf('paragraph 2', IN_ACT, 'art_53__para_3')).toEqual(['art_53__para_2']);
  });

  it('reads point (a) alone as the point of the nearest enclosing unit that has one', () => {
    expect(idsOf('point (a)', IN_ACT, 'art_53__para_1')).toEqual(['art_53__para_1__point_a']);
    expect(idsOf('point (a)', IN_ACT, 'art_53__para_1__point_c')).toEqual(['art_53__para_1__point_a']);
    expect(idsOf('point (i)', IN_ACT, 'art_53__para_1__point_b__point_ii')).toEqual([
      'art_53__para_1__point_b__point_i',
    ]);
  });

  it('reads points (a) and (b)', () => {
    expect(idsOf('points (a) and (b)', IN_ACT, 'art_53__para_1__point_d')).toEqual([
      'art_53__para_1__point_a',
      'art_53__para_1__point_b',
    ]);
  });

  it('reads this Article', () => {
    expect(idsOf('this Article', IN_ACT, 'art_53__para_1__point_d')).toEqual(['art_53']);
  });

  it('reads the first subparagraph as the paragraph the current subparagraph belongs to', () => {
    expect(idsOf('the first subparagraph', IN_ACT, 'art_52__para_1__subpara_2')).toEqual(['art_52__para_1']);
    const [found] = cite('The second subparagraph shall apply', IN_ACT, 'art_52__para_1');
    expect(found).toMatchObject({ text: 'The second subparagraph', ids: ['art_52__para_1__subpara_2'] });
  });

  it('reads the first subparagraph of an article without numbered paragraphs', () => {
    expect(idsOf('the first subparagraph', IN_ACT, 'art_113__subpara_3__point_b')).toEqual(['art_113']);
  });

  it('reads paragraph 1, first subparagraph, point (h), of this Article', () => {
    expect(
      idsOf('paragraph 1, first subparagraph, point (h), of this Article', IN_ACT, 'art_5__para_1'),
    ).toEqual(['art_5__para_1__point_h']);
  });

  it('reads a relative reference in a code as the code’s', () => {
    const [found] = cite('taking into account the results of point (1)', IN_CODE, 'msr_1.2__point_2');
    expect(found).toMatchObject({ target: 'self', ids: ['msr_1.2__point_1'] });
  });

  it('stays within the current list: point (1) in a later list of a measure', () => {
    expect(idsOf('point (1)', IN_CODE, 'msr_1.2__subpara_3__point_4')).toEqual([
      'msr_1.2__subpara_3__point_1',
    ]);
  });

  it('reads the first paragraph of a measure as the measure, whose text it is', () => {
    expect(idsOf('the first paragraph', IN_CODE, 'msr_1.2__point_2')).toEqual(['msr_1.2']);
  });
});

describe('relative references that cannot be resolved', () => {
  it('ignores relative forms when the current unit is not given', () => {
    expect(cite('point (a)', IN_ACT)).toEqual([]);
    expect(cite('paragraph 1 of this Article', IN_ACT)).toEqual([]);
    expect(cite('this Article and the first subparagraph', IN_ACT)).toEqual([]);
  });

  it('reports a point that no enclosing unit has, without moving to a neighbour', () => {
    const [found] = cite('point (x)', IN_ACT, 'art_53__para_1__point_a');
    expect(found?.ids).toEqual([]);
    expect(found?.unresolved[0]?.reason).toBe('there is no point (x) in or around Article 53(1), point (a)');
  });

  it('reports paragraph 2 outside an article', () => {
    const [found] = cite('paragraph 2', IN_ACT, 'rec_4');
    expect(found?.ids).toEqual([]);
    expect(found?.unresolved[0]?.reason).toBe(
      'paragraph 2 is counted within an article, and recital 4 is not in one',
    );
  });

  it('reports points counted in a paragraph named by its position', () => {
    const [found] = cite('points (1), (2), and (3) in the preceding paragraph', IN_CODE, 'msr_3.5');
    expect(found?.text).toBe('points (1), (2), and (3) in the preceding paragraph');
    expect(found?.ids).toEqual([]);
    expect(found?.unresolved).toHaveLength(1);
  });

  it('reports this Section when the id does not say which section', () => {
    const [found] = cite('the requirements set out in this Section', IN_ACT, 'art_9__para_1');
    expect(found?.ids).toEqual([]);
    expect(found?.unresolved).toHaveLength(1);
  });
});

describe('reasons for relative references', () => {
  it('says why this Article cannot be resolved outside an article', () => {
    const [found] = cite('this Article', IN_ACT, 'anx_III__point_5');
    expect(found?.unresolved[0]?.reason).toBe(
      'the text is not inside an Article whose id records it (it is in Annex III, point 5)',
    );
  });
});
