/**
 * A clause tree as an indented outline a person can read (`crosswalk parse --outline`).
 */
import type { ClauseTree, Unit } from '../model/clause';

const EXCERPT = 80;

/** One line per unit, indented by depth: id, the label as printed, heading or the start of the text. */
export function formatOutline(tree: ClauseTree): string {
  const depth = new Map<string, number>();
  const { document } = tree;
  const out = [
    `${document.kind}: ${document.title} (${document.pages} pages, sha256 ${document.fingerprint.slice(0, 16)}…)`,
  ];
  for (const unit of tree.units) {
    const level = unit.parent ? (depth.get(unit.parent) ?? 0) + 1 : 0;
    depth.set(unit.id, level);
    out.push(`${'  '.repeat(level)}${unit.id}  ${label(unit)}`);
  }
  return out.join('\n') + '\n';
}

function label(unit: Unit): string {
  const name = printedName(unit);
  const rest = unit.heading ?? excerpt(unit.text);
  return [name, rest].filter((part) => part.length > 0).join('  ');
}

function printedName(unit: Unit): string {
  switch (unit.type) {
    case 'article':
      return `Article ${unit.num ?? ''}`;
    case 'chapter':
      return `CHAPTER ${unit.num ?? ''}`;
    case 'section':
      return `Section ${unit.num ?? ''}`;
    case 'part':
      return `PART ${unit.num ?? ''}`;
    case 'title':
      return `TITLE ${unit.num ?? ''}`;
    case 'annex':
      return `ANNEX ${unit.num ?? ''}`.trim();
    case 'commitment':
      return `Commitment ${unit.num ?? ''}`;
    case 'measure':
      return `Measure ${unit.num ?? ''}`;
    case 'appendix':
      return `Appendix ${unit.num ?? ''}`;
    case 'preamble':
    case 'citation':
    case 'recital':
    case 'paragraph':
    case 'subparagraph':
    case 'point':
    case 'objective':
    case 'glossary':
    case 'heading':
    case 'other':
      return unit.num ?? '';
    default: {
      const never: never = unit.type;
      return never;
    }
  }
}

function excerpt(text: string): string {
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text;
}
