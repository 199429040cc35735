/**
 * Obligations as a drafter writes them: an actor, a modal verb ("shall",
 * "will", "commit to" …), the verb phrase it governs and what follows. A
 * pattern reader, not a parser: it reads the forms EU acts and codes of
 * practice use, and leaves anything else out rather than guessing.
 */
import { capitalize, normalizeSpace, sentences, stem, STOP_WORDS } from './text';

/**
 * The modal force of an obligation. Negated binding forms ("shall not",
 * "must not", and "will not", the Code's own binding form) are `shall-not`;
 * negated permissive or advisory forms ("may not", "cannot", "should not")
 * are `may-not`.
 */
export type Modality =
  'shall' | 'must' | 'will' | 'commit' | 'should' | 'may' | 'required' | 'shall-not' | 'may-not';

/** One obligation read from a text. */
export interface Obligation {
  /** `commit` for "commit(s) to", `required` for "is/are required to". */
  readonly modality: Modality;
  /** Who is bound ("Signatories", "Providers of general-purpose AI models"), or null when the text does not say. */
  readonly actor: string | null;
  /** The verb phrase head, e.g. "report" or "keep track of, document, and report". */
  readonly action: string;
  /** What follows the verb phrase, trimmed to its clause; null when nothing does. */
  readonly object: string | null;
  /** The sentence it came from; for a listed point, the lead-in and the point. */
  readonly sentence: string;
}

/**
 * Modal verbs, lower case only: "May" is a month, "Will" a name, and no
 * well-formed obligation starts a sentence with its modal.
 */
const MODAL =
  /\b(?:(shall|must|will|should|may)(\s+not)?|(cannot)|(commits?)\s+to|(?:is|are)\s+(required)\s+to)\b/gu;

/** Words before "will"/"may" that make it a noun ("the will of"), not a modal. */
const NOUN_BEFORE = /\b(?:the|a|an|free|good|political|own|their|its)\s+$/u;

/** Adverbs that may sit between the modal and its verb. */
const ADVERBS = new Set([
  'also',
  'only',
  'further',
  'then',
  'still',
  'therefore',
  'thereby',
  'jointly',
  'equally',
  'both',
  'each',
  'always',
  'at',
  'least',
]);

/** Words ending in -ly that are verbs, not adverbs. */
const LY_VERBS = new Set(['apply', 'supply', 'rely', 'reply', 'comply', 'multiply', 'ally']);

/** Auxiliaries that take the next word into the verb phrase ("be treated", "have confirmed"). */
const AUXILIARIES = new Set(['be', 'been', 'being', 'have', 'has', 'get']);

/** What may follow a verb and still belong to its head ("keep track of", "take into account"). */
const PARTICLES: readonly (readonly string[])[] = [
  ['track', 'of'],
  ['into', 'account'],
  ['account', 'of'],
  ['in', 'place'],
  ['publicly', 'available'],
  ['available'],
  ['up-to-date'],
  ['up', 'to', 'date'],
  ['aware', 'of'],
  ['up'],
  ['out'],
  ['down'],
  ['off'],
];

const PARTICLE_PATTERNS: readonly RegExp[] = PARTICLES.map(
  (particle) => new RegExp(`^\\s+${particle.join('\\s+')}\\b`, 'u'),
);

/** A subordinate clause starts here; the object ends before it. */
const CLAUSE_END =
  /,\s+(?:which|where|whereby|if|unless|when|whenever|whereas|provided|save|so\s+that|in\s+order\s+to|while|whilst)\b/iu;

const MAX_OBJECT_WORDS = 30;
const MAX_ACTOR_WORDS = 16;
const ACTOR_WINDOW = 400;
const PHRASE_WINDOW = 600;
const ADVERB_WINDOW = 80;

/** Pronouns that point back to the previous obligation's actor. */
const BACK_REFERENCES = new Set(['they', 'it', 'he', 'she', 'we']);
/** Relative pronouns: the actor is a thing named earlier in the sentence, not a party. */
const RELATIVES = new Set(['which', 'that', 'who', 'whom', 'whose']);

/** A lead-in whose modal governs the points listed after it ("Providers … shall:"). */
interface LeadIn {
  readonly modality: Modality;
  readonly actor: string | null;
  readonly sentence: string;
}

