/**
 * The grammar of an EU legal act as printed in the Official Journal:
 * title, citations, recitals, enacting terms (parts, titles, chapters,
 * sections, articles, paragraphs, subparagraphs, points, indents), the
 * closing formula, and annexes.
 */
import type { ClauseId } from '../model/clause';
import { Body } from './body';
import type { TreeBuilder } from './builder';
import type { FLine, Metrics } from './features';
import { readMarker } from './markers';

const ACT_TITLE = /^(REGULATION|DIRECTIVE|DECISION|COMMISSION|COUNCIL)\b/;
const CITATION =
  /^(Having regard to|After (transmission|consulting|having consulted)|Acting in accordance|In cooperation with|Whereas the)\b/;
const ENACTING = /^(HAVE ADOPTED|HAS ADOPTED)\b/;
const DIVISION = /^(PART|TITLE|CHAPTER|SECTION)\s+([IVXLC]+|\d+[A-Z]?|[A-Z])$/;
const ARTICLE = /^Article\s+(\d+[a-z]*)$/;
const ANNEX = /^ANNEX(?:\s+([IVXLC]+[a-z]?))?$/;
const ANNEX_SECTION = /^(?:Section|SECTION|Part|PART)\s+([A-Z]|[IVXLC]+|\d+)(?:\s*[.:—–-]\s*(.+)|\s*)$/;
const CLOSING = /^(This (Regulation|Directive|Decision) shall be binding|Done at\s)/;

const DIVISION_TYPE = { PART: 'part', TITLE: 'title', CHAPTER: 'chapter', SECTION: 'section' } as const;
const DIVISION_PREFIX = { PART: 'prt', TITLE: 'tit', CHAPTER: 'chp', SECTION: 'sec' } as const;
type DivisionWord = keyof typeof DIVISION_TYPE;
const DIVISION_RANK: Record<DivisionWord, number> = { PART: 0, TITLE: 1, CHAPTER: 2, SECTION: 3 };

type Phase = 'masthead' | 'title' | 'preamble' | 'recitals' | 'enacting' | 'closing' | 'annexes';

