/**
 * pdf.js for the page: the modern build, its parser in a Web Worker served from our own files
 * (the CSP allows nothing else), and the standard font data emitted next to the page by
 * scripts/vite-plugins.ts.
 */
import * as pdfjsLib from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { PdfJsGetDocumentParams, PdfJsLib, PdfJsLoadingTask } from '../../src/pdf/pdfjs';
import { standardFontDataUrlFor } from './fonts';

pdfjsLib.GlobalWorkerOptions.workerSrc = workerUrl;

function getDocument(params: PdfJsGetDocumentParams): PdfJsLoadingTask {
  // pdf.js types `onPassword` as a bare `Function`, which the core's typed callback is not
  // assignable from; everything else about the loading task is checked against the core's subset.
  const task: Omit<PdfJsLoadingTask, 'onPassword'> = pdfjsLib.getDocument(params);
  return task;
}

/** pdf.js, seen through the subset the core declares. */
export const pdfjs: PdfJsLib = { getDocument };

/** Absolute URL of the standard font data folder (with the trailing slash pdf.js expects). */
export function standardFontDataUrl(): string {
  return standardFontDataUrlFor(document.baseURI);
}
