/**
 * Bytes -> body lines and footnotes: the whole text-extraction stage.
 */
import { extractRuns, type ExtractOptions, type RawDocument } from './extract';
import { buildLines, mostCommon, type Line, type PageLines } from './lines';
import { removeFurniture } from './furniture';
import { separateFootnotes, type Footnote } from './footnotes';
import type { PdfJsLib } from './pdfjs';

export interface LayoutDocument {
  readonly pageCount: number;
  /** Page sizes, 1-based page number -> size. */
  readonly pageSizes: readonly { readonly width: number; readonly height: number }[];
  /** Body text of every page, in reading order, headers/footers/footnotes removed. */
  readonly pages: readonly PageLines[];
  readonly footnotes: readonly Footnote[];
  /** The font size of most body characters. */
  readonly bodySize: number;
  /** Number of visible characters on all pages before any removal (0 means no text layer). */
  readonly charCount: number;
}

/** Pages of lines, possibly only a share of a document's pages (see `ExtractOptions.share`). */
export interface PageLinesBatch {
  readonly pageCount: number;
  readonly pages: readonly PageLines[];
}

/** Reads a PDF's pages (or a share of them) into lines, page by page. */
export async function readPageLines(
  lib: PdfJsLib,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<PageLinesBatch> {
  const raw = await extractRuns(lib, bytes, options);
  return { pageCount: raw.pageCount, pages: raw.pages.map(buildLines) };
}

/** Reads a PDF into layout lines. */
export async function readLayout(
  lib: PdfJsLib,
  bytes: Uint8Array,
  options: ExtractOptions = {},
): Promise<LayoutDocument> {
  return layoutFromRaw(await extractRuns(lib, bytes, options));
}

/** The pure part of `readLayout`, usable on runs from any source (tests build them by hand). */
export function layoutFromRaw(raw: RawDocument): LayoutDocument {
  return layoutFromPages(raw.pageCount, raw.pages.map(buildLines));
}

/** Page-level lines (from one reader or merged from several) -> the document's body lines and footnotes. */
export function layoutFromPages(pageCount: number, unordered: readonly PageLines[]): LayoutDocument {
  const built = [...unordered].sort((a, b) => a.page - b.page);
  const charCount = built.reduce((sum, page) => sum + page.lines.reduce((s, l) => s + l.text.length, 0), 0);
  const { pages: withoutFurniture } = removeFurniture(built);
  const bodySize = dominantLineSize(withoutFurniture.flatMap((page) => page.lines));
  const { pages, footnotes } = separateFootnotes(withoutFurniture, bodySize);
  return {
    pageCount,
    pageSizes: built.map((page) => ({ width: page.width, height: page.height })),
    pages,
    footnotes,
    bodySize,
    charCount,
  };
}

function dominantLineSize(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(line.fontSize, (counts.get(line.fontSize) ?? 0) + line.text.length);
  return mostCommon(counts, 0);
}
