/**
 * The grammar of EU legal references: finds `Article 55(1), points (a) to (d)`, `point (h) of the first
 * subparagraph of Article 5(1)`, `Articles 55(1) and 56(5), and recitals 110, 114, and 115 AI Act`,
 * `Measure 1.2, second paragraph, point (1)(a)` or `paragraph 1 of this Article` in free text and reads
 * each into paths of steps (`art 55` › `paren 1` › `point a`). It knows nothing about ids: whether a
 * parenthesised number is a paragraph or a point, and which document a reference points into, is
 * decided later by looking the paths up (see resolve.ts).
 *
 * The parser is a hand-written recursive descent over the raw string with sticky regexes, so every
 * reference keeps its exact offsets and nothing is tokenised that is not a reference.
 */
import { expandRange, MAX_RANGE, ordinalValue, sameStyle } from './labels';

/**
 * Steps that open a reference: Article, Annex, Chapter, recital; in a code Measure, Commitment,
 * Appendix. Each is also the prefix of the ids it names (`art_53`, `msr_1.2`).
 */
export type HeadKind = 'art' | 'anx' | 'chp' | 'rec' | 'msr' | 'cmt' | 'app';

/**
 * Steps below a head. `paren` is the first bracketed number after an article (`Article 3(65)`), which
 * is a paragraph or, in an article without paragraphs, a point; `sub` is an ordinal subparagraph (or a
 * code's `second paragraph`); `ignore` is a sentence, which has no id of its own.
 */
export type LevelKind = 'paren' | 'para' | 'sub' | 'point' | 'sec' | 'indent' | 'ignore' | 'part' | 'title';

export type StepKind = HeadKind | LevelKind;

export interface Step {
  readonly kind: StepKind;
  /** As printed, without brackets: `53`, `1`, `b`, `ii`, `XI`, `1.2`; ordinals as numbers (`2`). */
  readonly label: string;
}

/** One provision named by a reference, outermost step first. */
export type Path = readonly Step[];

/** The unit a `this …` reference names relative to the text's own unit. */
export type ThisUnit =
  'article' | 'paragraph' | 'subparagraph' | 'annex' | 'section' | 'measure' | 'commitment' | 'appendix';

/**
 * Where a reference's paths start: at the top of a document (`Article 53`), at a unit around the
 * current one (`this Article`), or at the nearest enclosing unit that has the first step (`point (a)`).
 */
export type Anchor =
  | { readonly type: 'absolute' }
  | { readonly type: 'this'; readonly unit: ThisUnit }
  | { readonly type: 'around' };

/** What kind of provisions a reference names: those of an act, of a code, or relative ones. */
export type Family = 'act' | 'code' | 'relative';

export interface RawReference {
  readonly start: number;
  readonly end: number;
  readonly family: Family;
  readonly anchor: Anchor;
  readonly paths: readonly Path[];
  /** Things the grammar could read but not turn into paths (a range it cannot expand, …). */
  readonly problems: readonly string[];
  /** Why the reference, though read, cannot be resolved at all (`points (1) to (3) in the preceding paragraph`). */
  readonly blocked: string | null;
}

/**
 * The act a qualifier names: the law (`AI Act`, `this Regulation`), another one as written, or
 * whatever the text named just before (`thereof`).
 */
export type ActName =
  | { readonly kind: 'law' }
  | { readonly kind: 'external'; readonly name: string }
  | { readonly kind: 'previous' };

export interface RawQualifier {
  readonly start: number;
  readonly end: number;
  readonly act: ActName;
}

/** References joined by `,`/`and`/`or`, with the qualifier (`AI Act`, `of Directive …`) that ends them. */
export interface RawGroup {
  readonly type: 'group';
  readonly refs: readonly RawReference[];
  readonly qualifier: RawQualifier | null;
}

/** Another act named without a provision: `Directive (EU) 2019/1937 on the protection of …`. */
export interface RawMention {
  readonly type: 'mention';
  readonly start: number;
  readonly end: number;
  readonly name: string;
}

