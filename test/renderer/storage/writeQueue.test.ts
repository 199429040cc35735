/**
 * The write queue against a real (fake-indexeddb) database whose writes are made to fail: edits
 * made while the disk is "full" are kept, shown as waiting, and land once writes succeed again,
 * in the order they were made, each exactly once.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
  annotationsFor,
  historyState,
  projectLinks,
  saveSuggestions,
  type CrosswalkDb,
} from '../../../renderer/db';
import { classifyStorageError } from '../../../renderer/storage/failures';
import {
  createWriteQueue,
  defaultBackoffMs,
  type Clock,
  type QueueMirror,
} from '../../../renderer/storage/writeQueue';
import {
  applyWrite,
  mergeWrites,
  type AnnotationWrite,
  type PendingWrite,
} from '../../../renderer/storage/writes';
import { linkId } from '../../../src/model/review';
import { miniProject } from '../db/setup';

const quota = (): DOMException => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

/** Makes the next `times` calls of `method` on a table reject as a full disk would. */
function failNext(
  table: object,
  method: 'put' | 'bulkPut' | 'add',
  times: number,
): { readonly failed: () => number } {
  const target = table as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const original = target[method]!.bind(table);
  let left = times;
  let failed = 0;
  target[method] = (...args: unknown[]) => {
    if (left > 0) {
      left -= 1;
      failed += 1;
      return Promise.reject(quota());
    }
    return original(...args);
  };
  return { failed: () => failed };
}

