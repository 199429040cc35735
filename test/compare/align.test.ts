/**
 * The word alignment the side-by-side view colours: it must show every word
 * of both texts exactly once, in order, and name the wording they share.
 */
import { describe, expect, it } from 'vitest';
import { align, alignedText, type Alignment } from '../../src/compare/index';
import { ART_55_1_C, CODE_9_3, LAW_55_1_C, MSR_9_2_LEAD, MSR_9_4 } from './texts';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function expectReconstructs(alignment: Alignment, code: string, law: string): void {
  expect(alignedText(alignment, 'code')).toBe(squash(code));
  expect(alignedText(alignment, 'law')).toBe(squash(law));
  // The same, spelled out as the interface documents it.
  const join = (kinds: readonly string[]): string =>
    squash(
      alignment.segments
        .filter((segment) => kinds.includes(segment.kind))
        .map((segment) => segment.text)
        .join(''),
    );
  expect(join(['code', 'shared'])).toBe(squash(code));
  expect(join(['law', 'shared'])).toBe(squash(law));
}

describe('align: segments', () => {
  it('rebuilds both real texts from their segments', () => {
    for (const [code, law] of [
      [CODE_9_3, LAW_55_1_C],
      [MSR_9_2_LEAD, ART_55_1_C],
      [MSR_9_4, LAW_55_1_C],
    ] as const) {
      expectReconstructs(align(code, law), code, law);
    }
  });

  it('normalises whitespace (line breaks, tabs, no-break spaces) but keeps every word and mark', () => {
    const code = '  Signatories\twill  report,\n\nwithout undue delay,\u00a0to the AI Office. ';
    const law = 'Providers shall\nreport, without undue delay, to the AI Office.';
    const alignment = align(code, law);
    expectReconstructs(alignment, code, law);
    expect(alignment.segments.some((segment) => /\s{2}|\n|\t|\u00a0/.test(segment.text))).toBe(false);
  });

  it('marks the words only the code has, only the law has, and both share', () => {
    const alignment = align(
      'Signatories will report serious incidents within 2 days.',
      'Providers shall report serious incidents without undue delay.',
    );
    const of = (kind: string): string =>
      alignment.segments
        .filter((segment) => segment.kind === kind)
        .map((segment) => segment.text.trim())
        .join(' | ');
    expect(of('shared')).toContain('report serious incidents');
    expect(of('code')).toContain('Signatories will');
    expect(of('code')).toContain('within 2 days');
    expect(of('law')).toContain('Providers shall');
    expect(of('law')).toContain('without undue delay');
  });

  it('puts the law’s words before the code’s within a changed stretch', () => {
    const alignment = align('report within 2 days', 'report without undue delay');
    expect(alignment.segments.map((segment) => segment.kind)).toEqual(['shared', 'law', 'code']);
  });

  it('folds an incidental shared "the" between two changes into both sides', () => {
    const alignment = align(
      'Signatories notify the Commission promptly',
      'Providers inform the Board in writing',
    );
    expect(
      alignment.segments.filter((segment) => segment.kind === 'shared' && segment.text.trim() === 'the'),
    ).toEqual([]);
    expectReconstructs(
      alignment,
      'Signatories notify the Commission promptly',
      'Providers inform the Board in writing',
    );
  });

  it('gives identical texts one shared segment and empty texts none', () => {
    expect(align(ART_55_1_C, ART_55_1_C).segments).toEqual([{ kind: 'shared', text: ART_55_1_C }]);
    expect(align('', '').segments).toEqual([]);
    expect(align('  ', '\n').segments).toEqual([]);
    expect(align('report', '').segments).toEqual([{ kind: 'code', text: 'report' }]);
    expect(align('', 'report').segments).toEqual([{ kind: 'law', text: 'report' }]);
  });
});

describe('align: shared phrases', () => {
  it('names the wording Measure 9.2 takes from Article 55(1)(c), longest first', () => {
    const { sharedPhrases } = align(MSR_9_2_LEAD, ART_55_1_C);
    expect(sharedPhrases[0]).toBe('keep track of, document, and report');
    expect(sharedPhrases).toContain('national competent authorities');
    expect(sharedPhrases).toContain('AI Office');
    const lengths = sharedPhrases.map((phrase) => phrase.split(/\s+/).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it('finds "serious incident" wording shared by Measure 9.3 and Article 55(1)(c)', () => {
    const { sharedPhrases } = align(CODE_9_3, LAW_55_1_C);
    expect(sharedPhrases.some((phrase) => /serious incidents?/i.test(phrase))).toBe(true);
    expect(sharedPhrases).toContain('national competent authorities');
  });

  it('finds a phrase wherever it occurs, not only where the diff lined the texts up', () => {
    const { sharedPhrases } = align(
      'Systemic risk assessment comes later. First, serious incident reports are kept.',
      'Serious incident reports are kept before the systemic risk assessment.',
    );
    // Printed as the code prints them; matched regardless of case.
    expect(sharedPhrases).toEqual(['serious incident reports are kept', 'Systemic risk assessment']);
  });

  it('trims stop words at the ends, never keeps a run of stop words, and lists each phrase once', () => {
    const { sharedPhrases } = align(
      'to the AI Office and to the AI Office, and of the in the',
      'report to the AI Office and of the in the',
    );
    expect(sharedPhrases).toEqual(['AI Office']);
  });

  it('drops a phrase contained in a longer shared phrase', () => {
    const { sharedPhrases } = align(
      'relevant information about serious incidents. Serious incidents matter.',
      'relevant information about serious incidents and more',
    );
    expect(sharedPhrases).toEqual(['relevant information about serious incidents']);
  });

  it('does not run a phrase across a full stop or semicolon', () => {
    const { sharedPhrases } = align(
      'They keep records. Reports follow.',
      'They keep records; reports follow.',
    );
    expect(sharedPhrases).not.toContain('keep records. Reports follow');
  });
});

describe('align: overlap', () => {
  it('is 1 for a text the law repeats word for word, 0 for unrelated words or an empty code text', () => {
    expect(align(ART_55_1_C, ART_55_1_C).overlap).toBe(1);
    expect(align('Signatories commit to transparency.', 'Member States designate authorities.').overlap).toBe(
      0,
    );
    expect(align('', ART_55_1_C).overlap).toBe(0);
    expect(align('the of and', ART_55_1_C).overlap).toBe(0);
  });

  it('counts distinct content words, stemmed, ignoring stop words', () => {
    // content words: signatories, report, incidents, promptly → "report" and "incident" are in the law.
    const { overlap } = align(
      'Signatories will report the incidents promptly, and report them again.',
      'Providers shall keep reporting every incident.',
    );
    expect(overlap).toBeCloseTo(2 / 4);
  });

  it('is low for Measure 9.3 against Article 55(1)(c): the measure says much the law does not', () => {
    const { overlap } = align(CODE_9_3, LAW_55_1_C);
    expect(overlap).toBeGreaterThan(0.05);
    expect(overlap).toBeLessThan(0.4);
  });
});
