/**
 * Reads a PDF's pages on several worker threads (interleaved shares of the
 * pages), then merges them. Used by the CLI when its bundled worker exists.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { PdfInputError, type PdfInputProblem } from '../pdf/errors';
import type { PageLinesBatch } from '../pdf/layout';
import type { PageLines } from '../pdf/lines';

export interface WorkerRequest {
  readonly bytes: Uint8Array;
  readonly share: { readonly stride: number; readonly offset: number };
  readonly standardFontDataUrl: string;
  readonly password?: string;
}

export type WorkerReply =
  | { readonly ok: true; readonly batch: PageLinesBatch }
  | { readonly ok: false; readonly code: PdfInputProblem | null; readonly message: string };

export interface ParallelOptions {
  readonly workerUrl: URL;
  readonly standardFontDataUrl: string;
  readonly password?: string;
  /** Defaults to the machine's parallelism, at most 4. */
  readonly threads?: number;
}

/** Reads all pages into lines using `threads` workers; rejects with `PdfInputError` for unreadable input. */
export async function readPageLinesParallel(
  bytes: Uint8Array,
  options: ParallelOptions,
): Promise<PageLinesBatch> {
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), 4));
  const replies = await Promise.all(
    Array.from({ length: threads }, (_, offset) =>
      runWorker(options.workerUrl, {
        bytes,
        share: { stride: threads, offset },
        standardFontDataUrl: options.standardFontDataUrl,
        ...(options.password !== undefined ? { password: options.password } : {}),
      }),
    ),
  );
  const pages: PageLines[] = [];
  let pageCount = 0;
  for (const reply of replies) {
    if (!reply.ok) {
      if (reply.code !== null) throw new PdfInputError(reply.code, reply.message);
      throw new Error(reply.message);
    }
    pageCount = reply.batch.pageCount;
    pages.push(...reply.batch.pages);
  }
  pages.sort((a, b) => a.page - b.page);
  return { pageCount, pages };
}

function runWorker(url: URL, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: request });
    let settled = false;
    worker.once('message', (reply: WorkerReply) => {
      settled = true;
      resolve(reply);
    });
    // A reader thread that dies took the document down with it: report the file as damaged.
    worker.once('error', (error) => {
      settled = true;
      reject(new PdfInputError('damaged', `The PDF is damaged and could not be read (${error.message}).`));
    });
    worker.once('exit', (code) => {
      if (!settled) {
        reject(
          new PdfInputError('damaged', `The PDF could not be read (its reader stopped with code ${code}).`),
        );
      }
    });
  });
}
