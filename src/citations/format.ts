/**
 * Clause ids back into the words EU texts cite them with: `art_55__para_1__point_c` -> `Article 55(1),
 * point (c)`. The output is what findCitations reads, so an id survives the round trip.
 */
import { ordinalWord } from './labels';

const HEADS: Readonly<Record<string, string>> = {
  art: 'Article',
  anx: 'Annex',
  chp: 'Chapter',
  msr: 'Measure',
  cmt: 'Commitment',
  app: 'Appendix',
  obj: 'Objective',
  cit: 'citation',
  prt: 'Part',
  tit: 'Title',
};

const WHOLE: Readonly<Record<string, string>> = {
  pre: 'preamble',
  gls: 'Glossary',
  closing: 'closing formula',
  objectives: 'Objectives',
  recitals: 'Recitals',
};

type Segment = 'head' | 'para' | 'subpara' | 'point' | 'sec' | 'indent';

function isSegment(kind: string): kind is Exclude<Segment, 'head'> {
  return kind === 'para' || kind === 'subpara' || kind === 'point' || kind === 'sec' || kind === 'indent';
}

function formatHead(prefix: string, label: string): string | null {
  // Acts number recitals; codes letter them and print the letter in brackets: `recital (c)`.
  if (prefix === 'rec') return /^\d/.test(label) ? `recital ${label}` : `recital (${label})`;
  const word = HEADS[prefix];
  return word === undefined ? null : `${word} ${label}`;
}

/**
 * Formats a clause id the way EU texts cite it: `art_55__para_1__point_c` -> `Article 55(1), point (c)`;
 * `art_3__point_65` -> `Article 3, point (65)`; `art_52__para_1__subpara_2` -> `Article 52(1), second
 * subparagraph`; `rec_110` -> `recital 110`; `anx_XI__sec_2` -> `Annex XI, Section 2`;
 * `anx_III__point_1__point_a` -> `Annex III, point 1(a)`; code ids `msr_1.2` -> `Measure 1.2`,
 * `msr_1.2__subpara_3__point_1` -> `Measure 1.2, third paragraph, point (1)`, `cmt_4` -> `Commitment 4`,
 * `app_3.2` -> `Appendix 3.2`, `rec_c` -> `recital (c)`. An id of no known shape is returned unchanged.
 */
export function formatCitation(id: string): string {
  const [head = '', ...rest] = id.split('__');
  const whole = WHOLE[head];
  if (whole !== undefined) return rest.length === 0 ? whole : id;
  const match = /^([a-z]+)_(.+)$/.exec(head);
  const prefix = match?.[1];
  const label = match?.[2];
  const start = prefix !== undefined && label !== undefined ? formatHead(prefix, label) : null;
  if (start === null || prefix === undefined) return id;
  const code = prefix === 'msr' || prefix === 'cmt' || prefix === 'app';
  let out = start;
  let previous: Segment = 'head';
  for (const segment of rest) {
    const parts = /^([a-z]+)_([A-Za-z0-9.]+)$/.exec(segment);
    const kind = parts?.[1];
    const value = parts?.[2];
    if (kind === undefined || value === undefined || !isSegment(kind)) return id;
    switch (kind) {
      case 'para':
        out += previous === 'head' && prefix === 'art' ? `(${value})` : `, paragraph ${value}`;
        break;
      case 'subpara': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) return id;
        // A code's unnumbered blocks are "paragraphs"; an act's are "subparagraphs".
        out += `, ${ordinalWord(n)} ${code ? 'paragraph' : 'subparagraph'}`;
        break;
      }
      case 'point':
        if (previous === 'point') out += `(${value})`;
        // Annex points are numbered without brackets (`Annex III, point 1`), all others with them.
        else if (prefix === 'anx' && /^\d+$/.test(value)) out += `, point ${value}`;
        else out += `, point (${value})`;
        break;
      case 'sec':
        out += `, Section ${value}`;
        break;
      case 'indent': {
        const n = Number(value);
        if (!Number.isInteger(n) || n < 1) return id;
        out += `, ${ordinalWord(n)} indent`;
        break;
      }
      default: {
        const unexpected: never = kind;
        return unexpected;
      }
    }
    previous = kind;
  }
  return out;
}
