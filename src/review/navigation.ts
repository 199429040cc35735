/**
 * Moving through the code with the keyboard (`j` / `k`): the next or previous unit in the order the
 * code tree shows its units, skipping those a filter hides. Pure: the caller gives the display order
 * (e.g. `flattenIds(buildCodeTree(tree))` in the renderer) and what is visible.
 */

export type Direction = 'next' | 'previous';

/**
 * The unit one step from `current` in `order`, among the `visible` ones (all of them when
 * `visible` is null); null when there is none that way (the end of the list, nothing visible), so
 * the caller leaves the selection alone.
 *
 * `current` need not be visible itself: a filter may hide the unit being read, and the step then
 * goes to the nearest visible unit on that side of it. A `current` that is not in `order` at all
 * (nothing selected yet, or a unit the tree does not show) starts from an end: `next` gives the
 * first visible unit, `previous` the last.
 */
export function adjacentUnit(
  order: readonly string[],
  current: string | null,
  direction: Direction,
  visible: ReadonlySet<string> | null = null,
): string | null {
  const shown = (id: string): boolean => visible === null || visible.has(id);
  const step = direction === 'next' ? 1 : -1;
  const at = current === null ? -1 : order.indexOf(current);
  let i = at >= 0 ? at + step : direction === 'next' ? 0 : order.length - 1;
  for (; i >= 0 && i < order.length; i += step) {
    const id = order[i];
    if (id !== undefined && id !== current && shown(id)) return id;
  }
  return null;
}

/** The next visible unit after `current` (see {@link adjacentUnit}). */
export function nextUnit(
  order: readonly string[],
  current: string | null,
  visible: ReadonlySet<string> | null = null,
): string | null {
  return adjacentUnit(order, current, 'next', visible);
}

/** The previous visible unit before `current` (see {@link adjacentUnit}). */
export function previousUnit(
  order: readonly string[],
  current: string | null,
  visible: ReadonlySet<string> | null = null,
): string | null {
  return adjacentUnit(order, current, 'previous', visible);
}
