import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/pdf/lines';
import { page, run } from '../support/runs';

describe('buildLines', () => {
  it('joins the runs of one baseline in reading order, with a space where the gap is a word gap', () => {
    const { lines } = buildLines(
      page(1, [run('world', 110, 700), run('Hello', 70, 700), run('Second line', 70, 688)]),
    );
    expect(lines.map((l) => l.text)).toEqual(['Hello world', 'Second line']);
    expect(lines[0]?.x).toBe(70);
  });

  it('keeps a raised, smaller footnote digit on its line, marked as a superscript', () => {
    const { lines } = buildLines(
      page(1, [
        run('Committee (', 70, 500),
        run('1', 125, 503, 5.5),
        run('),', 128, 500),
        run('body text on the next line', 70, 489),
      ]),
    );
    expect(lines[0]?.text).toBe('Committee (1),');
    const sup = lines[0]?.spans.find((s) => s.superscript);
    expect(lines[0]?.text.slice(sup?.start, sup?.end)).toBe('1');
    expect(lines).toHaveLength(2);
  });

  it('prints an exponent after a number as superscript digits, not as a longer number', () => {
    const { lines } = buildLines(
      page(1, [run('greater than 10', 70, 500), run('25', 145, 504, 5.5), run('.', 151, 500)]),
    );
    expect(lines[0]?.text).toBe('greater than 10²⁵.');
  });

  it('splits runs on one baseline that are columns apart (header corners, tables)', () => {
    const { lines } = buildLines(page(1, [run('EN', 42, 785), run('OJ L, 1.1.2099', 490, 785)]));
    expect(lines.map((l) => l.text)).toEqual(['EN', 'OJ L, 1.1.2099']);
  });

  it('normalises whitespace but keeps curly quotes and dashes as printed', () => {
    const { lines } = buildLines(page(1, [run('‘AI   system’ —  means', 70, 700)]));
    expect(lines[0]?.text).toBe('‘AI system’ — means');
  });

  it('reports weight and slant of the majority of a line', () => {
    const { lines } = buildLines(
      page(1, [
        run('Article 53', 280, 700, 10, { italic: true }),
        run('Obligations of providers', 200, 680, 10, { bold: true }),
      ]),
    );
    expect(lines[0]?.italic).toBe(true);
    expect(lines[1]?.bold).toBe(true);
  });
});
