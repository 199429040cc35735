/**
 * The whole pipeline: PDF bytes -> clause tree. Pure apart from the pdf.js
 * module it is handed (the legacy build in Node, the worker build in a browser).
 */
import type { ClauseTree } from './model/clause';
import { PdfInputError } from './pdf/errors';
import { readLayout, type LayoutDocument } from './pdf/layout';
import type { PdfJsLib } from './pdf/pdfjs';
import { buildTree } from './structure/index';
import { sha256Hex } from './util/sha256';

export interface ParseOptions {
  readonly password?: string;
  /** Called after each page is read: (pagesDone, pagesTotal). */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Where pdf.js finds its standard font data (a path in Node, a URL in the browser). */
  readonly standardFontDataUrl?: string;
  readonly maxPages?: number;
}

export { PdfInputError } from './pdf/errors';

/**
 * Parses a PDF into its clause tree. Rejects with `PdfInputError` (a stable
 * `code` and a plain-language `message`) for input it cannot read.
 */
export async function parsePdf(
  lib: PdfJsLib,
  bytes: Uint8Array,
  options: ParseOptions = {},
): Promise<ClauseTree> {
  const fingerprint = await sha256Hex(bytes);
  return treeFromLayout(await readLayout(lib, bytes, options), fingerprint);
}

/** The structure stage on an already-read layout; refuses a document with no text at all. */
export function treeFromLayout(layout: LayoutDocument, fingerprint: string): ClauseTree {
  if (layout.charCount === 0) {
    throw new PdfInputError(
      'no-text',
      'The PDF has no text layer (it looks like a scanned image). Run it through OCR first, then import the result.',
    );
  }
  return buildTree(layout, fingerprint);
}