export type RawItem = RawGroup | RawMention;

export interface GrammarOptions {
  /** Read `Measure`, `Commitment` and `Appendix` as references (only codes of practice have them). */
  readonly codeHeads: boolean;
}

/** The most paths one reference may expand to (`points (a) to (h) of Articles 1 to 113` is 904). */
export const MAX_PATHS = 2000;

// ---- Lexical pieces ----------------------------------------------------------------------------

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** `Articles 102 to 109, 2 August 2026` must not read `2` as a further article. */
const NOT_DATE = String.raw`(?!\s+(?:${MONTHS})\b)`;
/** A number ends at a non-word character, and is not the start of `1.5` or `2,5` or `2019/790`. */
const NUMBER_END = String.raw`(?![\w/]|[.,]\d)`;

const SEP = /(?:\s*,\s*(?:and\/or|and|or)\s+|\s+(?:and\/or|and|or)\s+|\s*,\s*)/y;
const RANGE = /\s+to\s+/y;
const COMMA = /\s*,\s*/y;
const BEFORE_SECTION = /\s+(?=Sections?\s)/y;
/** `of`, also after a comma: `Section A, points 1 to 10, of Annex VIII`. */
const OF = /(?:\s*,)?\s+of\s+/y;

/** `53`, `5a`; `R23` is how Decision No 768/2008/EC numbers its articles. */
const ARTICLE_NUM = new RegExp(String.raw`([A-Z]?\d{1,4}[a-z]?)${NUMBER_END}${NOT_DATE}`, 'y');
const ROMAN_NUM = /([IVXLC]{1,7})(?![\w/])/y;
const CHAPTER_NUM = new RegExp(String.raw`([IVXLC]{1,7}|\d{1,3})(?![\w/])${NOT_DATE}`, 'y');
const CODE_NUM = /((?:[IVX]{1,5}|\d{1,3})(?:\.\d{1,3}){0,4})(?![\w/]|\.\d)/y;
const RECITAL_NUM = new RegExp(String.raw`(\d{1,4})${NUMBER_END}${NOT_DATE}|\(([a-z]{1,3})\)`, 'y');
const SECTION_NUM = /(\d{1,3}|[IVXLC]{1,7}|[A-Z])(?![\w/])/y;
/** `paragraph 2`, and the occasional `paragraph (2)`. */
const PARA_NUM = new RegExp(String.raw`(?:(\d{1,3}[a-z]?)${NUMBER_END}${NOT_DATE}|\((\d{1,3}[a-z]?)\))`, 'y');
/** An annex point: `1`, `4.6`, `4.3.` in a list (`Points 4.3., 4.4. and …`). */
const BARE_POINT = new RegExp(
  String.raw`(\d{1,3}(?:\.\d{1,3}){0,3})(?:\.(?=\s*,))?(?![\w/]|[.,]\d)${NOT_DATE}`,
  'y',
);
/** `point 1 (a)`: annex points are sometimes printed with a space before the bracket. */
const SPACED_PAREN = /\s?\((\d{1,3}[a-z]?|[a-z]{1,5})\)/y;
const PAREN = /\((\d{1,3}[a-z]?|[a-z]{1,5})\)/y;
/** `Article 4 (1) of Directive …`: a space before the first bracket, but only before a number. */
const ARTICLE_FIRST_PAREN = /(?:\((\d{1,3}[a-z]?|[a-z]{1,5})\)|\s\((\d{1,3}[a-z]?)\))/y;

