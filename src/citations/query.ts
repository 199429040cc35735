/**
 * Citations as people type them into a box: `Art 55(1)(c)`, `art. 53`, `55(1)(c)`, `Annex XI`,
 * `rec 110`, `Measure 9.3`. They are rewritten into the forms the citation grammar reads
 * (`Article 55(1)(c)`) and resolved against the law's ids (or, for `Measure`/`Commitment`, the
 * code's), so the app's "add a link" and search boxes accept the shorthand lawyers use.
 */
import { findCitations } from './resolve';
import type { Unresolved } from './types';

export interface QueryResolution {
  /** The query as the grammar read it, e.g. `Article 55(1)(c)`. */
  readonly normalized: string;
  /** Which document the ids belong to. */
  readonly target: 'law' | 'code';
  /** Resolved ids, each once, in order. */
  readonly ids: readonly string[];
  readonly unresolved: readonly Unresolved[];
}

const ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/^(?:art(?:icle)?s?)\.?\s*/i, 'Article '],
  [/^(?:anx|annex(?:es)?)\.?\s*/i, 'Annex '],
  [/^(?:rec(?:ital)?s?)\.?\s*/i, 'recital '],
  [/^(?:msr|measures?)\.?\s*/i, 'Measure '],
  [/^(?:cmt|commitments?)\.?\s*/i, 'Commitment '],
  [/^(?:chap(?:ter)?s?|ch)\.?\s*/i, 'Chapter '],
  [/^(?:app(?:endix)?)\.?\s*/i, 'Appendix '],
];

/** A bare number with optional brackets (`55(1)(c)`, `3(65)`, `53`) reads as an article. */
const BARE_ARTICLE = /^\d+[a-z]?(?:\s*\(\s*[0-9a-z]+\s*\))*$/i;

/** Rewrites a typed citation into grammar form; null when it does not look like a citation at all. */
export function normalizeQuery(query: string): string | null {
  const text = query.trim().replace(/\s+/g, ' ');
  if (text === '' || text.length > 200) return null;
  if (BARE_ARTICLE.test(text)) return `Article ${text}`;
  for (const [pattern, word] of ABBREVIATIONS) {
    const match = pattern.exec(text);
    if (match === null) continue;
    const rest = text.slice(match[0].length);
    // Without a number after the word this is prose ("article about"), not a citation.
    if (!/^[0-9IVXLC]/.test(rest)) return null;
    return word + rest;
  }
  return null;
}

/**
 * Resolves a typed citation against the law's ids (and the code's, for code references). Null when
 * the text is not citation-like; otherwise the ids found and the parts that do not exist.
 */
export function resolveQuery(
  query: string,
  law: ReadonlySet<string>,
  code: ReadonlySet<string> = new Set(),
): QueryResolution | null {
  const normalized = normalizeQuery(query);
  if (normalized === null) return null;
  const toCode = /^(?:Measure|Commitment|Appendix) /.test(normalized);
  const citations = findCitations(normalized, {
    law,
    self: toCode ? code : law,
    selfKind: toCode ? 'code' : 'act',
  });
  const ids: string[] = [];
  const unresolved: Unresolved[] = [];
  for (const citation of citations) {
    // `target` says which document the ids belong to: a law provision named in a code query
    // (`Measure 1.2 and Annex XI`) is reported, not mixed in among the code's ids.
    if (toCode && citation.target === 'law' && citation.ids.length > 0) {
      unresolved.push({
        text: citation.text,
        reason: `"${citation.text}" names the law; look it up on its own`,
      });
      continue;
    }
    for (const id of citation.ids) if (!ids.includes(id)) ids.push(id);
    unresolved.push(...citation.unresolved);
  }
  if (citations.length === 0)
    unresolved.push({ text: normalized, reason: `"${normalized}" could not be read as a citation` });
  return { normalized, target: toCode ? 'code' : 'law', ids, unresolved };
}
