/**
 * Re-anchoring notes on a revised document. Each annotation keeps the clause id of the code unit it
 * was written on and a quote of that unit's text with some context (a W3C TextQuoteSelector). When
 * a revised PDF renumbers, rewords or splits units, the id alone can point at the wrong text, so the
 * quote decides, in the way the Hypothesis client re-anchors: an approximate match of the quote
 * (Myers' bit-parallel algorithm, the `approx-string-match` package Hypothesis uses), weighted with
 * how well the text before and after matches the quote's prefix and suffix.
 *
 * An annotation is never dropped: it stays where it was when its unit still says much the same,
 * moves to the unit that now says it, or is returned as an orphan (its old clause id kept) for the
 * user to re-attach by hand.
 */
import search from 'approx-string-match';
import type { ClauseTree, Unit } from '../model/clause';
import { UNIT_SEPARATOR, unitDisplayText } from '../model/quote';
import { linkId, type Annotation, type LinkRecord, type Objection, type TextQuote } from '../model/review';

/** Weights of the parts of a match's score (as the Hypothesis client weighs them). */
const QUOTE_WEIGHT = 50;
const PREFIX_WEIGHT = 20;
const SUFFIX_WEIGHT = 20;
const SAME_ID_WEIGHT = 2;
const TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + SAME_ID_WEIGHT;

/** A unit keeps its annotations when its text still matches the quote this well (0..1). */
export const KEEP_SIMILARITY = 0.75;
/** An annotation moves to another unit only on a match scoring at least this (0..1). */
export const MOVE_SCORE = 0.6;
/** Units compared closely with each quote: the best candidates by shared words. */
const CANDIDATES = 8;
/** The part of a long quote matched approximately; the rest adds little and costs time. */
const MATCH_LENGTH = 400;

/** How alike `pattern` is to its best approximate match inside `text`: 1 = found exactly, 0 = not at all. */
export function similarity(text: string, pattern: string): { score: number; start: number; end: number } {
  if (pattern === '') return { score: 1, start: 0, end: 0 };
  const at = text.indexOf(pattern);
  if (at >= 0) return { score: 1, start: at, end: at + pattern.length };
  const maxErrors = Math.ceil(pattern.length / 2);
  const matches = search(text, pattern, maxErrors);
  let best: { score: number; start: number; end: number } = { score: 0, start: 0, end: 0 };
  for (const match of matches) {
    const score = 1 - match.errors / pattern.length;
    if (score > best.score) best = { score, start: match.start, end: match.end };
  }
  return best;
}

const WORD = /[\p{L}\p{N}]{3,}/gu;
function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(WORD) ?? []);
}

/** The document text a unit's quote was taken from: display texts joined, with each unit's offset. */
interface Indexed {
  readonly units: readonly Unit[];
  readonly texts: readonly string[];
  readonly starts: readonly number[];
  readonly full: string;
  readonly words: readonly Set<string>[];
  readonly byId: ReadonlyMap<string, number>;
}

function indexUnits(units: readonly Unit[]): Indexed {
  const texts = units.map(unitDisplayText);
  const starts: number[] = [];
  let at = 0;
  for (const text of texts) {
    starts.push(at);
    at += text.length + UNIT_SEPARATOR.length;
  }
  return {
    units,
    texts,
    starts,
    full: texts.join(UNIT_SEPARATOR),
    words: texts.map(words),
    byId: new Map(units.map((unit, i) => [unit.id, i])),
  };
}

/** Where a quote lands: the unit, and how sure (0..1). */
export interface Placement {
  readonly id: string;
  readonly score: number;
}

function scoreAt(index: Indexed, i: number, quote: TextQuote, sameId: boolean): number {
  const text = index.texts[i] ?? '';
  const exact = quote.exact.slice(0, MATCH_LENGTH);
  const found = similarity(text, exact);
  const start = (index.starts[i] ?? 0) + found.start;
  const end = (index.starts[i] ?? 0) + found.end;
  const prefix = quote.prefix;
  const suffix = quote.suffix;
  const before = index.full.slice(Math.max(0, start - prefix.length), start);
  const after = index.full.slice(end, end + suffix.length);
  const prefixScore = prefix === '' ? 1 : similarity(before, prefix).score;
  const suffixScore = suffix === '' ? 1 : similarity(after, suffix).score;
  // A quote cut at MATCH_LENGTH may match a longer unit; one much shorter than the unit is a worse fit.
  const lengthFit =
    quote.exact.length > MATCH_LENGTH || text.length === 0
      ? 1
      : Math.min(1, (quote.exact.length + 20) / Math.max(text.length, 1));
  return (
    (QUOTE_WEIGHT * found.score * (0.8 + 0.2 * lengthFit) +
      PREFIX_WEIGHT * prefixScore +
      SUFFIX_WEIGHT * suffixScore +
      (sameId ? SAME_ID_WEIGHT : 0)) /
    TOTAL_WEIGHT
  );
}

