/**
 * Text quotes keep the words an annotation was written against, with context each side, so it can
 * be found again in a revised document. Whatever the selection, quoting never throws and the quote
 * is always a contiguous stretch of the text it came from.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ClauseId, PageNumber, Unit } from '../../src/model/clause';
import {
  MAX_QUOTE_EXACT,
  QUOTE_CONTEXT,
  UNIT_SEPARATOR,
  textQuote,
  unitDisplayText,
  unitQuote,
  unitTextById,
} from '../../src/model/quote';
import { MINI_CODE } from '../support/trees';

function unit(id: string, heading: string | null, text: string): Unit {
  return {
    id: id as ClauseId,
    type: 'paragraph',
    num: null,
    heading,
    text,
    parent: null,
    page: 1 as PageNumber,
    notes: [],
    boxes: [],
  };
}

const documentText = (units: readonly Unit[]): string => units.map(unitDisplayText).join(UNIT_SEPARATOR);

/** Any offset a caller might pass, including the broken ones. */
const anyOffset = fc.oneof(
  fc.integer({ min: -50, max: 300 }),
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity),
);
/** Text with astral characters (surrogate pairs) among ordinary ones. */
const anyText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '\n', 'é', '😀', '𝔄', '中'),
  maxLength: 200,
});

describe('textQuote', () => {
  it('quotes the selection with up to 32 characters of context each side', () => {
    const text =
      'Providers of general-purpose AI models shall draw up and keep up-to-date the technical documentation of the model.';
    const start = text.indexOf('draw up');
    const end = start + 'draw up'.length;
    expect(textQuote(text, start, end)).toEqual({
      exact: 'draw up',
      prefix: 'Providers of general-purpose AI models shall '.slice(-QUOTE_CONTEXT),
      suffix: ' and keep up-to-date the technic',
    });
  });

  it('clamps context at the edges of the text', () => {
    expect(textQuote('shall report', 0, 5)).toEqual({ exact: 'shall', prefix: '', suffix: ' report' });
    expect(textQuote('shall report', 6, 12, 3)).toEqual({ exact: 'report', prefix: 'll ', suffix: '' });
  });

  it('takes a selection dragged right to left as the same selection', () => {
    expect(textQuote('shall report', 12, 6)).toEqual(textQuote('shall report', 6, 12));
  });

  it('never cuts an astral character in half at the edge of the context', () => {
    const text = '😀😀x😀😀';
    // A context of 3 from offset 4 would start inside the first emoji's pair.
    const quote = textQuote(text, 4, 5, 3);
    expect(quote).toEqual({ exact: 'x', prefix: '😀', suffix: '😀' });
  });

  it('never throws, and prefix + exact + suffix is always a stretch of the text', () => {
    fc.assert(
      fc.property(
        anyText,
        anyOffset,
        anyOffset,
        fc.option(anyOffset, { nil: undefined }),
        (text, a, b, ctx) => {
          const quote = textQuote(text, a, b, ctx);
          const joined = quote.prefix + quote.exact + quote.suffix;
          expect(text.includes(joined)).toBe(true);
          const width = ctx === undefined ? QUOTE_CONTEXT : Math.max(0, ctx);
          expect(quote.prefix.length).toBeLessThanOrEqual(Number.isNaN(width) ? 0 : width);
          expect(quote.suffix.length).toBeLessThanOrEqual(Number.isNaN(width) ? 0 : width);
        },
      ),
    );
  });

  it('quotes exactly text.slice(start, end) for any valid selection, context nested right around it', () => {
    fc.assert(
      fc.property(
        anyText.chain((text) =>
          fc.tuple(
            fc.constant(text),
            fc.integer({ min: 0, max: text.length }),
            fc.integer({ min: 0, max: text.length }),
          ),
        ),
        fc.integer({ min: 0, max: 64 }),
        ([text, a, b], ctx) => {
          const [start, end] = a <= b ? [a, b] : [b, a];
          const quote = textQuote(text, start, end, ctx);
          expect(quote.exact).toBe(text.slice(start, end));
          expect(text.slice(0, start).endsWith(quote.prefix)).toBe(true);
          expect(text.slice(end).startsWith(quote.suffix)).toBe(true);
          // Only a surrogate pair at the edge may shorten the context, and by one unit only.
          expect(quote.prefix.length).toBeGreaterThanOrEqual(Math.min(ctx, start) - 1);
          expect(quote.suffix.length).toBeGreaterThanOrEqual(Math.min(ctx, text.length - end) - 1);
        },
      ),
    );
  });
});

