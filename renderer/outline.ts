import { UNIT_TYPES, type ClauseTree, type Unit, type UnitType } from '../src/model/clause';

/** A unit with its children, for drawing the outline. */
export interface OutlineNode {
  readonly unit: Unit;
  readonly children: readonly OutlineNode[];
}

/**
 * Turns the flat, document-ordered unit list into a forest. A unit whose parent is missing is
 * shown at the top level rather than dropped, so nothing the parser found is hidden.
 */
export function buildOutline(units: readonly Unit[]): OutlineNode[] {
  const children = new Map<string, OutlineNode[]>();
  const roots: OutlineNode[] = [];
  const known = new Set(units.map((unit) => unit.id as string));
  for (const unit of units) {
    const node: OutlineNode = { unit, children: [] };
    children.set(unit.id, node.children as OutlineNode[]);
    const siblings = unit.parent !== null && known.has(unit.parent) ? children.get(unit.parent) : undefined;
    (siblings ?? roots).push(node);
  }
  return roots;
}

/** How many units of each type, in the model's order, leaving out types that do not occur. */
export function countByType(tree: ClauseTree): { readonly type: UnitType; readonly count: number }[] {
  const counts = new Map<UnitType, number>();
  for (const unit of tree.units) counts.set(unit.type, (counts.get(unit.type) ?? 0) + 1);
  return UNIT_TYPES.flatMap((type) => {
    const count = counts.get(type) ?? 0;
    return count > 0 ? [{ type, count }] : [];
  });
}

/** The first `max` characters of a unit's text on one line, with an ellipsis when cut. */
export function preview(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max).trimEnd()}…`;
}
