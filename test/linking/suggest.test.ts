import { describe, expect, it } from 'vitest';
import { suggestLinks, withStances, type LinkSuggestion } from '../../src/linking/index';
import { MINI_CODE, MINI_LAW } from '../support/trees';

const report = withStances(MINI_LAW, MINI_CODE, suggestLinks(MINI_LAW, MINI_CODE));
const of = (source: string): LinkSuggestion[] => report.links.filter((l) => l.source === source);

describe('suggestLinks', () => {
  it('links a commitment to what its LEGAL TEXT line cites, with the citation as written', () => {
    const cited = of('cmt_9').filter((l) => l.basis.includes('citation'));
    expect(cited.map((l) => l.target).sort()).toEqual(['art_55__para_1', 'rec_114']);
    expect(cited[0]?.evidence[0]).toMatch(/^cites “/);
  });

  it('gives measures their commitment’s citations as inherited links', () => {
    const inherited = of('msr_9.3').filter((l) => l.basis.includes('citation-inherited'));
    expect(inherited.map((l) => l.target)).toContain('art_55__para_1');
    expect(inherited.find((l) => l.target === 'art_55__para_1')?.evidence).toContain(
      'Commitment 9’s LEGAL TEXT cites “Article 55(1) and recital 114 AI Act”',
    );
  });

  it('drills into the cited paragraph: serious incidents go to 55(1)(c), cybersecurity to 55(1)(d)', () => {
    expect(of('msr_9.3')[0]).toMatchObject({
      target: 'art_55__para_1__point_c',
      rank: 1,
      basis: expect.arrayContaining(['citation-inherited', 'similarity']) as unknown,
    });
    expect(of('msr_6.2')[0]?.target).toBe('art_55__para_1__point_d');
  });

  it('ranks 1, 2, 3… within each source, scores between 0 and 1, best first', () => {
    for (const source of ['cmt_6', 'msr_6.2', 'cmt_9', 'msr_9.3', 'msr_9.3__point_1']) {
      const links = of(source);
      expect(links.map((l) => l.rank)).toEqual(links.map((_, i) => i + 1));
      for (let i = 1; i < links.length; i++)
        expect(links[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(links[i]?.score ?? 0);
      for (const link of links) {
        expect(link.score).toBeGreaterThan(0);
        expect(link.score).toBeLessThanOrEqual(1);
      }
    }
  });

  it('shows the shared key terms as evidence for similarity', () => {
    const top = of('msr_9.3')[0];
    expect(top?.evidence.some((e) => /“serious”|“incident”/.test(e))).toBe(true);
  });

  it('links the definition of a defined term the unit uses', () => {
    const definition = of('msr_9.3').find((l) => l.target === 'art_3__point_49');
    expect(definition?.basis).toContain('definition');
    expect(definition?.evidence).toContain(
      'uses the defined term ‘serious incident’ (Article 3, point (49))',
    );
  });

  it('reports references to provisions that do not exist, with the reason, instead of dropping them', () => {
    const texts = report.unresolved.map((u) => `${u.source}: ${u.text}`);
    expect(texts.some((t) => t.startsWith('cmt_6:') && t.includes('115'))).toBe(true);
    expect(texts.some((t) => t.startsWith('msr_9.3__point_1:') && t.includes('73'))).toBe(true);
    for (const u of report.unresolved) expect(u.reason.length).toBeGreaterThan(0);
    expect(report.links.some((l) => l.target === 'rec_115')).toBe(false);
  });

  it('suggests a stance for cited provisions, with evidence', () => {
    const top = of('msr_9.3')[0];
    expect(top?.suggestedStance?.stance).toBe('expands');
    expect(top?.suggestedStance?.evidence.length).toBeGreaterThan(0);
  });
});
