/**
 * The review memo as plain data: what a reviewer hands to a colleague or a regulator, built from
 * the two clause trees and the project's links and annotations. The renderers (Markdown, CSV, later
 * HTML and DOCX) only lay this out; every decision about what goes in is taken here, once.
 *
 * Two rules shape it. A machine suggestion never passes for a reviewer's finding: suggestions are
 * left out unless asked for, and then each carries {@link MACHINE_SUGGESTION_LABEL}. And when two
 * reviewers left different verdicts on one unit (merged bundles), both are kept with their authors.
 */
import { formatCitation } from '../citations/index';
import type { SuggestedStance } from '../compare/index';
import { TreeIndex, type LinkBasis } from '../linking/index';
import type { ClauseTree, DocumentKind, Unit } from '../model/clause';
import {
  STANCES,
  type Annotation,
  type Objection,
  type ObjectionAssessment,
  type DocumentRecord,
  type LinkOrigin,
  type LinkRecord,
  type ProjectRecord,
  type RationaleType,
  type Relationship,
  type ReviewStance,
  type ReviewStatus,
} from '../model/review';
import { orphanAnnotations } from '../review/anchor';
import {
  isReviewed,
  orderLinks,
  provisionContext,
  REVIEWABLE_TYPES,
  unitAnnotations,
  type ProvisionContext,
} from '../review/index';

/** How every machine suggestion is labelled wherever a memo shows one. */
export const MACHINE_SUGGESTION_LABEL = 'machine suggestion, not reviewed';

/** The summary column for units with no verdict, or verdicts that record no stance. */
export const NO_STANCE = 'no stance';

/** The summary column for units whose reviewers recorded different stances. */
export const MIXED_STANCES = 'mixed';

/** The columns of the summary, in order: each stance, then mixed, then none. */
export const SUMMARY_COLUMNS = [...STANCES, MIXED_STANCES, NO_STANCE] as const;
export type SummaryColumn = (typeof SUMMARY_COLUMNS)[number];

/** How links are found and what the stances mean: printed in every memo's appendix. */
export const METHOD_TEXT =
  'Crosswalk suggests links from each commitment, measure and point of the code to provisions of the ' +
  'law. It looks first for explicit citations: those a unit makes itself and those in its ' +
  'commitment’s LEGAL TEXT line, narrowed to the parts of the cited provision whose wording fits the ' +
  'unit best. It then ranks provisions by wording similarity (shared key terms) and by the law’s ' +
  'defined terms the unit uses. Each suggestion keeps the evidence it rests on. A suggestion is only ' +
  'a lead: a link counts once a reviewer accepts it. The stances, relationships (NIST IR 8477), ' +
  'strengths and rationales in this memo are the reviewers’ own, unless a line is marked as a ' +
  `${MACHINE_SUGGESTION_LABEL}. Quoted law text is read with the lead-in of the paragraph or point ` +
  'that governs it, and may be shortened (“…”).';

/**
 * `comparison`: the code read against the law, commitment by commitment. `response`: the recorded
 * objections, each with the provisions, verdicts and response behind it.
 */
export const MEMO_TEMPLATES = ['comparison', 'response'] as const;
export type MemoTemplate = (typeof MEMO_TEMPLATES)[number];

/** How a response memo words each assessment. */
export const ASSESSMENT_TEXT: Readonly<Record<ObjectionAssessment | 'none', string>> = {
  unfounded: 'Unfounded: the commitments concerned clarify the law',
  'partly-founded': 'Partly founded: some of the commitments concerned go beyond the law',
  founded: 'Founded: the commitments concerned go beyond the law',
  none: 'Not yet assessed',
};

export interface MemoOptions {
  /** `comparison` (default) or `response`. */
  readonly template?: MemoTemplate;
  /** Response memo: ids of the objections to include, in that order; default all, oldest first. */
  readonly objections?: readonly string[];
  /** Ids of the commitments to include; default all. Unknown ids are ignored. */
  readonly commitments?: readonly string[];
  /** Keep only units with a verdict in one of these stances; empty or absent: no filter. */
  readonly stances?: readonly ReviewStance[];
  /** Keep only units with a verdict carrying one of these tags; empty or absent: no filter. */
  readonly tags?: readonly string[];
  /** Keep only units with a verdict in one of these statuses; empty or absent: no filter. */
  readonly statuses?: readonly ReviewStatus[];
  /** Include machine suggestions nobody has decided on yet, each labelled as such. */
  readonly includeSuggestions: boolean;
  /** Most characters of law text quoted per link, "…" included; cut at a word boundary. */
  readonly quoteLength: number;
  readonly author: string;
  /** ISO date of the memo, passed in so that building a memo is a pure function. */
  readonly date: string;
}

