import { describe, expect, it } from 'vitest';
import type { FLine } from '../../src/structure/features';
import { fromRoman, nextLabel, readMarker, toRoman } from '../../src/structure/markers';
import { place } from '../../src/structure/lists';
import type { ClauseId } from '../../src/model/clause';
import { buildLines } from '../../src/pdf/lines';
import { page, run } from '../support/runs';

function fline(...runs: Parameters<typeof run>[]): FLine {
  const line = buildLines(
    page(
      1,
      runs.map((r) => run(...r)),
    ),
  ).lines[0];
  if (!line) throw new Error('no line');
  return {
    line,
    index: 0,
    page: 1,
    text: line.text,
    gapBefore: null,
    centered: false,
    startsBlock: true,
    relSize: 1,
  };
}

describe('readMarker', () => {
  it('reads the printed marker and where its text starts', () => {
    const m = readMarker(fline(['(b)', 67, 700], ['draw up', 90, 700]));
    expect(m).toMatchObject({ printed: '(b)', label: 'b', styles: ['paren-alpha'], hanging: true });
  });

  it('knows (i) may be a letter or a roman numeral', () => {
    expect(readMarker(fline(['(i)', 67, 700], ['text', 90, 700]))?.styles).toEqual([
      'paren-alpha',
      'paren-roman',
    ]);
    expect(readMarker(fline(['(iv)', 67, 700], ['text', 90, 700]))?.styles).toEqual(['paren-roman']);
  });

  it('tells a hanging marker from a wrapped reference that merely starts a line', () => {
    // `(a) of Article 5` continuing a sentence: one run, an ordinary word space.
    expect(readMarker(fline(['(a) of Article 5 shall apply', 67, 700]))?.hanging).toBe(false);
  });

  it('reads numbered paragraphs, lettered objectives and dashes', () => {
    expect(readMarker(fline(['1.', 67, 700], ['The purpose', 89, 700]))?.styles).toEqual(['dot-num']);
    expect(readMarker(fline(['A.', 57, 700], ['To serve', 80, 700]))?.label).toBe('A');
    expect(readMarker(fline(['—', 80, 700], ['an indent', 95, 700]))?.styles).toEqual(['dash']);
    expect(readMarker(fline(['2025. Given the pace', 67, 700]))).toBeNull();
  });
});

describe('list sequences', () => {
  it('counts in every style', () => {
    expect(nextLabel('paren-alpha', 'h')).toBe('i');
    expect(nextLabel('paren-alpha', 'z')).toBe('aa');
    expect(nextLabel('paren-roman', 'iv')).toBe('v');
    expect(nextLabel('dot-num', '9')).toBe('10');
    expect(toRoman(1989)).toBe('mcmlxxxix');
    expect(fromRoman('xiv')).toBe(14);
  });

  it('continues (h) with the letter (i), but opens roman sub-points after (b)', () => {
    const open = (label: string, style: 'paren-alpha' | 'paren-roman') => ({
      id: `p_${label}` as ClauseId,
      style,
      label,
      textX: 80,
      markerX: 67,
      dashCount: 0,
    });
    const i = readMarker(fline(['(i)', 67, 700], ['text', 90, 700]));
    if (!i) throw new Error('no marker');
    expect(place([open('h', 'paren-alpha')], i)).toEqual({ keep: 0, style: 'paren-alpha' });
    expect(place([open('b', 'paren-alpha')], i)).toEqual({ keep: 1, style: 'paren-roman' });
    const c = readMarker(fline(['(c)', 67, 700], ['text', 90, 700]));
    if (!c) throw new Error('no marker');
    // Article 5(1)(h): an (i) indented under (h) is its first roman sub-point, not the letter after (h).
    const indentedI = readMarker(fline(['(i)', 84, 700], ['text', 104, 700]));
    if (!indentedI) throw new Error('no marker');
    expect(place([open('h', 'paren-alpha')], indentedI, 84, 9.6)).toEqual({ keep: 1, style: 'paren-roman' });
    expect(place([open('h', 'paren-alpha')], i, 67, 9.6)).toEqual({ keep: 0, style: 'paren-alpha' });
    // After (b)(ii), (c) closes the sub-points and continues the letters.
    expect(place([open('b', 'paren-alpha'), open('ii', 'paren-roman')], c)).toEqual({
      keep: 0,
      style: 'paren-alpha',
    });
  });
});
