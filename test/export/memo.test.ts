import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildMemo,
  cutQuote,
  MACHINE_SUGGESTION_LABEL,
  type Memo,
  type MemoUnit,
} from '../../src/export/index';
import { TreeIndex } from '../../src/linking/index';
import { MINI_LAW } from '../support/trees';
import { annotation, ANNOTATIONS, INPUT, link, LINKS, OPTIONS, T2 } from './fixtures';

const lawIndex = new TreeIndex(MINI_LAW);

function units(memo: Memo): MemoUnit[] {
  return memo.sections.flatMap((s) => [
    ...(s.commitment ? [s.commitment, ...s.commitment.points] : []),
    ...s.measures.flatMap((m) => [m, ...m.points]),
  ]);
}

function unit(memo: Memo, id: string): MemoUnit {
  const found = units(memo).find((u) => u.id === id);
  if (!found) throw new Error(`${id} is not in the memo`);
  return found;
}

describe('buildMemo', () => {
  it('lays out a section per commitment with its measures, cited as the documents cite them', () => {
    const memo = buildMemo(INPUT, OPTIONS);
    expect(memo.sections.map((s) => s.title)).toEqual([
      'Commitment 6 — Security mitigations',
      'Commitment 9 — Serious incident reporting',
    ]);
    expect(memo.sections[1]?.measures.map((m) => [m.citation, m.heading])).toEqual([
      ['Measure 9.3', 'Reporting timelines'],
    ]);
    const measure = unit(memo, 'msr_9.3');
    // The code text is the measure with its points.
    expect(measure.text).toContain('not later than 2 days');
    expect(measure.text).toContain('an initial report, as specified in Article 73 AI Act');
    expect(memo.documents.map((d) => [d.role, d.fileName, d.fingerprint])).toEqual([
      ['law', 'ai-act.pdf', MINI_LAW.document.fingerprint],
      ['code', 'code.pdf', INPUT.code.document.fingerprint],
    ]);
    expect(memo).toMatchObject({ author: 'Alice Example', date: '2025-03-04', filters: [], warnings: [] });
  });

  it('quotes each linked provision exactly, with its article and its lead-in', () => {
    const memo = buildMemo(INPUT, OPTIONS);
    const [first] = unit(memo, 'msr_9.3').links;
    expect(first).toMatchObject({
      target: 'art_55__para_1__point_c',
      citation: 'Article 55(1), point (c)',
      heading: 'Article 55 — Obligations of providers of general-purpose AI models with systemic risk',
      quote: lawIndex.textInContext('art_55__para_1__point_c'),
      quoteTruncated: false,
      found: true,
      status: 'accepted',
      label: null,
    });
    expect(first?.quote).toMatch(
      /^In addition to the obligations listed in Articles 53 and 54.*shall: keep track of/,
    );
  });

  it('shows accepted links only, unless asked for suggestions, which are then labelled as the machine’s', () => {
    const without = unit(buildMemo(INPUT, OPTIONS), 'msr_9.3');
    expect(without.links.map((l) => l.target)).toEqual(['art_55__para_1__point_c']);

    const withSuggestions = unit(buildMemo(INPUT, { ...OPTIONS, includeSuggestions: true }), 'msr_9.3');
    expect(withSuggestions.links.map((l) => [l.target, l.status, l.label])).toEqual([
      ['art_55__para_1__point_c', 'accepted', null],
      ['art_53__para_1__point_a', 'suggested', MACHINE_SUGGESTION_LABEL],
    ]);
    const suggestion = withSuggestions.links[1];
    expect(suggestion?.basis).toEqual(['similarity']);
    expect(suggestion?.evidence).toEqual(['shares key terms: document, report']);
    expect(suggestion?.suggestedStance?.stance).toBe('expands');
    // Rejected links never appear.
    expect(withSuggestions.links.some((l) => l.target === 'art_55__para_1__point_a')).toBe(false);
  });

  it('cuts quotes to quoteLength at a word boundary with “…”, keeping the provision’s own words', () => {
    const memo = buildMemo(INPUT, { ...OPTIONS, quoteLength: 90 });
    const quoted = unit(memo, 'msr_9.3').links[0];
    expect(quoted?.quoteTruncated).toBe(true);
    expect(quoted?.quote.length).toBeLessThanOrEqual(90);
    // The lead-in gave way first: point (c)'s own words are still there.
    expect(quoted?.quote).toMatch(/^In addition to.*… keep track of, document.*…$/);
    const full = lawIndex.textInContext('art_55__para_1__point_c');
    for (const piece of (quoted?.quote ?? '')
      .split('…')
      .map((p) => p.trim())
      .filter(Boolean)) {
      // Each piece is the law's own words, cut after a whole word.
      const at = full.indexOf(piece);
      expect(at).toBeGreaterThanOrEqual(0);
      expect(full.charAt(at + piece.length)).toMatch(/^\s?$/);
    }
  });

  it('keeps both verdicts when two reviewers disagree on a unit, each with its author', () => {
    const bob = annotation('b1', 'msr_9.3', null, {
      author: 'Bob',
      stance: 'conflicts',
      rationale: 'Article 73 gives 15 days.',
      updatedAt: T2,
    });
    const memo = buildMemo({ ...INPUT, annotations: [...ANNOTATIONS, bob] }, OPTIONS);
    const measure = unit(memo, 'msr_9.3');
    expect(measure.verdicts.map((v) => [v.author, v.stance])).toEqual([
      ['Alice', 'clarifies'],
      ['Bob', 'conflicts'],
    ]);
    expect(measure.disagreement).toBe(true);
    expect(memo.summary[1]?.counts).toMatchObject({ mixed: 1, clarifies: 0, conflicts: 0 });
    expect(unit(buildMemo(INPUT, OPTIONS), 'msr_9.3').disagreement).toBe(false);
  });

  it('counts stances, reviewed and total per commitment, whatever the filters', () => {
    const all = buildMemo(INPUT, OPTIONS);
    const filtered = buildMemo(INPUT, { ...OPTIONS, stances: ['narrows'] });
    for (const memo of [all, filtered]) {
      expect(
        memo.summary.map((r) => [r.id, r.counts.clarifies, r.counts.narrows, r.counts['no stance']]),
      ).toEqual([
        ['cmt_6', 0, 1, 1],
        ['cmt_9', 1, 0, 1],
      ]);
      expect(memo.summary.map((r) => `${r.reviewed}/${r.total}`)).toEqual(['0/2', '1/2']);
      expect(memo.total).toMatchObject({ reviewed: 1, total: 4 });
    }
  });

  it('filters by stance, tag and status, saying so, and matching a verdict on a link too', () => {
    const narrows = buildMemo(INPUT, { ...OPTIONS, stances: ['narrows'] });
    expect(units(narrows).map((u) => u.id)).toEqual(['msr_6.2']);
    expect(narrows.sections.map((s) => [s.id, s.commitment])).toEqual([['cmt_6', null]]);
    expect(narrows.filters).toEqual(['Stances: narrows']);

    // `expands` is only the verdict on msr_9.3's link to 55(1)(c): the measure is shown, whole.
    const expands = buildMemo(INPUT, { ...OPTIONS, stances: ['expands'] });
    expect(expands.sections.flatMap((s) => s.measures.map((m) => m.id))).toEqual(['msr_9.3']);

    const tagged = buildMemo(INPUT, { ...OPTIONS, tags: ['security'] });
    expect(tagged.sections.flatMap((s) => s.measures.map((m) => m.id))).toEqual(['msr_6.2']);
    const reviewed = buildMemo(INPUT, { ...OPTIONS, statuses: ['reviewed'] });
    expect(reviewed.sections.flatMap((s) => s.measures.map((m) => m.id))).toEqual(['msr_9.3']);
    const none = buildMemo(INPUT, { ...OPTIONS, stances: ['conflicts'] });
    expect(none.sections).toEqual([]);
    // An empty list is no filter.
    expect(buildMemo(INPUT, { ...OPTIONS, stances: [], tags: [] }).sections).toHaveLength(2);
  });

  it('includes only the commitments asked for', () => {
    const memo = buildMemo(INPUT, { ...OPTIONS, commitments: ['cmt_9'] });
    expect(memo.sections.map((s) => s.id)).toEqual(['cmt_9']);
    expect(memo.summary.map((r) => r.id)).toEqual(['cmt_9']);
    expect(memo.total.total).toBe(2);
    expect(memo.appendix.unreviewed.map((u) => u.id)).toEqual(['cmt_9']);
    expect(memo.filters[0]).toBe('Commitments: Commitment 9 — Serious incident reporting');
  });

  it('shows points that carry links of their own under their measure', () => {
    const point = unit(buildMemo(INPUT, OPTIONS), 'msr_9.3').points[0];
    expect(point).toMatchObject({ id: 'msr_9.3__point_1', citation: 'Measure 9.3, point (1)' });
    expect(point?.links.map((l) => [l.citation, l.origin])).toEqual([['Article 3, point (49)', 'user']]);
  });

  it('has an appendix with the method and the units not yet reviewed', () => {
    const memo = buildMemo(INPUT, OPTIONS);
    expect(memo.appendix.method).toMatch(/explicit citations/);
    expect(memo.appendix.method).toMatch(/wording similarity/);
    expect(memo.appendix.method).toMatch(/defined terms/);
    expect(memo.appendix.method).toContain(MACHINE_SUGGESTION_LABEL);
    // msr_6.2 is only a draft; msr_9.3 is reviewed.
    expect(memo.appendix.unreviewed.map((u) => u.citation)).toEqual([
      'Commitment 6',
      'Measure 6.2',
      'Commitment 9',
    ]);
  });

  it('ignores other projects’ records and warns about verdicts on units the code no longer has', () => {
    const other = annotation('x1', 'msr_9.3', null, {
      projectId: 'p2',
      author: 'Mallory',
      stance: 'conflicts',
    });
    const gone = annotation('g1', 'msr_9.9', null);
    const otherLink = link('msr_6.2', 'art_3__point_65', { projectId: 'p2' });
    const memo = buildMemo(
      { ...INPUT, annotations: [...ANNOTATIONS, other, gone], links: [...LINKS, otherLink] },
      OPTIONS,
    );
    expect(unit(memo, 'msr_9.3').verdicts.map((v) => v.author)).toEqual(['Alice']);
    expect(unit(memo, 'msr_6.2').links.map((l) => l.target)).toEqual(['art_55__para_1__point_d']);
    expect(memo.warnings).toEqual([
      '1 verdict is on code units not in this version of the code (or whose text has changed), so not shown: msr_9.9.',
    ]);
  });

  it('warns when the trees are not the documents the project was made with', () => {
    const memo = buildMemo(
      { ...INPUT, project: { ...INPUT.project, lawFingerprint: 'f'.repeat(64) } },
      OPTIONS,
    );
    expect(memo.warnings).toEqual([
      'The law document read is not the one this project was made with (fingerprints differ).',
    ]);
  });

  it('marks a link to a provision the law does not have instead of quoting nothing silently', () => {
    const memo = buildMemo({ ...INPUT, links: [link('msr_6.2', 'art_99__para_1')] }, OPTIONS);
    expect(unit(memo, 'msr_6.2').links[0]).toMatchObject({
      citation: 'Article 99(1)',
      found: false,
      quote: '',
    });
  });

  it('is pure: the same input gives the same memo and is left untouched', () => {
    const frozen = structuredClone(INPUT);
    const before = JSON.stringify(frozen);
    const a = buildMemo(frozen, { ...OPTIONS, includeSuggestions: true });
    const b = buildMemo(frozen, { ...OPTIONS, includeSuggestions: true });
    expect(a).toEqual(b);
    expect(JSON.stringify(frozen)).toBe(before);
  });
});

