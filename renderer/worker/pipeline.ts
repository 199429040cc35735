/**
 * Parsing and linking in a Web Worker, for the page. The worker is a module worker bundled by Vite
 * from ./pipeline.worker.ts and emitted as a file of the app's own (the CSP's `worker-src 'self'`),
 * in the web build and in Electron's file:// build alike.
 */
import { standardFontDataUrlFor } from '../pdf/fonts';
import { createPipelineWith, type Pipeline, type WorkerEvents, type WorkerPort } from './client';

export { PipelineError, type LinkCallOptions, type ParseCallOptions, type Pipeline } from './client';

function startWorker(events: WorkerEvents): WorkerPort {
  const worker = new Worker(new URL('./pipeline.worker.ts', import.meta.url), {
    type: 'module',
    name: 'crosswalk-pipeline',
  });
  worker.addEventListener('message', (event: MessageEvent<unknown>) => events.message(event.data));
  worker.addEventListener('messageerror', () => events.crash());
  worker.addEventListener('error', () => events.crash());
  return {
    post: (request, transfer) => worker.postMessage(request, transfer),
    terminate: () => worker.terminate(),
  };
}

/** The app's pipeline. Creates no worker until the first call. */
export function createPipeline(): Pipeline {
  // The fonts are emitted next to the page (scripts/vite-plugins.ts), wherever the worker's chunk is.
  return createPipelineWith({ startWorker, standardFontDataUrl: standardFontDataUrlFor(document.baseURI) });
}
