/**
 * The page's side of the pipeline against a scripted worker (what the page sends, how it routes
 * what comes back, cancelling and crashes), and once end to end against the real handler in Node.
 */
import { describe, expect, it } from 'vitest';
import actPdf from '../../../fixtures/act.pdf?inline';
import codePdf from '../../../fixtures/code.pdf?inline';
import { suggestLinks, withStances } from '../../../src/linking/index';
import { dataUrlBytes } from '../../../renderer/sample';
import {
  createPipelineWith,
  PIPELINE_MESSAGES,
  PipelineError,
  type PipelineHost,
  type WorkerEvents,
  type WorkerPort,
} from '../../../renderer/worker/client';
import { handleRequest } from '../../../renderer/worker/handler';
import type { PipelineReply, PipelineRequest } from '../../../renderer/worker/protocol';
import { MINI_CODE, MINI_LAW } from '../../support/trees';
import { pdfjs, standardFontDataUrl } from './node-pdfjs';

const FONTS = 'http://127.0.0.1:4173/pdfjs/standard_fonts/';

/** A worker that records what it is sent (as postMessage would deliver it) and answers when told to. */
class ScriptedWorker implements WorkerPort {
  readonly received: PipelineRequest[] = [];
  terminated = false;

  constructor(private readonly events: WorkerEvents) {}

  post(request: PipelineRequest, transfer: ArrayBuffer[]): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    this.received.push(structuredClone(request, { transfer }));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Delivers a message from this worker, as the page would get it (also after it was terminated). */
  say(message: unknown): void {
    this.events.message(structuredClone(message));
  }

  crash(): void {
    this.events.crash();
  }
}

function scripted() {
  const workers: ScriptedWorker[] = [];
  const host: PipelineHost = {
    standardFontDataUrl: FONTS,
    startWorker: (events) => {
      const worker = new ScriptedWorker(events);
      workers.push(worker);
      return worker;
    },
  };
  const worker = (index: number): ScriptedWorker => {
    const found = workers[index];
    if (found === undefined) throw new Error(`no worker #${index} (${workers.length} started)`);
    return found;
  };
  return { pipeline: createPipelineWith(host), workers, worker };
}

