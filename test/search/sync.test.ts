import { describe, expect, it } from 'vitest';
import { diffNotes, type NoteInput } from '../../src/search/index';

const note = (id: string, rationale: string, extra: Partial<NoteInput> = {}): NoteInput => ({
  id,
  source: 'msr_9.3',
  target: null,
  author: 'Ada',
  stance: 'expands',
  rationale,
  tags: [],
  ...extra,
});

describe('the notes sent to the search worker', () => {
  it('are all of them the first time', () => {
    const delta = diffNotes(new Map(), [note('a', 'one'), note('b', 'two')]);
    expect(delta.changed.map((n) => n.id)).toEqual(['a', 'b']);
    expect(delta.removed).toEqual([]);
    expect([...delta.next.keys()]).toEqual(['a', 'b']);
  });

  it('then only what was added, edited or deleted', () => {
    const first = diffNotes(new Map(), [note('a', 'one'), note('b', 'two'), note('c', 'three')]);
    const second = diffNotes(first.next, [
      // a: the same content in a fresh object (a live query re-reads everything)
      note('a', 'one'),
      note('b', 'two, edited'),
      note('d', 'four'),
    ]);
    expect(second.changed.map((n) => n.id)).toEqual(['b', 'd']);
    expect(second.removed).toEqual(['c']);
  });

  it('see a change of tags, stance, author or link as a change', () => {
    const base = diffNotes(new Map(), [note('a', 'one')]).next;
    for (const extra of [
      { tags: ['x'] },
      { stance: 'narrows' as const },
      { author: 'Grace' },
      { target: 'art_55' },
    ]) {
      expect(diffNotes(base, [note('a', 'one', extra)]).changed).toHaveLength(1);
    }
  });

  it('carry only what the index reads', () => {
    const annotation = { ...note('a', 'one'), quote: { exact: 'x'.repeat(1000), prefix: '', suffix: '' } };
    const [sent] = diffNotes(new Map(), [annotation]).changed;
    expect(Object.keys(sent ?? {}).sort()).toEqual(
      ['author', 'id', 'rationale', 'source', 'stance', 'tags', 'target'].sort(),
    );
  });
});
