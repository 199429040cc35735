/**
 * The law's own tree as the workspace's "AI Act" tab shows it: chapters › sections › articles ›
 * paragraphs › points, annexes, the preamble. Only expanded branches become rows, so a law of
 * 1,625 units draws a few dozen until the reader opens something. Pure, so the tree's keyboard
 * rules are tested without a browser.
 */
import type { ClauseTree, Unit } from '../../src/model/clause';

/** Each unit's children in document order; the roots under the key `null`. */
export type ChildIndex = ReadonlyMap<string | null, readonly Unit[]>;

export function childIndex(tree: ClauseTree): ChildIndex {
  const known = new Set<string>(tree.units.map((unit) => unit.id));
  const out = new Map<string | null, Unit[]>();
  for (const unit of tree.units) {
    // A unit whose parent is missing (a damaged tree) is shown at the top rather than lost.
    const key = unit.parent !== null && known.has(unit.parent) ? unit.parent : null;
    const list = out.get(key);
    if (list) list.push(unit);
    else out.set(key, [unit]);
  }
  return out;
}

export interface LawRow {
  readonly unit: Unit;
  /** 1 for the top level (ARIA's aria-level). */
  readonly level: number;
  readonly parent: string | null;
  readonly hasChildren: boolean;
  readonly expanded: boolean;
  /** 1-based position among its siblings, and their number (aria-posinset, aria-setsize). */
  readonly position: number;
  readonly siblings: number;
}

/** The rows a reader sees: the roots, and the children of every expanded row, depth first. */
export function visibleRows(children: ChildIndex, isExpanded: (id: string) => boolean): LawRow[] {
  const out: LawRow[] = [];
  const walk = (parent: string | null, level: number): void => {
    const list = children.get(parent) ?? [];
    list.forEach((unit, i) => {
      const hasChildren = (children.get(unit.id)?.length ?? 0) > 0;
      const expanded = hasChildren && isExpanded(unit.id);
      out.push({ unit, level, parent, hasChildren, expanded, position: i + 1, siblings: list.length });
      if (expanded) walk(unit.id, level + 1);
    });
  };
  walk(null, 1);
  return out;
}

/** The ids of a unit's ancestors, parent first. */
export function ancestorIds(byId: ReadonlyMap<string, Unit>, id: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let unit = byId.get(id);
  while (unit?.parent != null && !seen.has(unit.parent)) {
    seen.add(unit.parent);
    out.push(unit.parent);
    unit = byId.get(unit.parent);
  }
  return out;
}

/** What a key press in the tree does: move the focus, open or close a branch, or select. */
export type TreeAction =
  | { readonly kind: 'focus'; readonly id: string }
  | { readonly kind: 'toggle'; readonly id: string; readonly open: boolean }
  | { readonly kind: 'select'; readonly id: string };

/**
 * The WAI-ARIA tree pattern's keys: ↓/↑ next and previous row, → opens a closed branch or goes to
 * its first child, ← closes an open branch or goes to the parent, Home/End the first and last row,
 * Enter/Space select. Null for any other key (the browser keeps it).
 */
export function treeKey(rows: readonly LawRow[], current: string, key: string): TreeAction | null {
  const index = rows.findIndex((row) => row.unit.id === current);
  const row = rows[index];
  if (row === undefined) return null;
  const at = (i: number): TreeAction | null => {
    const target = rows[i];
    return target === undefined || target.unit.id === current ? null : { kind: 'focus', id: target.unit.id };
  };
  switch (key) {
    case 'ArrowDown':
      return at(index + 1);
    case 'ArrowUp':
      return at(index - 1);
    case 'Home':
      return at(0);
    case 'End':
      return at(rows.length - 1);
    case 'ArrowRight':
      if (!row.hasChildren) return null;
      return row.expanded ? at(index + 1) : { kind: 'toggle', id: current, open: true };
    case 'ArrowLeft':
      if (row.expanded) return { kind: 'toggle', id: current, open: false };
      return row.parent === null ? null : { kind: 'focus', id: row.parent };
    case 'Enter':
    case ' ':
      return { kind: 'select', id: current };
    default:
      return null;
  }
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];

/** How a provision is labelled in the tree: `Chapter V`, `Article 55`, `Paragraph 1`, `(c)`. */
export function lawUnitLabel(unit: Unit): string {
  const num = unit.num ?? '';
  switch (unit.type) {
    case 'part':
      return `Part ${num}`.trim();
    case 'title':
      return `Title ${num}`.trim();
    case 'chapter':
      return `Chapter ${num}`.trim();
    case 'section':
      return `Section ${num}`.trim();
    case 'article':
      return `Article ${num}`.trim();
    case 'annex':
      return `Annex ${num}`.trim();
    case 'paragraph':
      return `Paragraph ${num}`.trim();
    case 'recital':
      return `Recital ${num}`.trim();
    case 'preamble':
      return 'Preamble';
    case 'citation':
      return 'Citation';
    case 'subparagraph': {
      const n = Number(/__subpara_(\d+)$/.exec(unit.id)?.[1]);
      const word = ORDINALS[n - 1];
      return word === undefined
        ? 'Subparagraph'
        : `${word[0]?.toUpperCase() ?? ''}${word.slice(1)} subparagraph`;
    }
    case 'point':
      return num === '' ? 'Point' : num;
    default:
      return unit.heading ?? (unit.id === 'closing' ? 'Closing formula' : (unit.num ?? unit.type));
  }
}
