/** The pdf.js legacy build and its font data, as the CLI uses them, for tests running in Node. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as legacy from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { PdfJsLib } from '../../src/pdf/pdfjs';

export const pdfjs = legacy as unknown as PdfJsLib;

export const standardFontDataUrl =
  join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
