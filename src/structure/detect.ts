/**
 * Which grammar fits a document: an EU act, a code of practice, or neither.
 * Decided from layout and text together, never from the file name.
 */
import type { DocumentKind } from '../model/clause';
import type { FLine } from './features';
import { COMMITMENT, MEASURE, looksLikeHeading } from './code';

export function detectKind(lines: readonly FLine[]): DocumentKind {
  let act = 0;
  let code = 0;
  for (const f of lines) {
    const text = f.text;
    if (/^Whereas\s*:?$/.test(text) || /^HAVE ADOPTED THIS\b/.test(text)) act += 3;
    if (f.centered && /^Article\s+\d+[a-z]*$/.test(text)) act += 1;
    if (f.centered && /^ANNEX(\s+[IVXLC]+)?$/.test(text)) act += 1;
    if (looksLikeHeading(f) && (COMMITMENT.test(text) || MEASURE.test(text))) code += 2;
    if (/^LEGAL TEXT:/.test(text)) code += 2;
  }
  if (act >= 3 && act >= code) return 'act';
  if (code >= 2) return 'code';
  return 'other';
}
