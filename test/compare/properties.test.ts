/**
 * Whatever two texts a user links, the comparison returns: it never throws,
 * its alignment shows both texts whole, and its suggestion stays in range.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignedText, compareTexts, type Comparison } from '../../src/compare/index';
import {
  ART_51_2,
  ART_53_1,
  ART_53_1_B,
  ART_53_1_B_I,
  ART_53_1_C,
  ART_55_1,
  ART_55_1_B,
  ART_55_1_C,
  CMT_1,
  CODE_9_3,
  MSR_1_1_CONFIRM,
  MSR_7_6_UPDATE,
  MSR_9_2_LEAD,
  MSR_9_4,
} from './texts';

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

const STANCES = new Set(['clarifies', 'expands', 'restates', 'narrows', 'unclear']);

function expectSound(comparison: Comparison, code: string, law: string): void {
  const { alignment, suggestedStance } = comparison;
  expect(alignedText(alignment, 'code')).toBe(squash(code));
  expect(alignedText(alignment, 'law')).toBe(squash(law));
  expect(alignment.overlap).toBeGreaterThanOrEqual(0);
  expect(alignment.overlap).toBeLessThanOrEqual(1);
  expect(STANCES.has(suggestedStance.stance)).toBe(true);
  expect(suggestedStance.confidence).toBeGreaterThanOrEqual(0);
  expect(suggestedStance.confidence).toBeLessThanOrEqual(1);
  expect(suggestedStance.evidence.length).toBeGreaterThan(0);
}

// Words that steer the heuristics (modals, deadlines, numbers, parties, list
// punctuation) mixed with ordinary ones, so generated texts reach deep paths.
const WORDS = [
  'Signatories',
  'Providers',
  'shall',
  'shall not',
  'will',
  'must',
  'should',
  'may',
  'may not',
  'commit to',
  'is required to',
  'report',
  'keep track of,',
  'document,',
  'and',
  'or',
  'the',
  'AI Office',
  'national competent authorities',
  'third parties',
  'not later than',
  'no later than',
  'within',
  'two',
  '2',
  '10²⁵',
  '10%',
  'days',
  'weeks',
  'after',
  'before',
  'every',
  'at least',
  'without undue delay',
  'as appropriate',
  'to the extent',
  'Model Report',
  'report(s)',
  'e.g.',
  'including',
  'Article 55(1)',
  '(a)',
  ':',
  ';',
  '.',
  ',',
  '“',
  '”',
  '\n',
];
const legalese = fc.array(fc.constantFrom(...WORDS), { maxLength: 60 }).map((words) => words.join(' '));

describe('compareTexts on any input', () => {
  it('never throws and reconstructs arbitrary strings', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({ unit: 'binary', maxLength: 200 }),
        (code, law) => {
          expectSound(compareTexts(code, law), code, law);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and reconstructs generated legal prose', () => {
    fc.assert(
      fc.property(legalese, legalese, (code, law) => {
        expectSound(compareTexts(code, law), code, law);
      }),
      { numRuns: 400 },
    );
  });

  it('reconstructs every pair of the real excerpts', () => {
    const texts = [
      ART_51_2,
      ART_53_1,
      ART_53_1_B,
      ART_53_1_B_I,
      ART_53_1_C,
      ART_55_1,
      ART_55_1_B,
      ART_55_1_C,
      CMT_1,
      CODE_9_3,
      MSR_1_1_CONFIRM,
      MSR_7_6_UPDATE,
      MSR_9_2_LEAD,
      MSR_9_4,
    ];
    for (const code of texts) for (const law of texts) expectSound(compareTexts(code, law), code, law);
  });
});
