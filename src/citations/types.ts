/**
 * The public shapes of citations: what a reference in a text names, in which document, and what of it
 * could not be found.
 */

/** The law (the act a code implements), the document the text belongs to, or another act. */
export type CitationTarget = 'law' | 'self' | 'external';

/** A part of a reference that names a provision the target document does not have. */
export interface Unresolved {
  /** The provision as it would be cited in full, e.g. `Article 53(9)`; else the reference as written. */
  readonly text: string;
  /** Why it was not resolved, in plain words, e.g. `Article 53 has no paragraph 9`. */
  readonly reason: string;
}

export interface Citation {
  /** The reference exactly as written in the input, e.g. `Article 55(1), points (a) to (d)`. */
  readonly text: string;
  /** Offset of `text` in the input. */
  readonly start: number;
  /** Offset just past `text` in the input. */
  readonly end: number;
  readonly target: CitationTarget;
  /** The other act as written, e.g. `Directive (EU) 2019/790`; null unless `target` is `external`. */
  readonly external: string | null;
  /**
   * Clause ids resolved in the target document, in order of appearance, each once; only ids that exist.
   * Where a provision is missing, its nearest existing enclosing unit stands in (`Article 53(9)` gives
   * `art_53`), unless a resolved id of the same citation already lies inside it. Always [] for `external`.
   */
  readonly ids: readonly string[];
  /** The parts that name provisions that do not exist, with the reason. */
  readonly unresolved: readonly Unresolved[];
}

export interface CitationContext {
  /** Ids of the law (the act the code implements), e.g. `new Set(tree.units.map(u => u.id))`. */
  readonly law: ReadonlySet<string>;
  /** Ids of the document the text belongs to (the code, or the law itself when reading the law). */
  readonly self: ReadonlySet<string>;
  /** What kind of document the text belongs to: decides what an unqualified `Article 53` means. */
  readonly selfKind: 'act' | 'code';
  /** The id of the unit the text belongs to, for relative references (`paragraph 1 of this Article`, `point (a)`). */
  readonly currentId?: string;
}
