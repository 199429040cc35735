/**
 * A suggested stance for a code unit against a law unit. It is a suggestion
 * with its reasons, never the user's verdict: the user records the stance;
 * this only proposes one and shows the evidence a lawyer can check.
 *
 * Two measures of shared vocabulary are used. `overlap` (from the alignment)
 * is the share of the code's content words that the law uses: high when the
 * code repeats the law. `related` says whether the two are about the same
 * thing at all: the larger of the code's share in the law and the law's share
 * in the code, over distinctive words only (not "AI", "model", "provider" …),
 * because a long measure set against one short point of law has a low
 * overlap even when it is squarely about it.
 *
 * The rules, in order (weights below; each kind's first finding counts in
 * full, every further one of the same kind half):
 *
 * 1. `unclear` — a text is empty.
 * 2. `expands` — the code adds what the law text does not contain: deadlines
 *    (3), periods (2.5), thresholds (2; a bare figure 1), new parties (2),
 *    new documents (2), procedures (1). Chosen when that score reaches 2 and
 *    is not below the narrowing score.
 * 3. `narrows` — the code softens a binding duty (3 each: "shall" in the
 *    law, "should"/"may" or a hedge such as "where appropriate" in the code),
 *    or, where the texts are about the same duty (related ≥ 0.25), leaves out
 *    the law's deadline (1.5, unless the code sets deadlines of its own, which
 *    then replace it) or the parties the law names (0.75 each; omissions count
 *    at most 2 together). Chosen from a score of 1.5.
 * 4. `unclear` — related < 0.15: too little shared vocabulary to say.
 * 5. `restates` — overlap ≥ 0.6, no deadline, period, figure, party or
 *    document added, and no detail of method.
 * 6. `clarifies` — detail of method or scope the law text does not have
 *    ("e.g.", "such as", "by …ing", "how", defined terms, "including", "all",
 *    "each", procedural steps), without enough of the strong kinds to expand.
 * 7. Otherwise `restates` at low confidence when overlap ≥ 0.5, `clarifies`
 *    at low confidence when related ≥ 0.3 (the code elaborates in words of
 *    its own), else `unclear`.
 *
 * Confidence grows with the amount and weight of the evidence for the chosen
 * stance and shrinks with the evidence against it and when the texts are
 * barely related (a code text about something else may "add" things that are
 * merely unrelated). For `unclear`, it says how little there was to go on:
 * high for an empty text, lower as the texts share more.
 */
import { ADDITION_KINDS, type Addition, type AdditionKind } from './additions';
import { alignedText, alignmentStems, type Alignment } from './align';
import { shareIn, stem } from './text';
import type { ObligationDelta } from './delta';

/** The relation of a code unit to a law unit, as the user records it. */
export type Stance = 'clarifies' | 'expands' | 'restates' | 'narrows' | 'unclear';

/** A proposed stance, how sure the heuristics are (0..1), and the reasons, strongest first. */
export interface SuggestedStance {
  readonly stance: Stance;
  readonly confidence: number;
  /** Short sentences a lawyer can check against the texts. */
  readonly evidence: readonly string[];
}

const WEIGHTS: Readonly<Record<AdditionKind, number>> = {
  deadline: 3,
  duration: 2.5,
  number: 2,
  actor: 2,
  document: 2,
  procedure: 1,
  scope: 0,
};
/** A figure with no comparator, unit or exponent ("three steps") says less than a threshold. */
const BARE_FIGURE_WEIGHT = 1;
/** Kinds whose addition rules out `restates`. */
const STRONG: ReadonlySet<AdditionKind> = new Set(['deadline', 'duration', 'number', 'actor', 'document']);

const EXPANDS_FROM = 2;
const NARROWS_FROM = 1.5;
const SOFTENING_WEIGHT = 3;
const OMITTED_DEADLINE_WEIGHT = 1.5;
const OMITTED_ACTOR_WEIGHT = 0.75;
const OMISSIONS_CAP = 2;
const SAME_DUTY_OVERLAP = 0.25;
const RESTATES_OVERLAP = 0.6;
const VERY_LOW_OVERLAP = 0.15;
const WEAK_RESTATES_OVERLAP = 0.5;
const WEAK_CLARIFIES_RELATED = 0.3;
const MAX_PER_KIND = 6;
const MAX_EVIDENCE = 16;

