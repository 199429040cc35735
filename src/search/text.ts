/**
 * Words and snippets for search. The index (./search-index.ts) and the snippets it shows use the
 * same tokens, so a word the index matched is exactly the word marked in the snippet.
 */

/** A word of a text and where it sits: `text.slice(start, end)`. */
export interface Token {
  readonly word: string;
  readonly start: number;
  readonly end: number;
}

// Words are runs of anything but spaces and punctuation, as MiniSearch splits them by default:
// `Article 55(1)(c)` -> Article, 55, 1, c; `general-purpose` -> general, purpose; `10²⁵` stays whole.
const WORD = /[^\s\p{Z}\p{P}]+/gu;

/** The words of a text with their offsets. */
export function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    out.push({ word: match[0], start, end: start + match[0].length });
  }
  return out;
}

/** The words of a text (the index's tokenizer). */
export function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/**
 * A word as the index keeps it: lower case, accents and compatibility forms folded (`Règlement` ->
 * `reglement`, `ﬁle` -> `file`, `10²⁵` -> `1025`), so what a user types finds what a PDF printed.
 */
export function normalizeWord(word: string): string {
  return word
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A stretch of text with the matched words marked: `[start, end)` offsets into `text`. */
export interface Snippet {
  readonly text: string;
  readonly marks: readonly (readonly [number, number])[];
}

const ELLIPSIS = '…';

/**
 * Where to cut a text of which `[from, to)` is wanted: at spaces, never inside a word, and never
 * through `keep` (the first mark).
 */
function cutAt(text: string, from: number, to: number, keep: Token | null): [number, number] {
  let start = Math.max(0, from);
  let end = Math.min(text.length, to);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space >= 0 && space < (keep?.start ?? end)) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= (keep?.end ?? 0)) end = space;
  }
  return [start, end];
}

/**
 * About `width` characters of `text` around the densest cluster of the words in `terms` (normalised
 * words, as the index returns them), with those words marked. Without a match: the start of the text.
 */
export function makeSnippet(text: string, terms: ReadonlySet<string>, width = 160): Snippet {
  const flat = text.replace(/\s+/g, ' ').trim();
  const hits = terms.size === 0 ? [] : tokens(flat).filter((t) => terms.has(normalizeWord(t.word)));
  if (hits.length === 0) {
    if (flat.length <= width) return { text: flat, marks: [] };
    const [, end] = cutAt(flat, 0, width, null);
    return { text: flat.slice(0, end) + ELLIPSIS, marks: [] };
  }
  // The window (starting at a match) that holds the most different matched words, earliest first.
  let best = hits[0] as Token;
  let bestCount = 0;
  for (const [i, first] of hits.entries()) {
    const seen = new Set<string>();
    for (let j = i; j < hits.length; j += 1) {
      const hit = hits[j] as Token;
      if (hit.end > first.start + width) break;
      seen.add(normalizeWord(hit.word));
    }
    if (seen.size > bestCount) {
      best = first;
      bestCount = seen.size;
    }
  }
  // Some words of context before the first mark, unless the text starts near it anyway.
  const lead = Math.min(40, Math.floor(width / 4));
  const from = best.start <= lead ? 0 : best.start - lead;
  const [start, end] = cutAt(flat, from, Math.max(from + width, best.end), best);
  const before = start > 0 ? ELLIPSIS : '';
  const after = end < flat.length ? ELLIPSIS : '';
  const marks = hits
    .filter((hit) => hit.start >= start && hit.end <= end)
    .map((hit) => [hit.start - start + before.length, hit.end - start + before.length] as const);
  return { text: before + flat.slice(start, end) + after, marks };
}
