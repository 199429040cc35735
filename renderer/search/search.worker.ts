/**
 * The search worker: holds the full-text index over the project's two documents and notes, off
 * the page's thread (building it over the AI Act takes a few hundred milliseconds). Speaks the
 * protocol in ./protocol.ts; the work itself is in ./handler.ts.
 */
import { createSearchHandler } from './handler';
import { isSearchRequest, type SearchReply } from './protocol';

/** The part of a dedicated worker's global scope used here (the renderer is typed with the DOM lib). */
interface WorkerScope {
  postMessage(message: SearchReply): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
}

const scope = globalThis as unknown as WorkerScope;

const handle = createSearchHandler({
  post: (reply) => scope.postMessage(reply),
  // A timeout lets the messages already queued (newer keystrokes) arrive before a query runs.
  defer: (task) => void setTimeout(task, 0),
  now: () => performance.now(),
  onInternalError: (error) => console.error('Crosswalk search worker:', error),
});

scope.addEventListener('message', (event) => {
  if (isSearchRequest(event.data)) handle(event.data);
});
