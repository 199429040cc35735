/**
 * The labels EU texts number their provisions with — `53`, `(b)`, `(ii)`, `XI`, `1.2`, `second` — and
 * the arithmetic on them that ranges (`points (a) to (d)`) and list continuations (`(8) and (9)`) need.
 */

/** The most items one range may expand to; beyond it the range is reported, not expanded. */
export const MAX_RANGE = 500;

const UNITS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const TEENS = [
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const TENS: readonly (readonly [string, string])[] = [
  ['twentieth', 'twenty'],
  ['thirtieth', 'thirty'],
  ['fortieth', 'forty'],
];

/** Ordinal words in order: `first` … `forty-ninth` (Annex VII has 22 unnumbered subparagraphs). */
const ORDINALS: readonly string[] = (() => {
  const words = [...UNITS, ...TEENS];
  for (const [round, stem] of TENS) {
    words.push(round, ...UNITS.map((unit) => `${stem}-${unit}`));
  }
  return words;
})();

const ORDINAL_VALUE = new Map(ORDINALS.map((word, index) => [word, index + 1]));

/** `second` or `2nd` -> 2; case-insensitive; null for anything else. */
export function ordinalValue(word: string): number | null {
  const lower = word.toLowerCase();
  const numeral = /^(\d{1,3})(?:st|nd|rd|th)$/.exec(lower);
  if (numeral?.[1] !== undefined) return Number(numeral[1]);
  return ORDINAL_VALUE.get(lower) ?? null;
}

const NUMERAL_SUFFIXES = ['th', 'st', 'nd', 'rd'];

/** 2 -> `second`; numbers beyond the word list fall back to `52nd`-style numerals. */
export function ordinalWord(n: number): string {
  const word = ORDINALS[n - 1];
  if (word !== undefined) return word;
  const lastTwo = n % 100;
  const suffix = lastTwo >= 11 && lastTwo <= 13 ? 'th' : (NUMERAL_SUFFIXES[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const ROMAN_LOWER = /^(?=[ivxlc]+$)c{0,3}(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/;
const ROMAN_UPPER = /^(?=[IVXLC]+$)C{0,3}(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;
const ROMAN_DIGITS: readonly (readonly [number, string])[] = [
  [100, 'c'],
  [90, 'xc'],
  [50, 'l'],
  [40, 'xl'],
  [10, 'x'],
  [9, 'ix'],
  [5, 'v'],
  [4, 'iv'],
  [1, 'i'],
];

/** `xiv` or `XIV` -> 14; null when the label is not a roman numeral. */
export function fromRoman(label: string): number | null {
  if (!ROMAN_LOWER.test(label) && !ROMAN_UPPER.test(label)) return null;
  let rest = label.toLowerCase();
  let value = 0;
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (rest.startsWith(digits)) {
      value += amount;
      rest = rest.slice(digits.length);
    }
  }
  return value;
}

/** 14 -> `xiv`. */
export function toRoman(n: number): string {
  let rest = n;
  let out = '';
  for (const [amount, digits] of ROMAN_DIGITS) {
    while (rest >= amount) {
      out += digits;
      rest -= amount;
    }
  }
  return out;
}

/** How a label counts: EU texts number paragraphs with digits, points with letters, sub-points in roman. */
export type LabelStyle = 'digit' | 'letter' | 'roman';

/**
 * The ways a label may count. `(i)`, `(v)`, `(x)` are both the ninth letter and the first roman numeral;
 * the caller decides from the context (or from the ids) which one is meant.
 */
export function labelStyles(label: string): readonly LabelStyle[] {
  if (/^\d/.test(label)) return ['digit'];
  const lower = label.toLowerCase();
  const roman = ROMAN_LOWER.test(lower);
  if (roman && lower.length > 1) return ['roman'];
  if (roman) return ['letter', 'roman'];
  return ['letter'];
}

/** True when two labels can be items of the same list (`(a)` and `(b)`, not `(h)` and `(2)`). */
export function sameStyle(a: string, b: string): boolean {
  const styles = labelStyles(b);
  return labelStyles(a).some((style) => styles.includes(style));
}

function lettersBetween(a: string, b: string): string[] | null {
  if (!/^[a-z]$/i.test(a) || !/^[a-z]$/i.test(b)) return null;
  if ((a === a.toUpperCase()) !== (b === b.toUpperCase())) return null;
  const from = a.charCodeAt(0);
  const to = b.charCodeAt(0);
  if (to < from) return null;
  const out: string[] = [];
  for (let code = from; code <= to; code++) out.push(String.fromCharCode(code));
  return out;
}

function romansBetween(a: string, b: string): string[] | null {
  const from = fromRoman(a);
  const to = fromRoman(b);
  if (from === null || to === null || to < from || to - from >= MAX_RANGE) return null;
  const upper = a === a.toUpperCase();
  if (upper !== (b === b.toUpperCase())) return null;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(upper ? toRoman(n).toUpperCase() : toRoman(n));
  return out;
}

function numbersBetween(a: string, b: string): string[] | null {
  if (!/^\d+$/.test(a) || !/^\d+$/.test(b)) return null;
  const from = Number(a);
  const to = Number(b);
  if (to < from || to - from >= MAX_RANGE) return null;
  const out: string[] = [];
  for (let n = from; n <= to; n++) out.push(String(n));
  return out;
}

/**
 * Every label from `a` to `b` inclusive: `a`..`d`, `i`..`iv`, `8`..`15`, `I`..`III`, `1.1`..`1.3`,
 * `II.1`..`II.3`. Null when the two do not count the same way (`1.4` to `2.1`, `(a)` to `(3)`) or the
 * range is longer than {@link MAX_RANGE}: such a range cannot be expanded without guessing.
 */
export function expandRange(a: string, b: string): string[] | null {
  const dotA = a.lastIndexOf('.');
  const dotB = b.lastIndexOf('.');
  if (dotA >= 0 || dotB >= 0) {
    const stem = a.slice(0, dotA + 1);
    if (stem !== b.slice(0, dotB + 1)) return null;
    const tails = numbersBetween(a.slice(dotA + 1), b.slice(dotB + 1));
    return tails && tails.map((tail) => stem + tail);
  }
  const numbers = numbersBetween(a, b);
  if (numbers) return numbers;
  const bothRoman = fromRoman(a) !== null && fromRoman(b) !== null;
  // `(i) to (iv)` counts in roman numerals; `(a) to (i)` or `(c) to (d)` in letters. A single-letter
  // pair counts in roman only from `i`/`I`, the first roman numeral, which is how lists start.
  const preferRoman = bothRoman && (a.length > 1 || b.length > 1 || a.toLowerCase() === 'i');
  if (preferRoman && a.length === 1 && b.length === 1) {
    // `(i) to (l)` would be fifty roman sub-points but is four letters: the shorter reading is the list.
    const letters = lettersBetween(a, b);
    const romans = romansBetween(a, b);
    if (letters && romans) return letters.length < romans.length ? letters : romans;
  }
  return preferRoman
    ? romansBetween(a, b)
    : (lettersBetween(a, b) ?? (bothRoman ? romansBetween(a, b) : null));
}
