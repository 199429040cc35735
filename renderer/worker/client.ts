/**
 * The page's side of the pipeline worker, written against a small port interface rather than
 * the DOM's `Worker`, so that tests can run it in Node against the real handler.
 * renderer/worker/pipeline.ts plugs in the real worker.
 */
import type { LinkReport } from '../../src/linking/index';
import type { ClauseTree } from '../../src/model/clause';
import {
  isPipelineReply,
  isRequestId,
  type FailureCode,
  type LinkedReply,
  type ParsedReply,
  type PipelineRequest,
} from './protocol';

/** Why the pipeline could not do what it was asked; `message` is one plain sentence, safe to show as is. */
export class PipelineError extends Error {
  override readonly name = 'PipelineError';
  readonly code: FailureCode;

  constructor(code: FailureCode, message: string) {
    super(message);
    this.code = code;
  }
}

export interface ParseCallOptions {
  readonly password?: string;
  /** Aborting stops the worker at once; the promise rejects with a `DOMException` named `AbortError`. */
  readonly signal?: AbortSignal;
  /** Called after each page is read: (pagesDone, pagesTotal). */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface LinkCallOptions {
  /** Aborting stops the worker at once; the promise rejects with a `DOMException` named `AbortError`. */
  readonly signal?: AbortSignal;
}

/** Parsing and linking off the page's thread. */
export interface Pipeline {
  /**
   * Reads a PDF into its clause tree. The caller keeps its bytes: the worker is sent a copy.
   * Rejects with a `PipelineError` (the parser's code and message for a PDF it cannot read,
   * `internal` otherwise) or, when `signal` aborts, with an `AbortError`.
   */
  parse(bytes: Uint8Array, options?: ParseCallOptions): Promise<ClauseTree>;
  /** Ranked link suggestions from the code's units to the law's provisions, top links with a suggested stance. */
  link(law: ClauseTree, code: ClauseTree, options?: LinkCallOptions): Promise<LinkReport>;
  /**
   * Stops the worker and rejects what is still running with an `AbortError`. The pipeline stays
   * usable: the next call starts a fresh worker.
   */
  dispose(): void;
}

/** One running worker, as the pipeline uses it. */
export interface WorkerPort {
  post(request: PipelineRequest, transfer: ArrayBuffer[]): void;
  terminate(): void;
}

/** What a worker reports back to the pipeline. */
export interface WorkerEvents {
  message(data: unknown): void;
  /** The worker failed as a whole: its script did not load, it threw outside a request, or a reply could not be read. */
  crash(): void;
}

export interface PipelineHost {
  /** Starts a worker running pipeline.worker.ts (or, in tests, something that answers like it). */
  startWorker(events: WorkerEvents): WorkerPort;
  /** Absolute URL (a path in Node) of pdf.js's standard font data, with a trailing slash. */
  readonly standardFontDataUrl: string;
}

export const PIPELINE_MESSAGES = {
  crashed: 'The background reader stopped unexpectedly. Try again; if it keeps happening, restart Crosswalk.',
  notStarted: 'The background reader could not be started. Restart Crosswalk and try again.',
  unexpected: 'The background reader gave an unexpected answer. Try again.',
} as const;

/** The rejection of a cancelled call, as `fetch` and the DOM's own APIs reject. */
export function abortError(): DOMException {
  return new DOMException('The operation was cancelled.', 'AbortError');
}

interface Pending {
  /** Posts the request (again, after a restart) to the current worker. */
  readonly send: () => void;
  readonly progress: ((done: number, total: number) => void) | undefined;
  readonly result: (reply: ParsedReply | LinkedReply) => void;
  readonly fail: (error: Error) => void;
}

/**
 * The pipeline over any worker host. One worker, started on the first call; concurrent calls share
 * it and their replies are matched by request id. Cancelling one call terminates the worker at once
 * (the only way to stop pdf.js mid-document) and sends the calls still running to a fresh worker.
 */
export function createPipelineWith(host: PipelineHost): Pipeline {
  let port: WorkerPort | null = null;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  function currentPort(): WorkerPort {
    if (port !== null) return port;
    const started: WorkerPort = host.startWorker({
      // A terminated worker's late messages and errors are not the current one's.
      message: (data) => {
        if (port === started) receive(data);
      },
      crash: () => {
        if (port === started) crashed();
      },
    });
    port = started;
    return started;
  }

  function stop(): void {
    port?.terminate();
    port = null;
  }

  function dispatch(entry: Pending): void {
    try {
      entry.send();
    } catch {
      // The worker could not be constructed, or the request could not be cloned.
      entry.fail(new PipelineError('internal', PIPELINE_MESSAGES.notStarted));
    }
  }

  function receive(data: unknown): void {
    if (!isPipelineReply(data)) {
      // A final answer to one of our calls that fails its checks ends that call, instead of leaving
      // its spinner turning for ever. A malformed progress note is only a note: it is dropped, as
      // are messages without one of our ids (pdf.js's own `ready`).
      const reply =
        typeof data === 'object' && data !== null
          ? (data as { readonly id?: unknown; readonly type?: unknown })
          : {};
      if (
        isRequestId(reply.id) &&
        (reply.type === 'parsed' || reply.type === 'linked' || reply.type === 'failed')
      ) {
        pending.get(reply.id)?.fail(new PipelineError('internal', PIPELINE_MESSAGES.unexpected));
      }
      return;
    }
    const entry = pending.get(data.id);
    if (entry === undefined) return;
    switch (data.type) {
      case 'progress':
        entry.progress?.(data.done, data.total);
        return;
      case 'failed':
        entry.fail(new PipelineError(data.code, data.message));
        return;
      case 'parsed':
      case 'linked':
        entry.result(data);
        return;
      default: {
        const unknown: never = data;
        throw new Error(`Unhandled reply ${JSON.stringify(unknown)}`);
      }
    }
  }

  function crashed(): void {
    stop();
    for (const entry of [...pending.values()])
      entry.fail(new PipelineError('internal', PIPELINE_MESSAGES.crashed));
  }

  function run<T>(
    build: (id: number) => { readonly request: PipelineRequest; readonly transfer: ArrayBuffer[] },
    pick: (reply: ParsedReply | LinkedReply) => T | undefined,
    signal: AbortSignal | undefined,
    progress?: (done: number, total: number) => void,
  ): Promise<T> {
    if (signal?.aborted === true) return Promise.reject(abortError());
    return new Promise<T>((resolve, reject) => {
      const id = nextId++;
      const settle = (): boolean => {
        if (!pending.delete(id)) return false;
        signal?.removeEventListener('abort', onAbort);
        return true;
      };
      const onAbort = (): void => {
        if (!settle()) return;
        reject(abortError());
        // Only terminating stops pdf.js mid-document; whatever else was running starts again on a
        // fresh worker (and a worker with nothing to do is started by the next call).
        stop();
        for (const entry of [...pending.values()]) dispatch(entry);
      };
      const entry: Pending = {
        send: () => {
          const { request, transfer } = build(id);
          currentPort().post(request, transfer);
        },
        progress,
        result: (reply) => {
          if (!settle()) return;
          const value = pick(reply);
          if (value === undefined) reject(new PipelineError('internal', PIPELINE_MESSAGES.unexpected));
          else resolve(value);
        },
        fail: (error) => {
          if (settle()) reject(error);
        },
      };
      pending.set(id, entry);
      signal?.addEventListener('abort', onAbort, { once: true });
      dispatch(entry);
    });
  }

  return {
    parse(bytes, options = {}) {
      return run(
        (id) => {
          // A copy of the caller's bytes (also of just the view, if `bytes` is a window on a larger
          // buffer) is what gets transferred, so the caller's array stays intact.
          const copy = bytes.slice();
          const request: PipelineRequest = {
            type: 'parse',
            id,
            bytes: copy,
            standardFontDataUrl: host.standardFontDataUrl,
            ...(options.password !== undefined ? { password: options.password } : {}),
          };
          return { request, transfer: [copy.buffer] };
        },
        (reply) => (reply.type === 'parsed' ? reply.tree : undefined),
        options.signal,
        options.onProgress,
      );
    },
    link(law, code, options = {}) {
      return run(
        (id) => ({ request: { type: 'link', id, law, code }, transfer: [] }),
        (reply) => (reply.type === 'linked' ? reply.report : undefined),
        options.signal,
      );
    },
    dispose() {
      stop();
      for (const entry of [...pending.values()]) entry.fail(abortError());
    },
  };
}
