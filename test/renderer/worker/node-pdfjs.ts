/**
 * pdf.js's legacy build and its font data as test/support/pdfjs-node.ts loads them (the CLI's way),
 * for running the worker's handler in Node. test/renderer/** is type-checked with the renderer's
 * tsconfig (DOM lib, no Node types), which cannot see that module's `node:` imports; so it is
 * imported by a specifier the compiler does not follow, and typed here with the core's own subset.
 */
import type { PdfJsLib } from '../../../src/pdf/pdfjs';

const SUPPORT = '../../support/pdfjs-node';

export const { pdfjs, standardFontDataUrl } = (await import(/* @vite-ignore */ SUPPORT)) as {
  readonly pdfjs: PdfJsLib;
  readonly standardFontDataUrl: string;
};
