/**
 * Generated clause ids of the README's grammar ("Clause ids"), for citation properties: an id of
 * the AI Act or of a code, with every ancestor its segments imply (a real tree always has them).
 */
import fc from 'fast-check';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');
const SMALL_ROMANS = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii'];
const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];

const article = fc.integer({ min: 1, max: 180 });
const paragraph = fc.integer({ min: 1, max: 12 });
const letter = fc.constantFrom(...LETTERS);
const smallRoman = fc.constantFrom(...SMALL_ROMANS);
const annex = fc.constantFrom(...ROMANS);
const ordinal = fc.integer({ min: 2, max: 9 });

/** Ids of an act's provisions, from `art_53` down to `art_53__para_1__point_b__point_ii`. */
export const lawIdArb: fc.Arbitrary<string> = fc.oneof(
  article.map((a) => `art_${a}`),
  fc.tuple(article, paragraph).map(([a, p]) => `art_${a}__para_${p}`),
  fc.tuple(article, paragraph, letter).map(([a, p, l]) => `art_${a}__para_${p}__point_${l}`),
  fc
    .tuple(article, paragraph, letter, smallRoman)
    .map(([a, p, l, r]) => `art_${a}__para_${p}__point_${l}__point_${r}`),
  fc.tuple(article, fc.integer({ min: 1, max: 68 })).map(([a, n]) => `art_${a}__point_${n}`),
  fc.tuple(article, paragraph, ordinal).map(([a, p, s]) => `art_${a}__para_${p}__subpara_${s}`),
  fc.tuple(article, ordinal).map(([a, s]) => `art_${a}__subpara_${s}`),
  fc.tuple(article, ordinal, letter).map(([a, s, l]) => `art_${a}__subpara_${s}__point_${l}`),
  fc.integer({ min: 1, max: 180 }).map((n) => `rec_${n}`),
  annex.map((r) => `anx_${r}`),
  fc.tuple(annex, fc.constantFrom('A', 'B', '1', '2', '3')).map(([r, s]) => `anx_${r}__sec_${s}`),
  fc.tuple(annex, fc.integer({ min: 1, max: 20 })).map(([r, n]) => `anx_${r}__point_${n}`),
  fc
    .tuple(annex, fc.integer({ min: 1, max: 20 }), letter)
    .map(([r, n, l]) => `anx_${r}__point_${n}__point_${l}`),
  fc
    .tuple(annex, fc.constantFrom('A', '1', '2'), fc.integer({ min: 1, max: 20 }))
    .map(([r, s, n]) => `anx_${r}__sec_${s}__point_${n}`),
  annex.map((r) => `chp_${r}`),
  fc.tuple(annex, fc.integer({ min: 1, max: 5 })).map(([r, n]) => `chp_${r}__sec_${n}`),
);

const commitment = fc.oneof(
  fc.integer({ min: 1, max: 20 }).map(String),
  fc.tuple(fc.constantFrom('I', 'II', 'III'), fc.integer({ min: 1, max: 9 })).map(([r, n]) => `${r}.${n}`),
);
const measure = fc.tuple(commitment, fc.integer({ min: 1, max: 9 })).map(([c, m]) => `${c}.${m}`);

/** Ids of a code's citable units: commitments, measures and their points, appendices, recitals. */
export const codeIdArb: fc.Arbitrary<string> = fc.oneof(
  commitment.map((c) => `cmt_${c}`),
  measure.map((m) => `msr_${m}`),
  fc.tuple(measure, fc.integer({ min: 1, max: 9 })).map(([m, n]) => `msr_${m}__point_${n}`),
  fc
    .tuple(measure, fc.integer({ min: 1, max: 9 }), letter)
    .map(([m, n, l]) => `msr_${m}__point_${n}__point_${l}`),
  fc
    .tuple(measure, ordinal, fc.integer({ min: 1, max: 9 }))
    .map(([m, s, n]) => `msr_${m}__subpara_${s}__point_${n}`),
  fc
    .tuple(fc.integer({ min: 1, max: 9 }), fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }))
    .map(([a, b]) => (b === undefined ? `app_${a}` : `app_${a}.${b}`)),
  letter.map((l) => `rec_${l}`),
);

/** The id and every ancestor its `__` segments imply. */
export function withAncestors(id: string): Set<string> {
  const ids = new Set<string>();
  const parts = id.split('__');
  for (let i = 1; i <= parts.length; i++) ids.add(parts.slice(0, i).join('__'));
  // A measure's commitment and an appendix's parent are cited too, and a real code has them.
  const measure = /^msr_(.+)\.\d+$/.exec(parts[0] ?? '');
  if (measure) ids.add(`cmt_${measure[1] ?? ''}`);
  return ids;
}
