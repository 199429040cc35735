/**
 * Word-level alignment of a code unit's text against a law unit's text: the
 * diff the side-by-side view colours, the wording the two share, and how much
 * of the code's vocabulary the law already uses.
 */
import { diffArrays } from 'diff';
import { contentStems, isContentWord, normalizeSpace, shareIn, tokenize, type Token } from './text';

/** Which text a stretch of the alignment belongs to. */
export type SegmentKind = 'shared' | 'code' | 'law';

/** One stretch of the alignment; `text` carries the space printed before it. */
export interface Segment {
  readonly kind: SegmentKind;
  readonly text: string;
}

/** Word-level alignment of a code text against a law text. */
export interface Alignment {
  /**
   * The word diff in reading order. Within a changed stretch the law's words
   * come before the code's (the law is the base the code is read against).
   * Concatenating the `code` and `shared` segments gives the code text, the
   * `law` and `shared` ones the law text, both whitespace-normalised (see
   * {@link alignedText}).
   */
  readonly segments: readonly Segment[];
  /**
   * Wording both texts use, wherever it occurs in each (not only where the diff
   * lined it up), longest first, without repeats or phrases contained in a
   * longer one. A phrase is a run of words, not crossing `.`, `;`, `:`, with
   * stop words trimmed from its ends, that keeps at least two words — so a
   * two-word term ("serious incidents", "AI Office") counts, and a run that is
   * only stop words never does. Printed as in the code text.
   */
  readonly sharedPhrases: readonly string[];
  /** 0..1: share of the code's distinct content words (stemmed) that also occur in the law text. */
  readonly overlap: number;
}

/**
 * The diff is a longest-common-subsequence table over word and punctuation
 * tokens (see `lcsScript`): for two ~2,000-character units well under a
 * millisecond, where jsdiff's `diffArrays` took 30–60 ms on the same pair on
 * the reference machine. Past this many cells (two long texts sharing most of
 * their tokens) the table would cost too much memory, so jsdiff's Myers diff
 * takes over, with an edit budget: it is quick on long texts that are mostly
 * alike, and when they are not it gives up and the pair is shown as one
 * replaced stretch.
 */
const MAX_TABLE_CELLS = 4_000_000;
const MIN_EDIT_LENGTH = 50;

/**
 * Aligns a code text with a law text: word diff, shared phrases, overlap.
 * Total (never throws): empty or whitespace-only input gives an empty side.
 */
export function align(codeText: string, lawText: string): Alignment {
  const code = normalizeSpace(codeText);
  const law = normalizeSpace(lawText);
  const codeTokens = tokenize(code);
  const lawTokens = tokenize(law);
  const stems = { code: contentStems(codeTokens), law: contentStems(lawTokens) };
  const alignment: Alignment = {
    segments: diffSegments(codeTokens, lawTokens),
    sharedPhrases: sharedPhrases(code, codeTokens, lawTokens),
    overlap: shareIn(stems.code, stems.law),
  };
  STEMS.set(alignment, stems);
  return alignment;
}

/**
 * The text of one side of an alignment, whitespace-normalised: for every
 * alignment, `alignedText(align(c, l), 'code')` equals `c` with its
 * whitespace collapsed and trimmed.
 */
export function alignedText(alignment: Alignment, side: 'code' | 'law'): string {
  return alignment.segments
    .filter((segment) => segment.kind === 'shared' || segment.kind === side)
    .map((segment) => segment.text)
    .join('')
    .trim();
}

/**
 * Token strings carry their leading space, and the first token of each text
 * gets one too, so identical words compare equal wherever they stand and the
 * concatenation of any side's tokens is that side's text (plus one leading
 * space, trimmed off the first segment below).
 */
function diffTokens(tokens: readonly Token[]): string[] {
  return tokens.map((token, i) => (i === 0 ? ` ${token.text}` : token.text));
}

