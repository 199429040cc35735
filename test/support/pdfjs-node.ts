/** pdf.js's legacy build and its font data, loaded as the CLI loads them, for tests running in Node. */
import { loadPdfJs, standardFontDataPath } from '../../src/cli/pdfjs-node';
import type { PdfJsLib } from '../../src/pdf/pdfjs';

export const pdfjs: PdfJsLib = await loadPdfJs();

export const standardFontDataUrl = standardFontDataPath();
