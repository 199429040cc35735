/**
 * Text runs -> layout lines. A line is what a reader sees as one printed
 * line: runs sharing a baseline (superscripts included), in reading order,
 * with whitespace normalised and each character traceable to page coordinates.
 */
import type { RawPage, TextRun } from './extract';

/** A stretch of a line's text that came from one run. */
export interface LineSpan {
  /** Offset in `Line.text` (inclusive). */
  readonly start: number;
  /** Offset in `Line.text` (exclusive). */
  readonly end: number;
  readonly x: number;
  readonly width: number;
  /** Raised and smaller than the line's text: a footnote marker or an exponent. */
  readonly superscript: boolean;
}

export interface Line {
  readonly page: number;
  /** Left edge of the first visible character. */
  readonly x: number;
  /** Right edge of the last visible character. */
  readonly xEnd: number;
  /** Baseline, PDF user space (grows upwards). */
  readonly y: number;
  /** The font size of most of the line's (non-superscript) characters. */
  readonly fontSize: number;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly text: string;
  readonly spans: readonly LineSpan[];
}

export interface PageLines {
  readonly page: number;
  readonly width: number;
  readonly height: number;
  readonly lines: readonly Line[];
}

interface Row {
  y: number;
  fontSize: number;
  readonly runs: { run: TextRun; superscript: boolean }[];
}

/** Gap (in font sizes) above which two runs on one baseline are separate lines (columns, header corners). */
const COLUMN_GAP_EM = 4;
/** Gap (in font sizes) above which adjacent runs are separated by a space. */
const WORD_GAP_EM = 0.15;

/** Groups a page's runs into lines, top to bottom. */
export function buildLines(page: RawPage): PageLines {
  const visible = page.runs.filter((run) => run.str.trim().length > 0);
  const bodySize = dominantSize(visible);
  const rows: Row[] = [];
  // Full-size runs first define the baselines; small runs then join the row
  // they are raised above (superscripts) instead of forming rows of their own.
  const isSmall = (run: TextRun): boolean => run.fontSize < bodySize * 0.72;
  for (const run of page.runs) {
    if (!isSmall(run)) placeRun(rows, run);
  }
  for (const run of page.runs) {
    if (isSmall(run)) placeSmallRun(rows, run);
  }
  rows.sort((a, b) => b.y - a.y);
  const lines: Line[] = [];
  for (const row of rows) {
    row.runs.sort((a, b) => a.run.x - b.run.x);
    for (const group of splitColumns(row)) {
      const line = assemble(page.page, group, row.fontSize);
      if (line) lines.push(line);
    }
  }
  return { page: page.page, width: page.width, height: page.height, lines };
}

function placeRun(rows: Row[], run: TextRun): void {
  // Runs arrive mostly in reading order, so the matching row is usually one of the last.
  for (let i = rows.length - 1; i >= 0; i--) {
    const row = rows[i];
    if (row && Math.abs(row.y - run.y) <= 0.3 * Math.max(row.fontSize, run.fontSize)) {
      row.runs.push({ run, superscript: false });
      if (run.str.trim() && run.fontSize > row.fontSize) row.fontSize = run.fontSize;
      return;
    }
  }
  rows.push({ y: run.y, fontSize: run.fontSize, runs: [{ run, superscript: false }] });
}

function placeSmallRun(rows: Row[], run: TextRun): void {
  let best: Row | null = null;
  for (const row of rows) {
    if (run.fontSize >= row.fontSize * 0.85) continue;
    const rise = run.y - row.y;
    if (rise < -0.35 * row.fontSize || rise > 0.75 * row.fontSize) continue;
    const xs = row.runs.map((r) => r.run.x);
    const xe = row.runs.map((r) => r.run.x + r.run.width);
    if (run.x < Math.min(...xs) - row.fontSize || run.x > Math.max(...xe) + row.fontSize) continue;
    if (!best || Math.abs(row.y - run.y) < Math.abs(best.y - run.y)) best = row;
  }
  if (best) {
    best.runs.push({ run, superscript: run.y - best.y > 0.15 * best.fontSize });
    return;
  }
  placeRun(rows, run);
}