/** Parses an act's body lines into units; returns the document title. */
export function parseAct(lines: readonly FLine[], builder: TreeBuilder, metrics: Metrics): string {
  const body = new Body(builder, metrics, { subparagraphUnits: true });
  let phase: Phase = 'masthead';
  let title = '';
  let preamble: ClauseId | null = null;
  let citation = 0;
  let current: ClauseId | null = null;
  let nextRecital = 1;
  let lastArticle = 0;
  const divisions: { word: DivisionWord; id: ClauseId }[] = [];
  /** A heading whose wrapped title lines are still being read. */
  let headingOf: ClauseId | null = null;
  let headingText = '';
  let annex: ClauseId | null = null;

  const titleStart = lines.findIndex((f) => ACT_TITLE.test(f.text) && (f.line.bold || f.centered));
  const closeHeading = (): void => {
    if (headingOf && headingText) builder.setHeading(headingOf, headingText);
    headingOf = null;
    headingText = '';
  };
  const divisionParent = (): ClauseId | null => divisions[divisions.length - 1]?.id ?? null;

  for (const f of lines) {
    const text = f.text;
    // Heading lines right after a heading word (`CHAPTER V`, `Article 53`, `ANNEX XI`): centred, or bold
    // when a long heading fills the whole measure.
    if (headingOf) {
      if ((f.centered || f.line.bold) && !isHeadingWord(text, phase)) {
        headingText = headingText ? joinHeading(headingText, text) : text;
        continue;
      }
      closeHeading();
    }
    switch (phase) {
      case 'masthead':
        if (f.index < Math.max(0, titleStart)) continue;
        phase = 'title';
        preamble = builder.open({ id: 'pre', type: 'preamble', num: null, parent: null, page: f.page });
        title = text;
        builder.append(preamble, f);
        continue;
      case 'title':
        if (preamble && f.line.bold && !/^\(Text with/.test(text) && !CITATION.test(text)) {
          title = joinHeading(title, text);
          builder.append(preamble, f);
          continue;
        }
        phase = 'preamble';
        break;
      default:
        break;
    }
    if (phase === 'preamble' || phase === 'recitals') {
      if (ENACTING.test(text)) {
        if (preamble) builder.append(preamble, f);
        phase = 'enacting';
        current = null;
        continue;
      }
      if (phase === 'preamble' && CITATION.test(text) && f.startsBlock) {
        citation++;
        current = builder.open({
          id: `cit_${citation}`,
          type: 'citation',
          num: null,
          parent: preamble,
          page: f.page,
        });
        builder.append(current, f);
        continue;
      }
      if (/^Whereas\s*:?$/.test(text)) {
        if (preamble) builder.append(preamble, f);
        phase = 'recitals';
        current = null;
        continue;
      }
      const read = readMarker(f);
      const marker = f.startsBlock || read?.hanging ? read : null;
      if (
        phase === 'recitals' &&
        marker &&
        marker.styles.includes('paren-num') &&
        marker.label === String(nextRecital)
      ) {
        current = builder.open({
          id: `rec_${marker.label}`,
          type: 'recital',
          num: marker.label,
          parent: preamble,
          page: f.page,
        });
        nextRecital++;
        builder.append(current, f, marker.textStart);
        continue;
      }
      const into = current ?? preamble;
      if (into) builder.append(into, f);
      continue;
    }

    // Enacting terms, closing formula and annexes.
    const annexMatch = ANNEX.exec(text);
    if (annexMatch && f.centered) {
      phase = 'annexes';
      const num = annexMatch?.[1] ?? '';
      annex = builder.open({
        id: num ? `anx_${num}` : 'anx',
        type: 'annex',
        num: num || null,
        parent: null,
        page: f.page,
      });
      body.start(annex, false);
      headingOf = annex;
      continue;
    }
    if (phase === 'annexes') {
      const section = f.startsBlock ? ANNEX_SECTION.exec(text) : null;
      if (section && annex && (f.centered || f.line.x <= metrics.left + 1) && section[1]) {
        const id = builder.open({
          id: `${annex}__sec_${section[1]}`,
          type: 'section',
          num: section[1],
          heading: section[2]?.trim() ?? null,
          parent: annex,
          page: f.page,
        });
        body.start(id, false);
        if (!section[2]) headingOf = id;
        continue;
      }
      body.feed(f);
      continue;
    }
    if (phase === 'closing') {
      if (current) builder.append(current, f);
      continue;
    }
    const division = DIVISION.exec(text);
    if (division && f.centered) {
      const word = division[1] as DivisionWord;
      const num = division[2] ?? '';
      while (
        divisions.length > 0 &&
        DIVISION_RANK[divisions[divisions.length - 1]?.word ?? 'PART'] >= DIVISION_RANK[word]
      ) {
        divisions.pop();
      }
      const parent = divisionParent();
      const id = builder.open({
        id: word === 'SECTION' && parent ? `${parent}__sec_${num}` : `${DIVISION_PREFIX[word]}_${num}`,
        type: DIVISION_TYPE[word],
        num,
        parent,
        page: f.page,
      });
      divisions.push({ word, id });
      body.stop();
      headingOf = id;
      continue;
    }
    const article = ARTICLE.exec(text);
    if (
      article &&
      f.centered &&
      (f.line.italic || Number.parseInt(article[1] ?? '', 10) === lastArticle + 1)
    ) {
      lastArticle = Number.parseInt(article[1] ?? '0', 10);
      const id = builder.open({
        id: `art_${article[1] ?? ''}`,
        type: 'article',
        num: article[1] ?? null,
        parent: divisionParent(),
        page: f.page,
      });
      body.start(id, true);
      headingOf = id;
      continue;
    }
    if (CLOSING.test(text) && f.startsBlock) {
      phase = 'closing';
      body.stop();
      current = builder.open({ id: 'closing', type: 'other', num: null, parent: null, page: f.page });
      builder.append(current, f);
      continue;
    }
    if (body.active) body.feed(f);
    else if (divisions.length > 0) {
      // Text directly under a division heading (rare): keep it with the division rather than lose it.
      const owner = divisions[divisions.length - 1]?.id;
      if (owner) builder.append(owner, f);
    }
  }
  closeHeading();
  return title;
}

function isHeadingWord(text: string, phase: Phase): boolean {
  // Inside annexes `Article 49` is a wrapped cross-reference in a title, never a heading.
  if (phase === 'annexes') return ANNEX.test(text) || ANNEX_SECTION.test(text);
  return DIVISION.test(text) || ARTICLE.test(text) || ANNEX.test(text);
}

function joinHeading(a: string, b: string): string {
  return /-$/.test(a) ? a + b : `${a} ${b}`;
}
