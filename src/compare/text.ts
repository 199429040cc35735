/**
 * Small text utilities shared by the comparison modules: whitespace
 * normalisation, word tokens, stop words, a light stemmer, number words and
 * sentence splitting. Deliberately simple and dependency-free: every heuristic
 * here is something a lawyer can check by reading the text.
 */

/** Collapses every run of whitespace (including no-break spaces and line breaks) to one space and trims. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * One word or one punctuation mark, with the whitespace printed before it
 * (none or a single space once the text is normalised). A word keeps inner
 * hyphens and apostrophes (`general-purpose`, `person’s`, `up-to-date`) and
 * number punctuation (`9.2`, `2019/790`, `10,000`).
 */
const TOKEN = /(\s*)(?:([\p{L}\p{N}\p{M}]+(?:(?:[-'’‐‑]|(?<=\p{N})[.,/](?=\p{N}))[\p{L}\p{N}\p{M}]+)*)|\S)/gu;

/** A token of a normalised text: `text` includes its leading space; `start`/`end` bound the token itself. */
export interface Token {
  readonly text: string;
  readonly word: boolean;
  /** Offset of the first non-space character. */
  readonly start: number;
  readonly end: number;
}

/** Splits text (normalised first by the caller) into tokens whose `text`s concatenate back to it. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const raw = match[0];
    tokens.push({
      text: raw,
      word: match[2] !== undefined,
      start: match.index + (match[1]?.length ?? 0),
      end: match.index + raw.length,
    });
  }
  return tokens;
}

/**
 * Function words and the modal verbs: they carry no subject matter, so they
 * neither make a shared phrase worth showing nor count towards overlap.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an the and or nor but if then than so as at by for from in into of off on onto out over to ' +
    'up upon with within without about above after against along among around before behind below ' +
    'between beyond during except inside near per since through throughout under until via ' +
    'this that these those such which who whom whose what when where whether while why how ' +
    'it its it’s they them their theirs he him his she her we us our you your i me my ' +
    'is are was were be been being am has have had having do does did doing ' +
    'shall must will would should may might can could need not no ' +
    'all any each every some other another both either neither more most less least own same ' +
    'also only very too further thereof therein thereto hereby herein etc ' +
    'there here again once just even yet still already well'
  ).split(' '),
);

/** Whether a lower-cased word carries subject matter (not a stop word, not a lone letter). */
export function isContentWord(lower: string): boolean {
  if (STOP_WORDS.has(lower)) return false;
  return lower.length > 1 || /\p{N}/u.test(lower);
}

/**
 * A light suffix-stripping stemmer, so that `reports`/`reporting`/`reported`,
 * `incidents`/`incident` and `documenting`/`document` meet. Over-stemming is
 * harmless here: stems are only ever compared with other stems.
 */
export function stem(word: string): string {
  const known = STEMS.get(word);
  if (known !== undefined) return known;
  const stemmed = stemOf(word);
  // The vocabulary of legal texts is small; the cap only guards against a caller feeding noise.
  if (STEMS.size > MAX_STEMS) STEMS.clear();
  STEMS.set(word, stemmed);
  return stemmed;
}

const STEMS = new Map<string, string>();
const MAX_STEMS = 50_000;

function stemOf(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/u, '');
  if (w.length <= 3 || /\p{N}/u.test(w)) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/u.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  // Undo the doubling in "submitted"/"submitting" so it meets "submit".
  const last = w.charAt(w.length - 1);
  if (w.length > 4 && last === w.charAt(w.length - 2) && 'bdgmnprt'.includes(last)) w = w.slice(0, -1);
  return w;
}

/** The distinct stems of the content words among `tokens`. */
export function contentStems(tokens: readonly Token[]): Set<string> {
  const stems = new Set<string>();
  for (const token of tokens) {
    if (!token.word) continue;
    const lower = token.text.trim().toLowerCase();
    if (isContentWord(lower)) stems.add(stem(lower));
  }
  return stems;
}

/** Share of `ours` also in `theirs` (0 when `ours` is empty). */
export function shareIn(ours: ReadonlySet<string>, theirs: ReadonlySet<string>): number {
  if (ours.size === 0) return 0;
  let shared = 0;
  for (const item of ours) if (theirs.has(item)) shared++;
  return shared / ours.size;
}

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Readonly<Record<string, number>> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1000,
  million: 1_000_000,
  billion: 1_000_000_000,
};

/** Regex source for a number written in digits or in (simple) English words. */
export const NUMBER_SOURCE =
  '(?:\\d+(?:[.,]\\d+)*|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?:\\s+(?:hundred|thousand|million|billion))?|a\\s+(?:hundred|thousand|million|billion))';

/**
 * The value of a number matched by `NUMBER_SOURCE` ("two", "forty-eight",
 * "10", "1,000", "2.5"), or null. Commas are thousands separators when
 * followed by three digits, else a decimal comma.
 */
export function numberValue(text: string): number | null {
  const t = text.trim().toLowerCase();
  if (/^\d/u.test(t)) {
    const plain = /^\d{1,3}(?:,\d{3})+$/u.test(t) ? t.replace(/,/gu, '') : t.replace(',', '.');
    const value = Number(plain);
    return Number.isFinite(value) ? value : null;
  }
  let total = 0;
  let current = 0;
  let seen = false;
  for (const part of t.split(/[\s-]+/u)) {
    if (part === 'a' || part === 'and') continue;
    const unit = UNITS[part] ?? TENS[part];
    const scale = SCALES[part];
    if (unit !== undefined) {
      current += unit;
      seen = true;
    } else if (scale !== undefined) {
      current = (current === 0 ? 1 : current) * scale;
      if (scale >= 1000) {
        total += current;
        current = 0;
      }
      seen = true;
    } else {
      return null;
    }
  }
  return seen ? total + current : null;
}

/** Words that end a sentence-like abbreviation; a full stop after them does not end the sentence. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'cf',
  'no',
  'nos',
  'art',
  'arts',
  'para',
  'p',
  'pp',
  'vol',
  'approx',
  'mr',
  'mrs',
  'ms',
  'dr',
  'st',
  'viz',
  'incl',
  'resp',
]);

const MAX_ABBREVIATION = 8;

/** A sentence or list item and the mark that ended it (`.`, `;`, `:` …; empty at the end of the text). */
export interface Sentence {
  readonly text: string;
  readonly start: number;
  readonly terminator: string;
}

/**
 * Splits a text into sentences and list items. Semicolons and colons end a
 * unit because legal texts list their points after a colon and end each point
 * with a semicolon; a full stop ends one when a space follows and the word
 * before it is not an abbreviation or a lone letter (so "e.g. after",
 * "Measure 9.2" and "Art. 5" do not split).
 */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let begin = 0;
  const push = (end: number, terminator: string): void => {
    const raw = text.slice(begin, end);
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ text: trimmed, start: begin + lead, terminator });
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? '';
    if (ch !== '.' && ch !== ';' && ch !== ':' && ch !== '?' && ch !== '!') continue;
    const after = text.slice(i + 1, i + 3);
    let boundary = false;
    if (ch === ';') boundary = true;
    else if (ch === ':') boundary = !/^\d|^\/\//u.test(after);
    else {
      // Only ever look a few characters around the mark, so that a text of a
      // thousand full stops costs no more than one of a thousand words.
      let next = i + 1;
      while (next < text.length && /\s/u.test(text[next] ?? '')) next++;
      if (next >= text.length) boundary = true;
      // Not before a digit ("Art. 5") nor without a space ("9.2"); before a lower-case
      // letter it does end one, because a caller joins a unit's text with its points
      // ("… incident. a serious …").
      else if (next > i + 1 && !/\p{N}/u.test(text[next] ?? '')) {
        let from = i;
        while (from > begin && i - from < MAX_ABBREVIATION && /[\p{L}.]/u.test(text[from - 1] ?? '')) from--;
        const word = text.slice(from, i).toLowerCase();
        boundary = ch !== '.' || (!ABBREVIATIONS.has(word) && !/^\p{L}$/u.test(word));
      }
    }
    if (!boundary) continue;
    push(i + 1, ch);
    begin = i + 1;
  }
  push(text.length, '');
  return out;
}

/** Upper-cases the first letter, for actors shown on their own. */
export function capitalize(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** A short excerpt of `text` around [start, end), cut to its sentence and to about `radius` characters each side. */
export function excerpt(text: string, start: number, end: number, radius = 80): string {
  let from = Math.max(0, start - radius);
  let to = Math.min(text.length, end + radius);
  const before = text.slice(from, start);
  const stop = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), before.lastIndexOf(': '));
  if (stop >= 0) from += stop + 2;
  else if (from > 0) from = Math.min(start, text.indexOf(' ', from) + 1 || from);
  const after = text.slice(end, to);
  const next = /[.;:](?:\s|$)/u.exec(after);
  if (next) to = end + next.index + 1;
  else if (to < text.length) to = text.lastIndexOf(' ', to) > end ? text.lastIndexOf(' ', to) : to;
  const head = from > 0 && stop < 0 ? '…' : '';
  const tail = to < text.length && !next ? '…' : '';
  return `${head}${text.slice(from, to).trim()}${tail}`;
}