/** An open list: the lead-in that opened it (null for a list of noun phrases) and how many items it has had. */
interface ListFrame {
  readonly leadIn: LeadIn | null;
  items: number;
}

/**
 * A commitment's text opens with its "LEGAL TEXT: Articles … AI Act" line,
 * which has no full stop: without this the first actor would read
 * "115 AI Act Signatories".
 */
const LEGAL_TEXT_LINE = /^LEGAL TEXT:.*?\bAI Act\b\s*/u;

/**
 * Reads the obligations in a text, in order. A lead-in that ends in a modal
 * and a colon ("Providers … shall:") lends its actor and modality to each
 * listed point that starts with a verb ("keep track of, document, and report
 * …"). Lists nest: a lead-in inside a listed point opens a sub-list, which
 * closes after its item introduced by "and"/"or" (the "…; and" before the last
 * item is how EU texts end a list). Prose that resumes with a capital and an
 * obligation of its own closes every open list. Total: never throws; a text
 * without modal verbs gives `[]`.
 */
export function obligations(text: string): Obligation[] {
  const out: Obligation[] = [];
  const lists: ListFrame[] = [];
  let lastActor: string | null = null;
  for (const sentence of sentences(normalizeSpace(text).replace(LEGAL_TEXT_LINE, ''))) {
    const lastItem = /^(?:and\/or|and|or)\s+/iu.exec(sentence.text);
    const body = lastItem ? sentence.text.slice(lastItem[0].length) : sentence.text;
    const capital = /^\p{Lu}/u.test(body);
    const top = lists[lists.length - 1];
    if (!capital && top !== undefined) {
      top.items++;
      if (top.leadIn !== null) {
        const listed = pointObligation(body, top.leadIn);
        if (listed !== null) out.push(listed);
      }
    }
    // undefined: this sentence opens no list; null: it opens a list of noun phrases.
    let opened: LeadIn | null | undefined;
    let ownObligation = false;
    for (const found of modalsIn(body)) {
      let actor = found.actor;
      if (actor !== null && BACK_REFERENCES.has(actor.toLowerCase())) actor = lastActor;
      if (actor !== null) lastActor = actor;
      if (found.leadIn && sentence.terminator === ':') {
        opened = { modality: found.modality, actor, sentence: body };
        continue;
      }
      const phrase = verbPhrase(body, found.verbStart);
      if (phrase === null) continue;
      ownObligation = true;
      out.push({ modality: found.modality, actor, ...phrase, sentence: body });
    }
    if (opened === undefined && sentence.terminator === ':') opened = null;
    if (capital && ownObligation && opened === undefined) lists.length = 0;
    if (opened !== undefined) {
      const current = lists[lists.length - 1];
      // A lead-in inside an item of an open list opens a sub-list; right after another
      // lead-in (no item yet) it replaces it.
      if (current !== undefined && current.items === 0) lists.pop();
      lists.push({ leadIn: opened, items: 0 });
    } else if (lastItem !== null && !capital) {
      lists.pop();
    }
  }
  return out;
}

interface ModalFound {
  readonly modality: Modality;
  readonly actor: string | null;
  /** Where the verb phrase starts (after the modal, "not" and adverbs). */
  readonly verbStart: number;
  /** Only a colon follows the modal (and its adverbs): it leads in a list. */
  readonly leadIn: boolean;
}

function modalsIn(body: string): ModalFound[] {
  const found: ModalFound[] = [];
  for (const match of body.matchAll(MODAL)) {
    // An actor is at most a few words, a verb phrase and its object a clause: windows keep a
    // pathological sentence (hundreds of modals, no full stop) from costing quadratic time.
    const before = body.slice(Math.max(0, match.index - ACTOR_WINDOW), match.index);
    const [, modal, negation, cannot, commit, required] = match;
    if (modal !== undefined && (modal === 'will' || modal === 'may') && NOUN_BEFORE.test(before)) {
      continue;
    }
    const modality = modalityOf(modal, negation !== undefined, cannot, commit, required);
    if (modality === null) continue;
    let position = match.index + match[0].length;
    position = skipAdverbs(body, position);
    found.push({
      modality,
      actor: actorBefore(before),
      verbStart: position,
      leadIn:
        /^\s*:\s*$/u.test(body.slice(position, position + ADVERB_WINDOW)) &&
        body.length - position < ADVERB_WINDOW,
    });
  }
  return found;
}

