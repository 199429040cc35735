/**
 * Any document without a recognised legal structure still becomes a usable
 * tree: headings (larger or bold type) and the paragraphs under them.
 */
import type { ClauseId } from '../model/clause';
import type { TreeBuilder } from './builder';
import type { FLine } from './features';

/** Parses lines into headings (`h_N`) and paragraphs (`p_N`); returns the title. */
export function parseOther(lines: readonly FLine[], builder: TreeBuilder): string {
  let heading: ClauseId | null = null;
  let paragraph: ClauseId | null = null;
  let headingLine: FLine | null = null;
  let headingText = '';
  let headings = 0;
  let paragraphs = 0;
  let title = '';
  for (const f of lines) {
    const isHeading = (f.relSize > 1.08 || f.line.bold) && f.text.length < 160;
    if (isHeading) {
      const continues =
        headingLine !== null && !f.startsBlock && Math.abs(headingLine.line.fontSize - f.line.fontSize) < 0.3;
      if (heading && continues) {
        headingText = `${headingText} ${f.text}`;
        builder.setHeading(heading, headingText);
        continue;
      }
      headings++;
      headingText = f.text;
      heading = builder.open({
        id: `h_${headings}`,
        type: 'heading',
        num: null,
        heading: headingText,
        parent: null,
        page: f.page,
      });
      headingLine = f;
      paragraph = null;
      if (!title) title = f.text;
      continue;
    }
    headingLine = null;
    if (!paragraph || f.startsBlock) {
      paragraphs++;
      paragraph = builder.open({
        id: `p_${paragraphs}`,
        type: 'other',
        num: null,
        parent: heading,
        page: f.page,
      });
    }
    builder.append(paragraph, f);
  }
  return title || (lines[0]?.text ?? '');
}
