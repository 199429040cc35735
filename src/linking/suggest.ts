/**
 * Ranked link suggestions from each code unit (commitment, measure, point)
 * to the law's provisions, each with the basis it rests on and evidence a
 * lawyer can check.
 *
 * Scores combine their bases as independent pieces of evidence
 * (1 − Π(1 − pᵢ)): a citation alone is strong, similarity alone is weaker,
 * and a provision both cited and similar ranks above either.
 */
import { findCitations, formatCitation, type Citation } from '../citations/index';
import { compareTexts, type SuggestedStance } from '../compare/index';
import type { ClauseTree, Unit } from '../model/clause';
import { Bm25, type Scored } from './bm25';
import { definitionsOf, termsUsed, uses } from './definitions';
import { surfaceForms, terms } from './text';
import { TreeIndex } from './tree-index';

export type LinkBasis = 'citation' | 'citation-inherited' | 'similarity' | 'definition';

export interface LinkSuggestion {
  readonly source: string;
  readonly target: string;
  /** 1-based within each source. */
  readonly rank: number;
  /** 0..1. */
  readonly score: number;
  readonly basis: readonly LinkBasis[];
  readonly evidence: readonly string[];
  /** A machine suggestion shown to the user, never the user's verdict; null where not computed (see `withStances`). */
  readonly suggestedStance: SuggestedStance | null;
}

export interface UnresolvedReference {
  readonly source: string;
  readonly text: string;
  readonly reason: string;
}

export interface LinkReport {
  readonly links: readonly LinkSuggestion[];
  readonly unresolved: readonly UnresolvedReference[];
}

export interface LinkOptions {
  /** Similarity and definition suggestions kept per source (cited provisions are always kept). Default 5. */
  readonly top?: number;
}

/** Code units that get suggestions. */
const SOURCE_TYPES = new Set(['commitment', 'measure', 'point']);
/**
 * Units whose top links get a suggested stance in the report. A point's stance
 * is its measure's business in a memo, and computing one for every link cost
 * seconds; the app compares any pair on demand.
 */
const STANCE_TYPES = new Set(['commitment', 'measure']);
/** Law units that similarity ranks: provisions, not headings or recitals. */
const PROVISION_TYPES = new Set(['article', 'paragraph', 'subparagraph', 'point', 'annex', 'section']);

const WEIGHT = {
  citation: 0.9,
  inherited: 0.7,
  drillBase: 0.55,
  drillSpan: 0.3,
  similarity: 0.5,
  definition: 0.25,
  sharedDefinition: 0.05,
} as const;

/** A defined term used by more than this share of code units (and more than a handful) says nothing about any one of them. */
const COMMON_TERM_SHARE = 0.25;
const COMMON_TERM_MIN_UNITS = 8;

function isCommon(units: number, sources: number): boolean {
  return units > COMMON_TERM_MIN_UNITS && units / Math.max(1, sources) > COMMON_TERM_SHARE;
}

interface Candidate {
  readonly target: string;
  parts: number[];
  basis: Set<LinkBasis>;
  evidence: string[];
}

