/**
 * From what the grammar read to clause ids. Every choice the wording leaves open is settled by
 * looking ids up, never by guessing: `Article 3(65)` is a point because `art_3__para_65` does not exist
 * and `art_3__point_65` does; `point (a)` is the one in the nearest enclosing unit that has one.
 * What cannot be found is reported with its reason, never dropped and never moved to a neighbour.
 */
import { formatCitation } from './format';
import { scan } from './grammar';
import type { ActName, Path, RawGroup, RawQualifier, RawReference, Step, ThisUnit } from './grammar';
import { ordinalWord } from './labels';
import type { Citation, CitationContext, CitationTarget, Unresolved } from './types';

// ---- Id index ----------------------------------------------------------------------------------

interface IdIndex {
  readonly ids: ReadonlySet<string>;
  /** Every id and every ancestor its segments imply: hand-made or partial id sets may lack parents. */
  readonly prefixes: ReadonlySet<string>;
  /** Direct children (by id segments) of every prefix. */
  readonly children: ReadonlyMap<string, readonly string[]>;
}

/**
 * One index per id set, built on first use: the linker calls findCitations for every unit of a
 * document with the same sets. The size guards against a set that grew since.
 */
const indexes = new WeakMap<ReadonlySet<string>, { readonly size: number; readonly index: IdIndex }>();

function indexOf(ids: ReadonlySet<string>): IdIndex {
  const cached = indexes.get(ids);
  if (cached && cached.size === ids.size) return cached.index;
  const prefixes = new Set<string>();
  const children = new Map<string, string[]>();
  for (const id of ids) {
    // Registers the id and climbs to its parent only while the parent is new: in a real tree every
    // parent is itself an id, so this touches each id about once.
    let current = id;
    while (!prefixes.has(current)) {
      prefixes.add(current);
      const cut = current.lastIndexOf('__');
      if (cut < 0) break;
      const parent = current.slice(0, cut);
      const siblings = children.get(parent);
      if (siblings) siblings.push(current);
      else children.set(parent, [current]);
      current = parent;
    }
  }
  const index: IdIndex = { ids, prefixes, children };
  indexes.set(ids, { size: ids.size, index });
  return index;
}

// ---- Ids as strings ----------------------------------------------------------------------------

function topOf(id: string): string {
  const cut = id.indexOf('__');
  return cut < 0 ? id : id.slice(0, cut);
}

function lastSegment(id: string): string {
  const cut = id.lastIndexOf('__');
  return cut < 0 ? id : id.slice(cut + 2);
}

/** The id itself, then its ancestors, innermost first. */
function ancestorsOrSelf(id: string): string[] {
  const out = [id];
  for (let cut = id.lastIndexOf('__'); cut > 0; cut = id.lastIndexOf('__', cut - 1))
    out.push(id.slice(0, cut));
  return out;
}

function isCodeId(id: string): boolean {
  return /^(?:msr|cmt|app)_/.test(id);
}

function nearest(id: string, test: (candidate: string) => boolean): string | null {
  return ancestorsOrSelf(id).find(test) ?? null;
}

/** The nearest unit at or above `id` that is in the id set: what a missing provision falls back to. */
function existingAncestor(id: string, index: IdIndex): string | null {
  return nearest(id, (candidate) => index.ids.has(candidate));
}

// ---- Paths to ids ------------------------------------------------------------------------------

/** The ids a step may lead to from `current`, in order of preference; `rest` are the steps after it. */
function candidates(current: string | null, step: Step, rest: Path, index: IdIndex): string[] {
  const { kind, label } = step;
  switch (kind) {
    case 'art':
    case 'anx':
    case 'chp':
    case 'rec':
    case 'msr':
    case 'cmt':
    case 'app':
      return current === null ? [`${kind}_${label}`] : [];
    case 'paren':
    case 'para':
    case 'sub':
    case 'point':
    case 'sec':
    case 'indent':
    case 'ignore':
    case 'part':
    case 'title':
      return current === null ? [] : levelCandidates(current, step, rest, index);
    default: {
      const unexpected: never = kind;
      return unexpected;
    }
  }
}

