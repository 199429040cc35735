/**
 * Properties over generated input: findCitations is total and only returns ids that exist, and every
 * id of the law survives formatCitation -> findCitations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findCitations, formatCitation, type CitationContext } from '../../src/citations';
import { CODE, IN_ACT, IN_CODE, LAW } from './fixtures';

const FRAGMENTS = [
  'Article',
  'Articles',
  '53',
  '55',
  '3',
  '(1)',
  '(a)',
  '(ii)',
  '(65)',
  'point',
  'points',
  'paragraph',
  'first',
  'second',
  'subparagraph',
  'to',
  'and',
  'or',
  'of',
  'the',
  'this',
  'thereof',
  'AI Act',
  'TFEU',
  'Directive (EU) 2019/790',
  ',',
  'Annex',
  'Annexes',
  'XI',
  'Section',
  '2',
  'recital',
  'recitals',
  '110',
  '(c)',
  'Measure',
  'Measures',
  '1.2',
  'Commitment',
  'Appendix',
  '4.1',
  'in the preceding paragraph',
];

const contexts: fc.Arbitrary<CitationContext> = fc.oneof(
  fc.constant(IN_CODE),
  fc.constant(IN_ACT),
  fc.constantFrom(...CODE).map((currentId) => ({ ...IN_CODE, currentId })),
  fc.constantFrom(...LAW).map((currentId) => ({ ...IN_ACT, currentId })),
);

const citationLike = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + (gaps[i] ?? ' ')).join('')),
  );

function checkAll(text: string, context: CitationContext): void {
  const found = findCitations(text, context);
  let last = -1;
  for (const citation of found) {
    const ids = citation.target === 'law' ? context.law : context.self;
    if (citation.target === 'external') expect(citation.ids).toEqual([]);
    else for (const id of citation.ids) expect(ids.has(id)).toBe(true);
    expect(citation.text).toBe(text.slice(citation.start, citation.end));
    expect(citation.start).toBeGreaterThanOrEqual(last);
    expect(citation.external === null).toBe(citation.target !== 'external');
    last = citation.end;
  }
}

describe('findCitations on generated text', () => {
  it('never throws and only returns existing ids, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), contexts, (text, context) => checkAll(text, context)),
      {
        numRuns: 500,
      },
    );
  });

  it('never throws and only returns existing ids, on strings built from citation fragments', () => {
    fc.assert(
      fc.property(citationLike, contexts, (text, context) => checkAll(text, context)),
      { numRuns: 2000 },
    );
  });
});

describe('round trip', () => {
  it('reads back every law id from its formatted citation: formatCitation(id) + " AI Act"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAW), (id) => {
        const found = findCitations(`${formatCitation(id)} AI Act`, IN_CODE);
        expect(found.flatMap((c) => c.ids)).toEqual([id]);
        expect(found.every((c) => c.unresolved.length === 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back every code id that is a citable unit from its formatted citation', () => {
    const citable = [...CODE].filter((id) => /^(?:msr|cmt|app|rec)_/.test(id));
    for (const id of citable) {
      expect(findCitations(formatCitation(id), IN_CODE).flatMap((c) => c.ids)).toEqual([id]);
    }
  });
});

describe('long and hostile input', () => {
  it.each([
    ['ordinals without a unit', 'first and '.repeat(5000)],
    [
      'a list of 5000 articles',
      `Articles ${Array.from({ length: 5000 }, (_, i) => String(i + 1)).join(', ')}`,
    ],
    ['5000 brackets', `Article 53${'(a)'.repeat(5000)}`],
    ['a chain of 3000 `of`', `${'point (a) of '.repeat(3000)}Article 53`],
    ['a cartesian explosion', 'points (a) to (z) of paragraphs 1 to 400 of Articles 1 to 400'],
    ['2000 ranges', `${'points (a) to (z), '.repeat(2000)}of Article 53`],
  ])('reads %s in linear time', (_, text) => {
    const started = performance.now();
    for (const context of [IN_CODE, { ...IN_ACT, currentId: 'art_53__para_1' }]) checkAll(text, context);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
