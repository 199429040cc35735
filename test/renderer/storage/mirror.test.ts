/**
 * The localStorage mirror of edits IndexedDB refused: read back after a reload (same window) or
 * after the app was closed (no window holds the lock), never taken from a window still alive.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { annotationsFor } from '../../../renderer/db';
import {
  adoptMirrored,
  createMirror,
  MIRROR_PREFIX,
  sessionIdFor,
  type KeyValueStore,
  type LockManagerLike,
} from '../../../renderer/storage/mirror';
import { createStorageHealth } from '../../../renderer/storage/storage';
import { parsePendingWrites, type PendingWrite } from '../../../renderer/storage/writes';
import { miniProject } from '../db/setup';

function memoryStore(): KeyValueStore & { readonly map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, value),
    removeItem: (key) => void map.delete(key),
    get length() {
      return map.size;
    },
    key: (index) => [...map.keys()][index] ?? null,
  };
}

function locksHeld(...names: string[]): LockManagerLike {
  return {
    request: () => new Promise(() => undefined),
    query: () => Promise.resolve({ held: names.map((name) => ({ name })) }),
  };
}

const write = (projectId: string, rationale: string): PendingWrite => ({
  kind: 'annotation',
  id: 'v1',
  projectId,
  source: 'msr_9.3',
  target: null,
  author: 'Ana',
  quote: { exact: 'x', prefix: '', suffix: '' },
  patch: { rationale },
  coalesce: 'rationale',
});

describe('the mirror of unsaved edits', () => {
  it('keeps a window its session id across a reload and gives a new window a new one', () => {
    const session = memoryStore();
    const first = sessionIdFor(session);
    expect(sessionIdFor(session)).toBe(first);
    expect(sessionIdFor(memoryStore())).not.toBe(first);
  });

  it('adopts its own and abandoned windows’ edits, oldest first, but not a living window’s', async () => {
    const local = memoryStore();
    let clock = 100;
    createMirror(local, 'gone-window', () => clock).save([write('p', 'from the closed window')]);
    clock = 50;
    createMirror(local, 'live-window', () => clock).save([write('p', 'still being retried there')]);
    clock = 200;
    createMirror(local, 'me', () => clock).save([write('p', 'mine, before the reload')]);
    const adopted = await adoptMirrored(
      local,
      'me',
      locksHeld('crosswalk-window:live-window', 'crosswalk-window:me'),
      parsePendingWrites,
    );
    expect(adopted.writes.map((w) => (w.kind === 'annotation' ? w.patch.rationale : ''))).toEqual([
      'from the closed window',
      'mine, before the reload',
    ]);
    // Without Web Locks, another window might be alive: only this window's own edits are taken.
    const alone = await adoptMirrored(local, 'me', null, parsePendingWrites);
    expect(alone.keys).toEqual([`${MIRROR_PREFIX}me`]);
  });

  it('skips anything in the mirror that is not a well-formed edit', () => {
    expect(
      parsePendingWrites([
        { kind: 'annotation', patch: { stance: 'rm -rf' } },
        JSON.parse('{"kind":"link-status","linkId":"l","status":"accepted","__proto__":{"polluted":true}}'),
        { kind: 'link-status', linkId: 'l', status: 'accepted' },
        { kind: 'user-link', projectId: 'p', source: 's', target: 't', extra: 1 },
        'nonsense',
      ]),
    ).toEqual([{ kind: 'link-status', linkId: 'l', status: 'accepted' }]);
    expect(parsePendingWrites({ length: 3 })).toEqual([]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stores, on the next start, the edits a closed window left in the mirror, and then forgets them', async () => {
    const { db, projectId } = await miniProject();
    const local = memoryStore();
    createMirror(local, 'closed-window').save([write(projectId, 'typed while the disk was full')]);
    const health = createStorageHealth(db, { local, session: memoryStore(), locks: locksHeld() });
    for (let i = 0; i < 40 && local.map.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(local.map.size).toBe(0);
    const [stored] = await annotationsFor(db, projectId);
    expect(stored?.rationale).toBe('typed while the disk was full');
    expect(health.getState().recovered).toBe(1);
    health.queue.dispose();
  });
});
