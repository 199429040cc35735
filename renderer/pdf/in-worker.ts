/**
 * pdf.js for code that already runs in a Web Worker (renderer/worker/pipeline.worker.ts): both
 * halves of pdf.js on this one thread, no nested worker.
 *
 * pdf.js runs its parser half ("the worker") in-thread, over a loopback port, when
 * `globalThis.pdfjsWorker.WorkerMessageHandler` is set (its "fake worker", the same mechanism the
 * CLI uses in Node: src/cli/pdfjs-node.ts). Importing the worker module sets that global itself;
 * it is set again here so that nothing depends on that side effect. Bundled as a module of our own
 * worker, not loaded from a URL, so there is nothing for the CSP to allow beyond the worker itself.
 *
 * One side effect to know about: the worker module, finding itself in a worker scope, also hooks a
 * pdf.js message handler onto `self` and posts `{ action: 'ready', … }` to the page. Our protocol's
 * guards ignore that message, and the handler ignores ours (they are not addressed to it).
 */
import * as pdfjsLib from 'pdfjs-dist';
import * as pdfjsWorker from 'pdfjs-dist/build/pdf.worker.min.mjs';
import type { PdfJsGetDocumentParams, PdfJsLib, PdfJsLoadingTask } from '../../src/pdf/pdfjs';
import { readAppFile } from './fonts';

(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

/**
 * pdf.js's default loader for font data (`DOMBinaryDataFactory`) resolves URLs against
 * `document.baseURI`, and a worker has no `document`; this one reads absolute URLs, over http(s)
 * or file://. Only standard font data is ever asked for (no CMaps or wasm are configured).
 */
class WorkerBinaryDataFactory {
  readonly #standardFontDataUrl: string | null;

  constructor({ standardFontDataUrl }: { readonly standardFontDataUrl?: string | null }) {
    this.#standardFontDataUrl = standardFontDataUrl ?? null;
  }

  async fetch({ kind, filename }: { readonly kind: string; readonly filename: string }): Promise<Uint8Array> {
    if (kind !== 'standardFontDataUrl' || this.#standardFontDataUrl === null) {
      throw new Error(`No ${kind} data is configured (asked for ${filename}).`);
    }
    return readAppFile(`${this.#standardFontDataUrl}${filename}`);
  }
}

function getDocument(params: PdfJsGetDocumentParams): PdfJsLoadingTask {
  // See renderer/pdf/pdfjs.ts for why `onPassword` is left out of the checked type.
  const task: Omit<PdfJsLoadingTask, 'onPassword'> = pdfjsLib.getDocument({
    ...params,
    BinaryDataFactory: WorkerBinaryDataFactory,
  });
  return task;
}

/** pdf.js, seen through the subset the core declares, parsing on the calling (worker) thread. */
export const pdfjsInWorker: PdfJsLib = { getDocument };
