/**
 * Properties over generated input: findCitations is total and only returns ids that exist, and every
 * id of the law survives formatCitation -> findCitations.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  findCitations,
  formatCitation,
  normalizeQuery,
  resolveQuery,
  type Citation,
  type CitationContext,
} from '../../src/citations';
import { codeIdArb, lawIdArb, withAncestors } from '../support/clause-id-arbitraries';
import { CODE, IN_ACT, IN_CODE, LAW } from './fixtures';

const FRAGMENTS = [
  'Article',
  'Articles',
  '53',
  '55',
  '3',
  '(1)',
  '(a)',
  '(ii)',
  '(65)',
  'point',
  'points',
  'paragraph',
  'first',
  'second',
  'subparagraph',
  'to',
  'and',
  'or',
  'of',
  'the',
  'this',
  'thereof',
  'AI Act',
  'TFEU',
  'Directive (EU) 2019/790',
  ',',
  'Annex',
  'Annexes',
  'XI',
  'Section',
  '2',
  'recital',
  'recitals',
  '110',
  '(c)',
  'Measure',
  'Measures',
  '1.2',
  'Commitment',
  'Appendix',
  '4.1',
  'in the preceding paragraph',
];

const contexts: fc.Arbitrary<CitationContext> = fc.oneof(
  fc.constant(IN_CODE),
  fc.constant(IN_ACT),
  fc.constantFrom(...CODE).map((currentId) => ({ ...IN_CODE, currentId })),
  fc.constantFrom(...LAW).map((currentId) => ({ ...IN_ACT, currentId })),
);

const citationLike = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 })
  .chain((words) =>
    fc
      .array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: words.length, maxLength: words.length })
      .map((gaps) => words.map((w, i) => w + (gaps[i] ?? ' ')).join('')),
  );

function checkAll(text: string, context: CitationContext): void {
  const found = findCitations(text, context);
  let last = -1;
  for (const citation of found) {
    const ids = citation.target === 'law' ? context.law : context.self;
    if (citation.target === 'external') expect(citation.ids).toEqual([]);
    else for (const id of citation.ids) expect(ids.has(id)).toBe(true);
    expect(citation.text).toBe(text.slice(citation.start, citation.end));
    expect(citation.start).toBeGreaterThanOrEqual(last);
    expect(citation.external === null).toBe(citation.target !== 'external');
    last = citation.end;
  }
}

describe('findCitations on generated text', () => {
  it('never throws and only returns existing ids, on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), contexts, (text, context) => checkAll(text, context)),
      {
        numRuns: 500,
      },
    );
  });

  it('never throws and only returns existing ids, on strings built from citation fragments', () => {
    fc.assert(
      fc.property(citationLike, contexts, (text, context) => checkAll(text, context)),
      { numRuns: 2000 },
    );
  });
});

describe('round trip', () => {
  it('reads back every law id from its formatted citation: formatCitation(id) + " AI Act"', () => {
    fc.assert(
      fc.property(fc.constantFrom(...LAW), (id) => {
        const found = findCitations(`${formatCitation(id)} AI Act`, IN_CODE);
        expect(found.flatMap((c) => c.ids)).toEqual([id]);
        expect(found.every((c) => c.unresolved.length === 0)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back every code id that is a citable unit from its formatted citation', () => {
    const citable = [...CODE].filter((id) => /^(?:msr|cmt|app|rec)_/.test(id));
    for (const id of citable) {
      expect(findCitations(formatCitation(id), IN_CODE).flatMap((c) => c.ids)).toEqual([id]);
    }
  });
});

describe('long and hostile input', () => {
  it.each([
    ['ordinals without a unit', 'first and '.repeat(5000)],
    [
      'a list of 5000 articles',
      `Articles ${Array.from({ length: 5000 }, (_, i) => String(i + 1)).join(', ')}`,
    ],
    ['5000 brackets', `Article 53${'(a)'.repeat(5000)}`],
    ['a chain of 3000 `of`', `${'point (a) of '.repeat(3000)}Article 53`],
    ['a cartesian explosion', 'points (a) to (z) of paragraphs 1 to 400 of Articles 1 to 400'],
    ['2000 ranges', `${'points (a) to (z), '.repeat(2000)}of Article 53`],
  ])('reads %s in linear time', (_, text) => {
    const started = performance.now();
    for (const context of [IN_CODE, { ...IN_ACT, currentId: 'art_53__para_1' }]) checkAll(text, context);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

/** Every id of `ids` with its ancestors: the law or code a citation is read against. */
function treeOf(ids: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const id of ids) for (const each of withAncestors(id)) out.add(each);
  return out;
}

