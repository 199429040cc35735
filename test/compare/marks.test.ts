import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markWords, stemsOf } from '../../src/compare/index';

const marked = (text: string, other: string, mode: 'absent' | 'present'): string[] =>
  markWords(text, stemsOf(other), mode)
    .filter((m) => m.marked)
    .map((m) => m.text);

describe('word marks', () => {
  it('marks in the code what the law never says, whatever the order', () => {
    const law = 'Providers shall report serious incidents to the AI Office without undue delay.';
    const code = 'Signatories will report serious incidents to the AI Office not later than two days after.';
    expect(marked(code, law, 'absent')).toEqual(['Signatories', 'later than two days']);
  });

  it('marks in the law what the code also says', () => {
    expect(
      marked('keep track of serious incidents and report them', 'report serious incidents', 'present'),
    ).toEqual(['serious incidents and report']);
  });

  it('meets inflections through the stemmer and ignores stop words', () => {
    expect(marked('The incident was reported.', 'incidents reporting', 'absent')).toEqual([]);
  });

  it('keeps the text exactly, line breaks included', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.constantFrom<'absent' | 'present'>('absent', 'present'),
        (text, other, mode) => {
          expect(
            markWords(text, stemsOf(other), mode)
              .map((m) => m.text)
              .join(''),
          ).toBe(text);
        },
      ),
    );
    expect(
      markWords('a\n(1) b', new Set(), 'absent')
        .map((m) => m.text)
        .join(''),
    ).toBe('a\n(1) b');
  });
});
