import { describe, expect, it } from 'vitest';
import { createSearchHandler, SEARCH_MESSAGES } from '../../../renderer/search/handler';
import { isSearchReply, isSearchRequest, type SearchReply } from '../../../renderer/search/protocol';
import { MINI_CODE, MINI_LAW } from '../../support/trees';

/** The handler with its deferred tasks held back until `flush()`, as a busy worker would. */
function held() {
  const replies: SearchReply[] = [];
  const tasks: (() => void)[] = [];
  let clock = 0;
  const handle = createSearchHandler({
    post: (reply) => replies.push(reply),
    defer: (task) => tasks.push(task),
    now: () => (clock += 5),
  });
  const flush = (): void => {
    while (tasks.length > 0) tasks.shift()?.();
  };
  return { handle, replies, flush };
}

describe('the search worker', () => {
  it('builds the index and answers a query', () => {
    const { handle, replies, flush } = held();
    handle({ type: 'load', id: 1, law: MINI_LAW.units, code: MINI_CODE.units, notes: [] });
    handle({ type: 'query', id: 2, text: 'cybersecurity', limit: 5 });
    flush();
    expect(replies[0]).toEqual({
      type: 'loaded',
      id: 1,
      units: MINI_LAW.units.length + MINI_CODE.units.length,
      notes: 0,
      ms: 5,
    });
    const results = replies[1];
    expect(results?.type).toBe('results');
    if (results?.type === 'results') {
      expect(results.results.law.map((h) => h.id)).toEqual(['art_55__para_1__point_d']);
      expect(results.ms).toBe(5);
    }
    for (const reply of replies) expect(isSearchReply(reply)).toBe(true);
  });

  it('runs only the latest of the queries that waited, and says the others were superseded', () => {
    const { handle, replies, flush } = held();
    handle({ type: 'load', id: 1, law: MINI_LAW.units, code: MINI_CODE.units, notes: [] });
    handle({ type: 'query', id: 2, text: 's', limit: 5 });
    handle({ type: 'query', id: 3, text: 'se', limit: 5 });
    handle({ type: 'query', id: 4, text: 'serious', limit: 5 });
    flush();
    expect(replies.map((r) => [r.type, r.id])).toEqual([
      ['loaded', 1],
      ['superseded', 2],
      ['superseded', 3],
      ['results', 4],
    ]);
  });

  it('applies note updates in order, before a query that came after them', () => {
    const { handle, replies, flush } = held();
    handle({ type: 'load', id: 1, law: MINI_LAW.units, code: MINI_CODE.units, notes: [] });
    handle({ type: 'query', id: 2, text: 'wombat', limit: 5 });
    handle({
      type: 'notes',
      id: 3,
      changed: [
        {
          id: 'n1',
          source: 'msr_9.3',
          target: null,
          author: '',
          stance: null,
          rationale: 'A wombat.',
          tags: [],
        },
      ],
      removed: [],
    });
    flush();
    expect(replies[1]).toEqual({ type: 'noted', id: 3, notes: 1 });
    const results = replies[2];
    expect(results?.type === 'results' && results.results.notes.map((h) => h.id)).toEqual(['n1']);
  });

  it('says the index is not ready when asked before a load', () => {
    const { handle, replies, flush } = held();
    handle({ type: 'query', id: 1, text: 'x', limit: 5 });
    handle({ type: 'notes', id: 2, changed: [], removed: [] });
    flush();
    expect(replies).toEqual([
      { type: 'failed', id: 2, message: SEARCH_MESSAGES.notLoaded },
      { type: 'failed', id: 1, message: SEARCH_MESSAGES.notLoaded },
    ]);
  });
});

describe('the search protocol', () => {
  it('tells our requests and replies from anything else on the channel', () => {
    expect(isSearchRequest({ type: 'query', id: 1, text: 'x', limit: 8 })).toBe(true);
    expect(isSearchRequest({ type: 'query', id: 0, text: 'x', limit: 8 })).toBe(false);
    expect(isSearchRequest({ type: 'query', id: 1, text: 3, limit: 8 })).toBe(false);
    expect(isSearchRequest({ type: 'load', id: 1, law: [], code: [] })).toBe(false);
    expect(isSearchRequest({ type: 'ready' })).toBe(false);
    expect(isSearchRequest(null)).toBe(false);
    expect(isSearchReply({ type: 'superseded', id: 3 })).toBe(true);
    expect(isSearchReply({ type: 'results', id: 3, ms: 1, results: { law: [], code: [] } })).toBe(false);
    expect(isSearchReply({ type: 'failed', id: 3 })).toBe(false);
  });
});