function diffSegments(code: readonly Token[], law: readonly Token[]): Segment[] {
  const raw = diffTokenLists(diffTokens(law), diffTokens(code));
  const merged = mergeIslands(raw);
  const first = merged[0];
  if (first !== undefined) {
    const text = first.text.trimStart();
    if (text.length === 0) merged.shift();
    else merged[0] = { kind: first.kind, text };
  }
  return merged;
}

/** Segments of the diff from `law` (the base) to `code`, adjacent same-kind tokens joined. */
function diffTokenLists(law: readonly string[], code: readonly string[]): Segment[] {
  const out: Segment[] = [];
  const push = (kind: SegmentKind, text: string): void => {
    if (text.length === 0) return;
    const last = out[out.length - 1];
    if (last?.kind === kind) out[out.length - 1] = { kind, text: last.text + text };
    else out.push({ kind, text });
  };
  // A common head and tail cost nothing to find and shrink the table.
  let head = 0;
  while (head < law.length && head < code.length && law[head] === code[head]) head++;
  let tail = 0;
  while (
    tail < law.length - head &&
    tail < code.length - head &&
    law[law.length - 1 - tail] === code[code.length - 1 - tail]
  ) {
    tail++;
  }
  push('shared', law.slice(0, head).join(''));
  const a = law.slice(head, law.length - tail);
  const b = code.slice(head, code.length - tail);
  const script = lcsScript(a, b);
  if (script !== null) {
    for (const [kind, token] of script) push(kind, token);
  } else {
    // Myers costs about (n + m) × edits: the budget keeps that near the table's cap.
    const budget = Math.max(MIN_EDIT_LENGTH, Math.floor(MAX_TABLE_CELLS / (a.length + b.length)));
    const changes = diffArrays([...a], [...b], { maxEditLength: budget });
    if (changes === undefined) {
      push('law', a.join(''));
      push('code', b.join(''));
    } else {
      for (const change of changes) {
        push(change.added ? 'code' : change.removed ? 'law' : 'shared', change.value.join(''));
      }
    }
  }
  push('shared', law.slice(law.length - tail).join(''));
  return out;
}

/**
 * The edit script of a longest common subsequence, in reading order. A token
 * that occurs on one side only can never be part of the LCS, so the table is
 * built over the tokens both sides use (for two different clauses, a fraction
 * of the whole); `table[i][j]` is the LCS length of the first `i` and `j` of
 * those, in one flat 16-bit array (an LCS never exceeds √MAX_TABLE_CELLS).
 * Null when even that table is too large.
 * The walk back from the end pairs the matches, and the tokens between two
 * matches are emitted law first, then code.
 */