function modalityOf(
  modal: string | undefined,
  negated: boolean,
  cannot: string | undefined,
  commit: string | undefined,
  required: string | undefined,
): Modality | null {
  if (cannot !== undefined) return 'may-not';
  if (commit !== undefined) return 'commit';
  if (required !== undefined) return 'required';
  switch (modal) {
    case 'shall':
    case 'must':
    case 'will':
      return negated ? 'shall-not' : modal;
    case 'should':
    case 'may':
      return negated ? 'may-not' : modal;
    default:
      return null;
  }
}

/** Skips adverbs ("also", "continuously") and a parenthetical (", where appropriate,") after the modal. */
function skipAdverbs(body: string, from: number): number {
  let position = from;
  for (;;) {
    const rest = body.slice(position, position + ADVERB_WINDOW);
    const parenthetical = /^\s*,[^,;:]{1,60},/u.exec(rest);
    if (parenthetical) {
      position += parenthetical[0].length;
      continue;
    }
    const word = /^\s*([\p{L}-]+)/u.exec(rest);
    const lower = word?.[1]?.toLowerCase();
    if (word === null || lower === undefined) return position;
    const adverb = ADVERBS.has(lower) || (lower.endsWith('ly') && !LY_VERBS.has(lower));
    if (!adverb) return position;
    position += word[0].length;
  }
}

/**
 * The actor is the noun phrase right before the modal, within its clause:
 * after the last comma, so "In addition to the obligations listed in Articles
 * 53 and 54, providers of … shall" gives "providers of …".
 */
function actorBefore(before: string): string | null {
  // "(2) they will", "Signatories (directly or indirectly) will": brackets are asides.
  const clause =
    before
      .replace(/\([^()]*\)/gu, ' ')
      .split(/[,;:()]/u)
      .pop() ?? '';
  let words = clause
    .trim()
    .replace(/^(?:and|or|but|then|so|thus|hence|moreover|however|further(?:more)?)\s+/iu, '')
    .split(/\s+/u)
    .filter((word) => word.length > 0);
  if (words.length === 0) return null;
  const first = words[0]?.toLowerCase() ?? '';
  if (RELATIVES.has(first) && words.length === 1) return null;
  if (/^(?:if|where|when|unless|whether|although|because|once|as)$/u.test(first)) return null;
  const last = words[words.length - 1]?.toLowerCase() ?? '';
  if (STOP_WORDS.has(last) && !BACK_REFERENCES.has(last)) return null;
  // "Providers … with systemic risks who do not adhere to …": the party is the head, before "who".
  const relative = words.findIndex((word, i) => i > 0 && RELATIVES.has(word.toLowerCase()));
  if (relative > 0 && words.length > MAX_ACTOR_WORDS / 2) words = words.slice(0, relative);
  return capitalize(words.slice(-MAX_ACTOR_WORDS).join(' '));
}

/**
 * The verb phrase head at `from`: a verb (with auxiliaries and particles),
 * then any further verbs coordinated with it ("keep track of, document, and
 * report"); and the object that follows. Where "commit(s) to" governs a noun
 * phrase ("commit to a Framework adoption process") the action is "commit
 * to". Null when no verb stands there.
 */
function verbPhrase(body: string, from: number): { action: string; object: string | null } | null {
  const rest = body.slice(from, from + PHRASE_WINDOW);
  const head = verbAt(rest, 0);
  if (head === null) {
    const commit = /\b(commits?\s+to)\s*$/u.exec(body.slice(Math.max(0, from - 20), from))?.[1];
    const object = objectFrom(rest);
    return commit !== undefined && object !== null ? { action: commit, object } : null;
  }
  let end = head.end;
  for (;;) {
    const joint = /^(\s*,\s*(?:and\/or\s+|and\s+|or\s+)?|\s+(?:and\/or|and|or)\s+)/u.exec(rest.slice(end));
    if (joint === null) break;
    const next = verbAt(rest, end + joint[0].length);
    if (next === null) break;
    const after = rest.slice(next.end);
    const listGoesOn = /^\s*(?:[,;:]|and\b|or\b|$)/u.test(after);
    // A comma-joined word must be followed by more of the list; after "and"/"or"
    // it may be the last verb, followed by its object ("assess and mitigate risks").
    if (!joint[0].includes('and') && !joint[0].includes('or') && !listGoesOn) break;
    end = next.end;
  }
  return { action: rest.slice(0, end).trim(), object: objectFrom(rest.slice(end)) };
}

