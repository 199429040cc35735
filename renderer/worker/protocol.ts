/**
 * The messages between the page and the pipeline worker (renderer/worker/pipeline.worker.ts).
 *
 * Both ends check what they receive with the guards below: the worker's global scope also
 * carries pdf.js's own in-thread message handler (which announces itself to the page with a
 * `ready` message of its own), so not everything that arrives is ours. The checks are shallow
 * where the payload is big (a clause tree has thousands of units) and comes from our own code on
 * the other end; they are there to route messages, not to validate documents.
 */
import type { LinkReport } from '../../src/linking/index';
import { DOCUMENT_KINDS, type ClauseTree } from '../../src/model/clause';
import type { PdfInputProblem } from '../../src/pdf/errors';

/** Why a request failed: the parser's own `PdfInputError` codes, or `internal` for anything else. */
export type FailureCode = PdfInputProblem | 'internal';

/** Every failure code; a `Record` so that a new `PdfInputProblem` fails to compile until listed. */
const FAILURE_CODE_SET: Readonly<Record<FailureCode, true>> = {
  empty: true,
  'not-pdf': true,
  damaged: true,
  'password-required': true,
  'password-wrong': true,
  'no-text': true,
  'too-large': true,
  cancelled: true,
  internal: true,
};

export const FAILURE_CODES = Object.keys(FAILURE_CODE_SET) as readonly FailureCode[];

// ---- page -> worker ------------------------------------------------------------------------

/** Read a PDF into its clause tree. `bytes` is transferred: the page posts its own copy. */
export interface ParseRequest {
  readonly type: 'parse';
  readonly id: number;
  readonly bytes: Uint8Array;
  readonly password?: string;
  /**
   * Where pdf.js finds its standard font data, with a trailing slash. The page sends it because
   * the fonts are emitted relative to the page (scripts/vite-plugins.ts), while the worker's own
   * URL depends on where the bundler put its chunk (`/worker/…` in dev, `assets/…` in a build).
   */
  readonly standardFontDataUrl: string;
}

/** Suggest links from the code's units to the law's provisions, with stances for the top links. */
export interface LinkRequest {
  readonly type: 'link';
  readonly id: number;
  readonly law: ClauseTree;
  readonly code: ClauseTree;
}

export type PipelineRequest = ParseRequest | LinkRequest;

// ---- worker -> page ------------------------------------------------------------------------

/** A parse has read `done` of `total` pages. */
export interface ProgressReply {
  readonly type: 'progress';
  readonly id: number;
  readonly done: number;
  readonly total: number;
}

export interface ParsedReply {
  readonly type: 'parsed';
  readonly id: number;
  readonly tree: ClauseTree;
}

export interface LinkedReply {
  readonly type: 'linked';
  readonly id: number;
  readonly report: LinkReport;
}

/** The request failed; `message` is one plain-language sentence, safe to show as is. */
export interface FailedReply {
  readonly type: 'failed';
  readonly id: number;
  readonly code: FailureCode;
  readonly message: string;
}

export type PipelineReply = ProgressReply | ParsedReply | LinkedReply | FailedReply;

// ---- guards ----------------------------------------------------------------------------------

type Fields = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Request ids are positive safe integers, unique per pipeline. */
export function isRequestId(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** True for a failure code the page knows how to word and branch on. */
export function isFailureCode(value: unknown): value is FailureCode {
  return typeof value === 'string' && Object.hasOwn(FAILURE_CODE_SET, value);
}

/** A clause tree's outer shape: its document info and a list of units (the units are not inspected). */
export function isClauseTreeShape(value: unknown): value is ClauseTree {
  if (!isObject(value) || !Array.isArray(value['units'])) return false;
  const document = value['document'];
  return (
    isObject(document) &&
    (DOCUMENT_KINDS as readonly unknown[]).includes(document['kind']) &&
    typeof document['title'] === 'string' &&
    isCount(document['pages']) &&
    typeof document['fingerprint'] === 'string'
  );
}

/** A link report's outer shape: lists of links and of unresolved references. */
export function isLinkReportShape(value: unknown): value is LinkReport {
  return isObject(value) && Array.isArray(value['links']) && Array.isArray(value['unresolved']);
}

/** True when `value` is a request the worker can act on. */
export function isPipelineRequest(value: unknown): value is PipelineRequest {
  if (!isObject(value) || !isRequestId(value['id'])) return false;
  switch (value['type']) {
    case 'parse':
      return (
        value['bytes'] instanceof Uint8Array &&
        (value['password'] === undefined || typeof value['password'] === 'string') &&
        typeof value['standardFontDataUrl'] === 'string' &&
        value['standardFontDataUrl'] !== ''
      );
    case 'link':
      return isClauseTreeShape(value['law']) && isClauseTreeShape(value['code']);
    default:
      return false;
  }
}

/** True when `value` is one of the worker's replies (and not, say, pdf.js's own `ready` message). */
export function isPipelineReply(value: unknown): value is PipelineReply {
  if (!isObject(value) || !isRequestId(value['id'])) return false;
  switch (value['type']) {
    case 'progress':
      return isCount(value['done']) && isCount(value['total']) && value['done'] <= value['total'];
    case 'parsed':
      return isClauseTreeShape(value['tree']);
    case 'linked':
      return isLinkReportShape(value['report']);
    case 'failed':
      return (
        isFailureCode(value['code']) && typeof value['message'] === 'string' && value['message'].trim() !== ''
      );
    default:
      return false;
  }
}