/** Signs that the code explains how or what, rather than adding a duty. */
const METHOD: readonly (readonly [RegExp, string, string])[] = [
  [/\be\.g\./giu, 'e.g.', 'e.g.'],
  [/\bi\.e\./giu, 'i.e.', 'i.e.'],
  [/\bsuch\s+as\b/giu, 'such as', 'such as'],
  [/\bfor\s+(?:example|instance)\b/giu, 'for example', 'for '],
  [/\bin\s+particular\b/giu, 'in particular', 'particular'],
  [/\bnamely\b/giu, 'namely', 'namely'],
  [/\bmeans\b/giu, 'means', 'means'],
  [/\brefers?\s+to\b/giu, 'refers to', 'refer'],
  [/\bby\s+(?:means\s+of\s+)?\p{Ll}+ing\b/giu, 'by …ing', 'by '],
  [/\bhow\b/giu, 'how', 'how'],
  [/[“"][^”"]{2,60}[”"]/gu, 'a defined term', ''],
];

/**
 * Words every text of this field uses ("AI", "model", "provider", "Office",
 * "Article"): sharing them says nothing about whether two clauses are about
 * the same duty, so `related` leaves them out.
 */
const GENERIC: ReadonlySet<string> = new Set(
  (
    'ai model models general-purpose provider providers provide provided signatory signatories system systems ' +
    'systemic risk risks office article articles measure measures commitment commitments obligation obligations ' +
    'union regulation information point points paragraph act law code practice chapter annex accordance pursuant'
  )
    .split(' ')
    .map(stem),
);

function distinctive(stems: ReadonlySet<string>): Set<string> {
  return new Set([...stems].filter((word) => !GENERIC.has(word)));
}

function count(pattern: RegExp, text: string): number {
  return [...text.matchAll(pattern)].length;
}

function quote(text: string): string {
  return `"${text}"`;
}

function isBareFigure(addition: Addition): boolean {
  return addition.kind === 'number' && !/%|per\s*cent|[⁰¹²³⁴⁵⁶⁷⁸⁹]|\p{L}\s/iu.test(addition.text);
}

/** Score of a list of findings: first of each kind in full, the rest at half weight. */
function score(additions: readonly Addition[]): number {
  const seen = new Set<AdditionKind>();
  let total = 0;
  for (const addition of additions) {
    const weight = isBareFigure(addition) ? BARE_FIGURE_WEIGHT : WEIGHTS[addition.kind];
    total += seen.has(addition.kind) ? weight / 2 : weight;
    seen.add(addition.kind);
  }
  return total;
}

function percent(value: number): string {
  return `${Math.round(value * 100)}%`;
}

function clamp(value: number, low = 0, high = 1): number {
  return Math.min(high, Math.max(low, value));
}

/** Grows from `floor` towards `floor + span` as `amount` grows past 0. */
function saturate(amount: number, floor: number, span: number, scale: number): number {
  return floor + span * (1 - Math.exp(-Math.max(0, amount) / scale));
}

/**
 * Suggests a stance from an alignment and an obligation delta (see the module
 * comment for the rules). Total: never throws.
 */
export function suggestStance(alignment: Alignment, delta: ObligationDelta): SuggestedStance {
  const codeText = alignedText(alignment, 'code');
  const lawText = alignedText(alignment, 'law');
  if (!/[\p{L}\p{N}]/u.test(codeText) || !/[\p{L}\p{N}]/u.test(lawText)) {
    const which =
      !/[\p{L}\p{N}]/u.test(codeText) && !/[\p{L}\p{N}]/u.test(lawText)
        ? 'both texts are empty'
        : !/[\p{L}\p{N}]/u.test(codeText)
          ? 'the code text is empty'
          : 'the law text is empty';
    return { stance: 'unclear', confidence: 0.9, evidence: [`nothing to compare: ${which}`] };
  }

  const overlap = alignment.overlap;
  // Overlap is measured on the code's vocabulary, so a long measure set against a short
  // point of law scores low even when it is squarely about that point. Whether the two are
  // about the same thing at all is judged on whichever side is better covered.
  const stems = alignmentStems(alignment);
  const lawStems = distinctive(stems.law);
  const codeStems = distinctive(stems.code);
  const related = Math.max(shareIn(codeStems, lawStems), shareIn(lawStems, codeStems));
  const byKind = (kind: AdditionKind, list: readonly Addition[]): Addition[] =>
    list.filter((addition) => addition.kind === kind);

  // Expansion.
  const expanding = delta.adds.filter((addition) => addition.kind !== 'scope');
  const expand = score(expanding);
  const strongAdds = delta.adds.filter((addition) => STRONG.has(addition.kind));

  // Narrowing.
  const codeDeadlines = byKind('deadline', delta.adds);
  const omittedDeadlines = byKind('deadline', delta.omits);
  const omittedActors = byKind('actor', delta.omits);
  const sameDuty = related >= SAME_DUTY_OVERLAP;
  const countedOmittedDeadlines = sameDuty && codeDeadlines.length === 0 ? omittedDeadlines : [];
  const countedOmittedActors = sameDuty ? omittedActors : [];
  const omissions = Math.min(
    OMISSIONS_CAP,
    countedOmittedDeadlines.length * OMITTED_DEADLINE_WEIGHT +
      countedOmittedActors.length * OMITTED_ACTOR_WEIGHT,
  );
  const narrow = delta.softens.length * SOFTENING_WEIGHT + omissions;

  // Detail of method, beyond what the law itself says.
  const methods: string[] = [];
  let method = 0;
  const codeLower = codeText.toLowerCase();
  const lawLower = lawText.toLowerCase();
  for (const [pattern, label, hint] of METHOD) {
    // A substring test first: most texts have none of these, and it is much cheaper.
    if (!codeLower.includes(hint)) continue;
    const extra = count(pattern, codeText) - (lawLower.includes(hint) ? count(pattern, lawText) : 0);
    if (extra <= 0) continue;
    method += extra;
    methods.push(extra > 1 ? `${quote(label)} ×${extra}` : quote(label));
  }
  const scope = byKind('scope', delta.adds);
  const procedures = byKind('procedure', delta.adds);

  // Evidence, grouped so each stance can put its own reasons first.
  const expandEvidence = expansionEvidence(delta.adds, omittedDeadlines);
  const narrowEvidence = [
    ...delta.softens.map((softening) => `softens: ${softening.note}`),
    ...countedOmittedDeadlines.map((addition) => `omits the law's deadline ${quote(addition.text)}`),
    ...countedOmittedActors
      .slice(0, MAX_PER_KIND)
      .map((addition) => `omits ${quote(addition.text)}, whom the law text names`),
  ];
  const methodEvidence = [
    ...(methods.length > 0 ? [`adds detail of method: ${methods.join(', ')}`] : []),
    ...(scope.length > 0 ? [`widens the scope with ${scope.map((a) => quote(a.text)).join(', ')}`] : []),
  ];
  const context = [
    `${percent(overlap)} of the code's content words occur in the law text`,
    ...alignment.sharedPhrases.slice(0, 2).map((phrase) => `shares the wording ${quote(phrase)}`),
  ];
  const finish = (stance: Stance, confidence: number, lines: readonly string[]): SuggestedStance => ({
    stance,
    confidence: Math.round(clamp(confidence, 0.05, 0.95) * 100) / 100,
    evidence: lines.slice(0, MAX_EVIDENCE),
  });
  // A code text sharing few words with the law may "add" what is only unrelated.
  const relevance = clamp(0.5 + 1.5 * related, 0.5, 1);

  if (expand >= EXPANDS_FROM && expand >= narrow) {
    const confidence =
      saturate(expand - EXPANDS_FROM, 0.45, 0.5, 5) * (expand / (expand + narrow)) * relevance;
    return finish('expands', confidence, [
      ...expandEvidence,
      ...narrowEvidence,
      ...methodEvidence,
      ...context,
    ]);
  }
  if (narrow >= NARROWS_FROM) {
    const confidence = saturate(narrow - NARROWS_FROM, 0.45, 0.45, 4) * (narrow / (narrow + expand));
    return finish('narrows', confidence, [
      ...narrowEvidence,
      ...expandEvidence,
      ...methodEvidence,
      ...context,
    ]);
  }
  if (related < VERY_LOW_OVERLAP) {
    const lines = [
      `little shared wording: ${percent(overlap)} of the code's content words occur in the law text`,
      ...expandEvidence,
      ...methodEvidence,
    ];
    return finish(
      'unclear',
      0.3 + 0.3 * (1 - related / VERY_LOW_OVERLAP) - 0.05 * (expanding.length + method),
      lines,
    );
  }
  if (overlap >= RESTATES_OVERLAP && strongAdds.length === 0 && method === 0) {
    const confidence =
      0.45 +
      0.5 * ((overlap - RESTATES_OVERLAP) / (1 - RESTATES_OVERLAP)) -
      0.05 * (procedures.length + scope.length) -
      0.1 * narrow;
    const lines = [
      `repeats the law's wording: ${percent(overlap)} of the code's content words occur in the law text`,
      'adds no deadline, period, figure, party or document',
      ...alignment.sharedPhrases.slice(0, 2).map((phrase) => `shares the wording ${quote(phrase)}`),
      ...expandEvidence,
      ...narrowEvidence,
    ];
    return finish('restates', confidence, lines);
  }
  if (method > 0 || scope.length > 0 || expanding.length > 0) {
    const confidence =
      0.3 +
      0.08 * Math.min(method, 4) +
      0.04 * Math.min(scope.length + procedures.length, 3) +
      (related >= WEAK_CLARIFIES_RELATED ? 0.1 : 0) -
      0.1 * narrow;
    const lines = [
      ...methodEvidence,
      ...expandEvidence,
      ...(strongAdds.length === 0
        ? ['adds no deadline, period, threshold, party or document the law text lacks']
        : []),
      ...narrowEvidence,
      ...context,
    ];
    return finish('clarifies', confidence, lines);
  }
  if (overlap >= WEAK_RESTATES_OVERLAP) {
    return finish('restates', 0.2 + 0.3 * overlap - 0.1 * narrow, [
      `repeats part of the law's wording: ${percent(overlap)} of the code's content words occur in the law text`,
      'adds nothing the law text lacks',
      ...narrowEvidence,
      ...context.slice(1),
    ]);
  }
  if (related >= WEAK_CLARIFIES_RELATED) {
    return finish('clarifies', 0.15 + 0.3 * related - 0.1 * narrow, [
      'elaborates in words of its own, without adding a deadline, period, figure, party or document',
      ...narrowEvidence,
      ...context,
    ]);
  }
  return finish('unclear', 0.3, ['no addition, omission or softening found', ...narrowEvidence, ...context]);
}

/** One line per addition, strongest kinds first, at most a few per kind. */
function expansionEvidence(adds: readonly Addition[], lawDeadlines: readonly Addition[]): string[] {
  const lines: string[] = [];
  const replaced = lawDeadlines.map((addition) => quote(addition.text)).join(' / ');
  for (const kind of ADDITION_KINDS.filter((k) => k !== 'scope')) {
    for (const addition of adds.filter((a) => a.kind === kind).slice(0, MAX_PER_KIND)) {
      lines.push(additionLine(addition, replaced));
    }
  }
  return lines;
}

function additionLine(addition: Addition, replacedDeadlines: string): string {
  const text = quote(addition.text);
  switch (addition.kind) {
    case 'deadline':
      return replacedDeadlines.length > 0
        ? `adds a deadline: ${replacedDeadlines} → ${text}`
        : `adds the deadline ${text}`;
    case 'duration':
      return `adds the period ${text}`;
    case 'number':
      return `adds the figure ${text}`;
    case 'actor':
      return `brings in ${text}, whom the law text does not name`;
    case 'document':
      return `adds the document ${text}`;
    case 'procedure':
      return `adds the procedure ${text}`;
    case 'scope':
      return `widens the scope with ${text}`;
    default: {
      const unreachable: never = addition.kind;
      return unreachable;
    }
  }
}
