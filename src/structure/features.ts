/**
 * Per-line layout features the grammars decide on: where the text column is,
 * whether a line is centred, whether it opens a new block (paragraph break),
 * and whether it opens with a list marker set apart from its text.
 */
import type { Line } from '../pdf/lines';
import type { LayoutDocument } from '../pdf/layout';

export interface Metrics {
  readonly bodySize: number;
  /** The usual left edge of body text. */
  readonly left: number;
  /** The usual right edge of full (justified) lines. */
  readonly right: number;
  /** The usual distance between baselines inside a block. */
  readonly lineStep: number;
}

export interface FLine {
  readonly line: Line;
  /** Index in the document's body-line sequence. */
  readonly index: number;
  readonly page: number;
  readonly text: string;
  /** Vertical distance from the previous line on the same page; null at the top of a page. */
  readonly gapBefore: number | null;
  readonly centered: boolean;
  /** A paragraph break precedes this line (a larger gap, or a fresh start at the top of a page). */
  readonly startsBlock: boolean;
  /** Size relative to body text (1 = body). */
  readonly relSize: number;
}

/** Computes the document's text column and line spacing. */
export function measure(layout: LayoutDocument): Metrics {
  const lines = layout.pages.flatMap((page) => page.lines);
  const body = lines.filter((line) => Math.abs(line.fontSize - layout.bodySize) < 0.3);
  const left = mode(
    body.map((line) => Math.round(line.x)),
    Math.round(lines[0]?.x ?? 0),
  );
  const right = mode(
    body.map((line) => Math.round(line.xEnd)),
    left + 400,
  );
  const steps: number[] = [];
  for (const page of layout.pages) {
    for (let i = 1; i < page.lines.length; i++) {
      const a = page.lines[i - 1];
      const b = page.lines[i];
      if (!a || !b || a.fontSize !== layout.bodySize || b.fontSize !== layout.bodySize) continue;
      const step = a.y - b.y;
      if (step > layout.bodySize * 0.9 && step < layout.bodySize * 1.6) steps.push(step);
    }
  }
  steps.sort((a, b) => a - b);
  const lineStep = steps.length > 0 ? (steps[Math.floor(steps.length / 2)] ?? 0) : layout.bodySize * 1.2;
  return { bodySize: layout.bodySize || 10, left, right, lineStep };
}

/** Annotates every body line with the features the grammars use. */
export function featurize(layout: LayoutDocument, metrics: Metrics): FLine[] {
  const out: FLine[] = [];
  const center = (metrics.left + metrics.right) / 2;
  const blockGap = metrics.lineStep * 1.3;
  let previous: Line | null = null;
  for (const page of layout.pages) {
    let above: Line | null = null;
    for (const line of page.lines) {
      const gapBefore = above ? above.y - line.y : null;
      const mid = (line.x + line.xEnd) / 2;
      const centered =
        Math.abs(mid - center) < Math.max(8, metrics.bodySize) &&
        line.x > metrics.left + metrics.bodySize * 1.5 &&
        line.xEnd < metrics.right - metrics.bodySize * 1.5;
      let startsBlock: boolean;
      if (gapBefore !== null) startsBlock = gapBefore > blockGap;
      else startsBlock = previous === null || endsBlock(previous, line, metrics);
      out.push({
        line,
        index: out.length,
        page: line.page,
        text: line.text,
        gapBefore,
        centered,
        startsBlock,
        relSize: line.fontSize / metrics.bodySize,
      });
      above = line;
      previous = line;
    }
  }
  return out;
}

/**
 * At a page break there is no gap to measure: the last line of the previous
 * page ends its block if it stops short of the right margin after closing
 * punctuation (justified text fills the line unless it is a block's last),
 * or if the new page's first line is set differently.
 */
function endsBlock(last: Line, first: Line, metrics: Metrics): boolean {
  const short = last.xEnd < metrics.right - metrics.bodySize * 3;
  const closes = /[.;:!?)’”]$/.test(last.text.trim());
  if (short && closes) return true;
  // An outdent back to a list marker (a new point or recital number) opens a block.
  if (first.x < last.x - metrics.bodySize && /^(\(\w{1,5}\)|\d{1,3}\.)\s/.test(first.text)) return true;
  if (Math.abs(first.fontSize - last.fontSize) > 0.5 || first.bold !== last.bold) return true;
  return false;
}

function mode(values: readonly number[], fallback: number): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best = fallback;
  let most = 0;
  for (const [value, count] of counts) {
    if (count > most || (count === most && value < best)) {
      most = count;
      best = value;
    }
  }
  return best;
}