// Ordinal lists are matched as plain words and checked afterwards: a regex listing all fifty ordinal
// words twice costs more to compile than the whole rest of the grammar.
const WORD = String.raw`(?:[a-z]+(?:-[a-z]+)?|\d{1,3}(?:st|nd|rd|th))`;
// At most nine ordinals in one list: an unbounded repetition of plain words would rescan the rest of
// a long text from every ordinal in it.
const ORDINAL_LIST = String.raw`${WORD}(?:(?:\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)${WORD}){0,8}`;
const ORDINAL_LEVEL = new RegExp(
  String.raw`(?:the\s+)?(${ORDINAL_LIST})\s+(subparagraphs?|paragraphs?|indents?|sentences?)\b`,
  'yi',
);
const LIST_WORD = new RegExp(WORD, 'gi');
const PARAGRAPH_WORD = /[Pp]aragraphs?\s+/y;
const POINT_WORD = /(?:[Pp]oint\(s\)|[Pp]oints?)\s+/y;
const SECTION_WORD = /Sections?\s+/y;
const TITLE_OR_PART = new RegExp(
  String.raw`\s+of\s+(Title|Part)\s+([IVXLC]{1,7}|\d{1,3}|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b`,
  'y',
);

const HEAD_WORD =
  /(Articles?|Annex(?:es)?|[Rr]ecitals?|Chapters?|Measures?|Commitments?|Appendix|Appendices)\s+/y;
const THIS_HEAD =
  /[Tt]his\s+(Article|paragraph|subparagraph|Annex|Section|Measure|Commitment|Appendix)(?![\w-])/y;
const THIS_NUMBER = /\s+/y;

/** Positional references (`in the preceding paragraph`) name a unit no id records. */
const BY_POSITION =
  /\s+(?:in|of)\s+the\s+(?:preceding|previous|following|next)\s+(?:paragraphs?|subparagraphs?|points?|Articles?|Sections?)\b/y;

// Act names, read in two steps: how the name is attached (`of`, `of the Annex to`, `to`, `thereof`, or
// a bare space as in `Article 55(1) AI Act`), then the name itself, with one regex for all names so
// that the long alternations are compiled once.
const CONNECTOR =
  /(?:\s*,)?\s+(?:(thereof)\b|(of\s+(?:the\s+)?Annex(?:es)?(?:\s+[IVXLC]{1,7})?\s+to\s+(?:the\s+)?)|(of\s+(?:the\s+)?)|(to\s+(?:the\s+)?))|\s+/y;
const ACT_CORE = String.raw`(?:Directive|Regulation|Decision|Recommendation)\s+(?:\((?:EU|EC|EEC|Euratom|EU,\s*Euratom|CFSP)\)\s+)?(?:No\s+)?\d{1,4}\/\d{1,4}(?:\/(?:EC|EEC|EU|JHA|CFSP|Euratom))?(?!\d)`;
/**
 * Groups: 1 the law by a name that may stand bare (`AI Act`, `Regulation (EU) 2024/1689`, the law
 * being the AI Act); 2 the law as `this Regulation`; 3 another act by number; 4 `TFEU`/`TEU`;
 * 5 the Treaties and Charter by name; 6 `that Regulation`, `Protocol No 21` (only after `of`).
 */
const ACT_NAME = new RegExp(
  String.raw`(AI\s+Act\b|Regulation\s+\(EU\)\s+2024\/1689(?!\d))|(this\s+Regulation\b)|((?:(?:Council|Commission|Framework|Implementing|Delegated)\s+)*${ACT_CORE})|(TFEU\b|TEU\b)|(Treaty\s+on\s+the\s+Functioning\s+of\s+the\s+European\s+Union\b|Treaty\s+on\s+European\s+Union\b|Charter(?:\s+of\s+Fundamental\s+Rights\s+of\s+the\s+European\s+Union)?\b)|(Protocol\s+No\s+\d{1,3}\b|that\s+(?:Regulation|Directive|Decision)\b|those\s+(?:Regulations|Directives|Decisions)\b)`,
  'y',
);

/**
 * Where a reference may start. Words that may open a sentence are matched with either initial
 * (`The first subparagraph`); the rest as EU drafting capitalises them (`Article`, not `article`).
 */
