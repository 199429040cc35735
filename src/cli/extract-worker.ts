/**
 * A worker thread of the CLI: reads its share of a PDF's pages into lines
 * and posts them back. pdf.js's Node build parses on the calling thread, so
 * sharing the pages between threads is what puts a second core to work.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PdfInputError } from '../pdf/errors';
import { readPageLines } from '../pdf/layout';
import { loadPdfJs } from './pdfjs-node';
import type { WorkerReply, WorkerRequest } from './parallel';

async function main(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const lib = await loadPdfJs();
    const batch = await readPageLines(lib, request.bytes, {
      share: request.share,
      standardFontDataUrl: request.standardFontDataUrl,
      ...(request.password !== undefined ? { password: request.password } : {}),
    });
    return { ok: true, batch };
  } catch (error) {
    if (error instanceof PdfInputError) return { ok: false, code: error.code, message: error.message };
    return {
      ok: false,
      code: null,
      message: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

// pdf.js can leave a rejected promise behind when it meets a damaged object; the awaited
// extraction still fails and is reported, so a stray rejection must not kill the thread first.
process.on('unhandledRejection', () => undefined);

parentPort?.postMessage(await main(workerData as WorkerRequest));
