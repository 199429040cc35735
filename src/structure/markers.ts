/**
 * List markers at the start of a line — `1.`, `(a)`, `(ii)`, `(12)`, `A.`,
 * `—` — and the nesting of the lists they open.
 */
import type { FLine } from './features';

export type MarkerStyle = 'paren-num' | 'paren-alpha' | 'paren-roman' | 'dot-num' | 'dot-alpha' | 'dash';

export interface Marker {
  /** As printed: `(b)`, `1.`, `—`. */
  readonly printed: string;
  /** The bare label: `b`, `1`, `ii`; for dashes the empty string. */
  readonly label: string;
  /** Both readings for `(i)`, `(v)`, `(x)`…; resolved by the list context. */
  readonly styles: readonly MarkerStyle[];
  /** Offset in the line where the marker's text begins. */
  readonly textStart: number;
  /** The marker stands apart from its text (a hanging indent), not merely followed by a space. */
  readonly hanging: boolean;
}

const ROMAN = /^(?=[ivxlc]+$)c{0,3}(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/;
const MARKER =
  /^(?:\((\d{1,3}[a-z]?)\)|\(([a-z]{1,2})\)|\(([ivxlc]{1,6})\)|(\d{1,3}[a-z]?)\.|([A-Z])\.|([—–-]))(?=\s|$)/;

/** Reads a list marker at the start of a line, if there is one. */
export function readMarker(fline: FLine): Marker | null {
  const match = MARKER.exec(fline.text);
  if (!match) return null;
  const printed = match[0];
  const styles: MarkerStyle[] = [];
  let label = '';
  if (match[1] !== undefined) {
    styles.push('paren-num');
    label = match[1];
  } else if (match[2] !== undefined || match[3] !== undefined) {
    label = match[2] ?? match[3] ?? '';
    if (/^[a-z]{1,2}$/.test(label) && (label.length === 1 || label[0] === label[1]))
      styles.push('paren-alpha');
    if (ROMAN.test(label)) styles.push('paren-roman');
    if (styles.length === 0) return null;
  } else if (match[4] !== undefined) {
    styles.push('dot-num');
    label = match[4];
  } else if (match[5] !== undefined) {
    styles.push('dot-alpha');
    label = match[5];
  } else {
    styles.push('dash');
  }
  let textStart = printed.length;
  while (fline.text[textStart] === ' ') textStart++;
  return { printed, label, styles, textStart, hanging: isHanging(fline, printed.length, textStart) };
}

/** True when the text after the marker starts noticeably further right than a word space would put it. */
function isHanging(fline: FLine, markerEnd: number, textStart: number): boolean {
  if (textStart >= fline.text.length) return true;
  const { spans } = fline.line;
  const markerSpan = spans.find((span) => span.start < markerEnd && span.end >= markerEnd);
  const textSpan = spans.find((span) => span.start <= textStart && span.end > textStart);
  if (!markerSpan || !textSpan || markerSpan === textSpan) return false;
  const markerRight =
    markerSpan.x + (markerSpan.width * (markerEnd - markerSpan.start)) / (markerSpan.end - markerSpan.start);
  const textLeft =
    textSpan.x + (textSpan.width * (textStart - textSpan.start)) / (textSpan.end - textSpan.start);
  return textLeft - markerRight > fline.line.fontSize * 0.4;
}

/** The label that follows `label` in a sequence of the given style (`b` -> `c`, `iv` -> `v`, `9` -> `10`). */
export function nextLabel(style: MarkerStyle, label: string): string {
  switch (style) {
    case 'paren-num':
    case 'dot-num':
      return String(Number.parseInt(label, 10) + 1);
    case 'paren-alpha':
    case 'dot-alpha': {
      if (label.length === 2)
        return label === 'zz' ? 'aaa' : String.fromCharCode(label.charCodeAt(0) + 1).repeat(2);
      if (label === 'z') return 'aa';
      if (label === 'Z') return 'AA';
      return String.fromCharCode(label.charCodeAt(0) + 1);
    }
    case 'paren-roman':
      return toRoman(fromRoman(label) + 1);
    case 'dash':
      return '';
    default: {
      const never: never = style;
      return never;
    }
  }
}

/** The first label of a sequence in this style. */
export function firstLabel(style: MarkerStyle): string {
  switch (style) {
    case 'paren-num':
    case 'dot-num':
      return '1';
    case 'paren-alpha':
      return 'a';
    case 'dot-alpha':
      return 'A';
    case 'paren-roman':
      return 'i';
    case 'dash':
      return '';
    default: {
      const never: never = style;
      return never;
    }
  }
}

const ROMAN_VALUES: readonly [string, number][] = [
  ['m', 1000],
  ['cm', 900],
  ['d', 500],
  ['cd', 400],
  ['c', 100],
  ['xc', 90],
  ['l', 50],
  ['xl', 40],
  ['x', 10],
  ['ix', 9],
  ['v', 5],
  ['iv', 4],
  ['i', 1],
];

export function toRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [symbol, value] of ROMAN_VALUES) {
    while (rest >= value) {
      out += symbol;
      rest -= value;
    }
  }
  return out;
}

export function fromRoman(roman: string): number {
  const s = roman.toLowerCase();
  let total = 0;
  let i = 0;
  for (const [symbol, value] of ROMAN_VALUES) {
    while (s.startsWith(symbol, i)) {
      total += value;
      i += symbol.length;
    }
  }
  return i === s.length ? total : Number.NaN;
}