export interface MemoInput {
  readonly law: ClauseTree;
  readonly code: ClauseTree;
  readonly project: ProjectRecord;
  readonly lawDocument: DocumentRecord;
  readonly codeDocument: DocumentRecord;
  /** All links of the project (others are ignored). */
  readonly links: readonly LinkRecord[];
  /** All annotations of the project (others are ignored). */
  readonly annotations: readonly Annotation[];
  /** The project's objections (others are ignored); only the response memo shows them. */
  readonly objections?: readonly Objection[];
}

export interface MemoDocument {
  readonly role: 'law' | 'code';
  readonly title: string;
  readonly kind: DocumentKind;
  readonly pages: number;
  /** SHA-256 of the PDF, lowercase hex: lets a reader check they hold the same file. */
  readonly fingerprint: string;
  readonly fileName: string;
}

/** One reviewer's verdict, on a unit or on one of its links. */
export interface MemoVerdict {
  readonly stance: ReviewStance | null;
  readonly relationship: Relationship | null;
  readonly rationaleType: RationaleType | null;
  readonly strength: number | null;
  /** Markdown, as the reviewer wrote it. */
  readonly rationale: string;
  readonly tags: readonly string[];
  readonly status: ReviewStatus;
  readonly author: string;
  readonly updatedAt: string;
  /** The stance was adopted from the machine's suggestion (and possibly edited). */
  readonly fromSuggestion: boolean;
}

export interface MemoLink {
  /** Clause id of the law provision. */
  readonly target: string;
  /** `Article 55(1), point (c)`. */
  readonly citation: string;
  /** The enclosing article with its title, `Article 55 — Obligations of providers…`; null when none. */
  readonly heading: string | null;
  /**
   * The provision read with its lead-ins (`textInContext`), at most `quoteLength` characters: when
   * cut, the lead-ins are shortened first. Empty when the provision is not in the law.
   */
  readonly quote: string;
  readonly quoteTruncated: boolean;
  /** False when the provision is not in the law as imported (a link made against another version). */
  readonly found: boolean;
  readonly status: 'accepted' | 'suggested';
  readonly origin: LinkOrigin;
  /** {@link MACHINE_SUGGESTION_LABEL} for a suggestion nobody decided on; null for an accepted link. */
  readonly label: string | null;
  readonly basis: readonly LinkBasis[];
  readonly evidence: readonly string[];
  /** The machine's stance proposal; only kept on suggestions (on accepted links the verdict speaks). */
  readonly suggestedStance: SuggestedStance | null;
  /** Reviewers' verdicts on this link, oldest first. */
  readonly verdicts: readonly MemoVerdict[];
}

export interface MemoUnit {
  readonly id: string;
  readonly type: Unit['type'];
  /** `Measure 6.2`. */
  readonly citation: string;
  readonly heading: string | null;
  /** The unit's text with its points (not the measures a commitment contains). */
  readonly text: string;
  /** Reviewers' verdicts on the unit itself, oldest first; two authors give two entries. */
  readonly verdicts: readonly MemoVerdict[];
  /** The verdicts differ in stance or relationship: the memo says so rather than choosing. */
  readonly disagreement: boolean;
  /** As the workspace counts it: the latest verdict is marked reviewed or disputed. */
  readonly reviewed: boolean;
  /** Accepted links, then (when asked for) suggestions, in the workspace's order. */
  readonly links: readonly MemoLink[];
  /** Points of this unit that carry links or verdicts of their own, in document order. */
  readonly points: readonly MemoUnit[];
}

export interface MemoSection {
  /** Clause id of the commitment; null for the section gathering measures outside any commitment. */
  readonly id: string | null;
  /** `Commitment 6 — Security mitigations`, or `Other measures`. */
  readonly title: string;
  /** The commitment's own entry; null when it falls outside the filters (or there is none). */
  readonly commitment: MemoUnit | null;
  readonly measures: readonly MemoUnit[];
}

export interface MemoSummaryRow {
  /** Clause id of the commitment; null for the total row and for measures outside any commitment. */
  readonly id: string | null;
  readonly title: string;
  /** Units counted once each: under their stance, under `mixed` or under `no stance`. */
  readonly counts: Readonly<Record<SummaryColumn, number>>;
  readonly reviewed: number;
  readonly total: number;
}

