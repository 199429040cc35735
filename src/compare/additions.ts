/**
 * The concrete things a text commits to beyond a bare obligation — deadlines,
 * periods, numbers, parties, documents, procedures and scope words — each
 * with a normalised key, so that the same thing worded differently ("two
 * weeks" / "2 weeks", "within 2 days" / "not later than 2 days after") is
 * recognised as the same thing in the code and in the law.
 */
import { excerpt, normalizeSpace, NUMBER_SOURCE, numberValue } from './text';

/** What an addition adds. */
export type AdditionKind = 'deadline' | 'duration' | 'number' | 'actor' | 'document' | 'procedure' | 'scope';

/** Something one text says that the other does not. */
export interface Addition {
  readonly kind: AdditionKind;
  /** As printed, e.g. "not later than two days after". */
  readonly text: string;
  /** The clause around it, for a reader to check. */
  readonly context: string;
}

/** An addition as found in one text, with the key it is compared by. */
export interface Finding extends Addition {
  /** Normalised identity: equal keys mean "the same thing", however worded. */
  readonly key: string;
  /** Where `text` starts in the whitespace-normalised text (as `alignedText` gives it). */
  readonly start: number;
}

/** Every kind, in the order evidence lists them (strongest first). */
export const ADDITION_KINDS: readonly AdditionKind[] = [
  'deadline',
  'duration',
  'number',
  'actor',
  'document',
  'procedure',
  'scope',
];

const NUM = NUMBER_SOURCE;
const UNIT = '(?:(?:working|calendar|business)\\s+)?(?:hours?|days?|weeks?|months?|years?)';

const DEADLINE_RELATIVE = new RegExp(
  `\\b(?:(?:no|not)\\s+later\\s+than|at\\s+(?:the\\s+)?latest)\\s+(${NUM})\\s+(${UNIT})\\s+(before|after|from|following|of)\\b`,
  'giu',
);
/** "at least two weeks before" is a deadline; "at least five years from" is a period, read later. */
const DEADLINE_AHEAD = new RegExp(`\\bat\\s+least\\s+(${NUM})\\s+(${UNIT})\\s+(before)\\b`, 'giu');
/** Up to six words naming the event a deadline runs from ("after the serious incident has been resolved"). */
const SHORT_EVENT = /^\s+([^,;:.()]+?)(?=[,;:.()]|$)/u;
const MAX_EVENT_WORDS = 6;
const EVENT_WINDOW = 200;
/** An event cut short ends on one of these. */
const DANGLING =
  /^(?:and|or|nor|but|of|to|the|a|an|with|by|for|in|on|at|from|as|than|that|which|whose|its|their)$/u;
const DEADLINE_WITHIN = new RegExp(
  `\\bwithin\\s+(${NUM}|a|one)\\s+(${UNIT})(?:\\s+(?:of|after|from|following))?\\b`,
  'giu',
);
const DEADLINE_DATE = new RegExp(
  `\\b(?:(?:no|not)\\s+later\\s+than|by|before)\\s+(\\d{1,2}\\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+\\d{4})`,
  'gu',
);
const DEADLINE_LATER_EVENT = /\b(?:no|not)\s+later\s+than\s+(?:the\s+)?([\p{L}-]+(?:\s+[\p{L}-]+){0,3})/giu;
const DEADLINE_MARKET =
  /\b(?:before|prior\s+to)\s+(?:placing|making|putting)\s+(?:(?:the|a|their|its)\s+)?(?:[\p{L}-]+\s+){0,3}?(?:on\s+the\s+market|available\s+on\s+the\s+market|into\s+service)/giu;
const DEADLINE_PHRASES =
  /\b(?:without\s+undue\s+delay|without\s+delay|immediately|promptly|forthwith|as\s+soon\s+as\s+(?:possible|practicable)|in\s+a\s+timely\s+manner|within\s+a\s+reasonable\s+(?:amount\s+of\s+)?(?:time|period))\b/giu;

