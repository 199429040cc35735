/** The code's units a reviewer walks through: commitments › measures › points, as a forest. */
import type { ClauseTree, Unit } from '../../src/model/clause';

export interface CodeNode {
  readonly unit: Unit;
  readonly children: readonly CodeNode[];
  readonly depth: number;
}

const TOP = new Set(['commitment']);
const INNER = new Set(['measure', 'point']);

/**
 * Commitments with their measures and the measures' points. Points reached through a unit that is
 * not shown (a measure's second list sits under a subparagraph) hang from the nearest shown
 * ancestor; appendix points and other parts of the code are left out of the review tree.
 */
export function buildCodeTree(tree: ClauseTree): CodeNode[] {
  const byId = new Map(tree.units.map((unit) => [unit.id as string, unit]));
  const kids = new Map<string, Unit[]>();
  const roots: Unit[] = [];
  for (const unit of tree.units) {
    if (TOP.has(unit.type)) {
      roots.push(unit);
      continue;
    }
    if (!INNER.has(unit.type)) continue;
    let parent = unit.parent === null ? undefined : byId.get(unit.parent);
    while (parent !== undefined && !TOP.has(parent.type) && !INNER.has(parent.type)) {
      parent = parent.parent === null ? undefined : byId.get(parent.parent);
    }
    if (parent === undefined) continue;
    const list = kids.get(parent.id) ?? [];
    list.push(unit);
    kids.set(parent.id, list);
  }
  // A code without commitments (a draft with measures only) still gets a tree: its measures.
  if (roots.length === 0) roots.push(...tree.units.filter((unit) => unit.type === 'measure'));
  const build = (unit: Unit, depth: number): CodeNode => ({
    unit,
    depth,
    children: (kids.get(unit.id) ?? []).map((child) => build(child, depth + 1)),
  });
  return roots.map((unit) => build(unit, 0));
}

/** Every node's id in display order (for next/previous and for finding a unit's path). */
export function flattenIds(nodes: readonly CodeNode[]): string[] {
  const out: string[] = [];
  const walk = (node: CodeNode): void => {
    out.push(node.unit.id);
    node.children.forEach(walk);
  };
  nodes.forEach(walk);
  return out;
}

/** How a unit is labelled in the tree: `Measure 9.3`, `Commitment 1`, `(a)`. */
export function unitLabel(unit: Unit): string {
  switch (unit.type) {
    case 'commitment':
      return `Commitment ${unit.num ?? ''}`.trim();
    case 'measure':
      return `Measure ${unit.num ?? ''}`.trim();
    default:
      return unit.num ?? unit.type;
  }
}
