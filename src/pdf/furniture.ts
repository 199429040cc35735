/**
 * Running headers, footers and page numbers ("page furniture") are not part of
 * any clause. They are recognised by recurrence: the same text (digits aside)
 * at the same height near the top or bottom edge on many pages. Headers that
 * alternate between even and odd pages each recur on half the pages, which is
 * well above the threshold.
 */
import type { Line, PageLines } from './lines';

/** Share of the page height, from the top and from the bottom, where furniture can sit. */
const TOP_BAND = 0.12;
const BOTTOM_BAND = 0.1;
/** A bare page number (`6`, `84/144`, `Page 3 of 9`, `- 4 -`) near an edge is furniture even without recurrence. */
const PAGE_NUMBER = /^[-–—\s]*(page\s*)?\d{1,4}(\s*(\/|of)\s*\d{1,4})?[-–—\s]*$/i;

export interface FurnitureResult {
  readonly pages: readonly PageLines[];
  /** What was removed, per page (for diagnostics and tests). */
  readonly removed: readonly Line[];
}

/** Structural headings can open several pages at the same height; only near-universal recurrence removes them. */
const HEADING_LIKE = /^(article|chapter|section|annex|part|title|commitment|measure|appendix)\b/i;
/** Two headers are "at the same height" within this many points. */
const HEIGHT_TOLERANCE = 3;

/** Removes running headers, footers and page numbers from every page. */
export function removeFurniture(pages: readonly PageLines[]): FurnitureResult {
  const seen = new Map<string, { page: number; y: number }[]>();
  for (const page of pages) {
    for (const line of page.lines) {
      if (!inBand(line, page)) continue;
      const key = furnitureKey(line);
      let list = seen.get(key);
      if (!list) seen.set(key, (list = []));
      list.push({ page: page.page, y: line.y });
    }
  }
  const threshold = Math.max(2, Math.ceil(pages.length * 0.25));
  const removed: Line[] = [];
  const cleaned = pages.map((page) => {
    const lines = page.lines.filter((line) => {
      if (!inBand(line, page)) return true;
      const pagesAtHeight = new Set(
        (seen.get(furnitureKey(line)) ?? [])
          .filter((other) => Math.abs(other.y - line.y) <= HEIGHT_TOLERANCE)
          .map((other) => other.page),
      ).size;
      const needed = HEADING_LIKE.test(line.text) ? Math.max(threshold, pages.length * 0.5) : threshold;
      if (pagesAtHeight >= needed || PAGE_NUMBER.test(line.text)) {
        removed.push(line);
        return false;
      }
      return true;
    });
    return { ...page, lines };
  });
  return { pages: cleaned, removed };
}

function inBand(line: Line, page: PageLines): boolean {
  return line.y > page.height * (1 - TOP_BAND) || line.y < page.height * BOTTOM_BAND;
}

function furnitureKey(line: Line): string {
  return line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
}
