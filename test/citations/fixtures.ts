/**
 * Small hand-made id sets shaped like the real ones (see README, "Clause ids"), and helpers that read
 * a text the way the linker will: in a code (`selfKind: 'code'`) or in the act itself.
 */
import { findCitations, type Citation, type CitationContext } from '../../src/citations';

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const LETTERS = (last: string): string[] =>
  range(0, last.charCodeAt(0) - 'a'.charCodeAt(0)).map((i) => String.fromCharCode(97 + i));

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII'];

/** Ids of the law (the AI Act), as a parser of it would produce them. */
export const LAW: ReadonlySet<string> = new Set([
  'art_3',
  ...range(1, 68).map((n) => `art_3__point_${n}`),
  'art_5',
  'art_5__para_1',
  ...LETTERS('h').map((l) => `art_5__para_1__point_${l}`),
  ...range(8, 15).map((n) => `art_${n}`),
  'art_52',
  'art_52__para_1',
  'art_52__para_1__subpara_2',
  'art_53',
  ...range(1, 7).map((n) => `art_53__para_${n}`),
  ...LETTERS('d').map((l) => `art_53__para_1__point_${l}`),
  'art_53__para_1__point_b__point_i',
  'art_53__para_1__point_b__point_ii',
  'art_55',
  'art_55__para_1',
  ...LETTERS('d').map((l) => `art_55__para_1__point_${l}`),
  'art_56',
  'art_56__para_2',
  ...LETTERS('d').map((l) => `art_56__para_2__point_${l}`),
  'art_56__para_5',
  // An article whose paragraphs are unnumbered: they are subparagraphs.
  'art_113',
  'art_113__subpara_2',
  'art_113__subpara_3',
  ...LETTERS('c').map((l) => `art_113__subpara_3__point_${l}`),
  'chp_V',
  'chp_V__sec_2',
  ...ROMANS.map((r) => `anx_${r}`),
  'anx_I__sec_A',
  ...range(1, 12).map((n) => `anx_I__sec_A__point_${n}`),
  'anx_I__sec_B',
  ...range(13, 20).map((n) => `anx_I__sec_B__point_${n}`),
  ...range(1, 8).map((n) => `anx_III__point_${n}`),
  ...LETTERS('c').map((l) => `anx_III__point_5__point_${l}`),
  'anx_XI__sec_1',
  'anx_XI__sec_1__point_1',
  'anx_XI__sec_1__point_2',
  'anx_XI__sec_1__point_2__point_d',
  'anx_XI__sec_1__point_2__point_e',
  'anx_XI__sec_2',
  'anx_XI__sec_2__point_2',
  ...range(1, 180).map((n) => `rec_${n}`),
]);

/** Ids of a code of practice (final and draft numbering mixed, as a test needs). */
export const CODE: ReadonlySet<string> = new Set([
  'objectives',
  'obj_A',
  'recitals',
  ...LETTERS('j').map((l) => `rec_${l}`),
  ...range(1, 10).map((n) => `cmt_${n}`),
  'cmt_1__point_1',
  'msr_1.1',
  'msr_1.1__point_1',
  'msr_1.1__point_2',
  ...LETTERS('d').map((l) => `msr_1.1__point_2__point_${l}`),
  'msr_1.2',
  'msr_1.2__point_1',
  ...LETTERS('d').map((l) => `msr_1.2__point_1__point_${l}`),
  'msr_1.2__point_2',
  ...range(1, 4).map((n) => `msr_1.2__subpara_3__point_${n}`),
  'msr_1.3',
  'msr_1.4',
  'msr_2.1',
  'msr_2.1__point_1',
  ...LETTERS('c').map((l) => `msr_2.1__point_1__point_${l}`),
  'msr_3.4',
  'msr_3.5',
  ...range(1, 3).map((n) => `msr_3.5__point_${n}`),
  ...range(1, 11).map((n) => `msr_3.5__subpara_3__point_${n}`),
  ...range(1, 3).map((n) => `msr_3.5__subpara_4__point_${n}`),
  'msr_7.6',
  'msr_9.2',
  ...range(1, 9).map((n) => `msr_9.2__point_${n}`),
  'gls',
  'app_1',
  'app_1.1',
  'app_3',
  ...range(1, 5).map((n) => `app_3.${n}`),
  'app_3.5__point_1',
  'app_3.5__point_2',
  'app_4',
  ...range(1, 5).map((n) => `app_4.${n}`),
  ...range(1, 4).map((n) => `app_4.1__point_${n}`),
  'cmt_II.1',
  'msr_II.1.2',
]);

/** Reading a code: unqualified articles are the law's. */
export const IN_CODE: CitationContext = { law: LAW, self: CODE, selfKind: 'code' };

/** Reading the act itself: the law is the text's own document. */
export const IN_ACT: CitationContext = { law: LAW, self: LAW, selfKind: 'act' };

/** Citations found in `text` read in a code, or in `context` with an optional current unit. */
export function cite(text: string, context: CitationContext = IN_CODE, currentId?: string): Citation[] {
  return findCitations(text, currentId === undefined ? context : { ...context, currentId });
}

/** The ids of the single citation `text` should contain. */
export function idsOf(
  text: string,
  context: CitationContext = IN_CODE,
  currentId?: string,
): readonly string[] {
  const found = cite(text, context, currentId);
  if (found.length !== 1) throw new Error(`expected one citation in "${text}", found ${found.length}`);
  return found[0]?.ids ?? [];
}