const DURATION_EVERY = new RegExp(`\\b(?:at\\s+least\\s+)?every\\s+(?:(${NUM})\\s+)?(${UNIT})\\b`, 'giu');
const DURATION_BOUND = new RegExp(
  `\\b(?:for\\s+)?(?:a\\s+period\\s+of\\s+)?(at\\s+least|a\\s+minimum\\s+of|no\\s+less\\s+than|not\\s+less\\s+than|up\\s+to|a\\s+maximum\\s+of|at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than|more\\s+than|less\\s+than)\\s+(${NUM}|a|one)\\s+(${UNIT})\\b`,
  'giu',
);
const DURATION_FOR = new RegExp(`\\bfor\\s+(?:a\\s+period\\s+of\\s+)?(${NUM})\\s+(${UNIT})\\b`, 'giu');
const DURATION_ADVERB = /\b(annually|yearly|monthly|weekly|quarterly|daily|biannually)\b/giu;
const DURATION_PLAIN = new RegExp(`\\b(${NUM})[- ](${UNIT})\\b`, 'giu');

/**
 * Citations are numbers a reader does not weigh as thresholds: "Articles 53
 * and 54", "Measure 9.2", "points (1) to (7)", "(EU) 2019/790", list markers.
 */
const REFERENCE =
  /\b(?:Articles?|Art\.|Measures?|Commitments?|Appendi(?:x|ces)|Annex(?:es)?|points?|paragraphs?|subparagraphs?|Sections?|Chapters?|recitals?|Regulations?|Directives?|Decisions?|Objectives?|No\.?|OJ\s+[LC])\s+\(?[\dIVXLC]+[\w.]*\)?(?:\(\w+\))*(?:(?:\s*,?\s+(?:and|or|to)\s+|\s*,\s*)(?:(?:Articles?|Measures?|points?|paragraphs?|Commitments?)\s+)?\(?[\dIVXLC]+[\w.]*\)?(?:\(\w+\))*)*|\((?:EU|EC|EEC|Euratom)\)\s*(?:No\s*)?\d+\/\d+|\b\d{4}\/\d+\b|\(\s*(?:\d{1,2}|[a-z]|[ivx]+)\s*\)|\b\d{1,2}\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b/gu;

const PERCENT = new RegExp(`\\b(${NUM})\\s*(%|per\\s*cent|percent)`, 'giu');
const POWER =
  /\b(?:(\d+(?:[.,]\d+)?)\s*[x×·]\s*)?10([⁰¹²³⁴⁵⁶⁷⁸⁹⁻]+)(?:\s+(?:floating[- ]point\s+operations|FLOPs?))?/gu;
const COMPARED = new RegExp(
  `\\b(at\\s+least|at\\s+most|more\\s+than|less\\s+than|fewer\\s+than|up\\s+to|a\\s+minimum\\s+of|a\\s+maximum\\s+of|no\\s+more\\s+than|no\\s+fewer\\s+than|not\\s+less\\s+than|not\\s+more\\s+than|exceeding|above|below|over)\\s+(${NUM})\\b`,
  'giu',
);
const NUMBER_WORD =
  /\b(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|billion)\b/u;
const BARE_NUMBER = new RegExp(`\\b(${NUM})\\b`, 'giu');

/** Parties a code may bring in that its law does not name. Keys are singular, lower case, without "the". */
const ACTORS: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [
    /\bindependent\s+external\s+(?:evaluators?|assessors?|experts?)\b/giu,
    'independent external evaluator',
    ['external'],
  ],
  [
    /\b(?:external|independent)\s+(?:evaluators?|assessors?|experts?|auditors?)\b/giu,
    'external evaluator',
    ['external', 'independent'],
  ],
  [/\b(?:the\s+)?Scientific\s+Panel(?:\s+of\s+independent\s+experts)?\b/gu, 'scientific panel', ['panel']],
  [/\b(?:the\s+)?AI\s+Office\b/gu, 'ai office', ['office']],
  [/\b(?:the\s+)?(?:European\s+)?Commission\b/gu, 'commission', ['commission']],
  [/\bboard\s+of\s+directors\b/giu, 'board of directors', ['directors']],
  [/\b(?:the\s+)?(?:European\s+Artificial\s+Intelligence\s+)?Board\b/gu, 'board', ['board']],
  [/\b(?:the\s+)?[Aa]dvisory\s+[Ff]orum\b/gu, 'advisory forum', ['forum']],
  [/\bnational\s+competent\s+authorit(?:y|ies)\b/giu, 'national competent authority', ['competent']],
  [/\bmarket\s+surveillance\s+authorit(?:y|ies)\b/giu, 'market surveillance authority', ['surveillance']],
  [/\bnotified\s+bod(?:y|ies)\b/giu, 'notified body', ['notified']],
  [/\bmanagement\s+bod(?:y|ies)\b/giu, 'management body', ['management']],
  [/\bdownstream\s+providers?\b/giu, 'downstream provider', ['downstream']],
  [/\bdownstream\s+modifiers?\b/giu, 'downstream modifier', ['downstream']],
  [/\bproviders?\s+of\s+AI\s+systems\b/gu, 'provider of ai systems', ['ai systems']],
  [/\bthird\s+part(?:y|ies)\b/giu, 'third party', ['third part']],
  [/\bdeployers\b/giu, 'deployer', ['deployers']],
  [/\busers\b/giu, 'user', ['users']],
  [/\baffected\s+persons\b/giu, 'affected person', ['affected']],
  [/\bMember\s+States?\b/gu, 'member state', ['member state']],
  [/\bauthorised\s+representatives?\b/giu, 'authorised representative', ['authorised']],
  [
    /\b(?:red[- ]teamers|auditors|researchers|civil\s+society|academia)\b/giu,
    '',
    ['team', 'auditors', 'researchers', 'civil society', 'academia'],
  ],
  [/\bChief\s+Risk\s+Officer\b/gu, 'chief risk officer', ['officer']],
  [/\bsenior\s+management\b/giu, 'senior management', ['senior']],
];

