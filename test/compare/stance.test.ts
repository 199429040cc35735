/**
 * The suggested stance: a proposal with reasons a lawyer can check, never the
 * user's verdict. Each stance from a small hand-made pair, then the real
 * acceptance case: Measure 9.3 against Article 55(1)(c).
 */
import { describe, expect, it } from 'vitest';
import {
  compareObligations,
  compareTexts,
  suggestStance,
  type SuggestedStance,
} from '../../src/compare/index';
import { ART_55_1_C, CODE_9_3, LAW_55_1_C } from './texts';

const LAW = 'Providers shall report serious incidents to the AI Office without undue delay.';

const suggest = (code: string, law = LAW): SuggestedStance => compareTexts(code, law).suggestedStance;

describe('suggestStance: each stance', () => {
  it('restates: the code repeats the law’s duty in its own subject', () => {
    const stance = suggest(
      'Signatories will keep track of, document, and report, without undue delay, to the AI Office and, as appropriate, to national competent authorities, relevant information about serious incidents and possible corrective measures to address them.',
      LAW_55_1_C,
    );
    expect(stance.stance).toBe('restates');
    expect(stance.confidence).toBeGreaterThan(0.6);
    expect(stance.evidence[0]).toMatch(/^repeats the law's wording: \d+% of the code's content words/);
  });

  it('expands: the code adds a deadline and a document', () => {
    const stance = suggest(
      'Signatories will report serious incidents to the AI Office not later than 2 days after becoming aware of them, in an initial report.',
    );
    expect(stance.stance).toBe('expands');
    expect(stance.evidence).toContain(
      'adds a deadline: "without undue delay" → "not later than 2 days after becoming aware of them"',
    );
    expect(stance.evidence).toContain('adds the document "initial report"');
  });

  it('expands: a new party alone is enough', () => {
    const stance = suggest(
      'Signatories will report serious incidents to the AI Office and to downstream providers without undue delay.',
    );
    expect(stance.stance).toBe('expands');
    expect(stance.evidence[0]).toBe('brings in "downstream providers", whom the law text does not name');
  });

  it('clarifies: the code explains how, with examples, and adds no duty of a strong kind', () => {
    const stance = suggest(
      'Signatories will report serious incidents to the AI Office without undue delay, for example by using a secure channel such as an encrypted web form (e.g. the AI Office portal).',
    );
    expect(stance.stance).toBe('clarifies');
    expect(stance.evidence[0]).toMatch(/^adds detail of method: /);
    for (const sign of ['"e.g."', '"for example"', '"such as"', '"by …ing"'])
      expect(stance.evidence[0]).toContain(sign);
    expect(stance.evidence).toContain(
      'adds no deadline, period, threshold, party or document the law text lacks',
    );
  });

  it('narrows: the code only advises what the law imposes, and drops its deadline', () => {
    const stance = suggest('Signatories should report serious incidents to the AI Office where appropriate.');
    expect(stance.stance).toBe('narrows');
    expect(stance.evidence[0]).toBe('softens: the law says "shall report"; the code says "should report"');
    expect(stance.evidence).toContain('omits the law\'s deadline "without undue delay"');
  });

  it('narrows: a hedge the law does not have', () => {
    const stance = suggest(
      'Signatories will, to the extent possible, report serious incidents to the AI Office without undue delay.',
    );
    expect(stance.stance).toBe('narrows');
    expect(stance.evidence[0]).toBe(
      'softens: the law says "shall report"; the code qualifies "report" with "to the extent"',
    );
  });

  it('unclear: texts about different things', () => {
    const stance = suggest(
      'Signatories will describe their energy consumption.',
      'Member States shall lay down rules on penalties.',
    );
    expect(stance.stance).toBe('unclear');
    expect(stance.evidence[0]).toMatch(/^little shared wording: 0% of the code's content words/);
  });

  it('unclear: an empty text, whichever side', () => {
    expect(suggest('', LAW)).toEqual({
      stance: 'unclear',
      confidence: 0.9,
      evidence: ['nothing to compare: the code text is empty'],
    });
    expect(suggest(LAW, '  ').evidence).toEqual(['nothing to compare: the law text is empty']);
    expect(suggest('', '').evidence).toEqual(['nothing to compare: both texts are empty']);
    expect(suggest('…', '—').stance).toBe('unclear');
  });
});

describe('suggestStance: inputs', () => {
  it('accepts an alignment and a delta built by the caller', () => {
    const code = 'Signatories will report serious incidents to the AI Office within 15 days.';
    const alignment = {
      segments: [
        { kind: 'code' as const, text: code },
        { kind: 'law' as const, text: LAW },
      ],
      sharedPhrases: [],
      overlap: 0.5,
    };
    const stance = suggestStance(alignment, compareObligations(code, LAW));
    expect(stance.stance).toBe('expands');
    expect(stance.evidence).toContain('adds a deadline: "without undue delay" → "within 15 days"');
  });
});

describe('suggestStance: confidence follows the evidence', () => {
  it('grows with the number and kind of additions', () => {
    const one = suggest('Signatories will report serious incidents to the AI Office within 15 days.');
    const many = suggest(
      'Signatories will report serious incidents to the AI Office within 15 days, send a final report within 60 days, keep the documentation for at least five years and inform independent external evaluators.',
    );
    expect(one.stance).toBe('expands');
    expect(many.stance).toBe('expands');
    expect(many.confidence).toBeGreaterThan(one.confidence);
  });

  it('shrinks when the code also softens', () => {
    const plain = suggest('Signatories will report serious incidents to the AI Office within 15 days.');
    const hedged = suggest('Signatories should report serious incidents to the AI Office within 15 days.');
    expect(hedged.stance).toBe('expands');
    expect(hedged.confidence).toBeLessThan(plain.confidence);
    expect(hedged.evidence).toContain('softens: the law says "shall report"; the code says "should report"');
  });

  it('is higher for a closer restatement', () => {
    const close = suggest(ART_55_1_C.replace(/^keep/, 'Signatories will keep'), LAW_55_1_C);
    const loose = suggest(
      'Signatories will keep track of and report relevant information about serious incidents and corrective measures to competent authorities and the AI Office, without undue delay, in writing.',
      LAW_55_1_C,
    );
    expect(close.stance).toBe('restates');
    expect(loose.stance).toBe('restates');
    expect(close.confidence).toBeGreaterThan(loose.confidence);
  });

  it('stays within 0..1 and is never the same for every pair', () => {
    const values = [
      suggest('Signatories will report serious incidents to the AI Office within 15 days.'),
      suggest('Signatories should report serious incidents to the AI Office where appropriate.'),
      suggest(CODE_9_3, LAW_55_1_C),
      suggest('Signatories will describe their energy consumption.'),
    ].map((stance) => stance.confidence);
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(new Set(values).size).toBeGreaterThan(2);
  });
});

describe('acceptance: Measure 9.3 (reporting timelines) against Article 55(1)(c)', () => {
  const comparison = compareTexts(CODE_9_3, LAW_55_1_C);

  it('suggests expands, naming the deadlines the measure adds', () => {
    const { stance, confidence, evidence } = comparison.suggestedStance;
    expect(stance).toBe('expands');
    expect(confidence).toBeGreaterThan(0.7);
    for (const deadline of [
      'not later than two days after',
      'not later than 10 days after',
      'not later than 60 days after the serious incident has been resolved',
    ]) {
      expect(evidence).toContain(`adds a deadline: "without undue delay" → "${deadline}"`);
    }
  });

  it('shares the law’s "serious incident" wording', () => {
    expect(comparison.alignment.sharedPhrases.some((phrase) => /serious incident/i.test(phrase))).toBe(true);
  });

  it('finds the law’s duty and the measure’s own obligations', () => {
    expect(comparison.delta.law.map((o) => o.action)).toEqual(['keep track of, document, and report']);
    expect(comparison.delta.code.map((o) => [o.modality, o.action])).toEqual([
      ['will', 'provide'],
      ['will', 'submit'],
      ['may', 'include'],
    ]);
    expect(comparison.delta.softens).toEqual([]);
  });
});