const idsIn = (found: readonly Citation[]): string[] => found.flatMap((c) => c.ids);

/** Ids the citation grammar has words for (the README's "Citation grammar"). */
const CITABLE = /^(?:art|anx|rec|chp|msr|cmt|app)_/;

describe('round trip on generated ids', () => {
  it('parse(format(id)) is the id, for any law id in a tree of generated ids', () => {
    fc.assert(
      fc.property(lawIdArb, fc.array(lawIdArb, { maxLength: 30 }), (id, others) => {
        const law = treeOf([id, ...others]);
        const found = findCitations(`${formatCitation(id)} AI Act`, {
          law,
          self: new Set(),
          selfKind: 'code',
        });
        expect(idsIn(found)).toEqual([id]);
        expect(found.flatMap((c) => c.unresolved)).toEqual([]);
        // The app's citation box reads the same text the same way.
        expect(resolveQuery(formatCitation(id), law)?.ids).toEqual([id]);
      }),
      { numRuns: 1000 },
    );
  });

  it('parse(format(id)) is the id, for any code id in a tree of generated ids', () => {
    fc.assert(
      fc.property(codeIdArb, fc.array(codeIdArb, { maxLength: 30 }), (id, others) => {
        const self = treeOf([id, ...others]);
        const found = findCitations(formatCitation(id), { law: new Set(['art_1']), self, selfKind: 'code' });
        expect(idsIn(found)).toEqual([id]);
      }),
      { numRuns: 1000 },
    );
  });

  it('format(parse(text)) is stable: what was read reads back the same, on any fragment text', () => {
    fc.assert(
      fc.property(citationLike, contexts, (text, context) => {
        for (const citation of findCitations(text, context)) {
          if (citation.target === 'external') continue;
          const ids = citation.target === 'law' ? context.law : context.self;
          const kind = citation.target === 'law' ? 'act' : context.selfKind;
          // Whole divisions (`objectives`, `gls`, `pre`) have names, not citations: only citable heads.
          for (const id of citation.ids.filter((each) => CITABLE.test(each))) {
            const again = findCitations(formatCitation(id), { law: ids, self: ids, selfKind: kind });
            expect(idsIn(again)).toEqual([id]);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

describe('the written forms of one provision all read as it', () => {
  it('reads every form of a point, a range and a list of points, sections and recitals', () => {
    const arb = fc.record({
      article: fc.integer({ min: 1, max: 180 }),
      paragraph: fc.integer({ min: 1, max: 9 }),
      from: fc.integer({ min: 0, max: 25 }),
      to: fc.integer({ min: 0, max: 25 }),
      annex: fc.constantFrom('I', 'IV', 'XI', 'XIII'),
      section: fc.constantFrom('A', '2'),
      qualifier: fc.constantFrom(' AI Act', ' of the AI Act', ' of Regulation (EU) 2024/1689'),
    });
    fc.assert(
      fc.property(arb, ({ article, paragraph, from, to, annex, section, qualifier }) => {
        const [lo, hi] = from <= to ? [from, to] : [to, from];
        const first = LETTERS[lo] ?? 'a';
        const last = LETTERS[hi] ?? 'a';
        // `(i) to (v)` and `(i) to (x)` count in roman numerals as well as in letters: truly ambiguous.
        fc.pre(!(first === 'i' && (last === 'v' || last === 'x')));
        const para = `art_${article}__para_${paragraph}`;
        const points = LETTERS.slice(lo, hi + 1)
          .split('')
          .map((l) => `${para}__point_${l}`);
        const recitals = [article, article + 1, article + 3].map((n) => `rec_${n}`);
        const sectionId = `anx_${annex}__sec_${section}`;
        const law = treeOf([...points, sectionId, ...recitals, 'anx_XII']);
        const read = (text: string): string[] =>
          idsIn(findCitations(text + qualifier, { law, self: new Set(), selfKind: 'code' }));
        const point = `${para}__point_${first}`;
        expect(read(`Article ${article}(${paragraph})(${first})`)).toEqual([point]);
        expect(read(`Article ${article}(${paragraph}), point (${first})`)).toEqual([point]);
        expect(read(`point (${first}) of Article ${article}(${paragraph})`)).toEqual([point]);
        expect(read(`paragraph ${paragraph} of Article ${article}`)).toEqual([para]);
        expect(read(`Article ${article}(${paragraph}), points (${first}) to (${last})`)).toEqual(points);
        if (hi > lo)
          expect(read(`points (${first}) and (${last}) of Article ${article}(${paragraph})`)).toEqual([
            point,
            `${para}__point_${last}`,
          ]);
        expect(read(`Annex ${annex}, Section ${section}`)).toEqual([sectionId]);
        expect(read(`Section ${section} of Annex ${annex}`)).toEqual([sectionId]);
        expect(read(`Annexes ${annex} and XII`)).toEqual([`anx_${annex}`, 'anx_XII']);
        expect(read(`recitals ${article}, ${article + 1} and ${article + 3}`)).toEqual(recitals);
      }),
      { numRuns: 500 },
    );
  });

  it('reads `points (i) to (l)` as the four letters, not fifty roman numerals (found by the property)', () => {
    const law = treeOf(['i', 'j', 'k', 'l'].map((l) => `art_62__para_4__point_${l}`));
    const found = findCitations('Article 62(4), points (i) to (l) AI Act', {
      law,
      self: new Set(),
      selfKind: 'code',
    });
    expect(idsIn(found)).toEqual(['i', 'j', 'k', 'l'].map((l) => `art_62__para_4__point_${l}`));
    expect(found.flatMap((c) => c.unresolved)).toEqual([]);
  });
});

describe('resolveQuery on any string', () => {
  const law = treeOf([...LAW]);
  const code = treeOf([...CODE]);
  const queries = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 60 }),
    fc.string({ maxLength: 400 }),
    citationLike,
    fc
      .tuple(fc.constantFrom('art', 'Art.', 'anx', 'rec', 'msr', 'cmt', 'ch', 'app', ''), citationLike)
      .map(([head, rest]) => `${head} ${rest}`),
  );

  it('never throws, returns only existing ids, and reads its own normal form the same way', () => {
    fc.assert(
      fc.property(queries, (query) => {
        const result = resolveQuery(query, law, code);
        if (result === null) return;
        const ids = result.target === 'law' ? law : code;
        for (const id of result.ids) expect(ids.has(id)).toBe(true);
        expect(new Set(result.ids).size).toBe(result.ids.length);
        for (const problem of result.unresolved) expect(problem.reason.length).toBeGreaterThan(0);
        // The normal form is a fixed point: typing it gives the same answer.
        expect(normalizeQuery(result.normalized)).toBe(result.normalized);
        expect(resolveQuery(result.normalized, law, code)?.ids).toEqual(result.ids);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('found by the properties', () => {
  it('keeps a law provision out of the ids of a code query, and says so', () => {
    const law = treeOf(['anx_XI']);
    const code = treeOf(['msr_1.2']);
    const result = resolveQuery('Measures 1.2 Annexes XI', law, code);
    expect(result?.target).toBe('code');
    expect(result?.ids).toEqual(['msr_1.2']);
    expect(result?.unresolved.map((u) => u.reason)).toEqual([
      '"Annexes XI" names the law; look it up on its own',
    ]);
  });
});