export interface MemoUnitRef {
  readonly id: string;
  readonly citation: string;
  readonly heading: string | null;
}

/** An objection as a response memo shows it: the claim, the units it concerns, the response. */
export interface MemoObjection {
  readonly id: string;
  readonly title: string;
  readonly raisedBy: string;
  readonly raisedOn: string;
  readonly source: string;
  readonly claim: string;
  readonly assessment: ObjectionAssessment | null;
  /** {@link ASSESSMENT_TEXT} of the assessment. */
  readonly assessmentText: string;
  /** Markdown, as the user wrote it. */
  readonly response: string;
  readonly author: string;
  readonly updatedAt: string;
  /** The code units it concerns, each with its linked provisions quoted and its verdicts. */
  readonly units: readonly MemoUnit[];
  /** Units it names that are not in this version of the code. */
  readonly missing: readonly string[];
}

export interface Memo {
  readonly template: MemoTemplate;
  readonly title: string;
  readonly projectName: string;
  readonly author: string;
  readonly date: string;
  readonly documents: readonly MemoDocument[];
  /** The filters applied, in words (`Stances: conflicts, narrows`); empty when the memo is complete. */
  readonly filters: readonly string[];
  readonly includesSuggestions: boolean;
  /** Things a reader should know: mismatched fingerprints, verdicts on units no longer in the code. */
  readonly warnings: readonly string[];
  /** One row per selected commitment: covers all its commitments and measures, whatever the filters. */
  readonly summary: readonly MemoSummaryRow[];
  readonly total: MemoSummaryRow;
  /** Comparison memo: one section per commitment. Empty in a response memo. */
  readonly sections: readonly MemoSection[];
  /** Response memo: the objections. Empty in a comparison memo. */
  readonly objections: readonly MemoObjection[];
  readonly appendix: {
    readonly method: string;
    /** Commitments and measures of the selected commitments not yet reviewed, in document order. */
    readonly unreviewed: readonly MemoUnitRef[];
  };
}

/**
 * Cuts `text` to at most `max` characters, "…" included, at a word boundary where there is one in
 * the last part of the allowance (a 3,000-character word has none: it is cut mid-word). Never
 * splits a surrogate pair.
 */
export function cutQuote(text: string, max: number): { text: string; truncated: boolean } {
  const limit = Number.isFinite(max) ? Math.max(0, Math.trunc(max)) : text.length;
  if (text.length <= limit) return { text, truncated: false };
  if (limit < 1) return { text: '', truncated: text.length > 0 };
  let end = limit - 1;
  const space = text.slice(0, end + 1).search(/\s\S*$/);
  // Back up to a word boundary unless that throws away more than half of what we may keep.
  if (space > 0 && space >= end / 2) end = space;
  const code = text.charCodeAt(end - 1);
  if (end > 0 && code >= 0xd800 && code <= 0xdbff) end -= 1;
  return { text: `${text.slice(0, end).trimEnd()}…`, truncated: true };
}

/**
 * A provision read in context (its lead-ins, then its own words: `textInContext`), within `max`
 * characters. When it must be cut, the lead-ins give way first, down to a third of the room, so a
 * short quote of point (c) still quotes point (c) and not only the paragraph that introduces it.
 */
function quoteProvision(context: ProvisionContext, max: number): { text: string; truncated: boolean } {
  const lead = context.leadIns.join(' ');
  const full = [lead, context.text].filter((part) => part !== '').join(' ');
  const whole = cutQuote(full, max);
  if (!whole.truncated || lead === '' || context.text === '') return whole;
  const room = Math.max(0, Math.trunc(max));
  const leadPart = cutQuote(lead, Math.max(Math.floor(room / 3), room - 1 - context.text.length)).text;
  const ownPart = cutQuote(context.text, room - leadPart.length - (leadPart === '' ? 0 : 1)).text;
  return { text: [leadPart, ownPart].filter((part) => part !== '').join(' '), truncated: true };
}

