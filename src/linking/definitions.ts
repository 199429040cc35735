/**
 * Terms the law defines (`‘serious incident’ means …` in its definitions
 * article), found where a code uses them.
 */
import type { TreeIndex } from './tree-index';

export interface Definition {
  readonly term: string;
  /** The term's first word, lowercase: a cheap test before the regular expression. */
  readonly first: string;
  /** The definition's clause id, e.g. `art_3__point_49`. */
  readonly id: string;
  readonly pattern: RegExp;
}

/** Reads the definitions article: the article headed `Definitions`, its points opening with a quoted term. */
export function definitionsOf(law: TreeIndex): Definition[] {
  const article = law.tree.units.find(
    (unit) => unit.type === 'article' && /^definitions$/i.test(unit.heading ?? ''),
  );
  if (!article) return [];
  const out: Definition[] = [];
  for (const point of law.descendants(article.id)) {
    const match = /^[‘'"“]([^’'"”]{2,80})[’'"”]/.exec(point.text);
    const term = match?.[1]?.trim();
    if (!term) continue;
    const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+');
    // Whole words, plural allowed: `serious incidents` uses `serious incident`.
    out.push({
      term,
      first: (term.split(/\s+/)[0] ?? term).toLowerCase(),
      id: point.id,
      pattern: new RegExp(`(?<![\\p{L}-])${escaped}(?:s|es)?(?![\\p{L}-])`, 'iu'),
    });
  }
  return out;
}

/** The defined terms a text uses. */
export function termsUsed(text: string, definitions: readonly Definition[]): Definition[] {
  const lower = text.toLowerCase();
  return definitions.filter(
    (definition) => lower.includes(definition.first) && definition.pattern.test(text),
  );
}

/** Whether a text, already lowercased, uses one defined term. */
export function uses(lowerText: string, definition: Definition): boolean {
  return lowerText.includes(definition.first) && definition.pattern.test(lowerText);
}
