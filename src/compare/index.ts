/**
 * Compare one code unit's text with one law unit's text: the word alignment
 * the side-by-side view colours, the obligation delta the memo lists, and a
 * suggested stance with its evidence. Pure and synchronous; the only module
 * of Crosswalk that uses the `diff` package.
 */
import { align, type Alignment } from './align';
import { compareObligations, type ObligationDelta } from './delta';
import { suggestStance, type SuggestedStance } from './stance';

export { align, alignedText, type Alignment, type Segment, type SegmentKind } from './align';
export { obligations, type Modality, type Obligation } from './obligations';
export { ADDITION_KINDS, findAdditions, type Addition, type AdditionKind, type Finding } from './additions';
export { compareObligations, modalWords, type ObligationDelta, type Softening } from './delta';
export { suggestStance, type Stance, type SuggestedStance } from './stance';

/** Everything the UI and memos show for one pair of units. */
export interface Comparison {
  readonly alignment: Alignment;
  readonly delta: ObligationDelta;
  readonly suggestedStance: SuggestedStance;
}

/**
 * Compares a code unit's text with a law unit's text (each including its
 * sub-points, as the caller joins them). Total: never throws, whatever the
 * strings.
 */
export function compareTexts(codeText: string, lawText: string): Comparison {
  const alignment = align(codeText, lawText);
  const delta = compareObligations(codeText, lawText);
  return { alignment, delta, suggestedStance: suggestStance(alignment, delta) };
}
export { markWords, stemsOf, type Mark } from './marks';