function toVerdict(annotation: Annotation): MemoVerdict {
  return {
    stance: annotation.stance,
    relationship: annotation.relationship,
    rationaleType: annotation.rationaleType,
    strength: annotation.strength,
    rationale: annotation.rationale,
    tags: [...annotation.tags],
    status: annotation.status,
    author: annotation.author,
    updatedAt: annotation.updatedAt,
    fromSuggestion: annotation.fromSuggestion,
  };
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Oldest first; code-point order, so every host sorts the same (no locale). */
function byTime(a: Annotation, b: Annotation): number {
  return compare(a.updatedAt, b.updatedAt) || compare(a.author, b.author) || compare(a.id, b.id);
}

function disagree(verdicts: readonly MemoVerdict[]): boolean {
  return new Set(verdicts.map((v) => `${v.stance ?? ''}|${v.relationship ?? ''}`)).size > 1;
}

function titled(citation: string, heading: string | null): string {
  return heading ? `${citation} — ${heading}` : citation;
}

function summaryColumn(verdicts: readonly Annotation[]): SummaryColumn {
  const stances = new Set(verdicts.flatMap((v) => (v.stance === null ? [] : [v.stance])));
  if (stances.size === 0) return NO_STANCE;
  if (stances.size > 1) return MIXED_STANCES;
  const [only] = stances;
  return only ?? NO_STANCE;
}

function emptyCounts(): Record<SummaryColumn, number> {
  const counts = {} as Record<SummaryColumn, number>;
  for (const column of SUMMARY_COLUMNS) counts[column] = 0;
  return counts;
}

interface Filter {
  readonly matches: (verdict: MemoVerdict) => boolean;
  readonly active: boolean;
  readonly words: string[];
}

function makeFilter(options: MemoOptions): Filter {
  const stances = options.stances?.length ? new Set<string>(options.stances) : null;
  const statuses = options.statuses?.length ? new Set<string>(options.statuses) : null;
  const tags = options.tags?.length ? new Set(options.tags) : null;
  const words: string[] = [];
  if (stances) words.push(`Stances: ${[...stances].join(', ')}`);
  if (tags) words.push(`Tags: ${[...tags].join(', ')}`);
  if (statuses) words.push(`Statuses: ${[...statuses].join(', ')}`);
  return {
    active: stances !== null || statuses !== null || tags !== null,
    words,
    matches: (v) =>
      (stances === null || (v.stance !== null && stances.has(v.stance))) &&
      (statuses === null || statuses.has(v.status)) &&
      (tags === null || v.tags.some((tag) => tags.has(tag))),
  };
}

/** Every verdict a unit's entry shows: its own, its links', its points'. */
function allVerdicts(unit: MemoUnit): MemoVerdict[] {
  return [
    ...unit.verdicts,
    ...unit.links.flatMap((link) => link.verdicts),
    ...unit.points.flatMap((point) => allVerdicts(point)),
  ];
}

/**
 * Builds the memo. Pure: the date is passed in, and the same input always gives the same memo.
 *
 * Filters (stances, tags, statuses) select units: a commitment or measure is shown when one of its
 * verdicts — on the unit, on one of its shown links or on one of its points — matches all of them.
 * The summary and the list of unreviewed units ignore these filters (they cover the selected
 * commitments whole), so a filtered memo still says how far the review has come.
 */
export function buildMemo(input: MemoInput, options: MemoOptions): Memo {
  const { project } = input;
  const law = new TreeIndex(input.law);
  const code = new TreeIndex(input.code);
  const filter = makeFilter(options);
  const warnings: string[] = [];

  const links = input.links.filter((link) => link.projectId === project.id);
  // Verdicts whose clause is gone from these documents (or now holds other text) are not shown on
  // the wrong unit: the warnings below list them.
  const own = input.annotations.filter((a) => a.projectId === project.id);
  const orphaned = new Set(orphanAnnotations(own, input.code, input.law));
  const annotations = own.filter((a) => !orphaned.has(a));

  const linksBySource = new Map<string, LinkRecord[]>();
  for (const link of links) {
    const list = linksBySource.get(link.source) ?? [];
    list.push(link);
    linksBySource.set(link.source, list);
  }
  const verdictsOf = new Map<string, Annotation[]>();
  const key = (source: string, target: string | null): string => `${source}\u0000${target ?? ''}`;
  for (const annotation of [...annotations].sort(byTime)) {
    const k = key(annotation.source, annotation.target);
    const list = verdictsOf.get(k) ?? [];
    list.push(annotation);
    verdictsOf.set(k, list);
  }
  const latest = unitAnnotations(annotations);

  if (orphaned.size > 0) {
    const ids = [...new Set([...orphaned].map((a) => a.source))].sort();
    warnings.push(
      `${orphaned.size} verdict${orphaned.size === 1 ? ' is' : 's are'} on code units ` +
        `not in this version of the code (or whose text has changed), so not shown: ${ids.join(', ')}.`,
    );
  }
  const checks: [string, string, string, string][] = [
    ['law', input.law.document.fingerprint, input.lawDocument.fingerprint, project.lawFingerprint],
    ['code', input.code.document.fingerprint, input.codeDocument.fingerprint, project.codeFingerprint],
  ];
  for (const [role, tree, record, inProject] of checks)
    if (tree !== record || record !== inProject)
      warnings.push(
        `The ${role} document read is not the one this project was made with (fingerprints differ).`,
      );

  const memoLink = (link: LinkRecord): MemoLink => {
    const context = provisionContext(law, link.target);
    const citation = formatCitation(link.target);
    const quote =
      context === null ? { text: '', truncated: false } : quoteProvision(context, options.quoteLength);
    const suggestion = link.status === 'suggested';
    return {
      target: link.target,
      citation,
      heading:
        context === null
          ? null
          : (context.heading ?? (context.unit.heading ? titled(citation, context.unit.heading) : null)),
      quote: quote.text,
      quoteTruncated: quote.truncated,
      found: context !== null,
      status: suggestion ? 'suggested' : 'accepted',
      origin: link.origin,
      label: suggestion ? MACHINE_SUGGESTION_LABEL : null,
      basis: [...link.basis],
      evidence: [...link.evidence],
      suggestedStance: suggestion ? link.suggestedStance : null,
      verdicts: (verdictsOf.get(key(link.source, link.target)) ?? []).map(toVerdict),
    };
  };

  const pointsOf = (id: string): Unit[] =>
    code
      .children(id)
      .filter((child) => !REVIEWABLE_TYPES.has(child.type))
      .flatMap((child) => (child.type === 'point' ? [child, ...pointsOf(child.id)] : pointsOf(child.id)));

  const memoUnit = (unit: Unit, withPoints: boolean): MemoUnit => {
    const shown = orderLinks(linksBySource.get(unit.id) ?? []).filter(
      (link) => link.status === 'accepted' || (options.includeSuggestions && link.status === 'suggested'),
    );
    const verdicts = (verdictsOf.get(key(unit.id, null)) ?? []).map(toVerdict);
    const points = withPoints
      ? pointsOf(unit.id)
          .map((point) => memoUnit(point, false))
          .filter((point) => point.links.length > 0 || point.verdicts.length > 0)
      : [];
    return {
      id: unit.id,
      type: unit.type,
      citation: formatCitation(unit.id),
      heading: unit.heading,
      text: code.textWithPoints(unit.id),
      verdicts,
      disagreement: disagree(verdicts),
      reviewed: isReviewed(latest.get(unit.id)),
      links: shown.map(memoLink),
      points,
    };
  };
  const keep = (unit: MemoUnit): boolean => !filter.active || allVerdicts(unit).some(filter.matches);

  // Group the code's commitments and measures: each measure under its nearest commitment.
  const selected = options.commitments ? new Set(options.commitments) : null;
  const groups = new Map<string | null, { head: Unit | null; members: Unit[] }>();
  for (const unit of input.code.units) {
    if (!REVIEWABLE_TYPES.has(unit.type)) continue;
    const owner =
      unit.type === 'commitment'
        ? unit
        : (code.ancestors(unit.id).find((u) => u.type === 'commitment') ?? null);
    const id = owner?.id ?? null;
    if (selected !== null && (id === null || !selected.has(id))) continue;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { head: owner, members: [] }));
    if (unit !== owner) group.members.push(unit);
  }
  // The loose measures' section comes last, whatever the document order.
  const ordered = [...groups.values()].sort((a, b) => Number(a.head === null) - Number(b.head === null));

  const summary: MemoSummaryRow[] = [];
  const total = { counts: emptyCounts(), reviewed: 0, total: 0 };
  const sections: MemoSection[] = [];
  const unreviewed: MemoUnitRef[] = [];
  for (const { head, members } of ordered) {
    const title = head === null ? 'Other measures' : titled(formatCitation(head.id), head.heading);
    const units = head === null ? members : [head, ...members];
    const counts = emptyCounts();
    let reviewed = 0;
    for (const unit of units) {
      const column = summaryColumn(verdictsOf.get(key(unit.id, null)) ?? []);
      counts[column] += 1;
      total.counts[column] += 1;
      if (isReviewed(latest.get(unit.id))) reviewed += 1;
      else unreviewed.push({ id: unit.id, citation: formatCitation(unit.id), heading: unit.heading });
    }
    total.reviewed += reviewed;
    total.total += units.length;
    summary.push({ id: head?.id ?? null, title, counts, reviewed, total: units.length });

    const commitment = head === null ? null : memoUnit(head, true);
    const measures = members.map((unit) => memoUnit(unit, true)).filter(keep);
    const shown = commitment !== null && keep(commitment) ? commitment : null;
    // A filtered memo leaves out commitments where nothing matches; an unfiltered one shows them all.
    if (filter.active && shown === null && measures.length === 0) continue;
    sections.push({ id: head?.id ?? null, title, commitment: shown, measures });
  }

  const filters = [...filter.words];
  if (selected !== null)
    filters.unshift(`Commitments: ${summary.map((row) => row.title).join('; ') || 'none found'}`);

  const template = options.template ?? 'comparison';
  const objections =
    template === 'response'
      ? pickObjections(input, options).map((objection): MemoObjection => {
          const units = objection.units.flatMap((id) => {
            const unit = code.byId.get(id);
            return unit === undefined ? [] : [memoUnit(unit, true)];
          });
          return {
            id: objection.id,
            title: objection.title,
            raisedBy: objection.raisedBy,
            raisedOn: objection.raisedOn,
            source: objection.source,
            claim: objection.claim,
            assessment: objection.assessment,
            assessmentText: ASSESSMENT_TEXT[objection.assessment ?? 'none'],
            response: objection.response,
            author: objection.author,
            updatedAt: objection.updatedAt,
            units,
            missing: objection.units.filter((id) => !code.byId.has(id)),
          };
        })
      : [];
  if (template === 'response') {
    // The response memo answers objections; the comparison filters do not apply to it.
    filters.length = 0;
    if (options.objections !== undefined)
      filters.push(`Objections: ${objections.map((o) => o.title || o.id).join('; ') || 'none found'}`);
  }

  const documents: MemoDocument[] = [
    { role: 'law', ...documentOf(input.lawDocument) },
    { role: 'code', ...documentOf(input.codeDocument) },
  ];
  // A response memo's appendix lists the unreviewed units among those its objections concern.
  const concerned = new Set(objections.flatMap((o) => o.units.map((u) => u.id)));
  return {
    template,
    title: template === 'response' ? `Response memo: ${project.name}` : `Review memo: ${project.name}`,
    projectName: project.name,
    author: options.author,
    date: options.date,
    documents,
    filters,
    includesSuggestions: options.includeSuggestions,
    warnings,
    summary,
    total: { id: null, title: 'Total', ...total },
    sections: template === 'response' ? [] : sections,
    objections,
    appendix: {
      method: METHOD_TEXT,
      unreviewed:
        template === 'response'
          ? code.tree.units
              .filter((u) => concerned.has(u.id) && !isReviewed(latest.get(u.id)))
              .map((u) => ({ id: u.id, citation: formatCitation(u.id), heading: u.heading }))
          : unreviewed,
    },
  };
}

