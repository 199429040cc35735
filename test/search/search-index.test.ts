import { describe, expect, it } from 'vitest';
import type { Annotation, ReviewStance } from '../../src/model/review';
import {
  buildSearchIndex,
  indexSize,
  resolveDirect,
  searchAll,
  updateNotes,
  type SearchResults,
} from '../../src/search/index';
import { MINI_CODE, MINI_LAW } from '../support/trees';

function note(id: string, source: string, rationale: string, extra: Partial<Annotation> = {}): Annotation {
  return {
    id,
    projectId: 'p',
    source,
    target: null,
    quote: { exact: '', prefix: '', suffix: '' },
    stance: 'expands',
    relationship: null,
    rationaleType: null,
    strength: null,
    rationale,
    tags: [],
    status: 'draft',
    author: 'Ada',
    fromSuggestion: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

const RATIONALE =
  'Article 55(1)(c) requires reporting serious incidents "without undue delay"; the measure fixes 2, 5, 10 and 15 days.';

function index(notes: readonly Annotation[] = []) {
  return buildSearchIndex({ law: MINI_LAW.units, code: MINI_CODE.units, notes });
}

const ids = (results: SearchResults, group: 'law' | 'code' | 'notes'): string[] =>
  results[group].map((hit) => hit.id);

describe('searching both texts', () => {
  it('finds a phrase in the law and the code, grouped, best first', () => {
    const results = searchAll(index(), 'serious incidents');
    expect(ids(results, 'code')).toContain('msr_9.3');
    expect(ids(results, 'code')).toContain('cmt_9');
    expect(ids(results, 'law')).toContain('art_55__para_1__point_c');
    expect(results.notes).toEqual([]);
    expect(results.mode).toBe('all');
    for (const group of [results.law, results.code])
      for (let i = 1; i < group.length; i += 1)
        expect(group[i - 1]?.score ?? 0).toBeGreaterThanOrEqual(group[i]?.score ?? 0);
  });

  it('finds words by their first letters and despite a typo', () => {
    expect(ids(searchAll(index(), 'cybersec'), 'law')).toEqual(['art_55__para_1__point_d']);
    expect(ids(searchAll(index(), 'cybersecurty'), 'law')).toEqual(['art_55__para_1__point_d']);
    expect(ids(searchAll(index(), 'serous incidnts'), 'code')).toContain('msr_9.3');
  });

  it('does not let a short word stand for another (art is not are or act)', () => {
    const results = searchAll(index(), 'art');
    for (const hit of [...results.law, ...results.code])
      expect(`${hit.citation} ${hit.heading ?? ''} ${hit.snippet.text}`.toLowerCase()).toMatch(/\bart/);
  });

  it('ranks a heading or citation match above a mention in the text', () => {
    // "Reporting" is Measure 9.3's heading; other units only use the word in their text.
    const results = searchAll(index(), 'reporting timelines');
    expect(results.code[0]?.id).toBe('msr_9.3');
    const security = searchAll(index(), 'security');
    expect(security.code[0]?.id).toBe('cmt_6');
  });

  it('gives each hit its citation and a snippet with the matched words marked', () => {
    const hit = searchAll(index(), 'undue delay').law.find((h) => h.id === 'art_55__para_1__point_c');
    expect(hit?.citation).toBe('Article 55(1), point (c)');
    expect(hit?.doc).toBe('law');
    const marks = hit?.snippet.marks.map(([s, e]) => hit.snippet.text.slice(s, e));
    expect(marks).toEqual(['undue', 'delay']);
  });

  it('shows the heading as the snippet when only the heading matched', () => {
    const hit = searchAll(index(), 'timelines').code[0];
    expect(hit?.heading).toBe('Reporting timelines');
    expect(hit?.snippet.text).toBe('Reporting timelines');
    expect(hit?.snippet.marks).toEqual([[10, 19]]);
  });

  it('falls back to any of the words when no unit has them all, and says so', () => {
    const results = searchAll(index(), 'cybersecurity zebra');
    expect(results.mode).toBe('any');
    expect(ids(results, 'law')).toContain('art_55__para_1__point_d');
    expect(searchAll(index(), 'zebra giraffe').counts).toEqual({ law: 0, code: 0, notes: 0 });
  });

  it('keeps `limit` hits per group and counts them all', () => {
    const results = searchAll(index(), 'model', { limit: 1 });
    expect(results.law).toHaveLength(1);
    expect(results.counts.law).toBeGreaterThan(1);
  });

  it('answers nothing to an empty query', () => {
    expect(searchAll(index(), '   ')).toMatchObject({ direct: null, law: [], code: [], notes: [] });
  });
});

describe('citation-like queries', () => {
  it('resolve to the provision they name, in the law or the code', () => {
    const built = index();
    expect(searchAll(built, '55(1)(c)').direct).toEqual({
      doc: 'law',
      id: 'art_55__para_1__point_c',
      citation: 'Article 55(1), point (c)',
    });
    expect(searchAll(built, 'Art 53').direct).toMatchObject({ doc: 'law', id: 'art_53' });
    expect(searchAll(built, 'Measure 9.3').direct).toMatchObject({ doc: 'code', id: 'msr_9.3' });
  });

  it('say why a citation names nothing here, and plain words are not citations', () => {
    const missing = searchAll(index(), 'Art 99');
    expect(missing.direct).toBeNull();
    expect(missing.unresolved).toMatch(/99/);
    expect(resolveDirect('serious incidents', new Set(['art_53']), new Set())).toEqual({
      direct: null,
      unresolved: null,
    });
  });
});

describe('notes', () => {
  it('are found by their rationale and tags, with the unit and link they are on', () => {
    const built = index([
      note('n1', 'msr_9.3', RATIONALE, { tags: ['deadlines'] }),
      note('n2', 'msr_6.2', 'Weights stay encrypted at rest.', {
        target: 'art_55__para_1__point_d',
        stance: 'clarifies',
        author: 'Grace',
      }),
    ]);
    const byPhrase = searchAll(built, 'without undue delay');
    expect(byPhrase.notes.map((h) => [h.id, h.source, h.citation])).toEqual([
      ['n1', 'msr_9.3', 'Measure 9.3'],
    ]);
    expect(byPhrase.notes[0]?.snippet.marks).toHaveLength(3);
    const byTag = searchAll(built, 'deadlines');
    expect(byTag.notes[0]?.snippet).toEqual({ text: 'deadlines', marks: [[0, 9]] });
    const onLink = searchAll(built, 'encrypted').notes[0];
    expect(onLink).toMatchObject({
      id: 'n2',
      source: 'msr_6.2',
      target: 'art_55__para_1__point_d',
      author: 'Grace',
      stance: 'clarifies',
      citation: 'Measure 6.2 → Article 55(1), point (d)',
    });
  });

  it('follow edits, new notes and deletions without a rebuild', () => {
    const built = index([note('n1', 'msr_9.3', 'The deadline is fixed in days.')]);
    expect(ids(searchAll(built, 'deadline'), 'notes')).toEqual(['n1']);

    const result = updateNotes(
      built,
      [note('n1', 'msr_9.3', 'Timelines are stricter than the Act.'), note('n2', 'cmt_6', 'Encryption.')],
      [],
    );
    expect(result).toEqual({ added: 1, replaced: 1, removed: 0 });
    expect(ids(searchAll(built, 'deadline'), 'notes')).toEqual([]);
    expect(ids(searchAll(built, 'stricter'), 'notes')).toEqual(['n1']);
    expect(ids(searchAll(built, 'encryption'), 'notes')).toEqual(['n2']);

    expect(updateNotes(built, [], ['n2', 'unknown'])).toEqual({ added: 0, replaced: 0, removed: 1 });
    expect(ids(searchAll(built, 'encryption'), 'notes')).toEqual([]);
    expect(indexSize(built)).toEqual({ units: MINI_LAW.units.length + MINI_CODE.units.length, notes: 1 });
  });

  it('leave the index when their rationale and tags are emptied', () => {
    const built = index([note('n1', 'msr_9.3', 'Stricter timelines.')]);
    expect(updateNotes(built, [note('n1', 'msr_9.3', '  ')], [])).toEqual({
      added: 0,
      replaced: 0,
      removed: 1,
    });
    expect(indexSize(built).notes).toBe(0);
    expect(searchAll(built, 'stricter').counts.notes).toBe(0);
  });

  it('are not disturbed when the caller changes an annotation object after indexing it', () => {
    const tags = ['deadlines'];
    const built = index([note('n1', 'msr_9.3', 'Stricter timelines.', { tags })]);
    tags.push('mutated');
    // Removing must remove what was added, not what the caller's array says now.
    expect(() => updateNotes(built, [], ['n1'])).not.toThrow();
    expect(searchAll(built, 'deadlines').counts.notes).toBe(0);
  });

  it('stay fast and correct at 1,000 notes', () => {
    const stances: ReviewStance[] = ['clarifies', 'expands', 'restates', 'narrows', 'conflicts', 'unclear'];
    const vocabulary = [
      'deadline',
      'incident',
      'report',
      'security',
      'evaluation',
      'copyright',
      'documentation',
      'systemic',
      'mitigation',
      'transparency',
      'authority',
      'provider',
    ];
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const sources = MINI_CODE.units.map((u) => u.id);
    const notes = Array.from({ length: 1000 }, (_, i) => {
      const length = 50 + random(350);
      const words = Array.from({ length }, () => vocabulary[random(vocabulary.length)]);
      if (i === 737) words.push('quokka');
      return note(`n${i}`, sources[random(sources.length)] ?? 'msr_9.3', words.join(' '), {
        stance: stances[random(stances.length)] ?? null,
        tags: [`tag-${random(20)}`],
      });
    });

    let started = performance.now();
    const built = index(notes);
    const buildMs = performance.now() - started;
    expect(indexSize(built).notes).toBe(1000);

    started = performance.now();
    const rare = searchAll(built, 'quokka');
    const rareMs = performance.now() - started;
    expect(ids(rare, 'notes')).toEqual(['n737']);

    started = performance.now();
    const common = searchAll(built, 'security deadl', { limit: 10 });
    const commonMs = performance.now() - started;
    expect(common.notes).toHaveLength(10);
    expect(common.counts.notes).toBeGreaterThan(900);

    started = performance.now();
    const edited = notes.slice(0, 50).map((n) => ({ ...n, rationale: `${n.rationale} wombat` }));
    updateNotes(built, edited, ['n999']);
    const updateMs = performance.now() - started;
    expect(searchAll(built, 'wombat', { limit: 100 }).counts.notes).toBe(50);
    expect(indexSize(built).notes).toBe(999);

    console.log(
      `search at 1,000 notes: build ${buildMs.toFixed(0)} ms, rare word ${rareMs.toFixed(1)} ms, ` +
        `common words ${commonMs.toFixed(1)} ms, 50 edits + 1 deletion ${updateMs.toFixed(1)} ms`,
    );
  });
});
