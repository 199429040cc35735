/**
 * The linker on the real documents: the Safety and Security chapter against
 * the AI Act, judged by the links the chapter states itself (the gold CSV).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findCitations } from '../../src/citations/index';
import { suggestLinks, withStances, type LinkReport, type LinkSuggestion } from '../../src/linking/index';
import { AI_ACT, CODE_SAFETY, GOLD_CSV, corpusAvailable, parseCorpus, skipReason } from './corpus';

describe.skipIf(!corpusAvailable)(
  `linking the Safety and Security chapter to the AI Act${skipReason}`,
  () => {
    let cached: Promise<LinkReport> | null = null;
    const report = (): Promise<LinkReport> =>
      (cached ??= Promise.all([parseCorpus(AI_ACT), parseCorpus(CODE_SAFETY)]).then(([law, code]) =>
        withStances(law, code, suggestLinks(law, code)),
      ));
    const of = async (source: string): Promise<LinkSuggestion[]> =>
      (await report()).links.filter((l) => l.source === source);

    it('finds every gold citation link of every commitment, and no other (precision and recall 100 %)', async () => {
      const rows = readFileSync(GOLD_CSV, 'utf8').trim().split('\n').slice(1);
      expect(rows).toHaveLength(10);
      for (const row of rows) {
        const [unit = '', targets = ''] = row.split(',');
        const cited = (await of(unit)).filter((l) => l.basis.includes('citation')).map((l) => l.target);
        expect(cited.sort(), unit).toEqual(targets.split(';').sort());
      }
    });

    it('gives every one of the 32 measures suggestions, with inherited and drilled-down targets', async () => {
      const { links } = await report();
      const measures = new Set(links.map((l) => l.source).filter((s) => /^msr_\d+\.\d+$/.test(s)));
      expect(measures.size).toBe(32);
      for (const measure of measures) {
        const own = links.filter((l) => l.source === measure);
        expect(
          own.some((l) => l.basis.includes('citation-inherited')),
          measure,
        ).toBe(true);
        // Every commitment cites Article 55(1): each measure gets one of its points by drill-down.
        expect(
          own.some((l) => l.target.startsWith('art_55__para_1__point_') && l.basis.includes('similarity')),
          measure,
        ).toBe(true);
      }
    });

    it('drills serious-incident measures into 55(1)(c) and security measures into 55(1)(d)', async () => {
      for (const measure of ['msr_9.1', 'msr_9.2', 'msr_9.3'])
        expect((await of(measure))[0]?.target, measure).toBe('art_55__para_1__point_c');
      for (const measure of ['msr_6.1', 'msr_6.2'])
        expect((await of(measure))[0]?.target, measure).toBe('art_55__para_1__point_d');
    });

    it('suggests that Measure 9.3 expands Article 55(1)(c), with the deadlines as evidence', async () => {
      const link = (await of('msr_9.3')).find((l) => l.target === 'art_55__para_1__point_c');
      expect(link?.suggestedStance?.stance).toBe('expands');
      expect(link?.suggestedStance?.evidence.join(' ')).toMatch(/days/);
    });

    it('keeps a reference to another act external, never resolved into the AI Act', async () => {
      const [law, code] = await Promise.all([parseCorpus(AI_ACT), parseCorpus(CODE_SAFETY)]);
      const recital = code.units.find((u) => u.id === 'rec_d');
      expect(recital?.text).toContain('Directive (EU) 2019/1937');
      const citations = findCitations(recital?.text ?? '', {
        law: new Set(law.units.map((u) => u.id)),
        self: new Set(code.units.map((u) => u.id)),
        selfKind: 'code',
        currentId: 'rec_d',
      });
      expect(citations.filter((c) => c.target === 'external').map((c) => c.external)).toContain(
        'Directive (EU) 2019/1937',
      );
      expect(citations.filter((c) => c.target === 'law').flatMap((c) => c.ids)).toEqual(['art_78', 'art_87']);
    });
  },
);
