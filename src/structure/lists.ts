/**
 * Nesting of lettered and numbered points. A marker continues the open list
 * whose last label it follows (`(b)` after `(a)`), otherwise it opens a list
 * one level deeper. This decides `(i)` after `(h)` (a letter) against `(i)`
 * after `(b)` (a roman sub-point) without guessing from the glyphs alone.
 */
import type { ClauseId } from '../model/clause';
import { firstLabel, nextLabel, type Marker, type MarkerStyle } from './markers';

export interface OpenPoint {
  readonly id: ClauseId;
  readonly style: MarkerStyle;
  readonly label: string;
  /** Left edge of the point's text (continuation paragraphs indented to it belong to it). */
  readonly textX: number;
  /** Left edge of the point's marker. */
  readonly markerX: number;
  /** How many dash indents this level has seen (ids `indent_N`). */
  readonly dashCount: number;
}

export interface Placement {
  /** How many open levels to keep (the new point becomes level `keep`). */
  readonly keep: number;
  readonly style: MarkerStyle;
}

/**
 * Where a marker goes in the open list stack. `x` is the marker's left edge
 * and `em` the type size: a marker set clearly further right than the level
 * it would continue is a sub-list (Article 5(1)(h)'s `(i)` is a roman
 * sub-point of (h), not the letter after it).
 */
export function place(stack: readonly OpenPoint[], marker: Marker, x = 0, em = 0): Placement {
  // 1. It continues an open list: the nearest level whose successor label it is.
  for (let i = stack.length - 1; i >= 0; i--) {
    const level = stack[i];
    if (!level) continue;
    if (!marker.styles.includes(level.style)) continue;
    const indented = em > 0 && x > level.markerX + em * 0.8;
    if (indented && marker.styles.length > 1 && level.style !== 'dash') continue;
    if (level.style === 'dash' || nextLabel(level.style, level.label) === marker.label) {
      return { keep: i, style: level.style };
    }
  }
  // 2. It opens a new, deeper list: prefer the style whose sequence it starts.
  const opening = marker.styles.find((style) => firstLabel(style) === marker.label);
  if (opening) return { keep: stack.length, style: opening };
  // 3. A gap in the numbering (a misprint, or a point we could not see): continue a list of the same style.
  for (let i = stack.length - 1; i >= 0; i--) {
    const level = stack[i];
    if (level && marker.styles.includes(level.style)) return { keep: i, style: level.style };
  }
  return { keep: stack.length, style: marker.styles[0] ?? 'paren-alpha' };
}
