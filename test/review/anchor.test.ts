import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClauseTree } from '../../src/model/clause';
import { unitQuote } from '../../src/model/quote';
import {
  orphanAnnotations,
  placeQuote,
  reanchorAnnotations,
  similarity,
  unitMoves,
} from '../../src/review/anchor';
import { annotation } from '../export/fixtures';
import { MINI_CODE, MINI_LAW, tree, type UnitSpec } from '../support/trees';

const SPECS: UnitSpec[] = MINI_CODE.units.map((u) => [u.id, u.type, u.num, u.heading, u.text, u.parent]);

/** The quote an annotation on `id` of MINI_CODE carries. */
function quoteOf(id: string, code: ClauseTree = MINI_CODE) {
  return unitQuote(
    code.units,
    code.units.findIndex((u) => u.id === id),
  );
}

/** A revision of MINI_CODE: a new Measure 9.3 inserted, the old one renumbered 9.4 and reworded a little. */
const REVISED = tree('code', 'Mini Code rev.', [
  ...SPECS.filter(([id]) => !id.startsWith('msr_9.3')),
  [
    'msr_9.3',
    'measure',
    '9.3',
    'Incident logs',
    'Signatories will keep a log of every incident for ten years.',
    'cmt_9',
  ],
  [
    'msr_9.4',
    'measure',
    '9.4',
    'Reporting timelines',
    'Signatories shall report a serious incident to the AI Office not later than 2 days after becoming aware of it, and will document corrective measures.',
    'cmt_9',
  ],
  [
    'msr_9.4__point_1',
    'point',
    '(1)',
    null,
    'an initial report, as specified in Article 73 AI Act, within 5 days;',
    'msr_9.4',
  ],
]);

describe('similarity', () => {
  it('is 1 for a substring, lower with each edit, 0 for nothing alike', () => {
    expect(similarity('the quick brown fox', 'quick brown').score).toBe(1);
    expect(similarity('the quick brown fox', 'quick brawn').score).toBeCloseTo(1 - 1 / 11);
    expect(similarity('aaaa', 'zzzzzzzz').score).toBe(0);
    expect(similarity('anything', '').score).toBe(1);
  });
});

describe('placeQuote / reanchorAnnotations', () => {
  it('keeps an annotation on its unit when the document is the same', () => {
    for (const unit of MINI_CODE.units)
      expect(placeQuote(quoteOf(unit.id), unit.id, MINI_CODE.units)).toEqual({ id: unit.id, score: 1 });
  });

  it('follows a renumbered and slightly reworded unit, and its point, by their quotes', () => {
    const notes = [
      annotation('a1', 'msr_9.3', null, { quote: quoteOf('msr_9.3') }),
      annotation('a2', 'msr_9.3__point_1', null, { quote: quoteOf('msr_9.3__point_1') }),
      annotation('a3', 'msr_6.2', 'art_55__para_1__point_d', { quote: quoteOf('msr_6.2') }),
    ];
    const result = reanchorAnnotations(notes, REVISED, MINI_LAW);
    expect(result.moved.map((m) => [m.from, m.to])).toEqual([
      ['msr_9.3', 'msr_9.4'],
      ['msr_9.3__point_1', 'msr_9.4__point_1'],
    ]);
    expect(result.annotations.map((a) => a.source)).toEqual(['msr_9.4', 'msr_9.4__point_1', 'msr_6.2']);
    // The quote is what its author read: kept as it was.
    expect(result.annotations[0]?.quote).toEqual(notes[0]?.quote);
    expect(result.orphans).toEqual([]);
  });

  it('lists as orphans, unchanged, notes whose text is gone or whose law provision is gone', () => {
    const cut = tree(
      'code',
      'Cut',
      SPECS.filter(([id]) => !id.startsWith('msr_9.3')),
    );
    const lawCut = tree(
      'act',
      'Law',
      MINI_LAW.units
        .filter((u) => u.id !== 'art_55__para_1__point_d')
        .map((u): UnitSpec => [u.id, u.type, u.num, u.heading, u.text, u.parent]),
    );
    const notes = [
      annotation('a1', 'msr_9.3', null, { quote: quoteOf('msr_9.3') }),
      annotation('a3', 'msr_6.2', 'art_55__para_1__point_d', { quote: quoteOf('msr_6.2') }),
    ];
    const result = reanchorAnnotations(notes, cut, lawCut);
    expect(result.orphans).toEqual(notes);
    expect(result.annotations).toEqual(notes);
    expect(orphanAnnotations(notes, cut, lawCut)).toEqual(notes);
    expect(orphanAnnotations(notes, MINI_CODE, MINI_LAW)).toEqual([]);
  });

  it('never drops or invents an annotation, whatever the quote', () => {
    const arbitraryQuote = fc.record({ exact: fc.string(), prefix: fc.string(), suffix: fc.string() });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...MINI_CODE.units.map((u) => u.id), 'gone'), arbitraryQuote)),
        (specs) => {
          const notes = specs.map(([source, quote], i) => annotation(`n${i}`, source, null, { quote }));
          const result = reanchorAnnotations(notes, REVISED, MINI_LAW);
          expect(result.annotations.map((a) => a.id)).toEqual(notes.map((a) => a.id));
          const ids = new Set<string>(REVISED.units.map((u) => u.id));
          for (const a of result.annotations)
            if (!result.orphans.includes(a)) expect(ids.has(a.source)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('orphanAnnotations', () => {
  it('lists a verdict whose id a revision gave to other text, not one on an unchanged or lightly edited unit', () => {
    const old = annotation('o1', 'msr_9.3', null, { quote: quoteOf('msr_9.3') });
    // REVISED gives the id msr_9.3 to a new measure about incident logs.
    expect(orphanAnnotations([old], REVISED, MINI_LAW)).toEqual([old]);
    expect(orphanAnnotations([old], MINI_CODE, MINI_LAW)).toEqual([]);
    const edited = tree(
      'code',
      'Edited',
      SPECS.map(([id, type, num, heading, text, parent]): UnitSpec => [
        id,
        type,
        num,
        heading,
        id === 'msr_9.3' ? text.replace('will report', 'shall report') : text,
        parent,
      ]),
    );
    expect(orphanAnnotations([old], edited, MINI_LAW)).toEqual([]);
    // A few words say too little to call a unit changed.
    const short = annotation('o2', 'msr_9.3', null, {
      quote: { exact: 'Signatories will', prefix: '', suffix: '' },
    });
    expect(orphanAnnotations([short], REVISED, MINI_LAW)).toEqual([]);
  });
});

describe('unitMoves', () => {
  it('moves a link with the verdict on it, else with its unit’s verdict; an ambiguous unit stays', () => {
    const moved = (from: string, to: string, target: string | null) => ({
      annotation: annotation(`${from}-${to}`, to, target),
      from,
      to,
      score: 1,
    });
    const moves = unitMoves([
      moved('msr_9.3', 'msr_9.4', 'art_55__para_1__point_c'),
      moved('msr_6.2', 'msr_6.3', null),
      moved('msr_1.1', 'msr_1.2', null),
      moved('msr_1.1', 'msr_1.3', null),
    ]);
    expect(moves.link('msr_9.3', 'art_55__para_1__point_c')).toBe('msr_9.4');
    expect(moves.link('msr_9.3', 'art_53')).toBeUndefined();
    expect(moves.link('msr_6.2', 'art_55')).toBe('msr_6.3');
    expect(moves.unit('msr_6.2')).toBe('msr_6.3');
    expect(moves.unit('msr_1.1')).toBeUndefined();
  });
});