function levelCandidates(current: string, step: Step, rest: Path, index: IdIndex): string[] {
  const { kind, label } = step;
  const last = rest.length === 0;
  switch (kind) {
    case 'paren': {
      // `Article 3(65)`: a paragraph if the article has one by that number, else a point.
      const out = [`${current}__para_${label}`, `${current}__point_${label}`];
      // `Article 113(3)`: an article whose paragraphs are unnumbered has them as subparagraphs.
      if (!hasChild(current, 'para', index) && hasChild(current, 'subpara', index)) {
        out.push(label === '1' ? current : `${current}__subpara_${label}`);
      }
      return out;
    }
    case 'para':
      return [`${current}__para_${label}`];
    case 'sub':
      return subparagraphCandidates(current, Number(label), last, index);
    case 'point': {
      const direct = `${current}__point_${label}`;
      if (index.prefixes.has(direct) || !/^anx_[^_]+$/.test(current)) return [direct];
      // Annex I numbers its points through its sections (A: 1-12, B: 13-20), so `point 14 of Annex I`
      // is the one section that has it, when exactly one has all of the reference (`points 2(d) and
      // (e) of Annex XI`: both sections of Annex XI have a point 2, only Section 1 a point 2(d)).
      const inSections = pointInSections(current, label, index).filter((candidate) =>
        last ? index.ids.has(candidate) : search(candidate, rest, index).ok,
      );
      return inSections.length === 1 ? inSections : [direct];
    }
    case 'sec':
      return [`${current}__sec_${label}`];
    case 'indent':
      return [`${current}__indent_${label}`];
    case 'ignore':
      return [current];
    case 'part':
    case 'title':
      return [];
    case 'art':
    case 'anx':
    case 'chp':
    case 'rec':
    case 'msr':
    case 'cmt':
    case 'app':
      return [];
    default: {
      const unexpected: never = kind;
      return unexpected;
    }
  }
}

/** `anx_I__sec_B__point_14` for point 14 of `anx_I`: the point in each section of an annex that has it. */
function pointInSections(annex: string, label: string, index: IdIndex): string[] {
  return (index.children.get(annex) ?? [])
    .filter((child) => lastSegment(child).startsWith('sec_'))
    .map((section) => `${section}__point_${label}`)
    .filter((candidate) => index.prefixes.has(candidate));
}

function subparagraphCandidates(current: string, k: number, last: boolean, index: IdIndex): string[] {
  const own = `${current}__subpara_${k}`;
  if (!isCodeId(current)) {
    // An act's first subparagraph is the paragraph's own text (`art_52__para_1`), except where the
    // parser gave it an id of its own (Annex VII's `anx_VII__subpara_1`).
    return k === 1 ? [own, current] : [own];
  }
  // A code's paragraphs have no ids; their text is the measure's own. Only the second and later lists
  // of points are numbered by paragraph (`msr_1.2__subpara_3__point_1`); the first list
  // (`msr_1.2__point_1`) may sit in any paragraph before them.
  if (k === 1) return [current, own];
  if (last) return [own, current];
  if (index.prefixes.has(own)) return [own];
  for (let j = 2; j < k; j++) if (index.prefixes.has(`${current}__subpara_${j}`)) return [own];
  return [own, current];
}

type Outcome =
  | { readonly ok: true; readonly id: string }
  | { readonly ok: false; readonly partial: string | null; readonly text: string; readonly reason: string };

/** The id a step would have, for naming what is missing. */
function naiveSegment(step: Step): string | null {
  switch (step.kind) {
    case 'art':
    case 'anx':
    case 'chp':
    case 'rec':
    case 'msr':
    case 'cmt':
    case 'app':
      return `${step.kind}_${step.label}`;
    case 'paren':
    case 'para':
      return `para_${step.label}`;
    case 'sub':
      return step.label === '1' ? null : `subpara_${step.label}`;
    case 'point':
      return `point_${step.label}`;
    case 'sec':
      return `sec_${step.label}`;
    case 'indent':
      return `indent_${step.label}`;
    case 'ignore':
    case 'part':
    case 'title':
      return null;
    default: {
      const unexpected: never = step.kind;
      return unexpected;
    }
  }
}

function hasChild(current: string, kind: string, index: IdIndex): boolean {
  return (index.children.get(current) ?? []).some((child) => lastSegment(child).startsWith(`${kind}_`));
}