/**
 * Where an annotation written on unit `id` with `quote` belongs in `units` (a revised document):
 * the same id when that unit still matches, another unit when it now holds the quoted text, or
 * null (an orphan).
 */
export function placeQuote(quote: TextQuote, id: string, units: readonly Unit[]): Placement | null {
  return place(indexUnits(units), quote, id);
}

function place(index: Indexed, quote: TextQuote, id: string): Placement | null {
  const own = index.byId.get(id);
  // A quote of nothing (an annotation made without text) can only follow its id.
  if (quote.exact.trim() === '') return own === undefined ? null : { id, score: 1 };
  const ownSimilarity =
    own === undefined ? 0 : similarity(index.texts[own] ?? '', quote.exact.slice(0, MATCH_LENGTH)).score;
  if (own !== undefined && ownSimilarity >= KEEP_SIMILARITY && index.texts[own] === quote.exact)
    return { id, score: 1 };

  // Candidates: the units sharing most words with the quote, and the unit with the same id.
  const wanted = words(quote.exact);
  const ranked = index.words
    .map((set, i) => {
      let shared = 0;
      for (const word of wanted) if (set.has(word)) shared += 1;
      return { i, overlap: wanted.size === 0 ? 0 : shared / Math.max(wanted.size, set.size) };
    })
    .filter((c) => c.overlap > 0)
    .sort((a, b) => b.overlap - a.overlap || a.i - b.i)
    .slice(0, CANDIDATES)
    .map((c) => c.i);
  if (own !== undefined && !ranked.includes(own)) ranked.push(own);

  let best: { i: number; score: number } | null = null;
  for (const i of ranked) {
    const score = scoreAt(index, i, quote, i === own);
    if (best === null || score > best.score) best = { i, score };
  }
  // Its own unit keeps it unless another fits clearly better.
  if (own !== undefined && ownSimilarity >= KEEP_SIMILARITY) {
    const ownScore = scoreAt(index, own, quote, true);
    if (best === null || best.i === own || best.score < ownScore + 0.1) return { id, score: ownScore };
  }
  if (best === null || best.score < MOVE_SCORE) return null;
  const unit = index.units[best.i];
  return unit === undefined ? null : { id: unit.id, score: best.score };
}

/** An annotation moved to another unit of the revised code. */
export interface Moved {
  readonly annotation: Annotation;
  readonly from: string;
  readonly to: string;
  readonly score: number;
}

export interface ReanchorResult {
  /** Every annotation given, in order: moved ones with their new `source`, the others unchanged. */
  readonly annotations: readonly Annotation[];
  readonly moved: readonly Moved[];
  /**
   * Annotations that could not be placed: on a code unit the quote no longer matches anywhere, or
   * on a link to a law provision the law no longer has. Kept as they were, for the user to re-attach.
   */
  readonly orphans: readonly Annotation[];
}

/**
 * Re-anchors annotations written against another version of the code (and of the law) onto
 * `code` and `law`. Moved annotations keep their quote: it is the text their author read.
 */
export function reanchorAnnotations(
  annotations: readonly Annotation[],
  code: ClauseTree,
  law: ClauseTree,
): ReanchorResult {
  const index = indexUnits(code.units);
  const lawIds = new Set<string>(law.units.map((unit) => unit.id));
  const cache = new Map<string, Placement | null>();
  const out: Annotation[] = [];
  const moved: Moved[] = [];
  const orphans: Annotation[] = [];
  for (const annotation of annotations) {
    const key = JSON.stringify([annotation.source, annotation.quote]);
    let placement = cache.get(key);
    if (placement === undefined) {
      placement = place(index, annotation.quote, annotation.source);
      cache.set(key, placement);
    }
    const targetLost = annotation.target !== null && !lawIds.has(annotation.target);
    if (placement === null || targetLost) {
      orphans.push(annotation);
      out.push(annotation);
      continue;
    }
    if (placement.id === annotation.source) {
      out.push(annotation);
      continue;
    }
    const next: Annotation = { ...annotation, source: placement.id };
    moved.push({ annotation: next, from: annotation.source, to: placement.id, score: placement.score });
    out.push(next);
  }
  return { annotations: out, moved, orphans };
}

