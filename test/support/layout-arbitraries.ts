/**
 * Generated page layouts for property tests of the structure parser: documents that look like an EU
 * act, a code of practice or neither, line by line — real headings and list markers set the way
 * the Official Journal and the Code set them (centred, italic, bold, larger, hanging), mixed with
 * the same words set wrongly and with noise. The runs are what pdf.js would report, so the whole
 * layout stage (lines, furniture, footnotes) runs before the grammars do.
 */
import fc from 'fast-check';
import type { RawDocument, RawPage, TextRun } from '../../src/pdf/extract';

export type GeneratedKind = 'act' | 'code' | 'other';

/** How a line is printed. */
type Setting =
  | 'body'
  | 'short'
  | 'centered'
  | 'centered-italic'
  | 'centered-bold'
  | 'heading'
  | 'large'
  | 'hanging'
  | 'nested-hanging'
  | 'superscript';

interface LineSpec {
  readonly text: string;
  readonly setting: Setting;
  /** A paragraph gap above the line. */
  readonly gap: boolean;
}

const ROMANS = ['I', 'II', 'III', 'IV', 'V', 'IX', 'X', 'XI', 'XII', 'XIV', 'L', 'IIa'];
const small = fc.integer({ min: 1, max: 14 });
const roman = fc.constantFrom(...ROMANS);

const MARKERS = [
  '(a)',
  '(b)',
  '(c)',
  '(i)',
  '(ii)',
  '(iv)',
  '(v)',
  '(x)',
  '(aa)',
  '(1)',
  '(2)',
  '(12)',
  '(65)',
  '1.',
  '2.',
  '3.',
  '10.',
  '4a.',
  'A.',
  'B.',
  'I.',
  '—',
  '–',
  '-',
];
const marker = fc.constantFrom(...MARKERS);

const WORDS = [
  'shall',
  'the',
  'provider',
  'providers of general-purpose AI models',
  'docu-',
  'mentation',
  'systemic risk',
  '‘serious incident’ means',
  'Signatories commit to',
  'in accordance with Article 55(1)',
  'and',
  ';',
  ':',
  '10',
  '84/144',
  'EN',
  'OJ L, 12.7.2024',
];

/** Ordinary prose, sometimes with markup-looking or hostile characters. */
const prose: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 12 }).map((w) => w.join(' ')),
  },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const withText = (head: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc.tuple(head, fc.option(prose, { nil: undefined })).map(([h, t]) => (t === undefined ? h : `${h} ${t}`));

/** Headings of an act, as printed (and a few near misses). */
const actHeading: fc.Arbitrary<string> = fc.oneof(
  small.map((n) => `Article ${n}`),
  fc.tuple(small, fc.constantFrom('a', 'b', '')).map(([n, s]) => `Article ${n}${s}`),
  roman.map((r) => `CHAPTER ${r}`),
  small.map((n) => `SECTION ${n}`),
  roman.map((r) => `PART ${r}`),
  roman.map((r) => `TITLE ${r}`),
  roman.map((r) => `ANNEX ${r}`),
  fc.constant('ANNEX'),
  fc.constantFrom('A', 'B', '1', '2', 'III').map((s) => `Section ${s}`),
  fc.tuple(fc.constantFrom('A', '2', 'IV'), prose).map(([s, t]) => `Section ${s} — ${t}`),
  fc.constantFrom('Part A', 'PART B'),
  fc.constantFrom(
    'REGULATION (EU) 2024/1689 OF THE EUROPEAN PARLIAMENT AND OF THE COUNCIL',
    'Having regard to the Treaty on the Functioning of the European Union,',
    'After transmission of the draft legislative act to the national parliaments,',
    'Whereas:',
    'Whereas',
    'HAVE ADOPTED THIS REGULATION:',
    'This Regulation shall be binding in its entirety and directly applicable in all Member States.',
    'Done at Brussels, 13 June 2024.',
    '(Text with EEA relevance)',
    'General provisions',
    'Recital',
  ),
);

/** Headings of a code of practice (final and draft numbering). */
const codeHeading: fc.Arbitrary<string> = fc.oneof(
  withText(small.map((n) => `Commitment ${n}`)),
  withText(fc.tuple(roman, small).map(([r, n]) => `Commitment ${r}.${n}`)),
  withText(fc.tuple(small, small).map(([a, b]) => `Measure ${a}.${b}`)),
  fc.tuple(small, small, prose).map(([a, b, t]) => `Measure ${a}.${b}: ${t}`),
  fc.tuple(roman, small, small).map(([r, a, b]) => `Measure ${r}.${a}.${b}`),
  fc.tuple(small, small).map(([a, b]) => `Measure ${a}.${b}, other than`),
  fc
    .tuple(small, fc.option(small, { nil: undefined }))
    .map(([a, b]) => (b === undefined ? `Appendix ${a}` : `Appendix ${a}.${b}`)),
  fc.constantFrom(
    'Objectives',
    'Recitals',
    'Preamble',
    'Glossary',
    'Appendices',
    'Summary',
    'Contents',
    'Table of contents',
    'Figure 1. A caption',
    'LEGAL TEXT: Article 53(1), point (a) and Article 55(1) AI Act',
    'Safety and Security Chapter',
    'Commitment 1 ......... 12',
  ),
);

/** A point or paragraph: a list marker and its text. */
const listItem: fc.Arbitrary<string> = fc
  .tuple(marker, fc.option(prose, { nil: undefined }))
  .map(([m, t]) => (t === undefined ? m : `${m} ${t}`));

const setting: fc.Arbitrary<Setting> = fc.constantFrom(
  'body',
  'short',
  'centered',
  'centered-italic',
  'centered-bold',
  'heading',
  'large',
  'hanging',
  'nested-hanging',
  'superscript',
);

/** Headings get the setting a real document gives them most of the time, any other sometimes. */
function lineOf(text: fc.Arbitrary<string>, usual: readonly Setting[]): fc.Arbitrary<LineSpec> {
  return fc.record({
    text,
    setting: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...usual) }, { weight: 1, arbitrary: setting }),
    gap: fc.boolean(),
  });
}