const TRIGGER = new RegExp(
  String.raw`\b(?:Articles?|Annex|[Rr]ecitals?|Chapters?|Sections?|[Pp]aragraphs?|[Ss]ubparagraphs?|[Pp]oints?|Measures?|Commitments?|Appendix|Appendices|[Tt]his\s+(?:Article|paragraph|subparagraph|Annex|Section|Measure|Commitment|Appendix)|(?:[Tt]he\s+)?(?:[Ff]irst|[Ss]econd|[Tt]hird|[Ff]ourth|[Ff]ifth|[Ss]ixth|[Ss]eventh|[Ee]ighth|[Nn]inth|[Tt]enth|[Ee]leventh|[Tt]welfth|[A-Za-z]+teenth|[Tt]wentieth|[Tt]hirtieth|[Ff]ortieth|(?:[Tt]wenty|[Tt]hirty|[Ff]orty)-[a-z]+|\d{1,3}(?:st|nd|rd|th))\b|(?:Directive|Regulation|Decision|Recommendation)(?=\s+(?:\(|No\s|\d))|Treaty\s+on|TFEU|TEU|Charter\s+of\s+Fundamental)`,
  'g',
);

/** Head words as printed, singular and plural, to the kind of unit they open. */
const HEAD_KINDS: ReadonlyMap<string, HeadKind> = new Map([
  ['Article', 'art'],
  ['Articles', 'art'],
  ['Annex', 'anx'],
  ['Annexes', 'anx'],
  ['recital', 'rec'],
  ['recitals', 'rec'],
  ['Recital', 'rec'],
  ['Recitals', 'rec'],
  ['Chapter', 'chp'],
  ['Chapters', 'chp'],
  ['Measure', 'msr'],
  ['Measures', 'msr'],
  ['Commitment', 'cmt'],
  ['Commitments', 'cmt'],
  ['Appendix', 'app'],
  ['Appendices', 'app'],
]);

const THIS_UNITS: Readonly<Record<string, ThisUnit>> = {
  Article: 'article',
  paragraph: 'paragraph',
  subparagraph: 'subparagraph',
  Annex: 'annex',
  Section: 'section',
  Measure: 'measure',
  Commitment: 'commitment',
  Appendix: 'appendix',
};

function isCodeHead(kind: HeadKind): boolean {
  return kind === 'msr' || kind === 'cmt' || kind === 'app';
}

function headKindOf(word: string): HeadKind | null {
  return HEAD_KINDS.get(word) ?? null;
}

// ---- Paths -------------------------------------------------------------------------------------

/** One level of a reference: the alternatives it lists (`points (a) and (b)`), each a run of steps. */
type Level = readonly Path[];

interface Head {
  readonly family: Family;
  readonly anchor: Anchor;
  readonly paths: readonly Path[];
}

/** Every combination of one alternative per level, appended to each base path, in reading order. */
function product(bases: readonly Path[], levels: readonly Level[], problems: string[]): Path[] {
  let acc: Path[] = [...bases];
  for (const level of levels) {
    if (acc.length * level.length > MAX_PATHS) {
      problems.push(`names more than ${MAX_PATHS} provisions; only the first level was expanded`);
      return acc;
    }
    const next: Path[] = [];
    for (const path of acc) for (const alternative of level) next.push([...path, ...alternative]);
    acc = next;
  }
  return acc;
}

/**
 * `item` in place of the deepest step of `template` that counts the same way: after `Article 53(1)(a)`,
 * `(b)` is `Article 53(1)(b)` and `(2)` is `Article 53(2)`. Null when no step counts that way.
 */
function splice(template: Path, item: Path): Path | null {
  const head = item[0];
  if (!head) return null;
  for (let at = template.length - 1; at >= 0; at--) {
    const step = template[at];
    if (!step || (step.kind !== 'paren' && step.kind !== 'point' && step.kind !== 'para')) continue;
    if (!sameStyle(step.label, head.label)) continue;
    return [...template.slice(0, at), { kind: step.kind, label: head.label }, ...item.slice(1)];
  }
  return null;
}

function firstLabel(path: Path): string {
  return path[0]?.label ?? '';
}

