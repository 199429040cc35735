/**
 * Footnotes are separated from body text by layout, not by their marker: a
 * footnote marker `(5)` and a recital number `(5)` print the same characters,
 * but a footnote sits in a block of smaller type at the foot of the page and
 * its number is a raised, smaller superscript. A recital number is neither.
 */
import type { Line, PageLines } from './lines';

export interface Footnote {
  readonly page: number;
  /** As printed, e.g. `(12)` or `12`. */
  readonly marker: string;
  /** The bare number, e.g. `12`: the key that body markers refer to. */
  readonly number: string;
  readonly text: string;
  readonly lines: readonly Line[];
}

export interface FootnoteResult {
  readonly pages: readonly PageLines[];
  readonly footnotes: readonly Footnote[];
}

/** `(` + superscript digits + `)` or bare superscript digits at the start of a line. */
const LEADING_MARKER = /^(\(?)(\d{1,4})(\)?)\s*/;

/**
 * Splits each page's lines into body and footnotes. `bodySize` is the
 * document's body font size; footnotes are printed smaller than it.
 */
export function separateFootnotes(pages: readonly PageLines[], bodySize: number): FootnoteResult {
  const footnotes: Footnote[] = [];
  const out = pages.map((page) => {
    const { lines } = page;
    // Walk up from the bottom through the run of small-type lines.
    let top = lines.length;
    while (top > 0) {
      const line = lines[top - 1];
      if (!line || line.fontSize > bodySize - 0.5) break;
      top--;
    }
    // The zone must open with a superscript marker, or it is small print of another kind (a caption, a table).
    while (top < lines.length && !opensFootnote(lines[top])) top++;
    if (top >= lines.length) return page;
    let current: { marker: string; number: string; lines: Line[] } | null = null;
    const flush = (): void => {
      if (!current) return;
      const text = current.lines
        .map((line, i) => (i === 0 ? line.text.replace(LEADING_MARKER, '') : line.text))
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim();
      footnotes.push({
        page: page.page,
        marker: current.marker,
        number: current.number,
        text,
        lines: current.lines,
      });
    };
    for (const line of lines.slice(top)) {
      const marker = opensFootnote(line) ? readMarker(line) : null;
      if (marker) {
        flush();
        current = { ...marker, lines: [line] };
      } else {
        current?.lines.push(line);
      }
    }
    flush();
    return { ...page, lines: lines.slice(0, top) };
  });
  return { pages: out, footnotes };
}

function opensFootnote(line: Line | undefined): boolean {
  if (!line) return false;
  const match = LEADING_MARKER.exec(line.text);
  if (!match) return false;
  const digitsStart = (match[1] ?? '').length;
  // The digits must come from a superscript span.
  return line.spans.some((span) => span.superscript && span.start <= digitsStart && span.end > digitsStart);
}

function readMarker(line: Line): { marker: string; number: string } | null {
  const match = LEADING_MARKER.exec(line.text);
  if (!match) return null;
  const number = match[2] ?? '';
  const marker = `${match[1] ?? ''}${number}${match[3] ?? ''}`;
  return { marker, number };
}

/** Footnote references inside a body line: superscript digit spans, with their printed form. */
export function footnoteReferences(line: Line): { marker: string; number: string }[] {
  const refs: { marker: string; number: string }[] = [];
  for (const span of line.spans) {
    if (!span.superscript) continue;
    const digits = line.text.slice(span.start, span.end);
    if (!/^\d{1,4}$/.test(digits)) continue;
    const open = line.text[span.start - 1] === '(';
    const close = line.text[span.end] === ')';
    refs.push({ marker: open && close ? `(${digits})` : digits, number: digits });
  }
  return refs;
}
