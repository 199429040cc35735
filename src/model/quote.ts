/**
 * Text quotes (W3C TextQuoteSelector): the words an annotation was written against, with a little
 * context each side, so the annotation can be re-anchored when a revised document is imported and
 * its clause ids no longer say everything (a unit renumbered, split or reworded).
 *
 * Both functions are total: any offsets, any context, any unit list give a quote, never a throw.
 */
import type { Unit } from './clause';
import type { TextQuote } from './review';

/** Characters of context kept on each side of a quote. */
export const QUOTE_CONTEXT = 32;

/** A whole-unit quote keeps at most this many characters of the unit (Annex tables run to pages). */
export const MAX_QUOTE_EXACT = 2_000;

/**
 * What separates two units in the document text that unit quotes are taken from: the units'
 * display texts (see {@link unitDisplayText}) in document order, joined by this.
 */
export const UNIT_SEPARATOR = '\n';

const isHigh = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number): boolean => code >= 0xdc00 && code <= 0xdfff;

/** NaN and ±Infinity included: an offset becomes an integer in [0, length]. */
function clampOffset(value: number, length: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.min(length, Math.max(0, Math.trunc(value)));
}

function clampContext(value: number): number {
  if (Number.isNaN(value) || value <= 0) return 0;
  return Math.min(Number.MAX_SAFE_INTEGER, Math.trunc(value));
}

/**
 * Quotes `text.slice(start, end)` with up to `context` characters either side. Offsets are clamped
 * into the text and swapped when given backwards (a selection dragged right to left). The context
 * never starts or ends in the middle of a surrogate pair, so an emoji or a rare CJK character at
 * the edge is kept whole or dropped, never halved.
 */
export function textQuote(text: string, start: number, end: number, context = QUOTE_CONTEXT): TextQuote {
  let from = clampOffset(start, text.length);
  let to = clampOffset(end, text.length);
  if (from > to) [from, to] = [to, from];
  const width = clampContext(context);
  let prefixStart = Math.max(0, from - width);
  if (prefixStart > 0 && prefixStart < from && isLow(text.charCodeAt(prefixStart))) {
    if (isHigh(text.charCodeAt(prefixStart - 1))) prefixStart += 1;
  }
  let suffixEnd = Math.min(text.length, to + width);
  if (suffixEnd < text.length && suffixEnd > to && isHigh(text.charCodeAt(suffixEnd - 1))) {
    if (isLow(text.charCodeAt(suffixEnd))) suffixEnd -= 1;
  }
  return {
    exact: text.slice(from, to),
    prefix: text.slice(prefixStart, from),
    suffix: text.slice(to, suffixEnd),
  };
}

/**
 * A unit as the reader sees it, for quoting: its heading and its own text joined by a space,
 * trimmed (`Security mitigations LEGAL TEXT: Article 55(1)…`). The number is left out: it is what
 * changes when a revision renumbers, and the clause id already carries it.
 */
export function unitDisplayText(unit: Pick<Unit, 'heading' | 'text'>): string {
  return [unit.heading ?? '', unit.text]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ');
}

/**
 * The display text of each unit by clause id (null for an id not among `units`): what an
 * annotation's quote was taken from, for exports that locate the quote in it.
 */
export function unitTextById(units: readonly Unit[]): (id: string) => string | null {
  const byId = new Map<string, Unit>(units.map((unit) => [unit.id, unit]));
  return (id) => {
    const unit = byId.get(id);
    return unit === undefined ? null : unitDisplayText(unit);
  };
}

/**
 * The quote for an annotation on a whole unit: `exact` is the unit's display text (capped at
 * {@link MAX_QUOTE_EXACT} characters), `prefix` the last `context` characters of the document
 * text before it (the previous unit's, and further back when that one is short), `suffix` the
 * first `context` characters after it (the rest of a capped unit, then the next unit's).
 *
 * The result equals `textQuote(documentText, offset, offset + exact.length, context)` over the
 * whole document text (all display texts joined by {@link UNIT_SEPARATOR}), without building it:
 * only the neighbours within reach of the context are read. An index outside the list quotes
 * nothing.
 */
export function unitQuote(units: readonly Unit[], index: number, context = QUOTE_CONTEXT): TextQuote {
  const unit = Number.isInteger(index) ? units[index] : undefined;
  if (!unit) return { exact: '', prefix: '', suffix: '' };
  const width = clampContext(context);
  // One character beyond the context on each side lets textQuote see a surrogate pair it would cut.
  const reach = width + 1;

  const before: string[] = [];
  let beforeLength = 0;
  for (let i = index - 1; i >= 0 && beforeLength < reach; i--) {
    const previous = units[i];
    if (!previous) break;
    const piece = unitDisplayText(previous) + UNIT_SEPARATOR;
    before.push(piece);
    beforeLength += piece.length;
  }
  const after: string[] = [];
  let afterLength = 0;
  for (let i = index + 1; i < units.length && afterLength < reach; i++) {
    const next = units[i];
    if (!next) break;
    const piece = UNIT_SEPARATOR + unitDisplayText(next);
    after.push(piece);
    afterLength += piece.length;
  }

  const display = unitDisplayText(unit);
  let length = Math.min(display.length, MAX_QUOTE_EXACT);
  if (length < display.length && isHigh(display.charCodeAt(length - 1))) length -= 1;
  const head = before.reverse().join('');
  return textQuote(head + display + after.join(''), head.length, head.length + length, width);
}