/** Suggests links from every commitment, measure and point of `code` to provisions of `law`. */
export function suggestLinks(law: ClauseTree, code: ClauseTree, options: LinkOptions = {}): LinkReport {
  const top = options.top ?? 5;
  const lawIndex = new TreeIndex(law);
  const codeIndex = new TreeIndex(code);
  const lawIds = lawIndex.ids;
  const codeIds = codeIndex.ids;
  const provisions = provisionTexts(lawIndex);
  const bm25 = new Bm25(provisions);
  const definitions = definitionsOf(lawIndex);
  const sources = code.units.filter((unit) => SOURCE_TYPES.has(unit.type));
  // Each unit's defined terms, found once: they serve the rarity count and the unit's own links.
  const usedBy = new Map(
    sources.map((unit) => [unit.id, termsUsed(codeIndex.textWithPoints(unit.id), definitions)]),
  );
  const usage = new Map<string, number>();
  for (const list of usedBy.values()) for (const d of list) usage.set(d.id, (usage.get(d.id) ?? 0) + 1);
  const partsOf = new Map<string, Set<string>>();

  const citationsOf = (unit: Unit): Citation[] =>
    findCitations(unit.text, { law: lawIds, self: codeIds, selfKind: 'code', currentId: unit.id });
  const legalTextCitations = new Map<string, Citation[]>();
  const unresolved: UnresolvedReference[] = [];
  const links: LinkSuggestion[] = [];

  for (const unit of sources) {
    const candidates = new Map<string, Candidate>();
    const add = (target: string, basis: LinkBasis, part: number, evidence: string): void => {
      let candidate = candidates.get(target);
      if (!candidate)
        candidates.set(target, (candidate = { target, parts: [], basis: new Set(), evidence: [] }));
      candidate.parts.push(part);
      candidate.basis.add(basis);
      if (!candidate.evidence.includes(evidence)) candidate.evidence.push(evidence);
    };
    const queryText = codeIndex.textWithPoints(unit.id);
    const forms = surfaceForms(queryText);
    const queryTerms = terms(queryText);
    const cited: { target: string; basis: LinkBasis; label: string }[] = [];

    // 1. What the unit cites itself.
    const own = citationsOf(unit);
    for (const citation of own) {
      for (const problem of citation.unresolved) {
        unresolved.push({ source: unit.id, text: problem.text, reason: problem.reason });
      }
      if (citation.target !== 'law') continue;
      for (const id of citation.ids) {
        add(id, 'citation', WEIGHT.citation, `cites “${citation.text}”`);
        cited.push({ target: id, basis: 'citation', label: `cited as “${citation.text}”` });
      }
    }

    // 2. What its commitment's LEGAL TEXT line cites.
    const commitment =
      unit.type === 'commitment' ? null : codeIndex.ancestors(unit.id).find((u) => u.type === 'commitment');
    if (commitment) {
      let inherited = legalTextCitations.get(commitment.id);
      if (!inherited) {
        inherited = citationsOf(commitment).filter((c) => c.end <= legalTextEnd(commitment.text));
        legalTextCitations.set(commitment.id, inherited);
      }
      const name = `Commitment ${commitment.num ?? ''}`;
      for (const citation of inherited) {
        if (citation.target !== 'law') continue;
        for (const id of citation.ids) {
          add(id, 'citation-inherited', WEIGHT.inherited, `${name}’s LEGAL TEXT cites “${citation.text}”`);
          cited.push({ target: id, basis: 'citation-inherited', label: `cited by ${name}’s LEGAL TEXT` });
        }
      }
    }

    // 3. Drill-down: which parts of a cited provision fit this unit best.
    for (const { target, basis, label } of cited) {
      let parts = partsOf.get(target);
      if (!parts) {
        parts = new Set(
          lawIndex
            .descendants(target)
            .filter((d) => provisions.has(d.id))
            .map((d) => d.id),
        );
        partsOf.set(target, parts);
      }
      if (parts.size < 2) continue;
      const ranked = bm25.search(queryTerms, { within: parts });
      const best = ranked[0]?.score ?? 0;
      if (best <= 0) continue;
      for (const hit of ranked.slice(0, 2)) {
        if (hit.score < best * 0.5) break;
        const relative = hit.score / best;
        // A part of a provision the commitment cites is inherited; a part of one the unit cites itself
        // is not itself cited (keeping `citation` for what the text names: the gold standard's rule).
        const drillBasis: LinkBasis = basis === 'citation-inherited' ? 'citation-inherited' : 'similarity';
        add(
          hit.id,
          drillBasis,
          WEIGHT.drillBase + WEIGHT.drillSpan * relative,
          `within ${formatCitation(target)} (${label})`,
        );
        add(hit.id, 'similarity', 0, `fits best among its parts: ${keyTerms(hit, forms)}`);
      }
    }

    // 4. Lexical similarity over the whole law.
    const similar = bm25.search(queryTerms, { limit: top * 2 });
    const best = similar[0]?.score ?? 0;
    for (const hit of similar) {
      const absolute = 1 - Math.exp(-hit.score / 15);
      const part = WEIGHT.similarity * (0.5 * (hit.score / (best || 1)) + 0.5 * absolute);
      add(hit.id, 'similarity', part, `shares key terms: ${keyTerms(hit, forms)}`);
    }

    // 5. Defined terms: the definition itself, and any candidate that uses the same term.
    const used = termsUsed(queryText, definitions).filter(
      (d) => !isCommon(usage.get(d.id) ?? 0, sources.length),
    );
    for (const definition of used) {
      add(
        definition.id,
        'definition',
        WEIGHT.definition,
        `uses the defined term ‘${definition.term}’ (${formatCitation(definition.id)})`,
      );
    }
    for (const candidate of candidates.values()) {
      const shared = used.filter(
        (d) => d.id !== candidate.target && uses(lawIndex.lowerTextWithChildren(candidate.target), d),
      );
      for (const definition of shared) {
        candidate.parts.push(WEIGHT.sharedDefinition);
        candidate.basis.add('definition');
        candidate.evidence.push(`both use the defined term ‘${definition.term}’`);
      }
    }

    links.push(...rankCandidates(unit, [...candidates.values()], top));
  }
  return { links, unresolved };
}

