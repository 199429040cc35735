/**
 * The page's side of the search against the real worker handler, run in Node behind a port that
 * delivers messages the way a worker does (cloned, later), and against a worker that crashes.
 */
import { describe, expect, it } from 'vitest';
import {
  createSearchWith,
  isAbortError,
  SEARCH_CLIENT_MESSAGES,
  SearchError,
  type SearchPort,
  type SearchWorkerEvents,
} from '../../../renderer/search/client';
import { createSearchHandler } from '../../../renderer/search/handler';
import type { SearchRequest } from '../../../renderer/search/protocol';
import type { NoteInput } from '../../../src/search/index';
import { MINI_CODE, MINI_LAW } from '../../support/trees';

/** A worker in this thread: the real handler, messages cloned and delivered on a later task. */
class LocalWorker implements SearchPort {
  readonly received: SearchRequest[] = [];
  terminated = false;
  private readonly handle: (request: SearchRequest) => void;

  constructor(private readonly events: SearchWorkerEvents) {
    this.handle = createSearchHandler({
      post: (reply) => {
        const copy = structuredClone(reply);
        setTimeout(() => {
          if (!this.terminated) this.events.message(copy);
        }, 0);
      },
      defer: (task) => void setTimeout(task, 0),
      now: () => performance.now(),
    });
  }

  post(request: SearchRequest): void {
    if (this.terminated) throw new Error('posted to a terminated worker');
    const copy = structuredClone(request);
    this.received.push(copy);
    setTimeout(() => {
      if (!this.terminated) this.handle(copy);
    }, 0);
  }

  terminate(): void {
    this.terminated = true;
  }

  crash(): void {
    this.events.crash();
  }
}

function local() {
  const workers: LocalWorker[] = [];
  const client = createSearchWith((events) => {
    const worker = new LocalWorker(events);
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

const note = (id: string, source: string, rationale: string, extra: Partial<NoteInput> = {}): NoteInput => ({
  id,
  source,
  target: null,
  author: 'Ada',
  stance: 'expands',
  rationale,
  tags: [],
  ...extra,
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

describe('the search client', () => {
  it('indexes both documents and the notes in the worker and answers queries, grouped and timed', async () => {
    const { client, workers } = local();
    const info = await client.load(MINI_LAW, MINI_CODE, [note('n1', 'msr_9.3', 'Stricter than the Act.')]);
    expect(info).toMatchObject({ units: MINI_LAW.units.length + MINI_CODE.units.length, notes: 1 });
    const answer = await client.query('serious incident');
    expect(answer.code.map((h) => h.id)).toContain('msr_9.3');
    expect(answer.law.map((h) => h.id)).toContain('art_55__para_1__point_c');
    expect(answer.ms).toBeGreaterThanOrEqual(answer.workerMs);
    expect((await client.query('stricter')).notes.map((h) => h.id)).toEqual(['n1']);
    expect((await client.query('55(1)(c)')).direct).toMatchObject({
      doc: 'law',
      id: 'art_55__para_1__point_c',
    });
    expect(workers).toHaveLength(1);
  });

  it('sends the worker slim units, without their page boxes', async () => {
    const { client, workers } = local();
    await client.load(MINI_LAW, MINI_CODE, []);
    const load = workers[0]?.received[0];
    expect(load?.type).toBe('load');
    if (load?.type !== 'load') return;
    expect(Object.keys(load.law[0] ?? {}).sort()).toEqual(['heading', 'id', 'text']);
    expect(load.code).toHaveLength(MINI_CODE.units.length);
  });

  it('follows the annotations, sending only what changed', async () => {
    const { client, workers } = local();
    const first = [note('n1', 'msr_9.3', 'Deadlines in days.'), note('n2', 'cmt_6', 'Encryption at rest.')];
    await client.load(MINI_LAW, MINI_CODE, first);
    await client.updateNotes([
      { ...first[0], rationale: 'Deadlines in days.' } as NoteInput, // same content, new object
      note('n3', 'msr_6.2', 'Insider threats.'),
    ]);
    const sent = workers[0]?.received.filter((r) => r.type === 'notes') ?? [];
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ changed: [{ id: 'n3' }], removed: ['n2'] });
    expect((await client.query('insider')).notes.map((h) => h.id)).toEqual(['n3']);
    expect((await client.query('encryption')).counts.notes).toBe(0);

    // Nothing changed: nothing is sent.
    await client.updateNotes([first[0] as NoteInput, note('n3', 'msr_6.2', 'Insider threats.')]);
    expect(workers[0]?.received.filter((r) => r.type === 'notes')).toHaveLength(1);
  });

  it('drops a query that a newer one supersedes', async () => {
    const { client, workers } = local();
    await client.load(MINI_LAW, MINI_CODE, []);
    const older = client.query('serious');
    const newer = client.query('cybersecurity');
    const error = await rejection(older);
    expect(isAbortError(error)).toBe(true);
    const answer = await newer;
    expect(answer.query).toBe('cybersecurity');
    expect(answer.law.map((h) => h.id)).toEqual(['art_55__para_1__point_d']);
    expect(workers[0]?.received.filter((r) => r.type === 'query')).toHaveLength(2);
  });

  it('says so when asked to search before anything is loaded', async () => {
    const { client, workers } = local();
    const error = await rejection(client.query('anything'));
    expect(error).toBeInstanceOf(SearchError);
    expect((error as Error).message).toBe(SEARCH_CLIENT_MESSAGES.notLoaded);
    expect(workers).toHaveLength(0);
  });

  it('knows which trees it holds', async () => {
    const { client } = local();
    expect(client.holds(MINI_LAW, MINI_CODE)).toBe(false);
    const loading = client.load(MINI_LAW, MINI_CODE, []);
    expect(client.holds(MINI_LAW, MINI_CODE)).toBe(true);
    expect(client.holds({ ...MINI_LAW }, MINI_CODE)).toBe(false);
    await loading;
  });

  it('after a crash, fails what was pending and rebuilds the index in a fresh worker', async () => {
    const { client, workers } = local();
    await client.load(MINI_LAW, MINI_CODE, [note('n1', 'msr_9.3', 'Stricter timelines.')]);
    const pending = client.query('stricter');
    workers[0]?.crash();
    const error = await rejection(pending);
    expect(error).toBeInstanceOf(SearchError);
    expect((error as Error).message).toBe(SEARCH_CLIENT_MESSAGES.crashed);
    expect(workers[0]?.terminated).toBe(true);

    const again = await client.query('stricter');
    expect(again.notes.map((h) => h.id)).toEqual(['n1']);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.received.map((r) => r.type)).toEqual(['load', 'query']);
  });

  it('dispose stops the worker and rejects what is pending; a later load starts afresh', async () => {
    const { client, workers } = local();
    await client.load(MINI_LAW, MINI_CODE, []);
    const pending = client.query('serious');
    client.dispose();
    expect(isAbortError(await rejection(pending))).toBe(true);
    expect(workers[0]?.terminated).toBe(true);
    expect(client.holds(MINI_LAW, MINI_CODE)).toBe(false);

    await client.load(MINI_LAW, MINI_CODE, [note('n1', 'msr_9.3', 'Back again.')]);
    expect((await client.query('again')).notes).toHaveLength(1);
    expect(workers).toHaveLength(2);
  });
});
