/**
 * The grammar of a code of practice (the GPAI Code's chapters and their
 * drafts): Objectives, recitals `(a)…`, Commitments with their `LEGAL TEXT:`
 * line, Measures, points, a Glossary and Appendices. Headings are told from
 * body text by layout (bold or larger type, opening a block) and by text
 * together, so `Measure 4.2, other than …` wrapped to a line start stays text.
 */
import type { ClauseId } from '../model/clause';
import { Body } from './body';
import type { TreeBuilder } from './builder';
import type { FLine, Metrics } from './features';
import { readMarker } from './markers';

const NUMBER = String.raw`(?:[IVX]+\.)?\d+`;
export const COMMITMENT = new RegExp(String.raw`^Commitment\s+(${NUMBER})(?![.\d])\s*(?:[:.—–-]\s*)?(.*)$`);
export const MEASURE = new RegExp(String.raw`^Measure\s+(${NUMBER}\.\d+)(?![.\d])\s*(?:[:.—–-]\s*)?(.*)$`);
const OBJECTIVES = /^Objectives?$/;
const RECITALS = /^(Recitals|Preamble)$/;
const GLOSSARY = /^Glossary\b/;
const APPENDIX = /^Appendix\s+(\d+(?:\.\d+)*)(?![.\d])\s*(?:[:.—–-]\s*)?(.*)$/;
const SUMMARY = /^(Summary\b|Contents$|Table of contents$|Overview of)/i;
/** The two flat lists of a code's opening: objectives `A.`, `B.` and recitals `(a)`, `(b)`. */
const LISTS = {
  objectives: { prefix: 'obj', type: 'objective', style: 'dot-alpha' },
  recitals: { prefix: 'rec', type: 'recital', style: 'paren-alpha' },
} as const;
const BANNER = /^(Appendices|Annexes)$/;
const FIGURE = /^(Figure|Table)\s+\d+\./;

/** Is this line set as a heading (larger or bold type, opening a block)? */
export function looksLikeHeading(f: FLine): boolean {
  return f.startsBlock && (f.relSize > 1.08 || (f.line.bold && f.text.length < 160));
}