/** A unit still holds the text an annotation was written on when the quote matches it this well. */
export const STILL_THERE = 0.5;
/**
 * Quotes shorter than this are not compared: the app quotes whole units, and a few words (from
 * another tool, or a very short point) say too little to call the unit changed.
 */
export const MIN_CHECKED_QUOTE = 40;

/**
 * Annotations whose place is gone from the project's documents: a law provision not in the law, a
 * code unit not in the code, or a code unit whose id a revision gave to other text (the quote no
 * longer matches it). The orphan list the user re-attaches from. The common case — the unit's text
 * is the quote — is a string comparison; only the others are matched approximately.
 */
export function orphanAnnotations(
  annotations: readonly Annotation[],
  code: ClauseTree,
  law: ClauseTree,
): Annotation[] {
  const codeUnits = new Map<string, Unit>(code.units.map((unit) => [unit.id, unit]));
  const lawIds = new Set<string>(law.units.map((unit) => unit.id));
  const texts = new Map<string, string>();
  const textOf = (unit: Unit): string => {
    let text = texts.get(unit.id);
    if (text === undefined) texts.set(unit.id, (text = unitDisplayText(unit)));
    return text;
  };
  return annotations.filter((a) => {
    if (a.target !== null && !lawIds.has(a.target)) return true;
    const unit = codeUnits.get(a.source);
    if (unit === undefined) return true;
    const exact = a.quote.exact;
    if (exact.trim().length < MIN_CHECKED_QUOTE) return false;
    const text = textOf(unit);
    if (text === exact || text.startsWith(exact) || text.includes(exact)) return false;
    return similarity(text, exact.slice(0, MATCH_LENGTH)).score < STILL_THERE;
  });
}

/**
 * Where the units of a re-anchored review went, for the records that carry no quote of their own
 * (links, objections' unit lists): a link follows the verdict written on it, else the verdict on its
 * unit. A unit whose verdicts went to different places is ambiguous and stays where it was.
 */
export function unitMoves(moved: readonly Moved[]): {
  readonly link: (source: string, target: string) => string | undefined;
  readonly unit: (source: string) => string | undefined;
} {
  const pairs = new Map<string, string>();
  const units = new Map<string, string | null>();
  for (const m of moved) {
    if (m.annotation.target !== null) pairs.set(JSON.stringify([m.from, m.annotation.target]), m.to);
    else {
      const seen = units.get(m.from);
      units.set(m.from, seen === undefined || seen === m.to ? m.to : null);
    }
  }
  const unit = (source: string): string | undefined => units.get(source) ?? undefined;
  return {
    unit,
    link: (source, target) => pairs.get(JSON.stringify([source, target])) ?? unit(source),
  };
}

/** A project's review as a bundle carries it. */
export interface ReviewRecords {
  readonly links: readonly LinkRecord[];
  readonly annotations: readonly Annotation[];
  readonly objections: readonly Objection[];
}

/**
 * A review made against another version of the documents, re-anchored onto `code` and `law`: the
 * verdicts by their quotes ({@link reanchorAnnotations}), the links and the objections' units after
 * them ({@link unitMoves}). The one path for the app's bundle import and `crosswalk memo --bundle`.
 */
export function reanchorReview(
  review: ReviewRecords,
  code: ClauseTree,
  law: ClauseTree,
): ReviewRecords & Pick<ReanchorResult, 'moved' | 'orphans'> {
  const result = reanchorAnnotations(review.annotations, code, law);
  const moves = unitMoves(result.moved);
  return {
    annotations: result.annotations,
    links: review.links.map((link) => {
      const to = moves.link(link.source, link.target);
      return to === undefined ? link : { ...link, source: to, id: linkId(link.projectId, to, link.target) };
    }),
    objections: review.objections.map((o) => ({ ...o, units: o.units.map((id) => moves.unit(id) ?? id) })),
    moved: result.moved,
    orphans: result.orphans,
  };
}
