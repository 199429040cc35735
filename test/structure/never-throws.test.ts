/**
 * Any layout at all becomes a clause tree: odd or hostile PDFs may confuse
 * the grammars, but never crash them, and ids always stay unique with every
 * parent defined before its children.
 */
import fc from 'fast-check';
import { describe, it } from 'vitest';
import type { TextRun } from '../../src/pdf/extract';
import { layoutFromRaw } from '../../src/pdf/layout';
import { buildTree } from '../../src/structure/index';
import { expectWellFormed } from '../support/tree';

// Words that steer the grammars (headings, markers, formulae) mixed with ordinary ones.
const WORDS = [
  'Article 1',
  'Article 2',
  'Article 49',
  'CHAPTER I',
  'CHAPTER II',
  'SECTION 1',
  'ANNEX I',
  'ANNEX',
  'Section A —',
  'Commitment 1',
  'Commitment II.1',
  'Measure 1.1',
  'Measure 1.2,',
  'Glossary',
  'Appendix 1',
  'Appendix 1.1',
  'Objectives',
  'Recitals',
  'Whereas:',
  'HAVE ADOPTED THIS REGULATION:',
  'REGULATION (EU) 1/2',
  'Having regard to',
  'LEGAL TEXT:',
  'Done at Brussels',
  '(a)',
  '(b)',
  '(i)',
  '(ii)',
  '(1)',
  '(2)',
  '1.',
  '2.',
  'A.',
  '—',
  '-',
  'shall',
  'the',
  'provider',
  'docu-',
  'mentation',
  '‘term’',
  'Summary',
  '84/144',
  '6',
];

const runArb: fc.Arbitrary<TextRun> = fc.record({
  str: fc.oneof(fc.constantFrom(...WORDS), fc.string({ maxLength: 12 })),
  x: fc.double({ min: -50, max: 650, noNaN: true }),
  y: fc.double({ min: -50, max: 900, noNaN: true }),
  width: fc.double({ min: 0, max: 500, noNaN: true }),
  fontSize: fc.constantFrom(0, 4.9, 8.5, 9.6, 10.5, 12, 15, 28),
  bold: fc.boolean(),
  italic: fc.boolean(),
});

const documentArb = fc.array(fc.array(runArb, { maxLength: 60 }), { minLength: 1, maxLength: 5 });

describe('buildTree on arbitrary layouts', () => {
  it('never throws, and yields unique ids whose parents come first', () => {
    fc.assert(
      fc.property(documentArb, (pages) => {
        const layout = layoutFromRaw({
          pageCount: pages.length,
          pages: pages.map((runs, i) => ({ page: i + 1, width: 595, height: 842, runs })),
        });
        const tree = buildTree(layout, 'f'.repeat(64));
        expectWellFormed(tree.units);
      }),
      { numRuns: 300 },
    );
  });
});