/** Parses a code's body lines into units; returns the document title. */
export function parseCode(lines: readonly FLine[], builder: TreeBuilder, metrics: Metrics): string {
  const body = new Body(builder, metrics, { subparagraphUnits: false });
  const title = coverTitle(lines);
  // Held in an object: the heading handler below changes it, which flow analysis would not see.
  const state: { section: 'none' | 'objectives' | 'recitals' | 'summary' | 'body' } = { section: 'none' };
  let container: ClauseId | null = null;
  let commitment: ClauseId | null = null;
  let headingOf: ClauseId | null = null;
  let headingText = '';
  let headingLine: FLine | null = null;
  let inCaption = false;
  let headings = 0;
  const firstHeading = lines.findIndex((f) => looksLikeHeading(f) && isStructural(f.text));
  const tocEntries = tableOfContentsEntries(lines);

  const closeHeading = (): void => {
    if (headingOf) builder.setHeading(headingOf, headingText);
    headingOf = null;
    headingLine = null;
  };

  for (const f of lines) {
    const text = f.text;
    // The cover (title, authors) precedes the first structural heading and is not a clause.
    if (f.index < firstHeading) continue;
    // A heading that wraps: the next line in the same type, with no paragraph gap.
    if (headingOf && headingLine) {
      const same =
        Math.abs(f.line.fontSize - headingLine.line.fontSize) < 0.3 && f.line.bold === headingLine.line.bold;
      // Measured against the heading's own (larger) type, not the body's line spacing.
      const close = f.gapBefore !== null && f.gapBefore < headingLine.line.fontSize * 1.5;
      if (same && close) {
        headingText = headingText ? `${headingText} ${text}` : text;
        continue;
      }
      closeHeading();
    }
    // Figure captions stand for images that are not text of the clause.
    if (FIGURE.test(text) && f.line.fontSize < metrics.bodySize) {
      inCaption = true;
      continue;
    }
    if (inCaption) {
      if (f.line.fontSize < metrics.bodySize && (f.line.italic || !f.startsBlock)) continue;
      inCaption = false;
    }
    // A summary or table of contents lists headings in smaller type (often with page numbers): not content.
    if (state.section === 'summary' && f.relSize <= 1.08) continue;
    if (tocEntries.has(f.index)) continue;
    if (looksLikeHeading(f)) {
      const heading = openHeading(f);
      if (heading) {
        headingOf = heading.id;
        headingText = heading.rest;
        headingLine = f;
        continue;
      }
    }
    if (state.section === 'summary') continue;
    const list = state.section === 'objectives' || state.section === 'recitals' ? LISTS[state.section] : null;
    if (list && container) {
      // Objectives `A.` and recitals `(a)`: flat lists under their banner heading.
      const read = readMarker(f);
      const marker = f.startsBlock || (read?.hanging ?? false) ? read : null;
      if (marker && marker.styles.includes(list.style) && !builder.has(`${list.prefix}_${marker.label}`)) {
        container = builder.open({
          id: `${list.prefix}_${marker.label}`,
          type: list.type,
          num: marker.label,
          parent: state.section,
          page: f.page,
        });
        builder.append(container, f, marker.textStart);
      } else {
        builder.append(container, f);
      }
      continue;
    }
    body.feed(f);
  }
  closeHeading();
  return title;

  function openHeading(f: FLine): { id: ClauseId | null; rest: string } | null {
    const text = f.text;
    let m: RegExpExecArray | null;
    if ((m = COMMITMENT.exec(text))) {
      const num = m[1] ?? '';
      commitment = builder.open({ id: `cmt_${num}`, type: 'commitment', num, parent: null, page: f.page });
      container = commitment;
      state.section = 'body';
      body.start(commitment, false);
      return { id: commitment, rest: m[2] ?? '' };
    }
    if ((m = MEASURE.exec(text))) {
      const num = m[1] ?? '';
      const owner = `cmt_${num.slice(0, num.lastIndexOf('.'))}`;
      const id = builder.open({
        id: `msr_${num}`,
        type: 'measure',
        num,
        parent: builder.has(owner) ? owner : commitment,
        page: f.page,
      });
      container = id;
      state.section = 'body';
      body.start(id, false);
      return { id, rest: m[2] ?? '' };
    }
    if (OBJECTIVES.test(text)) {
      const id = builder.open({ id: 'objectives', type: 'heading', num: null, parent: null, page: f.page });
      container = id;
      state.section = 'objectives';
      body.stop();
      return { id, rest: text };
    }
    if (RECITALS.test(text)) {
      const id = builder.open({ id: 'recitals', type: 'heading', num: null, parent: null, page: f.page });
      container = id;
      state.section = 'recitals';
      body.stop();
      return { id, rest: text };
    }
    if (GLOSSARY.test(text)) {
      const id = builder.open({ id: 'gls', type: 'glossary', num: null, parent: null, page: f.page });
      container = id;
      state.section = 'body';
      body.start(id, false);
      return { id, rest: text };
    }
    if ((m = APPENDIX.exec(text))) {
      const num = m[1] ?? '';
      const parentNum = num.includes('.') ? num.slice(0, num.lastIndexOf('.')) : null;
      let parent: string | null = null;
      for (let p = parentNum; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : null) {
        if (builder.has(`app_${p}`)) {
          parent = `app_${p}`;
          break;
        }
      }
      const id = builder.open({ id: `app_${num}`, type: 'appendix', num, parent, page: f.page });
      container = id;
      state.section = 'body';
      body.start(id, false);
      return { id, rest: m[2] ?? '' };
    }
    if (BANNER.test(text)) {
      // A divider page title (`Appendices`): what follows has its own headings.
      body.stop();
      state.section = 'body';
      return { id: null, rest: '' };
    }
    if (SUMMARY.test(text)) {
      state.section = 'summary';
      body.stop();
      return null;
    }
    // Inside the glossary, bold lines are the defined terms of its table, not headings.
    if (container === 'gls' && f.relSize <= 1.08) return null;
    if (f.relSize > 1.08 || f.line.bold) {
      // Any other heading (a chapter title, a part of the glossary): keep it as a plain heading.
      headings++;
      const id = builder.open({
        id: `h_${headings}`,
        type: 'heading',
        num: null,
        parent: null,
        page: f.page,
      });
      container = id;
      state.section = 'body';
      body.start(id, false);
      return { id, rest: text };
    }
    return null;
  }
}

/**
 * Lines of a table of contents: a heading-like line with a bare page number on
 * the same baseline, or ending in dot leaders and a number. Both are skipped.
 */
function tableOfContentsEntries(lines: readonly FLine[]): Set<number> {
  const entries = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const f = lines[i];
    if (!f) continue;
    if (/(\.{3,}|…)\s*\d{1,4}$/.test(f.text)) entries.add(i);
    const next = lines[i + 1];
    if (
      next &&
      next.page === f.page &&
      Math.abs(next.line.y - f.line.y) < 1 &&
      /^\d{1,4}$/.test(next.text) &&
      isStructural(f.text)
    ) {
      entries.add(i);
      entries.add(i + 1);
    }
  }
  return entries;
}

function isStructural(text: string): boolean {
  return (
    COMMITMENT.test(text) ||
    MEASURE.test(text) ||
    OBJECTIVES.test(text) ||
    RECITALS.test(text) ||
    GLOSSARY.test(text) ||
    APPENDIX.test(text) ||
    SUMMARY.test(text)
  );
}

/** The largest type before the first structural heading: the cover's title lines. */
function coverTitle(lines: readonly FLine[]): string {
  const first = lines.findIndex((f) => looksLikeHeading(f) && isStructural(f.text));
  const cover = lines.slice(0, first < 0 ? 0 : first);
  if (cover.length === 0) return '';
  // Display type (well above body size) is the title; names and dates on the cover are set smaller.
  const largest = Math.max(...cover.map((f) => f.relSize));
  const cut = Math.min(largest, 1.5);
  return cover
    .filter((f) => f.relSize >= cut)
    .map((f) => f.text)
    .join(' ');
}