/** Capitalised multi-word names of documents: "Safety and Security Model Report", "Framework". */
const DOCUMENT_NAME =
  /\b(?:\p{Lu}[\p{L}-]*\s+(?:(?:and|of|for|on|&)\s+)?){0,5}(?:Report|Framework|Policy|Plan|Register|Record|Summary|Template|Documentation|Notice|Statement|Protocol|Log|Specification|Card|Changelog)s?\b/gu;
/** Lower-case document nouns; "report" and "record" only after a determiner, because they are also verbs. */
const DOCUMENT_NOUN =
  /\b(?:(?:a|an|the|their|its|this|that|these|those|each|any|every|such|own|updated|relevant|written|’s|'s)\s+)?((?:(?:initial|intermediate|interim|final|annual|written|technical|serious\s+incident|incident|model|transparency|evaluation|audit|progress|summarised)\s+)*(?:reports?(?:\(s\))?|records?|logs?|documentation|changelogs?|summar(?:y|ies)|templates?|registers?))\b/giu;
const DOCUMENT_HINTS = [
  'report',
  'framework',
  'polic',
  'plan',
  'regist',
  'record',
  'summar',
  'template',
  'documentation',
  'notice',
  'statement',
  'protocol',
  'log',
  'specification',
  'card',
];
const DETERMINED =
  /^(?:a|an|the|their|its|this|that|these|those|each|any|every|such|own|updated|relevant|written|’s|'s)\s/iu;

const PROCEDURES: readonly (readonly [RegExp, string, readonly string[]])[] = [
  [/\bnotif(?:y|ies|ying|ied|ications?)\b/giu, 'notify', ['notif']],
  [/\bconfirm(?:s|ed|ing|ations?)?\b/giu, 'confirm', ['confirm']],
  [
    /\b(?:publish(?:es|ed|ing)?|publications?|make\s+publicly\s+available|made\s+publicly\s+available)\b/giu,
    'publish',
    ['publ'],
  ],
  [/\bassess(?:es|ed|ing|ments?)?\b/giu, 'assess', ['assess']],
  [/\breview(?:s|ed|ing)?\b/giu, 'review', ['review']],
  [/\baudit(?:s|ed|ing)?\b/giu, 'audit', ['audit']],
  [/\binvestigat(?:e|es|ed|ing|ions?)\b/giu, 'investigate', ['investigat']],
  [/\bevaluat(?:e|es|ed|ing|ions?)\b/giu, 'evaluate', ['evaluat']],
  [/\bconsult(?:s|ed|ing|ations?)?\b/giu, 'consult', ['consult']],
  [/\bapprov(?:e|es|ed|ing|als?)\b/giu, 'approve', ['approv']],
  [/\bcertif(?:y|ies|ied|ying|ications?)\b/giu, 'certify', ['certif']],
  [/\bverif(?:y|ies|ied|ying|ications?)\b/giu, 'verify', ['verif']],
];

const SCOPE =
  /\b(?:all|any|each|every|including|in\s+particular|whether\s+or\s+not|regardless\s+of|irrespective\s+of|at\s+a\s+minimum|(?:along|throughout)\s+the\s+entire\s+(?:model\s+)?lifecycle|at\s+any\s+time|in\s+all\s+cases)\b/giu;

/** Unit keys: weeks count as days and years as months, so "two weeks" meets "14 days" and "a year" "12 months". */
function unitKey(count: number, unit: string): string {
  const lower = unit.toLowerCase().replace(/\s+/gu, ' ');
  const prefix = /^(working|calendar|business) /u.exec(lower)?.[1];
  const base = lower.replace(/^(?:working|calendar|business) /u, '').replace(/s$/u, '');
  if (prefix === undefined && base === 'week') return `${count * 7} day`;
  if (prefix === undefined && base === 'year') return `${count * 12} month`;
  return `${count} ${prefix === undefined ? '' : `${prefix} `}${base}`;
}

function countOf(text: string | undefined): number {
  if (text === undefined) return 1;
  const lower = text.toLowerCase();
  if (lower === 'a' || lower === 'an') return 1;
  return numberValue(lower) ?? Number.NaN;
}

function superscriptToDigits(text: string): string {
  const map: Readonly<Record<string, string>> = {
    '⁰': '0',
    '¹': '1',
    '²': '2',
    '³': '3',
    '⁴': '4',
    '⁵': '5',
    '⁶': '6',
    '⁷': '7',
    '⁸': '8',
    '⁹': '9',
    '⁻': '-',
  };
  return [...text].map((ch) => map[ch] ?? ch).join('');
}

const COMPARATORS: Readonly<Record<string, string>> = {
  'at least': '≥',
  'a minimum of': '≥',
  'no less than': '≥',
  'not less than': '≥',
  'no fewer than': '≥',
  'at most': '≤',
  'up to': '≤',
  'a maximum of': '≤',
  'no more than': '≤',
  'not more than': '≤',
  'more than': '>',
  exceeding: '>',
  above: '>',
  over: '>',
  'less than': '<',
  'fewer than': '<',
  below: '<',
};

function comparator(text: string | undefined): string {
  return COMPARATORS[(text ?? '').toLowerCase().replace(/\s+/gu, ' ')] ?? '=';
}

/**
 * Everything of every kind a text says, in text order within each kind,
 * one finding per key (the first occurrence). Spans already read as a
 * deadline are not read again as a period or number, and citations are never
 * numbers.
 */
export function findAdditions(text: string): Finding[] {
  const source = normalizeSpace(text);
  const claimed: [number, number][] = [];
  const isClaimed = (start: number, end: number): boolean =>
    claimed.some(([from, to]) => start < to && end > from);
  const findings: Finding[] = [];
  const seen = new Set<string>();
  const add = (kind: AdditionKind, start: number, end: number, key: string, claim: boolean): void => {
    if (claim) claimed.push([start, end]);
    const full = `${kind}:${key}`;
    if (seen.has(full)) return;
    seen.add(full);
    findings.push({
      kind,
      text: source.slice(start, end),
      context: excerpt(source, start, end),
      key: full,
      start,
    });
  };
  // Most patterns cannot match most texts; a substring test is far cheaper than a
  // Unicode-aware, case-insensitive regex pass, and keeps a comparison within a few ms.
  const lower = source.toLowerCase();
  const has = (...needles: readonly string[]): boolean => needles.some((needle) => lower.includes(needle));
  const numbers = /\d/u.test(source) || NUMBER_WORD.test(lower);
  const units = has('hour', 'day', 'week', 'month', 'year');
  const scan = (
    ready: boolean,
    pattern: RegExp,
    each: (match: RegExpExecArray) => { kind: AdditionKind; key: string; end?: number } | null,
  ): void => {
    if (!ready) return;
    for (const match of source.matchAll(pattern)) {
      const start = match.index;
      const found = each(match);
      if (found === null) continue;
      const end = found.end ?? start + match[0].length;
      if (isClaimed(start, end)) continue;
      add(found.kind, start, end, found.key, true);
    }
  };

  // Deadlines first: they hold numbers and units that must not be read again.
  const relative = (m: RegExpExecArray): { kind: AdditionKind; key: string; end: number } | null => {
    const count = countOf(m[1]);
    if (Number.isNaN(count)) return null;
    const relation = (m[3] ?? '').toLowerCase() === 'before' ? 'before' : 'after';
    let end = m.index + m[0].length;
    const event = SHORT_EVENT.exec(source.slice(end, end + EVENT_WINDOW));
    const eventWords = event?.[1]?.trim().split(/\s+/u) ?? [];
    const lastWord = eventWords[eventWords.length - 1]?.toLowerCase() ?? '';
    // Only a whole event ("after the serious incident has been resolved"), never a
    // fragment cut at an aside ("after the provider or, where applicable, …").
    if (event !== null && eventWords.length <= MAX_EVENT_WORDS && !DANGLING.test(lastWord)) {
      end += event[0].length;
    }
    return { kind: 'deadline', key: `${unitKey(count, m[2] ?? '')} ${relation}`, end };
  };
  scan(numbers && units && has('later than', 'latest'), DEADLINE_RELATIVE, relative);
  scan(numbers && units && has('at least'), DEADLINE_AHEAD, relative);
  scan(units && has('within'), DEADLINE_WITHIN, (m) => {
    const count = countOf(m[1]);
    return Number.isNaN(count) ? null : { kind: 'deadline', key: `${unitKey(count, m[2] ?? '')} after` };
  });
  scan(numbers && has('by ', 'before', 'later than'), DEADLINE_DATE, (m) => ({
    kind: 'deadline',
    key: `by ${(m[1] ?? '').toLowerCase()}`,
  }));
  scan(has('market', 'into service'), DEADLINE_MARKET, () => ({
    kind: 'deadline',
    key: 'before placing on the market',
  }));
  scan(
    has('delay', 'immediately', 'promptly', 'forthwith', 'as soon as', 'timely', 'reasonable'),
    DEADLINE_PHRASES,
    (m) => ({
      kind: 'deadline',
      key: m[0].toLowerCase().replace(/\s+/gu, ' ').replace('without delay', 'without undue delay'),
    }),
  );
  scan(has('later than'), DEADLINE_LATER_EVENT, (m) => ({
    kind: 'deadline',
    key: `not later than ${(m[1] ?? '').toLowerCase()}`,
  }));

  scan(units && has('every'), DURATION_EVERY, (m) => {
    const count = countOf(m[1]);
    return Number.isNaN(count) ? null : { kind: 'duration', key: `every ${unitKey(count, m[2] ?? '')}` };
  });
  scan(units, DURATION_BOUND, (m) => {
    const count = countOf(m[2]);
    if (Number.isNaN(count)) return null;
    return { kind: 'duration', key: `${comparator(m[1])} ${unitKey(count, m[3] ?? '')}` };
  });
  scan(numbers && units && has('for '), DURATION_FOR, (m) => {
    const count = countOf(m[1]);
    return Number.isNaN(count) ? null : { kind: 'duration', key: `= ${unitKey(count, m[2] ?? '')}` };
  });
  scan(has('ly'), DURATION_ADVERB, (m) => {
    const every: Readonly<Record<string, string>> = {
      annually: '12 month',
      yearly: '12 month',
      biannually: '6 month',
      quarterly: '3 month',
      monthly: '1 month',
      weekly: '7 day',
      daily: '1 day',
    };
    return { kind: 'duration', key: `every ${every[(m[1] ?? '').toLowerCase()] ?? ''}` };
  });
  scan(numbers && units, DURATION_PLAIN, (m) => {
    const count = countOf(m[1]);
    return Number.isNaN(count) ? null : { kind: 'duration', key: `= ${unitKey(count, m[2] ?? '')}` };
  });

  // Citations are claimed without being findings.
  if (numbers) {
    for (const match of source.matchAll(REFERENCE)) {
      claimed.push([match.index, match.index + match[0].length]);
    }
  }

  scan(numbers && has('%', 'cent'), PERCENT, (m) => {
    const value = numberValue(m[1] ?? '');
    return value === null ? null : { kind: 'number', key: `${value}%` };
  });
  scan(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/u.test(source), POWER, (m) => ({
    kind: 'number',
    key: `${m[1] ?? '1'}e${superscriptToDigits(m[2] ?? '')}`,
  }));
  scan(
    numbers &&
      has(
        'least',
        'most',
        'more than',
        'less than',
        'fewer',
        'up to',
        'minimum',
        'maximum',
        'exceed',
        'above',
        'below',
        'over',
      ),
    COMPARED,
    (m) => {
      const value = numberValue(m[2] ?? '');
      return value === null ? null : { kind: 'number', key: `${comparator(m[1])} ${value}` };
    },
  );
  scan(numbers, BARE_NUMBER, (m) => {
    const word = (m[1] ?? '').toLowerCase();
    // "one of", "one or more": too common to be a figure; a year is a date.
    if (word === 'one' || word === 'zero' || /^(?:19|20)\d\d$/u.test(word)) return null;
    const value = numberValue(word);
    return value === null ? null : { kind: 'number', key: `= ${value}` };
  });

  // The list runs from the most specific name to the least, and a name inside one already
  // read ("external evaluators" in "independent external evaluators") is the same party.
  const named: [number, number][] = [];
  for (const [pattern, key, hint] of ACTORS) {
    if (!has(...hint)) continue;
    for (const match of source.matchAll(pattern)) {
      const name = match[0].replace(/^the\s+/iu, '');
      const start = match.index + match[0].length - name.length;
      const end = start + name.length;
      if (named.some(([from, to]) => start < to && end > from)) continue;
      named.push([start, end]);
      add('actor', start, end, key.length > 0 ? key : singular(name.toLowerCase()), false);
    }
  }

  const documents: Finding[] = [];
  const mentionsDocument = DOCUMENT_HINTS.some((hint) => lower.includes(hint));
  for (const match of mentionsDocument ? source.matchAll(DOCUMENT_NAME) : []) {
    const name = match[0].replace(/^(?:The|A|An|Their|Its|This|Such|Each|Any|If|For|Where|When)\s+/u, '');
    if (!/\s/u.test(name) && !/^(?:Framework|Changelog)s?$/u.test(name)) continue;
    const start = match.index + match[0].length - name.length;
    documents.push(documentFinding(source, start, name));
  }
  for (const match of mentionsDocument ? source.matchAll(DOCUMENT_NOUN) : []) {
    const name = match[1] ?? '';
    const start = match.index + match[0].length - name.length;
    const determined = DETERMINED.test(match[0]) || name.includes(' ');
    const head = name.toLowerCase().split(/\s+/u).pop() ?? '';
    if (!determined && /^(?:report|record|log|register)s?(?:\(s\))?$/u.test(head)) continue;
    documents.push(documentFinding(source, start, name));
  }
  documents.sort((x, y) => x.start - y.start);
  const names = documents.map((document) => document.key.slice('document:'.length));
  for (const document of documents) {
    const name = document.key.slice('document:'.length);
    // "Model Report" inside "Safety and Security Model Report", a bare "report" beside
    // "initial report": the longer name says which document is meant.
    if (names.some((other) => other.endsWith(` ${name}`))) continue;
    if (seen.has(document.key)) continue;
    seen.add(document.key);
    findings.push(document);
  }

  for (const [pattern, key, hint] of PROCEDURES) {
    if (!has(...hint)) continue;
    for (const match of source.matchAll(pattern)) {
      add('procedure', match.index, match.index + match[0].length, key, false);
    }
  }
  for (const match of source.matchAll(SCOPE)) {
    const start = match.index;
    const end = start + match[0].length;
    if (isClaimed(start, end)) continue;
    add('scope', start, end, match[0].toLowerCase().replace(/\s+/gu, ' '), false);
  }
  return findings;
}

function documentFinding(source: string, start: number, name: string): Finding {
  const key = `document:${singular(name.toLowerCase().replace(/\(s\)$/u, ''))}`;
  return {
    kind: 'document',
    text: name,
    context: excerpt(source, start, start + name.length),
    key,
    start,
  };
}

function singular(phrase: string): string {
  return phrase
    .replace(/ies$/u, 'y')
    .replace(/(?<!s)s$/u, '')
    .replace(/\s+/gu, ' ');
}

/** Whether a finding of one text is said by the other (documents also by a longer or shorter name). */
export function saidBy(finding: Finding, others: readonly Finding[]): boolean {
  if (finding.kind !== 'document') return others.some((other) => other.key === finding.key);
  const name = finding.key.slice('document:'.length);
  return others.some((other) => {
    if (other.kind !== 'document') return false;
    const theirs = other.key.slice('document:'.length);
    return theirs === name || theirs.endsWith(` ${name}`) || name.endsWith(` ${theirs}`);
  });
}

/** The public shape of a finding (no key or offset). */
export function toAddition(finding: Finding): Addition {
  return { kind: finding.kind, text: finding.text, context: finding.context };
}