/** A run of items numbered in order, as a real list is: `(a)`, `(b)`, … or `1.`, `2.`, …, maybe nested. */
const orderedList: fc.Arbitrary<LineSpec[]> = fc
  .record({
    labels: fc.constantFrom(
      ['(a)', '(b)', '(c)', '(d)'],
      ['1.', '2.', '3.', '4.'],
      ['(1)', '(2)', '(3)', '(4)'],
      ['(i)', '(ii)', '(iii)', '(iv)'],
      ['—', '—', '—', '—'],
    ),
    count: fc.integer({ min: 1, max: 4 }),
    nested: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
    texts: fc.array(prose, { minLength: 4, maxLength: 4 }),
    subparagraph: fc.option(prose, { nil: undefined }),
  })
  .map(({ labels, count, nested, texts, subparagraph }) => {
    const lines: LineSpec[] = [];
    for (let i = 0; i < count; i++) {
      lines.push({ text: `${labels[i] ?? '-'} ${texts[i] ?? ''}`, setting: 'hanging', gap: true });
      if (nested[i]) lines.push({ text: `(i) ${texts[i] ?? ''}`, setting: 'nested-hanging', gap: true });
    }
    if (subparagraph !== undefined) lines.push({ text: subparagraph, setting: 'body', gap: true });
    return lines;
  });

/** An article as the Official Journal prints it: number, title, numbered paragraphs with points. */
function articleBlock(number: fc.Arbitrary<number>): fc.Arbitrary<LineSpec[]> {
  return fc
    .record({
      n: number,
      title: prose,
      paragraphs: fc.array(orderedList, { maxLength: 3 }),
      italic: fc.boolean(),
    })
    .map(({ n, title, paragraphs, italic }) => [
      { text: `Article ${n}`, setting: italic ? 'centered-italic' : 'centered', gap: true },
      { text: title, setting: 'centered-bold', gap: false },
      ...paragraphs.flatMap((list, i) => [
        { text: `${i + 1}. ${title}`, setting: 'hanging', gap: true } satisfies LineSpec,
        ...list,
      ]),
    ]);
}

/** Articles 1, 2, 3… in order, as the enacting terms open: the grammar expects them so. */
const enactingTerms: fc.Arbitrary<LineSpec[]> = fc
  .integer({ min: 0, max: 3 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => articleBlock(fc.constant(i + 1)))))
  .map((articles) => articles.flat());

/** An annex: its number and title centred, then sections and lists. */
const annexBlock: fc.Arbitrary<LineSpec[]> = fc
  .record({
    number: roman,
    title: prose,
    sections: fc.array(fc.tuple(fc.constantFrom('A', 'B', '1', '2'), orderedList), { maxLength: 2 }),
  })
  .map(({ number, title, sections }) => [
    { text: `ANNEX ${number}`, setting: 'centered', gap: true },
    { text: title, setting: 'centered-bold', gap: false },
    ...sections.flatMap(([label, list]) => [
      { text: `Section ${label}`, setting: 'body', gap: true } satisfies LineSpec,
      ...list,
    ]),
  ]);

