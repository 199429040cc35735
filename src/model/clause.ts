/**
 * The clause tree: the stable, public shape every other part of Crosswalk
 * (linking, annotations, memos, the CLI's JSON) builds on.
 */

/** A clause id such as `art_53__para_1__point_b`. Branded so it cannot be mixed up with free text. */
export type ClauseId = string & { readonly __brand: 'ClauseId' };

/** 1-based page number, as printed in a PDF viewer. */
export type PageNumber = number & { readonly __brand: 'PageNumber' };

export const UNIT_TYPES = [
  'preamble',
  'citation',
  'recital',
  'part',
  'title',
  'chapter',
  'section',
  'article',
  'paragraph',
  'subparagraph',
  'point',
  'annex',
  'objective',
  'commitment',
  'measure',
  'glossary',
  'appendix',
  'heading',
  'other',
] as const;
export type UnitType = (typeof UNIT_TYPES)[number];

export const DOCUMENT_KINDS = ['act', 'code', 'other'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** A footnote kept with the unit whose text carries its marker. */
export interface Note {
  /** The marker as printed, e.g. `(12)`. */
  readonly marker: string;
  readonly text: string;
}

/** Where a stretch of a unit's text sits on the page, in PDF user space (origin bottom-left). */
export interface TextBox {
  /** Offset in the unit's `text` where this box starts (inclusive). */
  readonly start: number;
  /** Offset in the unit's `text` where this box ends (exclusive). */
  readonly end: number;
  readonly page: PageNumber;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Unit {
  readonly id: ClauseId;
  readonly type: UnitType;
  /** The number as printed: `(b)`, `53`, `V`, `1.1`; null where none is printed. */
  readonly num: string | null;
  readonly heading: string | null;
  /** The unit's own text, without its children's. */
  readonly text: string;
  readonly parent: ClauseId | null;
  readonly page: PageNumber;
  readonly notes: readonly Note[];
  /** Offsets of `text` mapped back to page coordinates (for highlighting on the PDF page). */
  readonly boxes: readonly TextBox[];
}

export interface DocumentInfo {
  readonly kind: DocumentKind;
  readonly title: string;
  readonly pages: number;
  /** sha256 of the file's bytes, lowercase hex. */
  readonly fingerprint: string;
}

export interface ClauseTree {
  readonly document: DocumentInfo;
  /** In document order; parents always come before their children. */
  readonly units: readonly Unit[];
}