/** Where an objection came from, as one sentence: `Raised by X on 2025-08-14 in Letter, p. 3.` */
export function objectionOrigin(objection: Pick<Objection, 'raisedBy' | 'raisedOn' | 'source'>): string {
  const parts: string[] = [];
  parts.push(
    `Raised by ${objection.raisedBy.trim() === '' ? 'an unnamed party' : objection.raisedBy.trim()}`,
  );
  if (objection.raisedOn !== '') parts.push(`on ${objection.raisedOn}`);
  if (objection.source.trim() !== '') parts.push(`in ${objection.source.trim()}`);
  return `${parts.join(' ')}.`;
}

/** The objections a response memo shows: those asked for, in that order, or all, oldest first. */
function pickObjections(input: MemoInput, options: MemoOptions): Objection[] {
  const own = (input.objections ?? []).filter((o) => o.projectId === input.project.id);
  if (options.objections === undefined)
    return [...own].sort(
      (a, b) => compare(a.createdAt, b.createdAt) || compare(a.title, b.title) || compare(a.id, b.id),
    );
  const byId = new Map(own.map((o) => [o.id, o]));
  return [...new Set(options.objections)].flatMap((id) => byId.get(id) ?? []);
}

function documentOf(record: DocumentRecord): Omit<MemoDocument, 'role'> {
  return {
    title: record.title,
    kind: record.kind,
    pages: record.pages,
    fingerprint: record.fingerprint,
    fileName: record.fileName,
  };
}
