/**
 * Citations: EU legal references in free text (`Article 55(1), points (a) to (d)`, `recitals 110, 114,
 * and 115 AI Act`, `Measure 1.2, second paragraph, point (1)(a)`, `paragraph 1 of this Article`),
 * each resolved to the clause ids of the document it names, and ids formatted back into such text.
 */
export type { Citation, CitationContext, CitationTarget, Unresolved } from './types';
export { findCitations } from './resolve';
export { formatCitation } from './format';
export { normalizeQuery, resolveQuery, type QueryResolution } from './query';