function lcsScript(a: readonly string[], b: readonly string[]): [SegmentKind, string][] | null {
  const ids = new Map<string, number>();
  for (const token of a) if (!ids.has(token)) ids.set(token, ids.size);
  const inB = new Uint8Array(ids.size);
  const bIds = b.map((token) => {
    const id = ids.get(token);
    if (id === undefined) return -1;
    inB[id] = 1;
    return id;
  });
  const aIds = a.map((token) => ids.get(token) ?? -1);
  // Positions (in a and b) of the tokens both sides use.
  const ai: number[] = [];
  const bj: number[] = [];
  aIds.forEach((id, i) => {
    if (inB[id] === 1) ai.push(i);
  });
  bIds.forEach((id, j) => {
    if (id >= 0) bj.push(j);
  });
  const n = ai.length;
  const m = bj.length;
  if ((n + 1) * (m + 1) > MAX_TABLE_CELLS) return null;
  const x = Int32Array.from(ai, (i) => aIds[i] ?? -1);
  const y = Int32Array.from(bj, (j) => bIds[j] ?? -1);
  const width = m + 1;
  const table = new Uint16Array((n + 1) * width);
  for (let i = 1; i <= n; i++) {
    const xi = x[i - 1];
    const row = i * width;
    const above = row - width;
    for (let j = 1; j <= m; j++) {
      if (xi === y[j - 1]) {
        table[row + j] = (table[above + j - 1] ?? 0) + 1;
      } else {
        const up = table[above + j] ?? 0;
        const left = table[row + j - 1] ?? 0;
        table[row + j] = up >= left ? up : left;
      }
    }
  }
  // Matched pairs (original indices), collected from the end.
  const pairs: [number, number][] = [];
  let i = n;
  let j = m;
  while (i > 0 && j > 0) {
    if (x[i - 1] === y[j - 1]) {
      pairs.push([ai[i - 1] ?? 0, bj[j - 1] ?? 0]);
      i--;
      j--;
    } else if ((table[(i - 1) * width + j] ?? 0) >= (table[i * width + j - 1] ?? 0)) {
      i--;
    } else {
      j--;
    }
  }
  pairs.reverse();
  const script: [SegmentKind, string][] = [];
  let nextA = 0;
  let nextB = 0;
  for (const [pa, pb] of [...pairs, [a.length, b.length] as [number, number]]) {
    for (; nextA < pa; nextA++) script.push(['law', a[nextA] ?? '']);
    for (; nextB < pb; nextB++) script.push(['code', b[nextB] ?? '']);
    if (pa < a.length) script.push(['shared', a[pa] ?? '']);
    nextA = pa + 1;
    nextB = pb + 1;
  }
  return script;
}

/**
 * A diff of prose pairs up incidental "the", "of" and commas between two
 * different clauses, which shreds the view into confetti. A shared stretch
 * with no content word and fewer than three words, standing between two
 * changes, is folded into both sides of the change around it. Each side keeps
 * its own words in order, so reconstruction still holds.
 */
function mergeIslands(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let law = '';
  let code = '';
  const flush = (): void => {
    if (law.length > 0) out.push({ kind: 'law', text: law });
    if (code.length > 0) out.push({ kind: 'code', text: code });
    law = '';
    code = '';
  };
  segments.forEach((segment, i) => {
    switch (segment.kind) {
      case 'law':
        law += segment.text;
        return;
      case 'code':
        code += segment.text;
        return;
      case 'shared': {
        const between = i > 0 && i < segments.length - 1;
        if (between && isIsland(segment.text)) {
          law += segment.text;
          code += segment.text;
          return;
        }
        flush();
        out.push(segment);
        return;
      }
      default: {
        const unreachable: never = segment.kind;
        throw new Error(`unknown segment kind ${String(unreachable)}`);
      }
    }
  });
  flush();
  return out;
}

function isIsland(text: string): boolean {
  const lower = tokenize(text)
    .filter((token) => token.word)
    .map((token) => token.text.trim().toLowerCase());
  return lower.length < 3 && !lower.some(isContentWord);
}

/**
 * Word ids for the phrase search: equal lower-cased words share an id; a
 * phrase break (`.`, `;`, `:`, `!`, `?`) gets a negative id, different on the
 * two sides, so that no run matches across it.
 */
interface PhraseWords {
  readonly ids: Int32Array;
  readonly tokens: readonly Token[];
}

function phraseWords(tokens: readonly Token[], ids: Map<string, number>, breakId: number): PhraseWords {
  const kept: Token[] = [];
  const out: number[] = [];
  for (const token of tokens) {
    const body = token.text.trim();
    if (token.word) {
      const key = body.toLowerCase();
      let id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      out.push(id);
      kept.push(token);
    } else if (/^[.;:!?]$/u.test(body)) {
      out.push(breakId);
      kept.push(token);
    }
  }
  return { ids: Int32Array.from(out), tokens: kept };
}

/**
 * Every maximal common word run, found from an index of the law's word pairs:
 * a run starts wherever a code word pair also occurs in the law and the words
 * before differ, and is extended as far as both texts agree. Runs never cross
 * a phrase break, and every occurrence is considered, so a phrase counts even
 * when the diff lined up another occurrence of its words.
 */
