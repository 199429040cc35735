/** Ranked, evidenced links from a code's units to the law's provisions. */
export { suggestLinks, withStances } from './suggest';
export type { LinkBasis, LinkOptions, LinkReport, LinkSuggestion, UnresolvedReference } from './suggest';
export { TreeIndex } from './tree-index';