describe('cutQuote', () => {
  it('leaves short text alone and cuts long text after a whole word', () => {
    expect(cutQuote('keep track of incidents', 100)).toEqual({
      text: 'keep track of incidents',
      truncated: false,
    });
    expect(cutQuote('keep track of incidents', 15)).toEqual({ text: 'keep track of…', truncated: true });
    expect(cutQuote('keep track of incidents', 19)).toEqual({ text: 'keep track of…', truncated: true });
    expect(cutQuote('keep track of incidents', 0)).toEqual({ text: '', truncated: true });
  });

  it('cuts a single long word mid-word rather than dropping it, and never splits an emoji', () => {
    expect(cutQuote('supercalifragilistic', 6)).toEqual({ text: 'super…', truncated: true });
    expect(cutQuote('ab😀cd', 4).text).toBe('ab…');
  });

  it('never exceeds the limit and always keeps a prefix of the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.integer({ min: 0, max: 250 }),
        (text, max) => {
          const cut = cutQuote(text, max);
          expect(cut.text.length).toBeLessThanOrEqual(Math.max(max, 0));
          if (!cut.truncated) expect(cut.text).toBe(text);
          else if (cut.text !== '') {
            expect(cut.text.endsWith('…')).toBe(true);
            expect(text.startsWith(cut.text.slice(0, -1))).toBe(true);
          }
        },
      ),
    );
  });
});