function sharedPhrases(code: string, codeTokens: readonly Token[], lawTokens: readonly Token[]): string[] {
  const ids = new Map<string, number>();
  const a = phraseWords(codeTokens, ids, -1);
  const b = phraseWords(lawTokens, ids, -2);
  const n = a.ids.length;
  const m = b.ids.length;
  if (n < 2 || m < 2) return [];
  const content = new Uint8Array(ids.size);
  for (const [key, id] of ids) content[id] = isContentWord(key) ? 1 : 0;
  const width = ids.size;
  const starts = new Map<number, number[]>();
  for (let j = 0; j + 1 < m; j++) {
    const first = b.ids[j] ?? -2;
    const second = b.ids[j + 1] ?? -2;
    if (first < 0 || second < 0) continue;
    const key = first * width + second;
    const list = starts.get(key);
    if (list === undefined) starts.set(key, [j]);
    else list.push(j);
  }
  const found = new Map<string, { text: string; words: number; at: number }>();
  for (let i = 0; i + 1 < n; i++) {
    const first = a.ids[i] ?? -1;
    const second = a.ids[i + 1] ?? -1;
    if (first < 0 || second < 0) continue;
    for (const j of starts.get(first * width + second) ?? []) {
      // Not a start: the run began one word earlier.
      if (i > 0 && j > 0 && (a.ids[i - 1] ?? -1) >= 0 && a.ids[i - 1] === b.ids[j - 1]) continue;
      let length = 2;
      while (i + length < n && j + length < m && (a.ids[i + length] ?? -1) >= 0) {
        if (a.ids[i + length] !== b.ids[j + length]) break;
        length++;
      }
      addPhrase(found, a, content, i, i + length - 1, code);
    }
  }
  const ranked = [...found.entries()].sort(
    ([, x], [, y]) => y.words - x.words || y.text.length - x.text.length || x.at - y.at,
  );
  const kept: string[] = [];
  const keys: string[] = [];
  for (const [key, phrase] of ranked) {
    if (keys.some((longer) => ` ${longer} `.includes(` ${key} `))) continue;
    keys.push(key);
    kept.push(phrase.text);
  }
  return kept;
}

function addPhrase(
  found: Map<string, { text: string; words: number; at: number }>,
  words: PhraseWords,
  content: Uint8Array,
  first: number,
  last: number,
  text: string,
): void {
  const isStop = (index: number): boolean => content[words.ids[index] ?? 0] !== 1;
  let from = first;
  let to = last;
  while (from <= to && isStop(from)) from++;
  while (to >= from && isStop(to)) to--;
  if (to - from + 1 < 2) return;
  const start = words.tokens[from]?.start ?? 0;
  const end = words.tokens[to]?.end ?? 0;
  const key = words.tokens
    .slice(from, to + 1)
    .map((token) => token.text.trim().toLowerCase())
    .join(' ');
  if (!found.has(key)) found.set(key, { text: text.slice(start, end), words: to - from + 1, at: start });
}

/**
 * The distinct content-word stems of each side, kept with the alignment that
 * was built from them so that the stance heuristics need not tokenise both
 * texts again (an alignment built elsewhere is tokenised on demand).
 */
const STEMS = new WeakMap<Alignment, ContentStems>();

/** Distinct content-word stems (not occurrences, so a word the code repeats ten times counts once). */
export interface ContentStems {
  readonly code: ReadonlySet<string>;
  readonly law: ReadonlySet<string>;
}

/** The content-word stems of both sides of an alignment. */
export function alignmentStems(alignment: Alignment): ContentStems {
  const known = STEMS.get(alignment);
  if (known !== undefined) return known;
  return {
    code: contentStems(tokenize(alignedText(alignment, 'code'))),
    law: contentStems(tokenize(alignedText(alignment, 'law'))),
  };
}