/** A measure (or commitment) with its text and lists. */
const measureBlock: fc.Arbitrary<LineSpec[]> = fc
  .record({ heading: codeHeading, text: prose, lists: fc.array(orderedList, { maxLength: 2 }) })
  .map(({ heading, text, lists }) => [
    { text: heading, setting: 'heading', gap: true },
    { text, setting: 'body', gap: true },
    ...lists.flat(),
  ]);

const one = (line: fc.Arbitrary<LineSpec>): fc.Arbitrary<LineSpec[]> => line.map((l) => [l]);

const actChunk: fc.Arbitrary<LineSpec[]> = fc.oneof(
  { weight: 3, arbitrary: one(lineOf(actHeading, ['centered', 'centered-italic', 'centered-bold'])) },
  { weight: 3, arbitrary: articleBlock(small) },
  { weight: 1, arbitrary: annexBlock },
  { weight: 2, arbitrary: orderedList },
  { weight: 3, arbitrary: one(lineOf(listItem, ['hanging', 'nested-hanging', 'body'])) },
  { weight: 3, arbitrary: one(lineOf(prose, ['body', 'short', 'superscript'])) },
  { weight: 1, arbitrary: one(lineOf(codeHeading, ['heading', 'large'])) },
);

const codeChunk: fc.Arbitrary<LineSpec[]> = fc.oneof(
  { weight: 3, arbitrary: one(lineOf(codeHeading, ['heading', 'large'])) },
  { weight: 3, arbitrary: measureBlock },
  { weight: 2, arbitrary: orderedList },
  { weight: 3, arbitrary: one(lineOf(listItem, ['hanging', 'nested-hanging', 'body'])) },
  { weight: 3, arbitrary: one(lineOf(prose, ['body', 'short', 'superscript'])) },
  { weight: 1, arbitrary: one(lineOf(actHeading, ['centered', 'centered-italic'])) },
);

const otherChunk: fc.Arbitrary<LineSpec[]> = fc.oneof(
  { weight: 1, arbitrary: one(lineOf(prose, ['heading', 'large'])) },
  { weight: 4, arbitrary: one(lineOf(prose, ['body', 'short', 'superscript'])) },
  { weight: 1, arbitrary: one(lineOf(listItem, ['hanging', 'body'])) },
);

/** Lines that make the document read as its kind, so every grammar is exercised, not only `other`. */
const PRELUDES: Readonly<Record<GeneratedKind, readonly LineSpec[]>> = {
  act: [
    { text: 'REGULATION (EU) 2024/1689 OF THE EUROPEAN PARLIAMENT', setting: 'centered-bold', gap: true },
    { text: 'Having regard to the Treaty,', setting: 'body', gap: true },
    { text: 'Whereas:', setting: 'body', gap: true },
    {
      text: '(1) The purpose of this Regulation is to improve the functioning of the internal market.',
      setting: 'hanging',
      gap: true,
    },
    { text: 'HAVE ADOPTED THIS REGULATION:', setting: 'body', gap: true },
  ],
  code: [
    { text: 'General-Purpose AI Code of Practice', setting: 'large', gap: true },
    { text: 'Commitment 1 Documentation', setting: 'heading', gap: true },
    { text: 'LEGAL TEXT: Article 53(1) AI Act', setting: 'body', gap: true },
  ],
  other: [],
};

const CHUNKS: Readonly<Record<GeneratedKind, fc.Arbitrary<LineSpec[]>>> = {
  act: actChunk,
  code: codeChunk,
  other: otherChunk,
};

export interface GeneratedLayout {
  readonly kind: GeneratedKind;
  readonly raw: RawDocument;
}

const PAGE_WIDTH = 595;
const PAGE_HEIGHT = 842;
const LEFT = 70;
const RIGHT = 525;
const TOP = 780;
const BOTTOM = 90;

/** A run whose width is estimated from its length (half an em per character). */
function runAt(str: string, x: number, y: number, fontSize: number, style: Partial<TextRun> = {}): TextRun {
  return {
    str,
    x,
    y,
    width: Math.min(str.length * fontSize * 0.5, RIGHT - x),
    fontSize,
    bold: false,
    italic: false,
    ...style,
  };
}

