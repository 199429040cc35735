/**
 * Loads pdf.js's legacy build (the one that runs in Node) for the CLI.
 *
 * The legacy build bundles core-js polyfills, and some replace built-ins for
 * the whole process with slower JavaScript versions: `Array.prototype.push`
 * (V8's is "incorrect" only for arrays longer than 2³² − 1), `JSON.parse` and
 * `JSON.stringify`. Profiled on the AI Act, the push polyfill alone cost about
 * 0.4 s of a 3 s parse, in pdf.js and in our own code. The native methods are
 * put back once both halves of pdf.js have loaded; the polyfills that only add
 * what Node 20 lacks (`Promise.withResolvers`, `Uint8Array.fromBase64`…) stay.
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
  const natives = { push: Array.prototype.push, parse: JSON.parse, stringify: JSON.stringify };
  const lib: unknown = await import('pdfjs-dist/legacy/build/pdf.mjs');
  // The parser half of pdf.js ("the worker", which runs on this thread in Node) carries its own copy
  // of the polyfills and would load lazily, after the repair below. Load it now, and hand it to pdf.js
  // the documented way (`globalThis.pdfjsWorker`), so that the repair covers it too.
  // pdf.js ships no type declarations for its worker module; only its presence matters here.
  const workerModule = 'pdfjs-dist/legacy/build/pdf.worker.mjs';
  const worker: unknown = await import(workerModule);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  restore(Array.prototype, 'push', natives.push);
  restore(JSON, 'parse', natives.parse);
  restore(JSON, 'stringify', natives.stringify);
  return lib as PdfJsLib;
}

function restore<T extends object>(target: T, key: keyof T & string, native: unknown): void {
  if (target[key] === native) return;
  Object.defineProperty(target, key, {
    value: native,
    writable: true,
    configurable: true,
    enumerable: false,
  });
}

/** pdf.js in Node reads its standard font data with fs: a plain path with a trailing separator. */
export function standardFontDataPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';
}
