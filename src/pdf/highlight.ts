/**
 * Where a clause sits on its printed page: the page boxes of a provision (a unit with its points),
 * merged into one rectangle per printed line, and mapped from PDF user space (origin bottom-left,
 * y up) onto a rendered page (origin top-left, y down) with the page viewport's transform.
 *
 * Pure: the viewport transform is the six numbers pdf.js's `PageViewport.transform` holds, so the
 * renderer, tests and any other host give the same answer for the same page.
 */
import type { TextBox, Unit } from '../model/clause';

/** A rectangle on a PDF page, in user space: `x`/`y` its bottom-left corner. */
export interface PageBox {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** `[a, b, c, d, e, f]`: user space (x, y) goes to (a·x + c·y + e, b·x + d·y + f) on the rendered page. */
export type ViewportTransform = readonly [number, number, number, number, number, number];

/** A rectangle on the rendered page, in its pixels (CSS pixels for the page view): origin top-left. */
export interface ScreenRect {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
}

/** What `provisionBoxes` needs of a clause tree (TreeIndex has it). */
export interface UnitChildren {
  children(id: string): readonly Unit[];
}

/**
 * The boxes a reader sees as the provision: the unit's own, then its descendants' (paragraphs,
 * points, indents), in document order. A commitment's measures are left out: they are provisions
 * of their own, as in the workspace, and would otherwise turn a commitment into pages of highlight.
 */
export function provisionBoxes(tree: UnitChildren, unit: Unit): TextBox[] {
  const out: TextBox[] = [...unit.boxes];
  const walk = (id: string): void => {
    for (const child of tree.children(id)) {
      if (child.type === 'measure' && unit.type !== 'measure') continue;
      out.push(...child.boxes);
      walk(child.id);
    }
  };
  walk(unit.id);
  return out;
}

/** The pages the boxes lie on, ascending, each once. */
export function pagesWithBoxes(boxes: readonly PageBox[]): number[] {
  return [...new Set(boxes.map((box) => box.page))].sort((a, b) => a - b);
}

/**
 * The page to open a provision at: the page of its first box (where its text starts), or
 * `fallback` (the unit's `page`) when it has no boxes at all.
 */
export function firstHighlightPage(boxes: readonly PageBox[], fallback: number): number {
  return boxes[0]?.page ?? fallback;
}

/** Two boxes are on one printed line when their bottoms and heights agree within this share of the height. */
const SAME_LINE = 0.3;
/**
 * Boxes of one line closer than this many line heights are one stretch of text (a word space, a
 * change of font); further apart they are columns or table cells and stay apart.
 */
const JOIN_GAP = 1;

function sameLine(a: PageBox, b: PageBox): boolean {
  const height = Math.max(a.height, b.height);
  return Math.abs(a.y - b.y) <= SAME_LINE * height && Math.abs(a.height - b.height) <= SAME_LINE * height;
}

/**
 * The boxes on `page` merged into one rectangle per stretch of a printed line (the spans of a line
 * come one per font change, and a provision's lines may repeat where a unit and its point share
 * one), top of the page first, then left to right. Boxes with no area are dropped.
 */
export function mergeLineBoxes(boxes: readonly PageBox[], page: number): PageBox[] {
  const onPage = boxes
    .filter((box) => box.page === page && box.width > 0 && box.height > 0)
    .sort((a, b) => b.y + b.height - (a.y + a.height) || a.x - b.x);
  const lines: PageBox[][] = [];
  for (const box of onPage) {
    const line = lines.find((candidate) => candidate[0] !== undefined && sameLine(candidate[0], box));
    if (line) line.push(box);
    else lines.push([box]);
  }
  const out: PageBox[] = [];
  for (const line of lines) {
    line.sort((a, b) => a.x - b.x);
    let current: { x: number; y: number; right: number; top: number } | null = null;
    for (const box of line) {
      const right = box.x + box.width;
      const top = box.y + box.height;
      if (current !== null && box.x - current.right <= JOIN_GAP * box.height) {
        current.right = Math.max(current.right, right);
        current.y = Math.min(current.y, box.y);
        current.top = Math.max(current.top, top);
        continue;
      }
      if (current !== null) out.push(toBox(page, current));
      current = { x: box.x, y: box.y, right, top };
    }
    if (current !== null) out.push(toBox(page, current));
  }
  return out.sort((a, b) => b.y + b.height - (a.y + a.height) || a.x - b.x);
}

function toBox(page: number, r: { x: number; y: number; right: number; top: number }): PageBox {
  return { page, x: r.x, y: r.y, width: r.right - r.x, height: r.top - r.y };
}

/**
 * A user-space box on the rendered page: both corners through the transform (as pdf.js's
 * `convertToViewportRectangle` does), then ordered, since a rotated or flipped page swaps them.
 */
export function toViewportRect(box: PageBox, transform: ViewportTransform): ScreenRect {
  const [a, b, c, d, e, f] = transform;
  const x1 = box.x;
  const y1 = box.y;
  const x2 = box.x + box.width;
  const y2 = box.y + box.height;
  const p1x = a * x1 + c * y1 + e;
  const p1y = b * x1 + d * y1 + f;
  const p2x = a * x2 + c * y2 + e;
  const p2y = b * x2 + d * y2 + f;
  const left = Math.min(p1x, p2x);
  const top = Math.min(p1y, p2y);
  return { left, top, width: Math.max(p1x, p2x) - left, height: Math.max(p1y, p2y) - top };
}

/**
 * The highlight of a provision on one rendered page: its boxes on `page`, one per stretch of a
 * printed line, in page pixels (top-left origin), in reading order. Empty when none is on `page`.
 */
export function highlightRects(
  boxes: readonly PageBox[],
  page: number,
  transform: ViewportTransform,
): ScreenRect[] {
  return mergeLineBoxes(boxes, page).map((box) => toViewportRect(box, transform));
}
