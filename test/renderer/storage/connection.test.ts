/**
 * The connection itself: another window opening a newer Crosswalk (a version change) and an
 * upgrade blocked by a window still holding the old version are both said in plain words, and
 * edits made meanwhile stay queued instead of being lost.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { annotationsFor, type CrosswalkDb } from '../../../renderer/db';
import { describeStorage } from '../../../renderer/storage/describe';
import { openDbWatched } from '../../../renderer/storage/open';
import { createStorageHealth } from '../../../renderer/storage/storage';
import type { StorageProblem } from '../../../renderer/storage/failures';
import { miniProject } from '../db/setup';

const noStorage = { local: null, session: null, locks: null };

/** Opens the raw database at `version`, as another window running another build would. */
function openRaw(name: string, version: number): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, version);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('open failed'));
  });
}

describe('another window', () => {
  it('upgrading the database: this window says to reload, and the edits made since are not lost', async () => {
    const { db, projectId } = await miniProject();
    const health = createStorageHealth(db, noStorage);
    // A newer build in another window upgrades the database (Dexie's version 1 is IndexedDB's 10).
    const newer = await openRaw(db.name, 1_000);
    const state = health.getState();
    expect(state.connection?.kind).toBe('outdated');
    const notice = describeStorage(state);
    expect(notice).toMatchObject({ level: 'alert', needsReload: true });
    expect(notice?.message).toMatch(/^Crosswalk was updated in another window\. Reload this window/);

    const saved = health.queue.enqueue({
      kind: 'annotation',
      id: 'v1',
      projectId,
      source: 'msr_9.3',
      target: null,
      author: 'Ana',
      quote: { exact: 'x', prefix: '', suffix: '' },
      patch: { rationale: 'typed after the other window upgraded' },
      coalesce: null,
    });
    // Dexie 4 reopens the upgraded database as it finds it, so this edit still lands; had the
    // upgrade made that impossible, it would wait in the queue (see writeQueue.test.ts).
    await saved;
    const [stored] = await annotationsFor(db, projectId);
    expect(stored?.rationale).toBe('typed after the other window upgraded');
    expect(health.getState().queue.pending).toEqual([]);
    // The banner stays: this window's code is older than the database now.
    expect(describeStorage(health.getState())?.needsReload).toBe(true);
    health.queue.dispose();
    newer.close();
  });

  it('holding the old version: the upgrade waits, says so, and goes on once the window lets go', async () => {
    const name = `blocked-${crypto.randomUUID()}`;
    const old = await openRaw(name, 1); // an older build, which never lets go by itself
    const problems: StorageProblem[] = [];
    const opening = openDbWatched((problem) => problems.push(problem), name);
    for (let i = 0; i < 40 && problems.length === 0; i++) await new Promise((r) => setTimeout(r, 5));
    expect(problems.map((p) => p.kind)).toContain('blocked');
    expect(problems[0]?.message).toMatch(/^Crosswalk is open in another window; close it/);
    old.close();
    const db: CrosswalkDb = await opening;
    expect(db.isOpen()).toBe(true);
    expect(await annotationsFor(db, 'any')).toEqual([]);
    db.close();
  });
});

describe('the storage banner', () => {
  it('says nothing while all is well, and counts what waits during an outage', async () => {
    const { db } = await miniProject();
    const health = createStorageHealth(db, noStorage);
    expect(describeStorage(health.getState())).toBeNull();
    const base = health.getState();
    const quota = { kind: 'quota' as const, message: 'Your disk is full.' };
    expect(
      describeStorage({ ...base, queue: { ...base.queue, problem: quota, pending: [], safeToClose: false } })
        ?.message,
    ).toBe(
      'Your disk is full. They could not be copied anywhere else either: keep this window open until they are saved.',
    );
    expect(describeStorage({ ...base, recovered: 2 })).toMatchObject({
      level: 'status',
      message: '2 edits from an earlier session that could not be saved then have now been saved.',
    });
    health.queue.dispose();
  });
});