function lastLabel(path: Path): string {
  return path[path.length - 1]?.label ?? '';
}

// ---- Parser ------------------------------------------------------------------------------------

class Parser {
  pos = 0;
  private problems: string[] = [];

  constructor(
    private readonly text: string,
    private readonly options: GrammarOptions,
  ) {}

  private eat(re: RegExp): RegExpExecArray | null {
    re.lastIndex = this.pos;
    const match = re.exec(this.text);
    if (match) this.pos = re.lastIndex;
    return match;
  }

  /**
   * Items separated by `,`, `and`, `or`, `and/or`, with `X to Y` ranges expanded. Every item must count
   * the way the first does, so `point (h), (2) to (6)` stops before `(2)`: those are paragraphs.
   */
  private list(item: () => Path | null): Path[] | null {
    const first = item();
    if (!first) return null;
    const out: Path[] = [first];
    let previous = first;
    for (;;) {
      const save = this.pos;
      const isRange = this.eat(RANGE) !== null;
      if (isRange || this.eat(SEP)) {
        const read = item();
        // An item that counts differently continues the previous one at a deeper level:
        // `points 5(b) and (c)` is point 5(c).
        const next = read && (sameStyle(firstLabel(first), firstLabel(read)) ? read : splice(previous, read));
        if (next) {
          out.push(...(isRange ? this.expand(previous, next) : [next]));
          previous = next;
          continue;
        }
      }
      this.pos = save;
      return out;
    }
  }

  /** The items after `from` up to and including `to`; only the last step may differ. */
  private expand(from: Path, to: Path): Path[] {
    const stem = from.slice(0, -1);
    const last = from[from.length - 1];
    const sameStem =
      to.length === from.length &&
      stem.every((step, i) => step.kind === to[i]?.kind && step.label === to[i]?.label);
    const labels = last && sameStem ? expandRange(last.label, lastLabel(to)) : null;
    if (!last || !labels) {
      this.problems.push(
        `cannot expand the range ${lastLabel(from)} to ${lastLabel(to)}: its ends do not count the same way or it is longer than ${MAX_RANGE}`,
      );
      return [to];
    }
    return labels.slice(1).map((label) => [...stem, { kind: last.kind, label }]);
  }

  private parens(firstKind: LevelKind): Step[] {
    const steps: Step[] = [];
    for (;;) {
      const match = this.eat(PAREN);
      if (!match?.[1]) return steps;
      steps.push({ kind: steps.length === 0 ? firstKind : 'point', label: match[1] });
    }
  }

  private readonly parenItem = (): Path | null => {
    const steps = this.parens('point');
    return steps.length > 0 ? steps : null;
  };

  /** `(a)`, `(1)(a)`, or an annex's bare `1`, `5(b)`. */
  private readonly pointItem = (): Path | null => {
    const bare = this.eat(BARE_POINT);
    if (!bare?.[1]) return this.parenItem();
    const spaced = this.eat(SPACED_PAREN);
    const sub: Step[] = spaced?.[1] ? [{ kind: 'point', label: spaced[1] }, ...this.parens('point')] : [];
    return [{ kind: 'point', label: bare[1] }, ...sub];
  };

  private readonly paragraphItem = (): Path | null => {
    const match = this.eat(PARA_NUM);
    const label = match?.[1] ?? match?.[2];
    return label ? [{ kind: 'para', label }] : null;
  };

  private readonly sectionItem = (): Path | null => {
    const match = this.eat(SECTION_NUM);
    return match?.[1] ? [{ kind: 'sec', label: match[1] }] : null;
  };