/** A verb with its auxiliaries and particles at `from` in `text`, or null when the word there is a function word. */
function verbAt(text: string, from: number): { end: number } | null {
  const first = /^\s*([\p{Ll}][\p{L}-]*)/u.exec(text.slice(from));
  if (first === null) return null;
  const word = first[1]?.toLowerCase() ?? '';
  if (STOP_WORDS.has(word) && !AUXILIARIES.has(word)) return null;
  let end = from + first[0].length;
  let current = word;
  while (AUXILIARIES.has(current)) {
    const next = /^\s+([\p{Ll}][\p{L}-]*)/u.exec(text.slice(end));
    if (next === null) break;
    end += next[0].length;
    current = next[1]?.toLowerCase() ?? '';
  }
  const rest = text.slice(end);
  for (const pattern of PARTICLE_PATTERNS) {
    const match = pattern.exec(rest);
    if (match !== null) {
      end += match[0].length;
      break;
    }
  }
  return { end };
}

function objectFrom(text: string): string | null {
  let object = text.replace(/^[\s,]+/u, '');
  const stop = /[;:]/u.exec(object);
  if (stop) object = object.slice(0, stop.index);
  const clause = CLAUSE_END.exec(object);
  if (clause) object = object.slice(0, clause.index);
  const words = object.split(/\s+/u).filter((word) => word.length > 0);
  object = words.slice(0, MAX_OBJECT_WORDS).join(' ');
  object = object.replace(/[\s,.;:]+$/u, '');
  return object.length === 0 ? null : object;
}

function pointObligation(
  body: string,
  leadIn: { modality: Modality; actor: string | null; sentence: string },
): Obligation | null {
  // "(a) keep track of …": a printed point marker may precede the verb.
  const marker = /^\(?(?:[a-z]|[ivx]+|\d+)\)\s+/u.exec(body);
  const start = marker ? marker[0].length : 0;
  if (!/^\p{Ll}/u.test(body.slice(start))) return null;
  const phrase = verbPhrase(body, start);
  // "documentation of …" passes the stop-word test but is a noun, and a listed noun phrase is
  // the lead-in's object, not a new obligation.
  if (phrase === null || !looksLikeVerb(phrase.action.split(/\s/u)[0] ?? '')) return null;
  return {
    modality: leadIn.modality,
    actor: leadIn.actor,
    action: phrase.action,
    object: phrase.object,
    sentence: `${leadIn.sentence} ${body}`,
  };
}

/** Nouns commonly opening a listed point; anything else at the head of a point is read as a verb. */
function looksLikeVerb(word: string): boolean {
  const lower = word.toLowerCase();
  return !/(?:tion|sion|ment|ness|ity|ship|ists|ories|ings)$/u.test(lower);
}

/** The verbs of an action ("keep track of, document, and report" → keep, document, report), stemmed. */
export function actionVerbs(action: string): Set<string> {
  const verbs = new Set<string>();
  for (const part of action.split(/,|\band\/or\b|\band\b|\bor\b/u)) {
    const words = part
      .trim()
      .split(/\s+/u)
      .filter((word) => word.length > 0 && !AUXILIARIES.has(word.toLowerCase()));
    const first = words[0];
    if (first !== undefined && !STOP_WORDS.has(first.toLowerCase())) verbs.add(stem(first));
  }
  return verbs;
}

/** Binding forms: what a law imposes. */
export function isBinding(modality: Modality): boolean {
  switch (modality) {
    case 'shall':
    case 'must':
    case 'required':
    case 'shall-not':
    case 'will':
    case 'commit':
      return true;
    case 'should':
    case 'may':
    case 'may-not':
      return false;
    default: {
      const unreachable: never = modality;
      return unreachable;
    }
  }
}