/** A clock whose timers run only when the test says so. */
function manualClock(): Clock & { fire(): void; pending(): number } {
  let now = 0;
  const timers = new Map<number, () => void>();
  let next = 1;
  return {
    now: () => now,
    setTimeout(callback, ms) {
      now += 0;
      const handle = next++;
      timers.set(handle, () => {
        now += ms;
        callback();
      });
      return handle;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
    fire() {
      const due = [...timers.entries()];
      timers.clear();
      for (const [, run] of due) run();
    },
    pending: () => timers.size,
  };
}

function memoryMirror(): QueueMirror<PendingWrite> & { saved: PendingWrite[] | null; full: boolean } {
  const mirror = {
    saved: null as PendingWrite[] | null,
    full: false,
    save(writes: readonly PendingWrite[]) {
      if (mirror.full) return false;
      mirror.saved = [...writes];
      return true;
    },
    clear() {
      mirror.saved = null;
    },
  };
  return mirror;
}

function edit(
  projectId: string,
  patch: AnnotationWrite['patch'],
  coalesce: string | null = null,
): AnnotationWrite {
  return {
    kind: 'annotation',
    id: 'verdict-1',
    projectId,
    source: 'msr_9.3',
    target: null,
    author: 'Ana',
    quote: { exact: 'Signatories will report', prefix: '', suffix: '' },
    patch,
    coalesce,
  };
}

function queueFor(db: CrosswalkDb, clock = manualClock(), mirror = memoryMirror()) {
  const dropped: unknown[] = [];
  const queue = createWriteQueue<PendingWrite>({
    apply: (write) => applyWrite(db, write),
    classify: classifyStorageError,
    merge: mergeWrites,
    mirror,
    clock,
    onDropped: (error) => dropped.push(error),
  });
  return { queue, clock, mirror, dropped };
}

/** Lets IndexedDB's callbacks run until the queue has stopped working. */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

describe('the write queue while the disk is full', () => {
  it('keeps every edit made while writes fail and stores them in order, once, when writes succeed', async () => {
    const { db, projectId } = await miniProject();
    const failing = failNext(db.annotations, 'put', 3);
    const { queue, clock, mirror } = queueFor(db);
    const landed: string[] = [];

    void queue.enqueue(edit(projectId, { stance: 'expands' })).then(() => landed.push('stance'));
    void queue.enqueue(edit(projectId, { rationale: 'Art' }, 'rationale')).then(() => landed.push('r1'));
    void queue
      .enqueue(edit(projectId, { rationale: 'Art 73 says 15 days' }, 'rationale'))
      .then(() => landed.push('r2'));
    void queue.enqueue(edit(projectId, { status: 'reviewed' })).then(() => landed.push('status'));
    await settle();

    // The first write failed: everything waits, the banner has its reason, the mirror a copy.
    let state = queue.getState();
    expect(state.problem?.kind).toBe('quota');
    expect(state.pending).toHaveLength(3); // the two rationale keystrokes are one edit
    expect(mirror.saved).toHaveLength(3);
    expect(state.safeToClose).toBe(true);
    expect(await annotationsFor(db, projectId)).toEqual([]);

    clock.fire(); // retry 1: fails
    await settle();
    clock.fire(); // retry 2: fails
    await settle();
    expect(queue.getState().attempts).toBe(3);
    expect(await annotationsFor(db, projectId)).toEqual([]);

    clock.fire(); // retry 3: the disk has room again
    await settle();
    state = queue.getState();
    expect(state.problem).toBeNull();
    expect(state.pending).toEqual([]);
    expect(mirror.saved).toBeNull();
    expect(failing.failed()).toBe(3);
    expect(landed).toEqual(['stance', 'r1', 'r2', 'status']);

    const stored = await annotationsFor(db, projectId);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      id: 'verdict-1',
      stance: 'expands',
      rationale: 'Art 73 says 15 days',
      status: 'reviewed',
      author: 'Ana',
    });
    // Three undo steps (stance, rationale, status), none doubled by the retries.
    expect(await db.history.where('projectId').equals(projectId).count()).toBe(3);
    expect(await historyState(db, projectId)).toEqual({ canUndo: true, canRedo: false });
  });

  it('retries at once on "Retry now" and keeps edits made between the failures behind the first', async () => {
    const { db, projectId } = await miniProject();
    failNext(db.annotations, 'put', 1);
    const { queue, clock } = queueFor(db);
    void queue.enqueue(edit(projectId, { stance: 'narrows' }));
    await settle();
    expect(queue.getState().problem?.kind).toBe('quota');
    void queue.enqueue(edit(projectId, { stance: 'conflicts' }));
    // A new edit during the outage waits for the retry rather than jumping the queue.
    await settle();
    expect(queue.getState().pending).toHaveLength(2);
    queue.retryNow();
    await settle();
    expect(clock.pending()).toBe(0);
    expect(queue.getState().pending).toEqual([]);
    const [stored] = await annotationsFor(db, projectId);
    expect(stored?.stance).toBe('conflicts');
    expect(await db.history.where('projectId').equals(projectId).count()).toBe(2);
  });

  it('keeps link decisions made while writes fail and applies them in order', async () => {
    const { db, projectId } = await miniProject();
    await saveSuggestions(db, projectId, {
      links: [
        {
          source: 'msr_9.3',
          target: 'art_55__para_1__point_c',
          rank: 1,
          score: 0.9,
          basis: ['citation'],
          evidence: [],
          suggestedStance: null,
        },
      ],
    } as never);
    const id = linkId(projectId, 'msr_9.3', 'art_55__para_1__point_c');
    failNext(db.links, 'put', 2);
    const { queue, clock } = queueFor(db);
    void queue.enqueue({ kind: 'link-status', linkId: id, status: 'rejected' });
    await settle();
    void queue.enqueue({ kind: 'user-link', projectId, source: 'msr_9.3', target: 'art_53' });
    void queue.enqueue({ kind: 'link-status', linkId: id, status: 'accepted' });
    await settle();
    // The later decision stays behind the link added in between: order is what the user did.
    expect(queue.getState().pending.map((w) => w.kind)).toEqual(['link-status', 'user-link', 'link-status']);
    clock.fire();
    await settle();
    clock.fire();
    await settle();
    expect(queue.getState().pending).toEqual([]);
    const links = await projectLinks(db, projectId);
    expect(links.find((l) => l.id === id)?.status).toBe('accepted');
    expect(links.filter((l) => l.target === 'art_53')).toHaveLength(1);
  });

  it('gives up a write only when retrying cannot help, and goes on with the rest', async () => {
    const { db, projectId } = await miniProject();
    const { queue, dropped } = queueFor(db);
    const bad = queue.enqueue({ kind: 'link-status', linkId: 'no such link', status: 'accepted' });
    const good = queue.enqueue(edit(projectId, { stance: 'clarifies' }));
    // setLinkStatus on a missing link resolves null: nothing to retry, nothing dropped.
    await expect(bad).resolves.toBeUndefined();
    await good;
    expect(dropped).toEqual([]);

    const table = db.annotations as unknown as { put: (...args: unknown[]) => Promise<unknown> };
    const original = table.put.bind(db.annotations);
    table.put = () => Promise.reject(new TypeError('a bug, not the disk'));
    const doomed = queue.enqueue(edit(projectId, { stance: 'narrows' }));
    await expect(doomed).rejects.toThrow('a bug, not the disk');
    table.put = original;
    expect(dropped).toHaveLength(1);
    expect(queue.getState().problem).toBeNull();
    expect(queue.getState().pending).toEqual([]);
  });

  it('says when the pending edits could not be copied anywhere (closing would lose them)', async () => {
    const { db, projectId } = await miniProject();
    failNext(db.annotations, 'put', 1);
    const mirror = memoryMirror();
    mirror.full = true;
    const { queue } = queueFor(db, manualClock(), mirror);
    void queue.enqueue(edit(projectId, { stance: 'expands' }));
    await settle();
    expect(queue.getState().safeToClose).toBe(false);
    queue.retryNow();
    await settle();
    expect(queue.getState().safeToClose).toBe(true);
  });
});

describe('storage failures', () => {
  it('recognises a full disk however deeply Dexie wrapped it', () => {
    const aborted = Object.assign(new Error('Transaction aborted'), { name: 'AbortError', inner: quota() });
    expect(classifyStorageError(aborted)?.kind).toBe('quota');
    expect(classifyStorageError(quota())?.message).toMatch(/^Your disk is full/);
  });

  it('tells a closed or outdated database from a bug', () => {
    expect(classifyStorageError(Object.assign(new Error('x'), { name: 'DatabaseClosedError' }))?.kind).toBe(
      'closed',
    );
    expect(classifyStorageError(Object.assign(new Error('x'), { name: 'VersionError' }))?.kind).toBe(
      'outdated',
    );
    expect(classifyStorageError(new TypeError('x'))).toBeNull();
    expect(classifyStorageError('a string')).toBeNull();
    expect(classifyStorageError(null)).toBeNull();
  });

  it('backs off from 1 s to at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 10].map(defaultBackoffMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
  });
});