/** `paragraph 9`, `point (65)`, `second subparagraph`, `Section 2`: the missing step in words. */
function describeStep(step: Step, current: string, index: IdIndex): string {
  const { kind, label } = step;
  switch (kind) {
    case 'paren':
      return !hasChild(current, 'para', index) && hasChild(current, 'point', index)
        ? `point (${label})`
        : `paragraph ${label}`;
    case 'para':
      return `paragraph ${label}`;
    case 'sub':
      return `${ordinalWord(Number(label))} ${isCodeId(current) ? 'paragraph' : 'subparagraph'}`;
    case 'point':
      return /^anx_/.test(current) && /^\d+$/.test(label) && !/__point_/.test(current)
        ? `point ${label}`
        : `point (${label})`;
    case 'sec':
      return `Section ${label}`;
    case 'indent':
      return `${ordinalWord(Number(label))} indent`;
    case 'part':
      return `Part ${label}`;
    case 'title':
      return `Title ${label}`;
    case 'ignore':
    case 'art':
    case 'anx':
    case 'chp':
    case 'rec':
    case 'msr':
    case 'cmt':
    case 'app':
      return formatCitation(naiveSegment(step) ?? label);
    default: {
      const unexpected: never = kind;
      return unexpected;
    }
  }
}

/** Where following a path got to. */
type Search =
  | { readonly ok: true; readonly id: string }
  /** How far the path got: the first step no reading of which exists, and the id before it. */
  | { readonly ok: false; readonly depth: number; readonly at: string | null };

/**
 * Follows a path from `start` (null: the top of the document), trying each step's readings in order
 * of preference; intermediate steps need only exist as a prefix of some id, the last must be an id.
 */
function search(start: string | null, path: Path, index: IdIndex): Search {
  if (path.length === 0) {
    return start !== null && index.ids.has(start)
      ? { ok: true, id: start }
      : { ok: false, depth: 0, at: start };
  }
  let deepest: { depth: number; at: string | null } = { depth: -1, at: start };
  const visit = (current: string | null, depth: number): string | null => {
    const step = path[depth];
    if (step === undefined) return current;
    const last = depth === path.length - 1;
    for (const next of candidates(current, step, path.slice(depth + 1), index)) {
      if (!(last ? index.ids.has(next) : index.prefixes.has(next))) continue;
      const found = visit(next, depth + 1);
      if (found !== null) return found;
    }
    if (depth > deepest.depth) deepest = { depth, at: current };
    return null;
  };
  const found = visit(start, 0);
  return found !== null ? { ok: true, id: found } : { ok: false, depth: deepest.depth, at: deepest.at };
}

/** {@link search}, with what is missing put into words when the path does not resolve. */
function walk(start: string | null, path: Path, index: IdIndex, document: string): Outcome {
  const deepest = search(start, path, index);
  if (deepest.ok) return deepest;
  if (path.length === 0) {
    const text = start === null ? '' : formatCitation(start);
    return { ok: false, partial: null, text, reason: `${document} has no ${text}` };
  }

  const failed = path[deepest.depth];
  const at = deepest.at;
  // The provision as written in full, for the report: built from every step, not from where it failed.
  const wouldBe = [start, ...path.map(naiveSegment)]
    .filter((segment): segment is string => segment !== null)
    .join('__');
  const text = formatCitation(wouldBe);
  if (failed?.kind === 'part' || failed?.kind === 'title') {
    return {
      ok: false,
      partial: at === null ? null : existingAncestor(at, index),
      text,
      reason: `${describeStep(failed, at ?? '', index)} cannot be resolved: Parts and Titles are resolved only in other acts`,
    };
  }
  if (at === null || failed === undefined) {
    const missing = failed === undefined ? text : formatCitation(naiveSegment(failed) ?? text);
    return { ok: false, partial: null, text, reason: `${document} has no ${missing}` };
  }
  const ambiguous =
    failed.kind === 'point' && /^anx_[^_]+$/.test(at) && pointInSections(at, failed.label, index).length > 1;
  return {
    ok: false,
    partial: existingAncestor(at, index),
    text,
    reason: ambiguous
      ? `${formatCitation(at)} has a ${describeStep(failed, at, index)} in more than one Section`
      : `${formatCitation(at)} has no ${describeStep(failed, at, index)}`,
  };
}

// ---- Relative references -----------------------------------------------------------------------

type Base = { readonly ok: true; readonly id: string } | { readonly ok: false; readonly reason: string };