/** 'pending' if the promise has not settled by the time queued callbacks have run. */
async function state(promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> {
  return Promise.race([
    promise.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    new Promise<'pending'>((resolve) => setTimeout(() => resolve('pending'), 0)),
  ]);
}

const PDF = new Uint8Array([37, 80, 68, 70, 45, 49, 46, 55]);
const readyFromPdfJs = { sourceName: 'worker', targetName: 'main', action: 'ready', data: null };

describe('the pipeline, against a scripted worker', () => {
  it('starts no worker until asked, then one worker for every call', async () => {
    const { pipeline, workers, worker } = scripted();
    expect(workers).toHaveLength(0);
    const parsing = pipeline.parse(PDF);
    const linking = pipeline.link(MINI_LAW, MINI_CODE);
    expect(workers).toHaveLength(1);
    const [parse, link] = worker(0).received;
    expect(parse).toMatchObject({ type: 'parse', standardFontDataUrl: FONTS });
    expect(link).toMatchObject({ type: 'link', law: MINI_LAW, code: MINI_CODE });
    expect(parse?.id).not.toBe(link?.id);
    worker(0).say({ type: 'parsed', id: parse?.id, tree: MINI_LAW });
    worker(0).say({ type: 'linked', id: link?.id, report: { links: [], unresolved: [] } });
    await expect(parsing).resolves.toEqual(MINI_LAW);
    await expect(linking).resolves.toEqual({ links: [], unresolved: [] });
  });

  it('sends the worker a copy of the bytes, so the caller’s array stays whole', async () => {
    const { pipeline, worker } = scripted();
    const bytes = new Uint8Array([0, 0, ...PDF, 0]).subarray(2, 2 + PDF.length);
    const parsing = pipeline.parse(bytes, { password: 'secret' });
    const sent = worker(0).received[0];
    expect(sent?.type === 'parse' && [...sent.bytes]).toEqual([...PDF]);
    expect(sent?.type === 'parse' && sent.password).toBe('secret');
    expect(bytes.byteLength).toBe(PDF.length);
    expect([...bytes]).toEqual([...PDF]);
    worker(0).say({ type: 'failed', id: sent?.id, code: 'no-text', message: 'No text.' });
    await expect(parsing).rejects.toBeInstanceOf(PipelineError);
  });

  it('reports progress in order, only to the call it belongs to', async () => {
    const { pipeline, worker } = scripted();
    const first: [number, number][] = [];
    const second: [number, number][] = [];
    const a = pipeline.parse(PDF, { onProgress: (done, total) => first.push([done, total]) });
    const b = pipeline.parse(PDF, { onProgress: (done, total) => second.push([done, total]) });
    const [ra, rb] = worker(0).received;
    worker(0).say({ type: 'progress', id: ra?.id, done: 1, total: 3 });
    worker(0).say({ type: 'progress', id: rb?.id, done: 1, total: 2 });
    worker(0).say({ type: 'progress', id: ra?.id, done: 2, total: 3 });
    worker(0).say({ type: 'progress', id: ra?.id, done: 3, total: 3 });
    worker(0).say({ type: 'parsed', id: rb?.id, tree: MINI_CODE });
    worker(0).say({ type: 'parsed', id: ra?.id, tree: MINI_LAW });
    await expect(a).resolves.toEqual(MINI_LAW);
    await expect(b).resolves.toEqual(MINI_CODE);
    expect(first).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
    expect(second).toEqual([[1, 2]]);
  });

  it('rejects with a PipelineError that carries the worker’s code and plain message', async () => {
    const { pipeline, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    const message = 'The PDF is encrypted with a password and cannot be read without it.';
    worker(0).say({ type: 'failed', id: worker(0).received[0]?.id, code: 'password-required', message });
    const error = await parsing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PipelineError);
    expect(error).toMatchObject({ name: 'PipelineError', code: 'password-required', message });
  });

  it('ignores what is not a reply to a running call: pdf.js’s own message, unknown ids, a second answer', async () => {
    const { pipeline, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    const id = worker(0).received[0]?.id;
    worker(0).say(readyFromPdfJs);
    worker(0).say({ type: 'parsed', id: 999, tree: MINI_CODE });
    worker(0).say({ type: 'progress', id, done: 2, total: 1 });
    expect(await state(parsing)).toBe('pending');
    worker(0).say({ type: 'parsed', id, tree: MINI_LAW });
    worker(0).say({ type: 'failed', id, code: 'internal', message: 'Too late.' });
    await expect(parsing).resolves.toEqual(MINI_LAW);
  });

  it('treats an answer of the wrong kind as an internal error', async () => {
    const { pipeline, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    worker(0).say({ type: 'linked', id: worker(0).received[0]?.id, report: { links: [], unresolved: [] } });
    await expect(parsing).rejects.toMatchObject({ code: 'internal', message: PIPELINE_MESSAGES.unexpected });
  });
});

describe('cancelling', () => {
  it('terminates the worker at once and rejects with an AbortError', async () => {
    const { pipeline, workers, worker } = scripted();
    const controller = new AbortController();
    const parsing = pipeline.parse(PDF, { signal: controller.signal });
    controller.abort();
    expect(worker(0).terminated).toBe(true);
    const error = await parsing.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'AbortError' });
    // Nothing else was running: no worker until the next call, which gets a fresh one.
    expect(workers).toHaveLength(1);
    const again = pipeline.parse(PDF);
    expect(workers).toHaveLength(2);
    worker(1).say({ type: 'parsed', id: worker(1).received[0]?.id, tree: MINI_LAW });
    await expect(again).resolves.toEqual(MINI_LAW);
  });

  it('sends the calls that were not cancelled to a fresh worker, under the same ids', async () => {
    const { pipeline, worker } = scripted();
    const controller = new AbortController();
    const cancelled = pipeline.parse(PDF, { signal: controller.signal });
    const progress: number[] = [];
    const kept = pipeline.parse(PDF, { onProgress: (done) => progress.push(done) });
    const linking = pipeline.link(MINI_LAW, MINI_CODE);
    const [, keptRequest, linkRequest] = worker(0).received;
    worker(0).say({ type: 'progress', id: keptRequest?.id, done: 1, total: 9 });
    controller.abort();
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(worker(0).terminated).toBe(true);
    expect(worker(1).received.map((r) => [r.type, r.id])).toEqual([
      ['parse', keptRequest?.id],
      ['link', linkRequest?.id],
    ]);
    const resent = worker(1).received[0];
    expect(resent?.type === 'parse' && [...resent.bytes]).toEqual([...PDF]);
    // A late answer from the terminated worker is not taken for the fresh one's.
    worker(0).say({ type: 'parsed', id: keptRequest?.id, tree: MINI_CODE });
    worker(1).say({ type: 'progress', id: keptRequest?.id, done: 1, total: 9 });
    worker(1).say({ type: 'parsed', id: keptRequest?.id, tree: MINI_LAW });
    worker(1).say({ type: 'linked', id: linkRequest?.id, report: { links: [], unresolved: [] } });
    await expect(kept).resolves.toEqual(MINI_LAW);
    await expect(linking).resolves.toEqual({ links: [], unresolved: [] });
    expect(progress).toEqual([1, 1]);
  });

  it('rejects at once, starting nothing, when the signal has already been aborted', async () => {
    const { pipeline, workers } = scripted();
    await expect(pipeline.parse(PDF, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    await expect(pipeline.link(MINI_LAW, MINI_CODE, { signal: AbortSignal.abort() })).rejects.toMatchObject({
      name: 'AbortError',
    });
    expect(workers).toHaveLength(0);
  });

  it('aborting after the answer changes nothing', async () => {
    const { pipeline, worker } = scripted();
    const controller = new AbortController();
    const linking = pipeline.link(MINI_LAW, MINI_CODE, { signal: controller.signal });
    worker(0).say({ type: 'linked', id: worker(0).received[0]?.id, report: { links: [], unresolved: [] } });
    await expect(linking).resolves.toEqual({ links: [], unresolved: [] });
    controller.abort();
    expect(worker(0).terminated).toBe(false);
  });

  it('dispose stops the worker and cancels what was running; the pipeline still works afterwards', async () => {
    const { pipeline, workers, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    pipeline.dispose();
    expect(worker(0).terminated).toBe(true);
    await expect(parsing).rejects.toMatchObject({ name: 'AbortError' });
    const linking = pipeline.link(MINI_LAW, MINI_CODE);
    expect(workers).toHaveLength(2);
    worker(1).say({ type: 'linked', id: worker(1).received[0]?.id, report: { links: [], unresolved: [] } });
    await expect(linking).resolves.toBeDefined();
  });
});

describe('a worker that fails', () => {
  it('rejects every running call with a plain internal error, and the next call starts afresh', async () => {
    const { pipeline, workers, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    const linking = pipeline.link(MINI_LAW, MINI_CODE);
    worker(0).crash();
    for (const call of [parsing, linking]) {
      await expect(call).rejects.toMatchObject({
        name: 'PipelineError',
        code: 'internal',
        message: PIPELINE_MESSAGES.crashed,
      });
    }
    expect(worker(0).terminated).toBe(true);
    const again = pipeline.parse(PDF);
    expect(workers).toHaveLength(2);
    worker(1).say({ type: 'parsed', id: worker(1).received[0]?.id, tree: MINI_LAW });
    await expect(again).resolves.toEqual(MINI_LAW);
  });

  it('that cannot even start gives a plain error, not an exception', async () => {
    const pipeline = createPipelineWith({
      standardFontDataUrl: FONTS,
      startWorker: () => {
        throw new DOMException('Refused by the Content-Security-Policy', 'SecurityError');
      },
    });
    await expect(pipeline.parse(PDF)).rejects.toMatchObject({
      name: 'PipelineError',
      code: 'internal',
      message: PIPELINE_MESSAGES.notStarted,
    });
  });
});

describe('the pipeline end to end, with the real handler in Node', () => {
  /** A worker on this thread: the handler runs on what postMessage would deliver, answers arrive as messages. */
  function inProcessHost(): PipelineHost & { started: number } {
    const host = {
      started: 0,
      standardFontDataUrl,
      startWorker(events: WorkerEvents): WorkerPort {
        host.started++;
        let terminated = false;
        const post = (reply: PipelineReply): void => {
          const copy = structuredClone(reply);
          setTimeout(() => {
            if (!terminated) events.message(copy);
          }, 0);
        };
        return {
          post: (request, transfer) => {
            const delivered = structuredClone(request, { transfer });
            setTimeout(() => void handleRequest(delivered, { pdfjs, post }), 0);
          },
          terminate: () => {
            terminated = true;
          },
        };
      },
    };
    return host;
  }

  it('parses the synthetic act and code side by side, then links them as the core does', async () => {
    const host = inProcessHost();
    const pipeline = createPipelineWith(host);
    const pages: number[] = [];
    const [law, code] = await Promise.all([
      pipeline.parse(dataUrlBytes(actPdf), { onProgress: (done) => pages.push(done) }),
      pipeline.parse(dataUrlBytes(codePdf)),
    ]);
    expect([law.document.kind, code.document.kind]).toEqual(['act', 'code']);
    expect(pages).toEqual([1, 2, 3, 4, 5, 6]);
    const report = await pipeline.link(law, code);
    expect(report).toEqual(withStances(law, code, suggestLinks(law, code)));
    expect(host.started).toBe(1);
  });

  it('cancels a parse part-way and still answers the next call', async () => {
    const host = inProcessHost();
    const pipeline = createPipelineWith(host);
    const controller = new AbortController();
    const pages: number[] = [];
    const cancelled = pipeline.parse(dataUrlBytes(actPdf), {
      signal: controller.signal,
      onProgress: (done) => {
        pages.push(done);
        if (done === 2) controller.abort();
      },
    });
    await expect(cancelled).rejects.toMatchObject({ name: 'AbortError' });
    expect(pages).toEqual([1, 2]);
    const tree = await pipeline.parse(dataUrlBytes(codePdf));
    expect(tree.document.kind).toBe('code');
    expect(host.started).toBe(2);
  });
});

describe('a broken final answer', () => {
  it('ends the call with a plain error instead of leaving it waiting', async () => {
    const { pipeline, worker } = scripted();
    const parsing = pipeline.parse(PDF);
    worker(0).say({ type: 'parsed', id: worker(0).received[0]?.id, tree: { nonsense: true } });
    await expect(parsing).rejects.toMatchObject({ code: 'internal', message: PIPELINE_MESSAGES.unexpected });
  });
});
