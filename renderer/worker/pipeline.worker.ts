/**
 * The pipeline worker: parses PDFs (pdf.js, both halves on this thread) and suggests links, off
 * the page's thread. Speaks the protocol in ./protocol.ts; the work itself is in ./handler.ts.
 */
import { pdfjsInWorker } from '../pdf/in-worker';
import { handleRequest } from './handler';
import { isPipelineRequest, type PipelineReply } from './protocol';

/** The part of a dedicated worker's global scope used here (the renderer is typed with the DOM lib). */
interface WorkerScope {
  postMessage(message: PipelineReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  addEventListener(type: 'unhandledrejection', listener: (event: PromiseRejectionEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

const deps = {
  pdfjs: pdfjsInWorker,
  post: (reply: PipelineReply) => scope.postMessage(reply),
  // The user reads a plain sentence; the details are for whoever opens the developer tools.
  onInternalError: (error: unknown) => console.error('Crosswalk pipeline worker:', error),
};

scope.addEventListener('message', (event) => {
  // Anything else is not ours (see the note on pdf.js's own handler in ../pdf/in-worker.ts).
  if (isPipelineRequest(event.data)) void handleRequest(event.data, deps);
});

// pdf.js can leave a rejected promise behind when it meets a damaged object (a font it cannot
// parse, say) after the request itself has already failed and been answered; as in the CLI
// (src/cli/bin.ts), such a leftover must not surface as an uncaught error. Our own code leaves no
// promise unhandled (handleRequest never rejects), so only pdf.js's leftovers are quietened, to a warning.
scope.addEventListener('unhandledrejection', (event) => {
  event.preventDefault();
  console.warn('Crosswalk pipeline worker: pdf.js left a rejected promise behind:', event.reason);
});