function splitColumns(row: Row): Row['runs'][] {
  const groups: Row['runs'][] = [];
  let current: Row['runs'] = [];
  let end = -Infinity;
  for (const entry of row.runs) {
    const blank = entry.run.str.trim().length === 0;
    if (!blank && current.length > 0 && entry.run.x - end > COLUMN_GAP_EM * row.fontSize) {
      groups.push(current);
      current = [];
    }
    current.push(entry);
    if (!blank) end = Math.max(end, entry.run.x + entry.run.width);
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function assemble(pageNumber: number, runs: Row['runs'], rowSize: number): Line | null {
  let text = '';
  const spans: LineSpan[] = [];
  let pendingSpace = false;
  let prevEnd = -Infinity;
  const sizeChars = new Map<number, number>();
  let boldChars = 0;
  let italicChars = 0;
  let visibleChars = 0;
  let x = Infinity;
  let xEnd = -Infinity;
  let y = 0;
  let yWeight = 0;
  for (const { run, superscript } of runs) {
    const str = run.str.replace(/\s+/g, ' ');
    if (str.trim().length === 0) {
      pendingSpace = text.length > 0;
      continue;
    }
    const gap = run.x - prevEnd;
    const lead = str.startsWith(' ');
    let body = str.trim();
    // An exponent (`10` with a raised `25`) is printed as one number: keep it readable as 10²⁵, not 1025.
    if (superscript && /^\d+$/.test(body) && /\d$/.test(text)) body = toSuperscript(body);
    const needSpace =
      text.length > 0 &&
      !text.endsWith(' ') &&
      (pendingSpace || lead || (!superscript && gap > WORD_GAP_EM * run.fontSize));
    if (needSpace) text += ' ';
    const start = text.length;
    text += body;
    if (str.endsWith(' ')) pendingSpace = true;
    else pendingSpace = false;
    spans.push({ start, end: text.length, x: run.x, width: run.width, superscript });
    prevEnd = run.x + run.width;
    x = Math.min(x, run.x);
    xEnd = Math.max(xEnd, run.x + run.width);
    if (!superscript) {
      const key = Math.round(run.fontSize * 10) / 10;
      sizeChars.set(key, (sizeChars.get(key) ?? 0) + body.length);
      y += run.y * body.length;
      yWeight += body.length;
    }
    visibleChars += body.length;
    if (run.bold) boldChars += body.length;
    if (run.italic) italicChars += body.length;
  }
  if (text.length === 0) return null;
  const fontSize = mostCommon(sizeChars, rowSize);
  return {
    page: pageNumber,
    x,
    xEnd,
    y: yWeight > 0 ? y / yWeight : (runs[0]?.run.y ?? 0),
    fontSize,
    bold: boldChars * 2 > visibleChars,
    italic: italicChars * 2 > visibleChars,
    text,
    spans,
  };
}

/** The font size carrying most characters (the body text size). */
export function dominantSize(runs: readonly TextRun[]): number {
  const counts = new Map<number, number>();
  for (const run of runs) {
    const key = Math.round(run.fontSize * 10) / 10;
    counts.set(key, (counts.get(key) ?? 0) + run.str.length);
  }
  return mostCommon(counts, 0);
}

/** The key with the largest count (the first such key on a tie); `fallback` when there is none. */
export function mostCommon(counts: ReadonlyMap<number, number>, fallback: number): number {
  let best = fallback;
  let most = -1;
  for (const [key, count] of counts) {
    if (count > most) {
      most = count;
      best = key;
    }
  }
  return best;
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

function toSuperscript(digits: string): string {
  return digits.replace(/\d/g, (d) => SUPERSCRIPT_DIGITS[Number(d)] ?? d);
}
