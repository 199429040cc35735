/** The counting behind ranges and list continuations. */
import { describe, expect, it } from 'vitest';
import {
  expandRange,
  fromRoman,
  labelStyles,
  ordinalValue,
  ordinalWord,
  toRoman,
} from '../../src/citations/labels';

describe('expandRange', () => {
  it.each([
    ['a', 'd', ['a', 'b', 'c', 'd']],
    ['i', 'iv', ['i', 'ii', 'iii', 'iv']],
    ['8', '11', ['8', '9', '10', '11']],
    ['I', 'III', ['I', 'II', 'III']],
    ['A', 'C', ['A', 'B', 'C']],
    ['1.1', '1.3', ['1.1', '1.2', '1.3']],
    ['II.1', 'II.3', ['II.1', 'II.2', 'II.3']],
  ])('expands %s to %s', (from, to, labels) => {
    expect(expandRange(from, to)).toEqual(labels);
  });

  it('reads (a) to (i) as letters and (i) to (v) as roman numerals', () => {
    expect(expandRange('a', 'i')).toHaveLength(9);
    expect(expandRange('i', 'v')).toEqual(['i', 'ii', 'iii', 'iv', 'v']);
  });

  it('refuses what it cannot expand without guessing', () => {
    expect(expandRange('1.4', '2.1')).toBeNull();
    expect(expandRange('a', '3')).toBeNull();
    expect(expandRange('9', '2')).toBeNull();
    expect(expandRange('1', '100000')).toBeNull();
  });
});

describe('labels', () => {
  it('knows (i) may be a letter or a roman numeral, (ii) only a numeral', () => {
    expect(labelStyles('i')).toEqual(['letter', 'roman']);
    expect(labelStyles('ii')).toEqual(['roman']);
    expect(labelStyles('b')).toEqual(['letter']);
    expect(labelStyles('65')).toEqual(['digit']);
  });

  it('converts roman numerals both ways', () => {
    expect(fromRoman('XIII')).toBe(13);
    expect(fromRoman('xiv')).toBe(14);
    expect(fromRoman('IIII')).toBeNull();
    expect(toRoman(49)).toBe('xlix');
  });

  it('reads and writes ordinals', () => {
    expect(ordinalValue('Second')).toBe(2);
    expect(ordinalValue('twenty-second')).toBe(22);
    expect(ordinalValue('52nd')).toBe(52);
    expect(ordinalValue('and')).toBeNull();
    expect(ordinalWord(3)).toBe('third');
    expect(ordinalWord(52)).toBe('52nd');
    expect(ordinalWord(111)).toBe('111th');
  });
});
