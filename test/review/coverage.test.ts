import { describe, expect, it } from 'vitest';
import type { LinkRecord, LinkStatus } from '../../src/model/review';
import { bySource, lawCoverage, linksWithin, provisionCounts } from '../../src/review/coverage';
import { MINI_CODE, MINI_LAW, tree } from '../support/trees';

function link(source: string, target: string, status: LinkStatus): LinkRecord {
  return {
    id: `p|${source}|${target}`,
    projectId: 'p',
    source,
    target,
    status,
    origin: 'machine',
    rank: 1,
    score: 0.5,
    basis: ['similarity'],
    evidence: [],
    suggestedStance: null,
    createdAt: '2025-01-01T00:00:00Z',
    updatedAt: '2025-01-01T00:00:00Z',
  };
}

const LINKS = [
  link('msr_9.3', 'art_55__para_1__point_c', 'accepted'),
  link('cmt_9', 'art_55__para_1', 'accepted'),
  link('msr_6.2', 'art_55__para_1__point_d', 'suggested'),
  link('msr_9.3__point_1', 'art_55__para_1__point_a', 'suggested'),
  link('msr_9.3', 'art_53__para_1__point_a', 'rejected'),
  link('cmt_6', 'rec_114', 'accepted'),
  link('msr_6.2', 'art_99', 'suggested'),
];

describe('link counts per law provision', () => {
  const counts = provisionCounts(MINI_LAW, LINKS);

  it('counts links to a provision itself and to anything inside it', () => {
    expect(counts.get('art_55__para_1__point_c')).toEqual({
      own: { accepted: 1, suggested: 0 },
      within: { accepted: 1, suggested: 0 },
    });
    expect(counts.get('art_55__para_1')).toEqual({
      own: { accepted: 1, suggested: 0 },
      within: { accepted: 2, suggested: 2 },
    });
    expect(counts.get('art_55')?.own).toEqual({ accepted: 0, suggested: 0 });
    expect(counts.get('chp_V')?.within).toEqual({ accepted: 2, suggested: 2 });
  });

  it('leaves out rejected links and targets that are not in the law', () => {
    expect(counts.has('art_53__para_1__point_a')).toBe(false);
    expect(counts.has('art_53')).toBe(false);
    expect(counts.has('art_99')).toBe(false);
  });
});