function thisBase(unit: ThisUnit, current: string, index: IdIndex): string | null {
  const top = topOf(current);
  const code = isCodeId(current);
  switch (unit) {
    case 'article':
      return top.startsWith('art_') ? top : null;
    case 'annex':
      return top.startsWith('anx_') ? top : null;
    case 'measure':
      return top.startsWith('msr_') ? top : null;
    case 'appendix':
      return top.startsWith('app_') ? top : null;
    case 'commitment': {
      if (top.startsWith('cmt_')) return top;
      // Measure 3.4 belongs to Commitment 3 (draft: Measure II.1.2 to Commitment II.1).
      const number = top.startsWith('msr_') ? top.slice('msr_'.length) : null;
      const dot = number === null ? -1 : number.lastIndexOf('.');
      const commitment = number !== null && dot > 0 ? `cmt_${number.slice(0, dot)}` : null;
      return commitment !== null && index.prefixes.has(commitment) ? commitment : null;
    }
    case 'paragraph':
      // A code's paragraphs have no ids: their text is the measure's (or appendix's) own.
      return code ? top : nearest(current, (id) => lastSegment(id).startsWith('para_'));
    case 'subparagraph':
      return code ? top : nearest(current, (id) => /^(?:subpara|para)_/.test(lastSegment(id)) || id === top);
    case 'section':
      return nearest(current, (id) => lastSegment(id).startsWith('sec_'));
    default: {
      const unexpected: never = unit;
      return unexpected;
    }
  }
}

const THIS_NAMES: Readonly<Record<ThisUnit, string>> = {
  article: 'an Article',
  paragraph: 'a paragraph',
  subparagraph: 'a subparagraph',
  annex: 'an Annex',
  section: 'a Section',
  measure: 'a Measure',
  commitment: 'a Commitment',
  appendix: 'an Appendix',
};

/** The unit a relative reference counts from. */
function relativeBase(ref: RawReference, current: string, index: IdIndex): Base {
  const here = (): string => formatCitation(current);
  if (ref.anchor.type === 'this') {
    const id = thisBase(ref.anchor.unit, current, index);
    return id !== null
      ? { ok: true, id }
      : {
          ok: false,
          reason: `the text is not inside ${THIS_NAMES[ref.anchor.unit]} whose id records it (it is in ${here()})`,
        };
  }
  const first = ref.paths[0]?.[0];
  if (first === undefined) return { ok: false, reason: 'it names nothing' };
  const top = topOf(current);
  switch (first.kind) {
    case 'para':
      return top.startsWith('art_')
        ? { ok: true, id: top }
        : {
            ok: false,
            reason: `paragraph ${first.label} is counted within an article, and ${here()} is not in one`,
          };
    case 'sub': {
      if (isCodeId(current)) return { ok: true, id: top };
      const id = nearest(current, (candidate) => lastSegment(candidate).startsWith('para_')) ?? top;
      return { ok: true, id };
    }
    case 'sec':
      return top.startsWith('anx_')
        ? { ok: true, id: top }
        : {
            ok: false,
            reason: `Section ${first.label} is counted within a chapter or annex, and the id of ${here()} does not say which`,
          };
    case 'point':
    case 'indent': {
      // The nearest enclosing unit where the whole reference resolves; failing that, where its first
      // point exists; never a unit beside the current one.
      const containers = ancestorsOrSelf(current);
      for (const container of containers) {
        if (ref.paths.some((path) => search(container, path, index).ok)) return { ok: true, id: container };
      }
      for (const container of containers) {
        if (candidates(container, first, [], index).some((id) => index.prefixes.has(id))) {
          return { ok: true, id: container };
        }
      }
      return {
        ok: false,
        reason: `there is no ${describeStep(first, current, index)} in or around ${here()}`,
      };
    }
    case 'paren':
    case 'ignore':
    case 'part':
    case 'title':
    case 'art':
    case 'anx':
    case 'chp':
    case 'rec':
    case 'msr':
    case 'cmt':
    case 'app':
      return { ok: false, reason: 'it does not say what it is counted from' };
    default: {
      const unexpected: never = first.kind;
      return unexpected;
    }
  }
}

// ---- Targets -----------------------------------------------------------------------------------

