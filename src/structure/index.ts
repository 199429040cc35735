/**
 * Layout lines -> clause tree.
 */
import type { ClauseTree, DocumentInfo } from '../model/clause';
import type { LayoutDocument } from '../pdf/layout';
import { parseAct } from './act';
import { TreeBuilder, vocabularyOf } from './builder';
import { parseCode } from './code';
import { detectKind } from './detect';
import { featurize, measure } from './features';
import { parseOther } from './other';

/** Builds the clause tree of a document whose layout has been read. Never throws on odd layouts. */
export function buildTree(layout: LayoutDocument, fingerprint: string): ClauseTree {
  const metrics = measure(layout);
  const lines = featurize(layout, metrics);
  const builder = new TreeBuilder(layout.footnotes, vocabularyOf(lines));
  const kind = detectKind(lines);
  let title: string;
  switch (kind) {
    case 'act':
      title = parseAct(lines, builder, metrics);
      break;
    case 'code':
      title = parseCode(lines, builder, metrics);
      break;
    case 'other':
      title = parseOther(lines, builder);
      break;
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
  const document: DocumentInfo = {
    kind,
    title: title.replace(/\s+/g, ' ').trim(),
    pages: layout.pageCount,
    fingerprint,
  };
  return { document, units: builder.units() };
}
