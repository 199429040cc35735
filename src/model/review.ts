/**
 * The review: what a user records about a code against a law. Projects pair two documents, links
 * join a code unit to a law provision (suggested by the linker or added by hand), and annotations
 * hold the user's verdict on a code unit or on one of its links. These shapes are stored (Dexie),
 * exported (memos, bundles) and merged, so they are plain JSON-safe data: strings, numbers,
 * booleans, arrays, null. Times are ISO 8601 strings.
 */
import type { SuggestedStance } from '../compare/index';
import type { LinkBasis } from '../linking/index';
import type { DocumentKind } from './clause';

/** How a code unit relates to the law's obligation, as the user records it. */
export const STANCES = ['clarifies', 'expands', 'restates', 'narrows', 'conflicts', 'unclear'] as const;
export type ReviewStance = (typeof STANCES)[number];

/** NIST IR 8477 set-theory relationship of the code unit (focal) to the law provision (reference). */
export const RELATIONSHIPS = [
  'equal',
  'subset-of',
  'superset-of',
  'intersects-with',
  'no-relationship',
] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** NIST IR 8477 rationale types: why the two are related. */
export const RATIONALE_TYPES = ['syntactic', 'semantic', 'functional'] as const;
export type RationaleType = (typeof RATIONALE_TYPES)[number];

/** NIST IR 8477 strength of relationship: an integer from 1 (weak) to 10 (strong). */
export const MIN_STRENGTH = 1;
export const MAX_STRENGTH = 10;

export const REVIEW_STATUSES = ['draft', 'reviewed', 'disputed'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A link's state in the review: the linker's proposal, or the user's decision on it. */
export const LINK_STATUSES = ['suggested', 'accepted', 'rejected'] as const;
export type LinkStatus = (typeof LINK_STATUSES)[number];

/** Who made a link: the linker (`machine`) or a person (`user`, e.g. by typing a citation). */
export type LinkOrigin = 'machine' | 'user';

/** W3C TextQuoteSelector: the words an annotation was written against, with some context each side. */
export interface TextQuote {
  readonly exact: string;
  readonly prefix: string;
  readonly suffix: string;
}

/** An imported PDF, identified by the SHA-256 of its bytes. */
export interface DocumentRecord {
  readonly fingerprint: string;
  /** The file's name as the user picked it (never a path). */
  readonly fileName: string;
  readonly title: string;
  readonly kind: DocumentKind;
  readonly pages: number;
  readonly unitCount: number;
  readonly byteLength: number;
  readonly importedAt: string;
}

/** One law read against one code. */
export interface ProjectRecord {
  readonly id: string;
  readonly name: string;
  readonly lawFingerprint: string;
  readonly codeFingerprint: string;
  /** The bundled sample (synthetic act and code), opened from the library in one click. */
  readonly sample: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A code unit (`source`) joined to a law provision (`target`) within a project. */
export interface LinkRecord {
  /** `${projectId}|${source}|${target}`: one link per pair and project. */
  readonly id: string;
  readonly projectId: string;
  readonly source: string;
  readonly target: string;
  readonly status: LinkStatus;
  readonly origin: LinkOrigin;
  /** 1-based rank among the source's machine suggestions; null for a link a user added. */
  readonly rank: number | null;
  /** 0..1; null for a link a user added. */
  readonly score: number | null;
  readonly basis: readonly LinkBasis[];
  readonly evidence: readonly string[];
  readonly suggestedStance: SuggestedStance | null;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/**
 * The user's verdict on a code unit (`target` null) or on one of its links (`target` = the law
 * provision). Keeps the clause id and a quote of the text it was written against, so it can be
 * re-anchored when a revised document is imported.
 */
export interface Annotation {
  readonly id: string;
  readonly projectId: string;
  /** Clause id of the code unit. */
  readonly source: string;
  /** Clause id of the law provision when the annotation is on a link; null for the unit itself. */
  readonly target: string | null;
  readonly quote: TextQuote;
  readonly stance: ReviewStance | null;
  readonly relationship: Relationship | null;
  readonly rationaleType: RationaleType | null;
  /** 1..10, or null when not assessed. */
  readonly strength: number | null;
  /** Markdown. */
  readonly rationale: string;
  readonly tags: readonly string[];
  readonly status: ReviewStatus;
  readonly author: string;
  /** True when the stance was adopted from the machine's suggestion (then edited or not). */
  readonly fromSuggestion: boolean;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The id of the link joining `source` to `target` in a project. */
export function linkId(projectId: string, source: string, target: string): string {
  return `${projectId}|${source}|${target}`;
}

/**
 * How the response judges an objection: `unfounded` — the commitments it concerns only clarify the
 * law; `founded` — they do go beyond it (the response admits it); `partly-founded` — some do.
 */
export const OBJECTION_ASSESSMENTS = ['unfounded', 'partly-founded', 'founded'] as const;
export type ObjectionAssessment = (typeof OBJECTION_ASSESSMENTS)[number];

/**
 * An objection raised against the code ("the Code exceeds the AI Act's scope on copyright"), the
 * code units it concerns, and the user's response to it. Travels in bundles like annotations.
 */
export interface Objection {
  readonly id: string;
  readonly projectId: string;
  /** A short name for lists: `Copyright scope`. */
  readonly title: string;
  /** Who raised it: an organisation or a person. */
  readonly raisedBy: string;
  /** When, as an ISO date (`2025-08-14`), or empty when unknown. */
  readonly raisedOn: string;
  /** Where: a letter, a consultation answer, a press release, with its reference. */
  readonly source: string;
  /** The objection's own words, quoted. */
  readonly claim: string;
  /** Clause ids of the code units it concerns, in the order the user attached them. */
  readonly units: readonly string[];
  readonly assessment: ObjectionAssessment | null;
  /** Markdown: the evidence that the code clarifies, or the admission that it expands. */
  readonly response: string;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}
