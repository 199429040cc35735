/**
 * The obligation delta between a code unit and a law unit: both sides'
 * obligations, what the code adds, what it leaves out, and where it softens
 * what the law imposes.
 */
import { findAdditions, saidBy, toAddition, type Addition } from './additions';
import { actionVerbs, isBinding, obligations, type Obligation } from './obligations';

/** One place where the code softens an obligation the law imposes. */
export interface Softening {
  readonly law: Obligation;
  readonly code: Obligation;
  /** A sentence a lawyer can check, e.g. `the law says "shall report"; the code says "should report"`. */
  readonly note: string;
}

/** How a code unit's obligations differ from a law unit's. */
export interface ObligationDelta {
  readonly code: readonly Obligation[];
  readonly law: readonly Obligation[];
  /** In the code, not said by the law text (the same thing worded differently counts as said). */
  readonly adds: readonly Addition[];
  /** In the law, not said by the code. */
  readonly omits: readonly Addition[];
  /** The law binds (shall/must/is required to) where the code only advises, permits or hedges. */
  readonly softens: readonly Softening[];
}

/**
 * Hedges that leave the duty to the bound party's judgement. Counted only
 * when the law's own sentence does not carry the same hedge: Article 55(1)(c)
 * already says "as appropriate", so a code repeating it softens nothing.
 */
const HEDGES: readonly (readonly [RegExp, string])[] = [
  [/\bas\s+appropriate\b/iu, 'as appropriate'],
  [/\bwhere\s+appropriate\b/iu, 'where appropriate'],
  [/\bif\s+appropriate\b/iu, 'if appropriate'],
  [/\bto\s+the\s+extent\b/iu, 'to the extent'],
  [/\breasonabl[ey]\b/iu, 'reasonable'],
  [/\bwhere\s+(?:possible|feasible|practicable)\b/iu, 'where possible'],
  [/\bas\s+far\s+as\s+(?:possible|practicable)\b/iu, 'as far as possible'],
  [/\bbest\s+efforts?\b/iu, 'best efforts'],
  [/\bto\s+the\s+best\s+of\s+(?:their|its|his|her)\s+knowledge\b/iu, 'to the best of their knowledge'],
  [/\bsave\s+in\s+exceptional\s+circumstances\b/iu, 'save in exceptional circumstances'],
];

/**
 * Compares the obligations of a code text with those of a law text.
 * Total: never throws; empty texts give empty lists.
 */
export function compareObligations(codeText: string, lawText: string): ObligationDelta {
  const code = obligations(codeText);
  const law = obligations(lawText);
  const codeFindings = findAdditions(codeText);
  const lawFindings = findAdditions(lawText);
  return {
    code,
    law,
    adds: codeFindings.filter((finding) => !saidBy(finding, lawFindings)).map(toAddition),
    omits: lawFindings.filter((finding) => !saidBy(finding, codeFindings)).map(toAddition),
    softens: softenings(code, law),
  };
}

/**
 * Pairs each binding obligation of the law with the code's obligations that
 * share a verb of its action ("report" meets "reporting"); the pair softens
 * when the code's modal is advisory or permissive, or when the code's
 * sentence hedges in a way the law's does not. One entry per code obligation.
 */
function softenings(code: readonly Obligation[], law: readonly Obligation[]): Softening[] {
  const out: Softening[] = [];
  const used = new Set<Obligation>();
  const codeVerbs = code.map((obligation) => actionVerbs(obligation.action));
  for (const theirs of law) {
    if (!isBinding(theirs.modality) || theirs.modality === 'will' || theirs.modality === 'commit') continue;
    const verbs = actionVerbs(theirs.action);
    code.forEach((ours, index) => {
      if (used.has(ours)) return;
      const shares = [...(codeVerbs[index] ?? [])].some((verb) => verbs.has(verb));
      if (!shares) return;
      const note = softeningNote(theirs, ours);
      if (note === null) return;
      used.add(ours);
      out.push({ law: theirs, code: ours, note });
    });
  }
  return out;
}

function softeningNote(law: Obligation, code: Obligation): string | null {
  const lawSays = `${modalWords(law)} ${law.action}`;
  if (!isBinding(code.modality)) {
    return `the law says "${lawSays}"; the code says "${modalWords(code)} ${code.action}"`;
  }
  for (const [pattern, label] of HEDGES) {
    if (pattern.test(code.sentence) && !pattern.test(law.sentence)) {
      return `the law says "${lawSays}"; the code qualifies "${code.action}" with "${label}"`;
    }
  }
  return null;
}

/** The modal as a reader would quote it. */
export function modalWords(obligation: Obligation): string {
  switch (obligation.modality) {
    case 'shall':
    case 'must':
    case 'will':
    case 'should':
    case 'may':
      return obligation.modality;
    case 'commit':
      return 'commit to';
    case 'required':
      return 'is required to';
    case 'shall-not':
      return 'shall not';
    case 'may-not':
      return 'may not';
    default: {
      const unreachable: never = obligation.modality;
      return unreachable;
    }
  }
}
