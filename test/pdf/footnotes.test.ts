import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/pdf/lines';
import { footnoteReferences, separateFootnotes } from '../../src/pdf/footnotes';
import { page, run } from '../support/runs';

describe('separateFootnotes', () => {
  const body = 9.6;
  const p = buildLines(
    page(1, [
      run('(1)', 67, 341, 8.5),
      run('The purpose of this Regulation (', 93, 341, body),
      run('1', 250, 344, 5),
      run(') is clear.', 253, 341, body),
      run('(2)', 67, 320, 8.5),
      run('A recital printed like a footnote number.', 93, 320, body),
      run('(', 67, 82, 8.5),
      run('1', 69.6, 85, 4.9),
      run(')', 72.3, 82, 8.5),
      run('OJ C 517, 22.12.2021, p. 56.', 89, 82, 8.5),
      run('which continues on a second line.', 89, 73, 8.5),
    ]),
  );

  it('takes the small-type block opening with a superscript marker as footnotes, and leaves recitals alone', () => {
    const { pages, footnotes } = separateFootnotes([p], body);
    expect(pages[0]?.lines.map((l) => l.text)).toEqual([
      '(1) The purpose of this Regulation (1) is clear.',
      '(2) A recital printed like a footnote number.',
    ]);
    expect(footnotes).toEqual([
      expect.objectContaining({
        marker: '(1)',
        number: '1',
        text: 'OJ C 517, 22.12.2021, p. 56. which continues on a second line.',
      }),
    ]);
  });

  it('finds the superscript reference in body text, and not the recital number', () => {
    const first = p.lines[0];
    expect(first && footnoteReferences(first)).toEqual([{ marker: '(1)', number: '1' }]);
  });

  it('does not take small print without a superscript marker (a caption) for a footnote', () => {
    const caption = buildLines(
      page(1, [run('Body text here.', 57, 600, 10.5), run('Figure 1. A caption.', 150, 80, 9.5)]),
    );
    const { pages, footnotes } = separateFootnotes([caption], 10.5);
    expect(footnotes).toEqual([]);
    expect(pages[0]?.lines).toHaveLength(2);
  });
});
