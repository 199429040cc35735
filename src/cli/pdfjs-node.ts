/**
 * Loads pdf.js's legacy build (the one that runs in Node) for the CLI.
 *
 * The legacy build bundles core-js polyfills, and one of them replaces
 * `Array.prototype.push` for the whole process with a slow JavaScript version
 * (V8's push is "incorrect" only for arrays longer than 2³² − 1). Profiled on the
 * AI Act, that polyfill alone cost about 0.4 s of a 3 s parse, in pdf.js and in
 * our own code. The native method is put back once both halves of pdf.js have loaded.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { PdfJsLib } from '../pdf/pdfjs';

export async function loadPdfJs(): Promise<PdfJsLib> {
  // pdf.js 5 inflates page content through `DecompressionStream` when a runtime has it. In Node
  // that is a web stream over zlib's thread pool: every page waits on a round trip. Its own
  // synchronous inflater was 10–15 % faster over the whole AI Act, so the CLI (its own process,
  // where nothing else needs the global) hides it. (Brotli-compressed streams, a PDF 2.0 extension
  // that no producer we know of writes, would then not decode.)
  delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
  const nativePush = Array.prototype.push;
  const lib: unknown = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The parser half of pdf.js ("the worker", which runs on this thread in Node) carries its own copy
  // of the polyfills and would load lazily, after the repair below. Load it now, and hand it to pdf.js
  // the documented way (`globalThis.pdfjsWorker`), so that the repair covers it too.
  // pdf.js ships no type declarations for its worker module; only its presence matters here.
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const worker: unknown = await import(workerModule);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  if (Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', {
      value: nativePush,
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  return lib as PdfJsLib;
}

/** pdf.js in Node reads its standard font data with fs: a plain path with a trailing separator. */
export function standardFontDataPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}
