/**
 * Which document a reference points into: the law, the text's own document, or another act, decided
 * from the words around it (`AI Act`, `of Directive (EU) 2019/790`, `TFEU`, `thereof`).
 */
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../src/citations';
import { cite, idsOf, IN_ACT, IN_CODE } from './fixtures';

describe('the law and the document itself', () => {
  it('reads an unqualified Article in a code as the law’s: codes have no articles', () => {
    expect(cite('Article 53')[0]).toMatchObject({ target: 'law', external: null, ids: ['art_53'] });
  });

  it('reads an unqualified Article in the act as the act’s own', () => {
    expect(cite('Article 53', IN_ACT)[0]).toMatchObject({ target: 'self', ids: ['art_53'] });
  });

  it.each(['Article 53 AI Act', 'Article 53 of the AI Act', 'Article 53 of this Regulation'])(
    'reads "%s" as the law in a code and as itself in the act',
    (text) => {
      expect(cite(text)[0]).toMatchObject({ text, target: 'law', ids: ['art_53'] });
      expect(cite(text, IN_ACT)[0]).toMatchObject({ text, target: 'self', ids: ['art_53'] });
    },
  );

  it('reads the AI Act by its number as the law', () => {
    expect(cite('Article 53 of Regulation (EU) 2024/1689')[0]).toMatchObject({
      target: 'law',
      ids: ['art_53'],
    });
  });

  it('reads a code’s own lettered recital as the code’s and a numbered one as the law’s', () => {
    expect(cite('recital (c)')[0]).toMatchObject({ target: 'self', ids: ['rec_c'] });
    expect(cite('recital 110')[0]).toMatchObject({ target: 'law', ids: ['rec_110'] });
  });

  it('uses the ids given, not built-in knowledge of the AI Act', () => {
    const law = new Set(['art_1']);
    const found = findCitations('Article 53 AI Act', { law, self: new Set(), selfKind: 'code' });
    expect(found[0]?.ids).toEqual([]);
    expect(found[0]?.unresolved).toHaveLength(1);
  });
});

describe('other acts', () => {
  it.each([
    ['Article 4(3) of Directive (EU) 2019/790', 'Directive (EU) 2019/790'],
    ['Article 6(1) of Regulation (EU) 2016/679', 'Regulation (EU) 2016/679'],
    ['Article 5(3) of Directive 2002/58/EC', 'Directive 2002/58/EC'],
    ['Article 10(1) of Regulation (EU) No 1025/2012', 'Regulation (EU) No 1025/2012'],
    ['Article 16 TFEU', 'TFEU'],
    ['Article 6 TEU', 'TEU'],
    ['Article 8 of the Charter', 'Charter'],
    ['Article 14(4), points (d) and (j), of that Regulation', 'that Regulation'],
    ['point (8) of the Annex to Directive (EU) 2022/2557', 'Directive (EU) 2022/2557'],
    ['Article R23 of Annex I to Decision No 768/2008/EC', 'Decision No 768/2008/EC'],
    ['Annex I to Directive (EU) 2020/1828', 'Directive (EU) 2020/1828'],
  ])('keeps "%s" as a reference to %s, never resolved into the law', (text, act) => {
    for (const context of [IN_CODE, IN_ACT]) {
      const found = cite(text, context);
      expect(found).toEqual([
        { text, start: 0, end: text.length, target: 'external', external: act, ids: [], unresolved: [] },
      ]);
    }
  });

  it('gives each act its own citation in a list of qualified references', () => {
    const text =
      'Article 22(2), point (b) of Regulation (EU) 2016/679 and Article 24(2), point (b) of Regulation (EU) 2018/1725';
    expect(cite(text).map((c) => [c.text, c.external])).toEqual([
      ['Article 22(2), point (b) of Regulation (EU) 2016/679', 'Regulation (EU) 2016/679'],
      ['Article 24(2), point (b) of Regulation (EU) 2018/1725', 'Regulation (EU) 2018/1725'],
    ]);
  });

  it('lets the qualifier at the end of a list name the act of every item', () => {
    const found = cite('Articles 53 and 55 of Directive (EU) 2019/790');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ target: 'external', ids: [], external: 'Directive (EU) 2019/790' });
  });

  it('keeps an act named without a provision as an external citation', () => {
    const text = 'without prejudice to Directive (EU) 2019/1937 on the protection of whistleblowers';
    expect(cite(text)).toEqual([
      {
        text: 'Directive (EU) 2019/1937',
        start: 21,
        end: 45,
        target: 'external',
        external: 'Directive (EU) 2019/1937',
        ids: [],
        unresolved: [],
      },
    ]);
  });

  it('does not cite the law itself when it is named without a provision', () => {
    expect(cite('Regulation (EU) 2024/1689 lays down harmonised rules')).toEqual([]);
  });

  it('reads `thereof` as the act named just before', () => {
    const text =
      'Having regard to the Treaty on the Functioning of the European Union, and in particular Articles 16 and 114 thereof,';
    const found = cite(text, IN_ACT);
    expect(found.map((c) => [c.text, c.target, c.external])).toEqual([
      [
        'Treaty on the Functioning of the European Union',
        'external',
        'Treaty on the Functioning of the European Union',
      ],
      ['Articles 16 and 114 thereof', 'external', 'Treaty on the Functioning of the European Union'],
    ]);
  });

  it('reads `thereof` after a provision as counted within it', () => {
    const found = cite('Annex III, in particular points 5(b) and (c) thereof', IN_ACT, 'art_27');
    expect(found.map((c) => c.ids)).toEqual([
      ['anx_III'],
      ['anx_III__point_5__point_b', 'anx_III__point_5__point_c'],
    ]);
  });
});

