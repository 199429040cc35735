import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMemo, CSV_COLUMNS, csvField, renderCsv, toCsv } from '../../src/export/index';
import { annotation, ANNOTATIONS, INPUT, OPTIONS, T2 } from './fixtures';

/**
 * A strict RFC 4180 reader: records end with CRLF, fields are quoted when they hold `,` `"` CR or
 * LF, quotes inside are doubled. Throws on anything else, so a malformed file fails the test.
 */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
          } else {
            i++;
            break;
          }
        } else field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`bare quote at ${i}`);
        field += text[i++];
      }
    }
    row.push(field);
    if (text[i] === ',') i++;
    else if (text.startsWith('\r\n', i)) {
      rows.push(row);
      row = [];
      i += 2;
    } else throw new Error(`expected , or CRLF at ${i}, found ${JSON.stringify(text[i])}`);
  }
  if (row.length > 0) throw new Error('last record not ended by CRLF');
  return rows;
}

const DANGEROUS = /^[=+\-@\t\r]/;
const expected = (cell: string): string => (DANGEROUS.test(cell) ? `'${cell}` : cell);

function csvRows(patch: Partial<typeof INPUT> = {}, options: Partial<typeof OPTIONS> = {}): string[][] {
  const text = renderCsv(buildMemo({ ...INPUT, ...patch }, { ...OPTIONS, ...options }), { bom: false });
  return parseCsv(text);
}

const column = (name: (typeof CSV_COLUMNS)[number]): number => CSV_COLUMNS.indexOf(name);

describe('renderCsv', () => {
  it('starts with a BOM for Excel unless told not to, then the header, CRLF-ended', () => {
    const memo = buildMemo(INPUT, OPTIONS);
    const text = renderCsv(memo);
    expect(text.startsWith('\uFEFFunit id,unit citation,law id,law citation,')).toBe(true);
    expect(renderCsv(memo, { bom: false }).startsWith('unit id,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(parseCsv(text.slice(1))[0]).toEqual([...CSV_COLUMNS]);
  });

  it('has a row per unit (its own verdict) and per link (the link’s verdict)', () => {
    const rows = csvRows().slice(1);
    const lines = rows.map((r) => [r[column('unit id')], r[column('law id')], r[column('stance')]]);
    expect(lines).toEqual([
      ['cmt_6', '', ''],
      ['msr_6.2', '', 'narrows'],
      ['msr_6.2', 'art_55__para_1__point_d', ''],
      ['cmt_9', '', ''],
      ['cmt_9', 'art_55__para_1', ''],
      ['msr_9.3', '', 'clarifies'],
      ['msr_9.3', 'art_55__para_1__point_c', 'expands'],
      ['msr_9.3__point_1', '', ''],
      ['msr_9.3__point_1', 'art_3__point_49', ''],
    ]);
    const link = rows[6] ?? [];
    expect(link[column('law citation')]).toBe('Article 55(1), point (c)');
    expect(link[column('link status')]).toBe('accepted');
    expect(link[column('link origin')]).toBe('machine');
    expect(link[column('tags')]).toBe('deadline; stricter');
    expect(link[column('strength')]).toBe('7');
    expect(link[column('author')]).toBe('Alice');
  });

  it('labels suggestion rows as the machine’s and gives each reviewer a row of their own', () => {
    const bob = annotation('b1', 'msr_9.3', null, { author: 'Bob', stance: 'conflicts', updatedAt: T2 });
    const rows = csvRows({ annotations: [...ANNOTATIONS, bob] }, { includeSuggestions: true });
    const own = rows.filter((r) => r[0] === 'msr_9.3' && r[column('law id')] === '');
    expect(own.map((r) => [r[column('author')], r[column('stance')]])).toEqual([
      ['Alice', 'clarifies'],
      ['Bob', 'conflicts'],
    ]);
    const suggestion = rows.find((r) => r[column('law id')] === 'art_53__para_1__point_a');
    expect(suggestion?.[column('link status')]).toBe('suggested (machine suggestion, not reviewed)');
  });

  it('quotes commas, quotes and line breaks, and round-trips them', () => {
    const rationale = 'Stricter, "much" stricter.\r\nSecond line\nthird';
    const rows = csvRows({ annotations: [annotation('q1', 'msr_6.2', null, { rationale })] });
    expect(rows.find((r) => r[0] === 'msr_6.2')?.[column('rationale')]).toBe(rationale);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const attacks = ['=HYPERLINK("http://evil.example","click")', '+1', '-1', '@SUM(A1:A9)', '\tx', '\rcmd'];
    for (const attack of attacks) {
      const rows = csvRows({
        annotations: [
          annotation('f1', 'msr_6.2', null, { rationale: attack, author: attack, tags: [attack] }),
        ],
      });
      const row = rows.find((r) => r[0] === 'msr_6.2') ?? [];
      expect(row[column('rationale')]).toBe(`'${attack}`);
      expect(row[column('author')]).toBe(`'${attack}`);
      expect(row[column('tags')]).toBe(`'${attack}`);
    }
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('a=1')).toBe('a=1');
  });

  it('round-trips any cell text through an RFC 4180 reader (formula starts neutralised)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), {
          minLength: 1,
          maxLength: 5,
        }),
        (rows) => {
          expect(parseCsv(toCsv(rows, { bom: false }))).toEqual(rows.map((row) => row.map(expected)));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('round-trips any rationale through the memo', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (rationale) => {
        const rows = csvRows({ annotations: [annotation('p1', 'msr_6.2', null, { rationale })] });
        expect(rows.find((r) => r[0] === 'msr_6.2')?.[column('rationale')]).toBe(expected(rationale));
      }),
      { numRuns: 100 },
    );
  });
});