describe("the law's coverage by the code", () => {
  const coverage = lawCoverage(MINI_LAW, MINI_CODE, LINKS);
  const article = (id: string) => {
    const found = coverage.chapters.flatMap((c) => c.articles).find((a) => a.id === id);
    if (!found) throw new Error(`no article ${id}`);
    return found;
  };

  it('lists the articles by chapter, in the law’s order', () => {
    expect(coverage.chapters.map((c) => [c.key, c.articles.map((a) => a.id)])).toEqual([
      ['chp_I', ['art_3']],
      ['chp_V', ['art_53', 'art_55']],
    ]);
    expect(coverage.articleCount).toBe(3);
  });

  it('counts accepted links and open suggestions to an article and everything in it', () => {
    const art55 = article('art_55');
    expect([art55.accepted, art55.suggested, art55.state]).toEqual([2, 2, 'accepted']);
    expect(art55.acceptedSources).toEqual(['cmt_9', 'msr_9.3']);
    // msr_9.3 has an accepted link here, so its point's suggestion does not list it again.
    expect(art55.suggestedSources).toEqual(['msr_6.2', 'msr_9.3__point_1']);
    expect(art55.links.map((l) => [l.source, l.status])).toEqual([
      ['cmt_9', 'accepted'],
      ['msr_9.3', 'accepted'],
      ['msr_6.2', 'suggested'],
      ['msr_9.3__point_1', 'suggested'],
    ]);
    expect(art55.provisions.map((p) => [p.id, p.counts.own.accepted, p.counts.own.suggested])).toEqual([
      ['art_55__para_1', 1, 0],
      ['art_55__para_1__point_a', 0, 1],
      ['art_55__para_1__point_c', 1, 0],
      ['art_55__para_1__point_d', 0, 1],
    ]);
  });

  it('marks articles nothing reaches as untouched; a rejected link does not count', () => {
    const art53 = article('art_53');
    expect([art53.accepted, art53.suggested, art53.state]).toEqual([0, 0, 'untouched']);
    expect(article('art_3').state).toBe('untouched');
    expect(coverage.untouchedCount).toBe(2);
    expect(coverage.acceptedCount).toBe(1);
    expect(coverage.chapters.map((c) => [c.key, c.accepted, c.suggested, c.untouched])).toEqual([
      ['chp_I', 0, 0, 1],
      ['chp_V', 2, 2, 1],
    ]);
  });

  it('an article with only open suggestions is "suggested", not untouched', () => {
    const only = lawCoverage(MINI_LAW, MINI_CODE, [link('msr_6.2', 'art_53__para_1__point_c', 'suggested')]);
    const art53 = only.chapters.flatMap((c) => c.articles).find((a) => a.id === 'art_53');
    expect(art53?.state).toBe('suggested');
    expect(art53?.acceptedSources).toEqual([]);
    expect(art53?.suggestedSources).toEqual(['msr_6.2']);
    expect(only.untouchedCount).toBe(2);
  });

  it('lists linked provisions outside the articles (a recital), and links to nothing known', () => {
    expect(coverage.outside.map((o) => [o.id, o.accepted, o.acceptedSources])).toEqual([
      ['rec_114', 1, ['cmt_6']],
    ]);
    expect(coverage.unplaced.map((l) => l.target)).toEqual(['art_99']);
  });

  it('says which articles each commitment reaches, through its measures and points too', () => {
    expect(coverage.byCommitment.get('cmt_9')).toEqual({ accepted: ['art_55'], suggested: [] });
    expect(coverage.byCommitment.get('cmt_6')).toEqual({ accepted: ['rec_114'], suggested: ['art_55'] });
  });

  it('groups annexes after the chapters, and articles outside any chapter on their own', () => {
    const law = tree('act', 'Act', [
      ['art_1', 'article', '1', 'Scope', 'This Act applies.', null],
      ['chp_II', 'chapter', 'II', 'DUTIES', '', null],
      ['chp_II__sec_1', 'section', '1', 'Testing', '', 'chp_II'],
      ['art_2', 'article', '2', 'Tests', 'Test things.', 'chp_II__sec_1'],
      ['anx_I', 'annex', 'I', 'Tests', '', null],
      ['anx_I__sec_1', 'section', '1', 'Mechanical', '', 'anx_I'],
      ['anx_I__sec_1__point_1', 'point', '1', null, 'Drop it.', 'anx_I__sec_1'],
      ['anx_II', 'annex', 'II', 'Labels', 'A label.', null],
    ]);
    const result = lawCoverage(law, MINI_CODE, [link('msr_6.2', 'anx_I__sec_1__point_1', 'accepted')]);
    expect(result.chapters.map((c) => [c.key, c.unit?.id ?? null, c.articles.map((a) => a.id)])).toEqual([
      ['articles', null, ['art_1']],
      ['chp_II', 'chp_II', ['art_2']],
      ['annexes', null, ['anx_I', 'anx_II']],
    ]);
    const annex = result.chapters[2]?.articles[0];
    expect([annex?.accepted, annex?.state, annex?.acceptedSources]).toEqual([1, 'accepted', ['msr_6.2']]);
    expect(result.byCommitment.get('cmt_6')).toEqual({ accepted: ['anx_I'], suggested: [] });
    expect(result.untouchedCount).toBe(3);
  });
});

describe('links reaching one provision', () => {
  it('gives accepted links first, then open suggestions, for the provision and what is inside it', () => {
    expect(
      linksWithin(MINI_LAW, MINI_CODE, 'art_55__para_1', LINKS).map((l) => [l.source, l.target]),
    ).toEqual([
      ['cmt_9', 'art_55__para_1'],
      ['msr_9.3', 'art_55__para_1__point_c'],
      ['msr_6.2', 'art_55__para_1__point_d'],
      ['msr_9.3__point_1', 'art_55__para_1__point_a'],
    ]);
    expect(linksWithin(MINI_LAW, MINI_CODE, 'art_55__para_1__point_c', LINKS).map((l) => l.source)).toEqual([
      'msr_9.3',
    ]);
    expect(linksWithin(MINI_LAW, MINI_CODE, 'art_53', LINKS)).toEqual([]);
  });
});

describe('links gathered per code unit', () => {
  it('lists units with an accepted link first (with their open suggestions), then units with suggestions only', () => {
    const links = [
      link('cmt_9', 'art_55__para_1', 'accepted'),
      link('msr_6.2', 'art_55__para_1__point_d', 'suggested'),
      link('msr_9.3', 'art_55__para_1__point_a', 'suggested'),
      link('msr_9.3', 'art_55__para_1__point_c', 'accepted'),
      link('msr_6.2', 'art_55__para_1__point_b', 'suggested'),
      link('cmt_6', 'art_55__para_1', 'rejected'),
    ];
    expect(bySource(links)).toEqual({
      accepted: [
        { source: 'cmt_9', accepted: ['art_55__para_1'], suggested: [] },
        { source: 'msr_9.3', accepted: ['art_55__para_1__point_c'], suggested: ['art_55__para_1__point_a'] },
      ],
      suggested: [
        {
          source: 'msr_6.2',
          accepted: [],
          suggested: ['art_55__para_1__point_d', 'art_55__para_1__point_b'],
        },
      ],
    });
  });
});