describe('unitDisplayText', () => {
  it('joins heading and text with a space, trimmed, leaving out the number', () => {
    expect(unitDisplayText({ heading: ' Security mitigations ', text: 'Signatories commit. ' })).toBe(
      'Security mitigations Signatories commit.',
    );
    expect(unitDisplayText({ heading: null, text: ' only text ' })).toBe('only text');
    expect(unitDisplayText({ heading: 'GENERAL PROVISIONS', text: '' })).toBe('GENERAL PROVISIONS');
  });
});

describe('unitQuote', () => {
  it('quotes a whole unit with the end of the previous one and the start of the next', () => {
    const units = MINI_CODE.units;
    const quote = unitQuote(units, 1);
    expect(quote.exact).toBe(
      'Security measures Signatories will implement cybersecurity protection for unreleased model weights and the physical infrastructure against insider threats.',
    );
    expect(quote.prefix).toBe(
      '14 and 115 AI Act Signatories commit to protecting their models.\n'.slice(-32),
    );
    expect(quote.suffix).toBe('\nSerious incident reporting LEGAL TEXT: Article 55(1)'.slice(0, 32));
  });

  it('has no prefix for the first unit and no suffix for the last', () => {
    const units = MINI_CODE.units;
    expect(unitQuote(units, 0).prefix).toBe('');
    expect(unitQuote(units, units.length - 1).suffix).toBe('');
  });

  it('reaches past a short or empty neighbour for context', () => {
    const units = [
      unit('a', null, 'The first provision, long enough'),
      unit('b', 'V', ''),
      unit('c', null, 'x'),
    ];
    expect(unitQuote(units, 2).prefix).toBe(' first provision, long enough\nV\n');
  });

  it('caps a long unit and continues the suffix from where the quote stops', () => {
    const long = 'word '.repeat(1_000).trim();
    const units = [unit('a', null, long), unit('b', null, 'next unit')];
    const quote = unitQuote(units, 0);
    expect(quote.exact).toHaveLength(MAX_QUOTE_EXACT);
    expect(quote.exact).toBe(long.slice(0, MAX_QUOTE_EXACT));
    expect(quote.suffix).toBe(long.slice(MAX_QUOTE_EXACT, MAX_QUOTE_EXACT + QUOTE_CONTEXT));
  });

  it('quotes nothing for an index outside the list', () => {
    const empty = { exact: '', prefix: '', suffix: '' };
    expect(unitQuote(MINI_CODE.units, -1)).toEqual(empty);
    expect(unitQuote(MINI_CODE.units, MINI_CODE.units.length)).toEqual(empty);
    expect(unitQuote(MINI_CODE.units, 0.5)).toEqual(empty);
    expect(unitQuote([], 0)).toEqual(empty);
  });

  it('equals quoting the whole document text at the unit, for any units', () => {
    const anyUnits = fc
      .array(fc.tuple(fc.option(anyText, { nil: null }), anyText), { minLength: 1, maxLength: 12 })
      .map((specs) => specs.map(([heading, text], i) => unit(`u${i}`, heading, text)));
    fc.assert(
      fc.property(anyUnits, fc.nat(), fc.integer({ min: 0, max: 80 }), (units, pick, ctx) => {
        const index = pick % units.length;
        const quote = unitQuote(units, index, ctx);
        const text = documentText(units);
        const offset = units
          .slice(0, index)
          .reduce((sum, u) => sum + unitDisplayText(u).length + UNIT_SEPARATOR.length, 0);
        expect(quote).toEqual(textQuote(text, offset, offset + quote.exact.length, ctx));
        expect(text.includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
        expect(unitDisplayText(units[index]!).startsWith(quote.exact)).toBe(true);
      }),
    );
  });

  it('never throws on any index or context', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyText, anyText), { maxLength: 5 }),
        anyOffset,
        anyOffset,
        (specs, index, ctx) => {
          const units = specs.map(([h, t], i) => unit(`u${i}`, h, t));
          const quote = unitQuote(units, index, ctx);
          expect(documentText(units).includes(quote.prefix + quote.exact + quote.suffix)).toBe(true);
        },
      ),
    );
  });
});

describe('unitTextById', () => {
  it('gives each unit its display text, and null for an unknown id', () => {
    const lookup = unitTextById(MINI_CODE.units);
    const unit = MINI_CODE.units.find((u) => u.heading !== null)!;
    expect(lookup(unit.id)).toBe(unitDisplayText(unit));
    expect(lookup('no_such_id')).toBeNull();
  });
});