  /** A level below a head: `first subparagraph`, `paragraphs 1 to 3`, `points (a) and (b)`, `Section 2`. */
  private level(): Level | null {
    const start = this.pos;
    // Dispatch on the first letter: most attempts fail, and a failed regex call is not free.
    const first = this.text[start] ?? '';
    if (first === 'P' || first === 'p') {
      const items = this.eat(PARAGRAPH_WORD)
        ? this.list(this.paragraphItem)
        : this.eat(POINT_WORD)
          ? this.list(this.pointItem)
          : null;
      if (!items) this.pos = start;
      return items;
    }
    if (first === 'S' && this.eat(SECTION_WORD)) {
      const items = this.list(this.sectionItem);
      if (!items) this.pos = start;
      return items;
    }
    const ordinal = this.eat(ORDINAL_LEVEL);
    if (ordinal?.[1] && ordinal[2]) {
      const unit = ordinal[2].toLowerCase();
      const kind: LevelKind = unit.startsWith('indent')
        ? 'indent'
        : unit.startsWith('sentence')
          ? 'ignore'
          : 'sub';
      const words = (ordinal[1].match(LIST_WORD) ?? []).filter((word) => !/^(?:and|or)$/i.test(word));
      const values = words.map(ordinalValue);
      if (values.length > 0 && values.every((value) => value !== null)) {
        return values.map((value) => [{ kind, label: String(value) }]);
      }
    }
    this.pos = start;
    return null;
  }

  /** What follows a head's number: `(1)(a)`, `, first subparagraph`, `, point (h)`, `of Title V`. */
  private suffix(kind: HeadKind | null): Level[] {
    const levels: Level[] = [];
    if (kind === 'art') {
      const first = this.eat(ARTICLE_FIRST_PAREN);
      const label = first?.[1] ?? first?.[2];
      if (label) levels.push([[{ kind: 'paren', label }, ...this.parens('point')]]);
    }
    for (;;) {
      levels.push(...this.commaLevels());
      // `Chapter III Section 4`, as Article 113 writes it.
      const save = this.pos;
      const section = (kind === 'chp' || kind === 'anx') && this.eat(BEFORE_SECTION) ? this.level() : null;
      if (section) {
        levels.push(section);
        continue;
      }
      this.pos = save;
      const nested = kind === null ? null : this.eat(TITLE_OR_PART);
      if (nested?.[1] && nested[2]) {
        levels.push([[{ kind: nested[1] === 'Title' ? 'title' : 'part', label: nested[2] }]]);
        continue;
      }
      return levels;
    }
  }

  /** Levels each after a comma: `, first subparagraph, point (h)`. */
  private commaLevels(): Level[] {
    const levels: Level[] = [];
    for (;;) {
      const save = this.pos;
      const level = this.eat(COMMA) ? this.level() : null;
      if (!level) {
        this.pos = save;
        return levels;
      }
      levels.push(level);
    }
  }

  /**
   * A bracketed list continuing the previous provision at the level that counts the same way:
   * `Article 74(8) and (9)`, `Article 53(1)(a) and (b)`, `Article 5(1), first subparagraph, point (h),
   * (2) to (6)` (the last are paragraphs of Article 5).
   */
  private continuation(template: Path): Path[] | null {
    const items = this.list(this.parenItem);
    const first = items?.[0];
    if (!items || !first || !splice(template, first)) return null;
    return items.flatMap((item) => {
      const path = splice(template, item);
      return path ? [path] : [];
    });
  }

  private headLabels(kind: HeadKind, plural: boolean): string[] | null {
    const re =
      kind === 'art'
        ? ARTICLE_NUM
        : kind === 'anx'
          ? ROMAN_NUM
          : kind === 'chp'
            ? CHAPTER_NUM
            : kind === 'rec'
              ? RECITAL_NUM
              : CODE_NUM;
    const match = this.eat(re);
    const label = match?.[1] ?? match?.[2];
    if (!label) return null;
    if (!plural) return [label];
    const save = this.pos;
    if (this.eat(RANGE)) {
      const to = this.eat(re);
      const end = to?.[1] ?? to?.[2];
      if (end && sameStyle(label, end)) {
        const labels = expandRange(label, end);
        if (labels) return labels;
        this.problems.push(
          `cannot expand the range ${label} to ${end}: its ends do not count the same way or it is longer than ${MAX_RANGE}`,
        );
        return [label, end];
      }
    }
    this.pos = save;
    return [label];
  }