describe('the three LEGAL TEXT lines of the Safety and Security chapter', () => {
  it('reads Articles 55(1) and 56(5), and recitals 110, 114, and 115 AI Act as one citation of the law', () => {
    const text =
      'LEGAL TEXT: Articles 55(1) and 56(5), and recitals 110, 114, and 115 AI Act Signatories commit';
    expect(cite(text)).toEqual([
      {
        text: 'Articles 55(1) and 56(5), and recitals 110, 114, and 115 AI Act',
        start: 12,
        end: 75,
        target: 'law',
        external: null,
        ids: ['art_55__para_1', 'art_56__para_5', 'rec_110', 'rec_114', 'rec_115'],
        unresolved: [],
      },
    ]);
  });

  it('reads Article 55(1), and recitals 114 and 115 AI Act', () => {
    const [found] = cite('Article 55(1), and recitals 114 and 115 AI Act');
    expect(found).toMatchObject({
      target: 'law',
      ids: ['art_55__para_1', 'rec_114', 'rec_115'],
      unresolved: [],
    });
  });

  it('reads Articles 53(1)(a) and 55(1) AI Act', () => {
    const [found] = cite('Articles 53(1)(a) and 55(1) AI Act');
    expect(found).toMatchObject({
      text: 'Articles 53(1)(a) and 55(1) AI Act',
      target: 'law',
      ids: ['art_53__para_1__point_a', 'art_55__para_1'],
    });
  });

  it('reads them the same when the law is the document being read', () => {
    expect(idsOf('Articles 53(1)(a) and 55(1) AI Act', IN_ACT)).toEqual([
      'art_53__para_1__point_a',
      'art_55__para_1',
    ]);
  });

  it('reads inline references of the chapter', () => {
    expect(idsOf('(Article 56(2), point (d) AI Act)')).toEqual(['art_56__para_2__point_d']);
    expect(idsOf('the definition of ‘systemic risk’ in Article 3(65) AI Act.')).toEqual(['art_3__point_65']);
  });

  it('splits a list that names both the code and the law into one citation per document', () => {
    const found = cite('pursuant to Measure 2.1, point (1), and Article 3(65) AI Act, the following');
    expect(found.map((c) => [c.text, c.target, c.ids])).toEqual([
      ['Measure 2.1, point (1)', 'self', ['msr_2.1__point_1']],
      ['Article 3(65) AI Act', 'law', ['art_3__point_65']],
    ]);
  });
});
