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

const combined = new WeakMap<readonly Definition[], { pattern: RegExp; byTerm: Map<string, Definition> }>();

/**
 * The defined terms a text uses. One pass with all terms in one expression
 * (longest first, so `general-purpose AI model` wins over `AI model` where
 * both would match), not one expression per term: this runs for every unit.
 */
export function termsUsed(text: string, definitions: readonly Definition[]): Definition[] {
  let all = combined.get(definitions);
  if (!all) {
    const sorted = [...definitions].sort((a, b) => b.term.length - a.term.length);
    const alternatives = sorted.map((d) =>
      d.term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'),
    );
    all = {
      pattern: new RegExp(`(?<![\\p{L}-])(${alternatives.join('|')})(?:s|es)?(?![\\p{L}-])`, 'giu'),
      byTerm: new Map(definitions.map((d) => [normal(d.term), d])),
    };
    combined.set(definitions, all);
  }
  const found = new Set<Definition>();
  for (const match of text.matchAll(all.pattern)) {
    const definition = all.byTerm.get(normal(match[1] ?? ''));
    if (definition) found.add(definition);
  }
  return definitions.filter((d) => found.has(d));
}

function normal(term: string): string {
  return term.toLowerCase().replace(/\s+/g, ' ');
}

/** Whether a text, already lowercased, uses one defined term. */
export function uses(lowerText: string, definition: Definition): boolean {
  return lowerText.includes(definition.first) && definition.pattern.test(lowerText);
}