  /** `Articles 53(1)(a) and 55(1)`, `Annexes XI and XII`, `recitals 110, 114, and 115`, `Measures 1.1 to 1.3`. */
  private headItems(kind: HeadKind, plural: boolean): Path[] | null {
    const all: Path[] = [];
    let first: string | null = null;
    for (;;) {
      const save = this.pos;
      if (first !== null && !(plural && this.eat(SEP))) break;
      const labels = this.headLabels(kind, plural);
      const label = labels?.[0];
      if (!labels || !label || (first !== null && !sameStyle(first, label))) {
        this.pos = save;
        break;
      }
      first ??= label;
      // A suffix after a range applies to every article of it (`Appendices 4.1 to 4.5, points (a)`).
      let paths = product(
        labels.map((each) => [{ kind, label: each }]),
        this.suffix(kind),
        this.problems,
      );
      all.push(...paths);
      for (;;) {
        const beforeSep = this.pos;
        const template = paths[paths.length - 1];
        const more = template && this.eat(SEP) ? this.continuation(template) : null;
        if (!more) {
          this.pos = beforeSep;
          break;
        }
        all.push(...more);
        paths = more;
      }
    }
    return all.length > 0 ? all : null;
  }

  private head(): Head | null {
    const start = this.pos;
    const first = this.text[start];
    const self = first === 'T' || first === 't' ? this.eat(THIS_HEAD) : null;
    if (self?.[1]) {
      const unit = THIS_UNITS[self[1]];
      const kind = headKindOf(self[1]);
      if (!unit) {
        this.pos = start;
        return null;
      }
      if (kind !== null && isCodeHead(kind)) {
        if (!this.options.codeHeads) {
          this.pos = start;
          return null;
        }
        // `this Appendix 3.5` names the appendix outright.
        const beforeNumber = this.pos;
        if (this.eat(THIS_NUMBER)) {
          const paths = this.headItems(kind, false);
          if (paths) return { family: 'code', anchor: { type: 'absolute' }, paths };
        }
        this.pos = beforeNumber;
      }
      return {
        family: 'relative',
        anchor: { type: 'this', unit },
        paths: product([[]], this.suffix(null), this.problems),
      };
    }
    const word = this.eat(HEAD_WORD);
    const kind = word?.[1] ? headKindOf(word[1]) : null;
    if (!word?.[1] || kind === null || (isCodeHead(kind) && !this.options.codeHeads)) {
      this.pos = start;
      return null;
    }
    const plural = word[1].endsWith('s');
    const paths = this.headItems(kind, plural);
    if (!paths) {
      this.pos = start;
      return null;
    }
    return { family: isCodeHead(kind) ? 'code' : 'act', anchor: { type: 'absolute' }, paths };
  }

  /** One reference: `[level of]* head` or, relative to the current unit, `level [of level]* [, level]*`. */
  reference(): RawReference | null {
    const start = this.pos;
    this.problems = [];
    // Each entry is a level with the comma-joined levels after it, in written order:
    // `Section A, points 1 to 10, of Annex VIII`, `paragraph (2), points (f) and (g) of this Article`.
    const prefix: Level[][] = [];
    let head: Head | null = null;
    // The position before an `of` that has not yet led to a wider unit; restored if it leads nowhere.
    let pendingOf: number | null = null;
    for (;;) {
      if (pendingOf !== null) {
        head = this.head();
        if (head) break;
      }
      const level = this.level();
      if (!level) {
        if (pendingOf !== null) this.pos = pendingOf;
        break;
      }
      prefix.push([level, ...this.commaLevels()]);
      pendingOf = this.pos;
      if (!this.eat(OF)) break;
    }
    // Written innermost first (`point (h) of the first subparagraph of Article 5(1)`).
    const inner = [...prefix].reverse().flat();
    if (prefix.length === 0) head = this.head();
    if (head) {
      return this.finish(start, head.family, head.anchor, product(head.paths, inner, this.problems));
    }
    const leading = inner[0]?.[0]?.[0];
    if (!leading || leading.kind === 'ignore') {
      this.pos = start;
      return null;
    }
    const paths = product([[]], inner, this.problems);
    const blocked = this.eat(BY_POSITION)
      ? 'it is counted within a unit named by its position (“the preceding paragraph”), which no id records'
      : null;
    return this.finish(start, 'relative', { type: 'around' }, paths, blocked);
  }