function rankCandidates(unit: Unit, candidates: Candidate[], top: number): LinkSuggestion[] {
  const scored = candidates
    .map((c) => ({ candidate: c, score: 1 - c.parts.reduce((rest, p) => rest * (1 - p), 1) }))
    .sort((a, b) => b.score - a.score || (a.candidate.target < b.candidate.target ? -1 : 1));
  const out: LinkSuggestion[] = [];
  let weak = 0;
  for (const { candidate, score } of scored) {
    const isCited = candidate.basis.has('citation') || candidate.basis.has('citation-inherited');
    if (!isCited) {
      if (weak >= top) continue;
      weak++;
    }
    out.push({
      source: unit.id,
      target: candidate.target,
      rank: out.length + 1,
      score: Math.round(score * 1000) / 1000,
      basis: [...candidate.basis].sort(basisOrder),
      evidence: candidate.evidence,
      suggestedStance: null,
    });
  }
  return out;
}

/**
 * Adds a suggested stance to the top links of each commitment and measure,
 * comparing the unit (with its points) and the provision (with the lead-in
 * that governs it). Kept apart from ranking: it costs more than all the
 * ranking together, and the app compares any other pair on demand.
 */
export function withStances(law: ClauseTree, code: ClauseTree, report: LinkReport, maxRank = 1): LinkReport {
  const lawIndex = new TreeIndex(law);
  const codeIndex = new TreeIndex(code);
  const links = report.links.map((link) => {
    const unit = codeIndex.byId.get(link.source);
    if (!unit || link.rank > maxRank || !STANCE_TYPES.has(unit.type)) return link;
    const comparison = compareTexts(codeIndex.textWithPoints(unit.id), lawIndex.textInContext(link.target));
    return { ...link, suggestedStance: comparison.suggestedStance };
  });
  return { links, unresolved: report.unresolved };
}

const BASIS_ORDER: readonly LinkBasis[] = ['citation', 'citation-inherited', 'similarity', 'definition'];

function basisOrder(a: LinkBasis, b: LinkBasis): number {
  return BASIS_ORDER.indexOf(a) - BASIS_ORDER.indexOf(b);
}

/** The law's provisions as similarity documents: own text, read with the article's heading. */
function provisionTexts(law: TreeIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const unit of law.tree.units) {
    if (!PROVISION_TYPES.has(unit.type) || unit.text.length === 0) continue;
    const article = unit.type === 'article' ? unit : law.ancestors(unit.id).find((a) => a.type === 'article');
    out.set(unit.id, [article?.heading ?? '', unit.text].join(' '));
  }
  return out;
}

/** Where a commitment's `LEGAL TEXT: … AI Act` line ends (0 if it has none). */
export function legalTextEnd(text: string): number {
  const match = /^LEGAL TEXT:?[^]*?\bAI Act\b/.exec(text);
  return match ? match[0].length : 0;
}

function keyTerms(hit: Scored, forms: ReadonlyMap<string, string>): string {
  return hit.matched
    .slice(0, 5)
    .map((term) => `“${forms.get(term) ?? term}”`)
    .join(', ');
}