interface Decision {
  readonly target: CitationTarget;
  readonly external: string | null;
  /** The group's qualifier decided the target, so the citation's text runs on to include it. */
  readonly qualified: boolean;
  /**
   * For `thereof`: the id relative references count from instead of the current unit (the first id of
   * the citation named just before), null when that one resolved to nothing; undefined otherwise.
   */
  readonly from?: string | null;
  /** `thereof` with nothing named before it. */
  readonly orphan?: boolean;
}

/** The citation before the one being read, which `thereof` refers back to. */
interface Previous {
  readonly target: CitationTarget;
  readonly external: string | null;
  readonly id: string | null;
}

function lawTarget(context: CitationContext): CitationTarget {
  return context.selfKind === 'act' ? 'self' : 'law';
}

function fromAct(act: ActName, context: CitationContext, previous: Previous | null): Decision {
  switch (act.kind) {
    case 'external':
      return { target: 'external', external: act.name, qualified: true };
    case 'law':
      return { target: lawTarget(context), external: null, qualified: true };
    case 'previous':
      if (previous === null) return { target: 'self', external: null, qualified: true, orphan: true };
      return previous.target === 'external'
        ? { target: 'external', external: previous.external, qualified: true }
        : { target: previous.target, external: null, qualified: true, from: previous.id };
    default: {
      const unexpected: never = act;
      return unexpected;
    }
  }
}

function decide(
  ref: RawReference,
  qualifier: RawQualifier | null,
  context: CitationContext,
  previous: Previous | null,
): Decision {
  const unqualified: Decision = { target: 'self', external: null, qualified: false };
  switch (ref.family) {
    case 'code':
      // Measures, Commitments and Appendices exist only in codes, so they are always the code's own.
      return unqualified;
    case 'relative':
      // `point (13) of Directive (EU) 2016/680`: counted within the other act, not within this unit;
      // `point (h)(iii) thereof`: within what was named just before.
      return ref.anchor.type === 'around' && qualifier && qualifier.act.kind !== 'law'
        ? fromAct(qualifier.act, context, previous)
        : unqualified;
    case 'act': {
      if (qualifier) return fromAct(qualifier.act, context, previous);
      if (context.selfKind === 'act') return unqualified;
      // In a code an unqualified Article or Annex is the law's (codes have none), but a recital may be
      // the code's own (`recital (c)`): the code's ids decide.
      const head = ref.paths[0]?.[0];
      if (head?.kind === 'rec' && (!/^\d/.test(head.label) || context.self.has(`rec_${head.label}`))) {
        return unqualified;
      }
      return { target: 'law', external: null, qualified: false };
    }
    default: {
      const unexpected: never = ref.family;
      return unexpected;
    }
  }
}

// ---- Citations ---------------------------------------------------------------------------------

interface Piece {
  readonly ref: RawReference;
  readonly decision: Decision;
  readonly ids: readonly string[];
  readonly partial: readonly string[];
  readonly unresolved: readonly Unresolved[];
}

function documentName(target: CitationTarget, context: CitationContext): string {
  if (target === 'law') return 'the law';
  return context.selfKind === 'act' ? 'this act' : 'this code';
}

function resolveReference(
  ref: RawReference,
  decision: Decision,
  text: string,
  context: CitationContext,
): Omit<Piece, 'ref' | 'decision'> {
  const { target } = decision;
  const written = text.slice(ref.start, ref.end);
  const unresolved: Unresolved[] = ref.problems.map((reason) => ({ text: written, reason }));
  if (target === 'external') return { ids: [], partial: [], unresolved };
  if (decision.orphan === true) {
    const reason = '“thereof” refers back to a provision or act named before it, and the text names none';
    return { ids: [], partial: [], unresolved: [...unresolved, { text: written, reason }] };
  }
  if (ref.blocked !== null)
    return { ids: [], partial: [], unresolved: [...unresolved, { text: written, reason: ref.blocked }] };
  const index = indexOf(target === 'law' ? context.law : context.self);
  const document = documentName(target, context);
  let start: string | null = null;
  if (ref.anchor.type !== 'absolute') {
    if (decision.from === null) {
      const reason = '“thereof” refers back to a provision that was not resolved';
      return { ids: [], partial: [], unresolved: [...unresolved, { text: written, reason }] };
    }
    const base = relativeBase(ref, decision.from ?? context.currentId ?? '', index);
    if (!base.ok)
      return { ids: [], partial: [], unresolved: [...unresolved, { text: written, reason: base.reason }] };
    start = base.id;
  }
  const ids: string[] = [];
  const partial: string[] = [];
  for (const path of ref.paths) {
    const outcome = walk(start, path, index, document);
    if (outcome.ok) ids.push(outcome.id);
    else {
      if (outcome.partial !== null) partial.push(outcome.partial);
      unresolved.push({ text: outcome.text || written, reason: outcome.reason });
    }
  }
  return { ids, partial, unresolved };
}