  private finish(
    start: number,
    family: Family,
    anchor: Anchor,
    paths: Path[],
    blocked: string | null = null,
  ): RawReference {
    return { start, end: this.pos, family, anchor, paths, problems: [...this.problems], blocked };
  }

  private qualifier(last: RawReference): RawQualifier | null {
    const start = this.pos;
    const connector = this.eat(CONNECTOR);
    if (!connector) return null;
    if (connector[1] !== undefined) return { start, end: this.pos, act: { kind: 'previous' } };
    const name = this.eat(ACT_NAME);
    const [, lawBare, lawThis, act, treaty, named, pronoun] = name ?? [];
    const external = act ?? treaty ?? named ?? pronoun;
    const isLaw = lawBare !== undefined || lawThis !== undefined;
    const annexOf = connector[2] !== undefined;
    const of = connector[3] !== undefined;
    const to = connector[4] !== undefined;
    const bare = !annexOf && !of && !to;
    // Which names each way of attaching allows: `Article 5 this Regulation` or `Article 8 Charter` are
    // not references, `to` qualifies only an annex (`Annex I to Decision No 768/2008/EC`), and the
    // Annex of another act is that act's.
    const allowed =
      name !== null &&
      (of ||
        (annexOf && !isLaw) ||
        (to && last.paths.some((path) => path.some((step) => step.kind === 'anx'))) ||
        (bare && (lawBare !== undefined || act !== undefined || treaty !== undefined)));
    if (!allowed || (!isLaw && external === undefined)) {
      this.pos = start;
      return null;
    }
    return {
      start,
      end: this.pos,
      act: isLaw ? { kind: 'law' } : { kind: 'external', name: external ?? '' },
    };
  }

  group(): RawGroup | null {
    const first = this.reference();
    if (!first) return null;
    const refs = [first];
    let last = first;
    for (;;) {
      const save = this.pos;
      const next = this.eat(SEP) ? this.reference() : null;
      if (!next) {
        this.pos = save;
        break;
      }
      refs.push(next);
      last = next;
    }
    return { type: 'group', refs, qualifier: this.qualifier(last) };
  }

  mention(): RawMention | null {
    const start = this.pos;
    const name = this.eat(ACT_NAME);
    // An act or Treaty named by number or full name; the law itself named without a provision is not
    // a reference to anything in particular, nor is `Charter` alone or `that Regulation`.
    const written = name?.[3] ?? name?.[4] ?? (name?.[5]?.startsWith('Charter of') ? name[5] : undefined);
    const treaty = name?.[5]?.startsWith('Treaty') ? name[5] : undefined;
    const found = written ?? treaty;
    if (found === undefined) {
      this.pos = start;
      return null;
    }
    return { type: 'mention', start, end: this.pos, name: found };
  }
}

/**
 * Finds every reference group and every bare mention of another act in `text`, in order. Pure and
 * total: unknown input yields fewer items, never an exception.
 */
export function scan(text: string, options: GrammarOptions): RawItem[] {
  const parser = new Parser(text, options);
  // The one shared trigger regex is safe to reuse: scanning is synchronous and never re-entered.
  const trigger = TRIGGER;
  trigger.lastIndex = 0;
  const out: RawItem[] = [];
  for (let match = trigger.exec(text); match !== null; match = trigger.exec(text)) {
    parser.pos = match.index;
    const item = parser.group() ?? parser.mention();
    if (item) {
      out.push(item);
      trigger.lastIndex = Math.max(parser.pos, match.index + 1);
    }
  }
  return out;
}
