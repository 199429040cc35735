/**
 * A law provision as the workspace shows it beside a code unit: its citation, the article it sits
 * in, the lead-in that governs it, and its words compared with the code's.
 */
import { formatCitation } from '../citations/index';
import { compareTexts, type Comparison } from '../compare/index';
import type { Unit } from '../model/clause';
import type { TreeIndex } from '../linking/index';

export interface ProvisionContext {
  readonly id: string;
  /** `Article 55(1), point (c)`. */
  readonly citation: string;
  /** The enclosing article (or annex) as `Article 55 — Obligations for providers…`; null at top level. */
  readonly heading: string | null;
  /** Lead-ins of the enclosing paragraphs and points (`Providers … shall:`), outermost first. */
  readonly leadIns: readonly string[];
  /** The provision's own text with its sub-units. */
  readonly text: string;
  readonly unit: Unit;
}

function titled(unit: Unit): string {
  const label = formatCitation(unit.id);
  return unit.heading ? `${label} — ${unit.heading}` : label;
}

/** The context of a law provision; null when the id is not in the tree. */
export function provisionContext(law: TreeIndex, id: string): ProvisionContext | null {
  const unit = law.byId.get(id);
  if (unit === undefined) return null;
  const ancestors = law.ancestors(id);
  const container = [unit, ...ancestors].find((u) => u.type === 'article' || u.type === 'annex');
  const leadIns = ancestors
    .filter((u) => u.type === 'paragraph' || u.type === 'point' || u.type === 'subparagraph')
    .reverse()
    .map((u) => u.text)
    .filter((text) => text.length > 0);
  return {
    id,
    citation: formatCitation(id),
    heading: container !== undefined && container !== unit ? titled(container) : null,
    leadIns,
    text: law.textWithChildren(id),
    unit,
  };
}

/**
 * Compares a code unit (with its points) with the law provisions it is read against (each with
 * its lead-in), joined: what the code says that none of them contains is what the workspace
 * highlights. Null when there is nothing to compare with.
 */
export function compareWithProvisions(
  code: TreeIndex,
  law: TreeIndex,
  source: string,
  targets: readonly string[],
): Comparison | null {
  const lawText = targets
    .map((target) => law.textInContext(target))
    .filter((text) => text.length > 0)
    .join('\n');
  if (lawText === '') return null;
  return compareTexts(code.textWithPoints(source), lawText);
}
