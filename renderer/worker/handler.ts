/**
 * What the pipeline worker does with one request, as a function of the request and what it is
 * handed (pdf.js and a way to post replies), so that Node can run it in a test with pdf.js's
 * legacy build while the worker entry (pipeline.worker.ts) runs it with the browser build.
 */
import { suggestLinks, withStances } from '../../src/linking/index';
import { parsePdf, PdfInputError } from '../../src/parse';
import type { PdfJsLib } from '../../src/pdf/pdfjs';
import type { FailureCode, PipelineReply, PipelineRequest } from './protocol';

export interface HandlerDeps {
  /** pdf.js, seen through the core's adapter types. */
  readonly pdfjs: PdfJsLib;
  /** Posts one reply to the page. Called in order: progress replies, then exactly one final reply. */
  readonly post: (reply: PipelineReply) => void;
  /** Told about failures that are not the input's fault (bugs), which the user only sees as a generic sentence. */
  readonly onInternalError?: (error: unknown) => void;
}

/** What the user reads when something other than the input went wrong. */
export const INTERNAL_MESSAGES = {
  parse: 'Crosswalk could not read this PDF because of an internal error. Nothing was changed; try again.',
  link: 'Crosswalk could not suggest links because of an internal error. Nothing was changed; try again.',
} as const;

/**
 * Handles one request: posts `progress` replies while a PDF is read, then one `parsed`, `linked`
 * or `failed` reply. Never rejects: every failure becomes a `failed` reply, with the parser's own
 * plain-language message for input it cannot read and a generic sentence for anything else.
 */
export async function handleRequest(request: PipelineRequest, deps: HandlerDeps): Promise<void> {
  const { id } = request;
  try {
    switch (request.type) {
      case 'parse': {
        const tree = await parsePdf(deps.pdfjs, request.bytes, {
          standardFontDataUrl: request.standardFontDataUrl,
          onProgress: (done, total) => deps.post({ type: 'progress', id, done, total }),
          ...(request.password !== undefined ? { password: request.password } : {}),
        });
        deps.post({ type: 'parsed', id, tree });
        return;
      }
      case 'link': {
        const { law, code } = request;
        const report = withStances(law, code, suggestLinks(law, code));
        deps.post({ type: 'linked', id, report });
        return;
      }
      default: {
        const unknown: never = request;
        throw new Error(`Unknown request ${JSON.stringify(unknown)}`);
      }
    }
  } catch (error) {
    deps.post(failure(id, request.type, error, deps.onInternalError));
  }
}

function failure(
  id: number,
  type: PipelineRequest['type'],
  error: unknown,
  onInternalError: ((error: unknown) => void) | undefined,
): PipelineReply {
  if (error instanceof PdfInputError) return { type: 'failed', id, code: error.code, message: error.message };
  onInternalError?.(error);
  const code: FailureCode = 'internal';
  return { type: 'failed', id, code, message: INTERNAL_MESSAGES[type] };
}