function sameTarget(a: Decision, b: Decision): boolean {
  return a.target === b.target && a.external === b.external;
}

/** A run of pieces with one target becomes one citation. */
function toCitation(
  run: readonly Piece[],
  qualifier: RawQualifier | null,
  isLastRun: boolean,
  text: string,
): Citation | null {
  const first = run[0];
  const last = run[run.length - 1];
  if (!first || !last) return null;
  const start = first.ref.start;
  const end = isLastRun && qualifier && last.decision.qualified ? qualifier.end : last.ref.end;
  const ids: string[] = [];
  const seen = new Set<string>();
  for (const piece of run) {
    for (const id of piece.ids) {
      if (!seen.has(id)) ids.push(id);
      seen.add(id);
    }
  }
  const resolved = [...ids];
  for (const piece of run) {
    for (const id of piece.partial) {
      // A stand-in is only needed where nothing inside it was found.
      const covered = resolved.some((found) => found === id || found.startsWith(`${id}__`));
      if (!covered && !seen.has(id)) ids.push(id);
      seen.add(id);
    }
  }
  const unresolved: Unresolved[] = [];
  const reported = new Set<string>();
  for (const piece of run) {
    for (const entry of piece.unresolved) {
      const key = `${entry.text}\u0000${entry.reason}`;
      if (!reported.has(key)) unresolved.push(entry);
      reported.add(key);
    }
  }
  return {
    text: text.slice(start, end),
    start,
    end,
    target: first.decision.target,
    external: first.decision.target === 'external' ? first.decision.external : null,
    ids: first.decision.target === 'external' ? [] : ids,
    unresolved,
  };
}

function citeGroup(
  group: RawGroup,
  text: string,
  context: CitationContext,
  previous: Previous | null,
): Citation[] {
  const pieces: Piece[] = [];
  for (const ref of group.refs) {
    const decision = decide(ref, group.qualifier, context, previous);
    // Relative forms need the unit they are relative to; without one they are not read at all.
    const anchored =
      context.currentId !== undefined || decision.from !== undefined || decision.orphan === true;
    if (ref.family === 'relative' && decision.target !== 'external' && !anchored) continue;
    pieces.push({ ref, decision, ...resolveReference(ref, decision, text, context) });
  }
  const runs: Piece[][] = [];
  for (const piece of pieces) {
    const run = runs[runs.length - 1];
    const previous = run?.[run.length - 1];
    if (run && previous && sameTarget(previous.decision, piece.decision)) run.push(piece);
    else runs.push([piece]);
  }
  return runs.flatMap((run, i) => toCitation(run, group.qualifier, i === runs.length - 1, text) ?? []);
}

/**
 * Finds and resolves every reference in a text, in order of appearance. References joined by `,`,
 * `and` or `or` share the qualifier that ends them (`Articles 55(1) and 56(5), and recitals 110, 114,
 * and 115 AI Act`) and become one citation per target. Other acts (`Article 4(3) of Directive (EU)
 * 2019/790`, `Article 16 TFEU`, or a bare `Directive (EU) 2019/1937`) are kept as `external` citations and
 * never resolved into the law. Relative forms (`point (a)`, `paragraph 1 of this Article`) are read only
 * when `context.currentId` is given. Never throws.
 */
export function findCitations(text: string, context: CitationContext): Citation[] {
  const out: Citation[] = [];
  for (const item of scan(text, { codeHeads: context.selfKind === 'code' })) {
    const last = out[out.length - 1];
    const previous: Previous | null = last
      ? { target: last.target, external: last.external, id: last.ids[0] ?? null }
      : null;
    if (item.type === 'mention') {
      out.push({
        text: text.slice(item.start, item.end),
        start: item.start,
        end: item.end,
        target: 'external',
        external: item.name,
        ids: [],
        unresolved: [],
      });
    } else {
      out.push(...citeGroup(item, text, context, previous));
    }
  }
  return out;
}
