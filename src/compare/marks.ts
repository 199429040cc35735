/**
 * Word marks for reading two texts side by side: in a code text, the content words the law does
 * not use anywhere (`absent`); in a law text, the content words the code also uses (`present`).
 * Unlike the diff in ./align, this ignores word order — a long measure read against a short point
 * of the law would otherwise be marked almost whole — and it keeps the text exactly as printed
 * (line breaks included), so it can be shown paragraph by paragraph.
 */
import { isContentWord, stem, tokenize } from './text';

/** A stretch of the text, marked or not; the stretches concatenate back to the text. */
export interface Mark {
  readonly text: string;
  readonly marked: boolean;
}

/** The stems of the content words of a text. */
export function stemsOf(text: string): Set<string> {
  const stems = new Set<string>();
  for (const token of tokenize(text)) {
    if (!token.word) continue;
    const lower = token.text.trim().toLowerCase();
    if (isContentWord(lower)) stems.add(stem(lower));
  }
  return stems;
}

/**
 * Splits `text` into marked and unmarked stretches: content words whose stem is (`present`) or is
 * not (`absent`) among `other`'s stems are marked, and so are the small words and punctuation
 * between two marked words, so a phrase reads as one mark. Total: never throws.
 */
export function markWords(text: string, other: ReadonlySet<string>, mode: 'absent' | 'present'): Mark[] {
  const tokens = tokenize(text);
  const content: (boolean | null)[] = tokens.map((token) => {
    if (!token.word) return null;
    const lower = token.text.trim().toLowerCase();
    if (!isContentWord(lower)) return null;
    const has = other.has(stem(lower));
    return mode === 'present' ? has : !has;
  });
  // Small words and punctuation take the mark only when both neighbouring content words have it.
  const flags = content.map((flag, i) => {
    if (flag !== null) return flag;
    let before: boolean | null = null;
    for (let j = i - 1; j >= 0 && before === null; j--) before = content[j] ?? null;
    let after: boolean | null = null;
    for (let j = i + 1; j < content.length && after === null; j++) after = content[j] ?? null;
    return before === true && after === true;
  });
  const out: { text: string; marked: boolean }[] = [];
  const push = (piece: string, marked: boolean): void => {
    if (piece === '') return;
    const last = out[out.length - 1];
    if (last !== undefined && last.marked === marked) last.text += piece;
    else out.push({ text: piece, marked });
  };
  let consumed = 0;
  tokens.forEach((token, i) => {
    const start = token.end - token.text.length;
    push(text.slice(consumed, start), false);
    const lead = token.start - start;
    const marked = flags[i] === true;
    // The space before a word stays outside a mark that starts at the word.
    const previousMarked = i > 0 && flags[i - 1] === true;
    push(token.text.slice(0, lead), marked && previousMarked);
    push(token.text.slice(lead), marked);
    consumed = token.end;
  });
  push(text.slice(consumed), false);
  return out;
}