/** The runs pdf.js would report for one line printed at baseline `y`. */
function runsOf(line: LineSpec, y: number, body: number): TextRun[] {
  const { text } = line;
  const width = Math.min(text.length * body * 0.5, RIGHT - LEFT);
  switch (line.setting) {
    case 'body':
      // Justified: a full line of body text reaches the right margin, as in the Official Journal.
      return [{ ...runAt(text, LEFT, y, body), width: RIGHT - LEFT }];
    case 'short':
      return [runAt(text, LEFT + body * 2, y, body)];
    case 'centered':
    case 'centered-italic':
    case 'centered-bold':
      return [
        runAt(text, (LEFT + RIGHT) / 2 - width / 2, y, body, {
          italic: line.setting === 'centered-italic',
          bold: line.setting === 'centered-bold',
        }),
      ];
    case 'heading':
      return [runAt(text, LEFT, y, body, { bold: true })];
    case 'large':
      return [runAt(text, LEFT, y, body * 1.4, { bold: true })];
    case 'hanging':
    case 'nested-hanging': {
      const [head = '', ...rest] = text.split(' ');
      const x = line.setting === 'hanging' ? LEFT : LEFT + body * 3;
      const runs = [runAt(head, x, y, body)];
      if (rest.length > 0)
        runs.push({ ...runAt(rest.join(' '), x + body * 3, y, body), width: RIGHT - x - body * 3 });
      return runs;
    }
    case 'superscript': {
      // A footnote marker or an exponent: small and raised after the line's text.
      const main = runAt(text, LEFT, y, body);
      return [main, runAt('(1)', main.x + main.width, y + body * 0.35, body * 0.6)];
    }
    default: {
      const never: never = line.setting;
      return never;
    }
  }
}

/** Lays lines out top to bottom over pages, with footnotes in small type at some pages' feet. */
function layOut(lines: readonly LineSpec[], body: number, footnotes: readonly boolean[]): RawDocument {
  const pages: RawPage[] = [];
  let runs: TextRun[] = [];
  let y = TOP;
  const closePage = (): void => {
    const n = pages.length + 1;
    if (footnotes[n - 1]) {
      runs.push(runAt('(1)', LEFT, BOTTOM - 20 + body * 0.3, body * 0.55));
      runs.push(runAt('OJ C 517, 22.12.2021, p. 56.', LEFT + 12, BOTTOM - 20, body * 0.8));
    }
    runs.push(runAt(String(n), PAGE_WIDTH / 2, 40, body * 0.8));
    pages.push({ page: n, width: PAGE_WIDTH, height: PAGE_HEIGHT, runs });
    runs = [];
    y = TOP;
  };
  for (const line of lines) {
    const step = line.setting === 'large' ? body * 1.4 * 1.2 : body * 1.2;
    const next = y - (line.gap ? step * 1.8 : step);
    if (next < BOTTOM) closePage();
    else y = next;
    runs.push(...runsOf(line, y, body));
  }
  closePage();
  return { pageCount: pages.length, pages };
}

/** A document of the given kind: its prelude (sometimes cut short), then generated lines. */
export function layoutArb(kind: GeneratedKind, maxChunks = 30): fc.Arbitrary<GeneratedLayout> {
  return fc
    .record({
      // Mostly whole, so the grammar of the kind is reached; sometimes cut short, to test detection.
      prelude: fc.oneof(
        { weight: 3, arbitrary: fc.constant(PRELUDES[kind].length) },
        { weight: 1, arbitrary: fc.nat(PRELUDES[kind].length) },
      ),
      // An act's enacting terms open with Article 1, 2, 3…; any chunks (annexes, stray headings) follow.
      opening: kind === 'act' ? enactingTerms : fc.constant([]),
      chunks: fc.array(CHUNKS[kind], { maxLength: maxChunks }),
      body: fc.constantFrom(9, 10, 11, 12),
      footnotes: fc.array(fc.boolean(), { maxLength: 8 }),
    })
    .map(({ prelude, opening, chunks, body, footnotes }) => ({
      kind,
      raw: layOut([...PRELUDES[kind].slice(0, prelude), ...opening, ...chunks.flat()], body, footnotes),
    }));
}

/** A document of any of the three kinds. */
export const anyLayoutArb: fc.Arbitrary<GeneratedLayout> = fc.oneof(
  layoutArb('act'),
  layoutArb('code'),
  layoutArb('other'),
);
