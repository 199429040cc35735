/**
 * The memo as a spreadsheet (RFC 4180 CSV), one row per verdict-bearing line: each code unit, then
 * each of its links. Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula,
 * and a rationale is free text from whoever wrote it, so such cells are neutralised (OWASP).
 */
import type { Memo, MemoLink, MemoUnit, MemoVerdict } from './memo';

export const CSV_COLUMNS = [
  'unit id',
  'unit citation',
  'law id',
  'law citation',
  'link status',
  'link origin',
  'stance',
  'relationship',
  'rationale type',
  'strength',
  'rationale',
  'tags',
  'status',
  'author',
  'updated',
] as const;

/** A response memo's columns: the objection's, then the comparison columns for each unit it concerns. */
export const RESPONSE_CSV_COLUMNS = [
  'objection id',
  'objection',
  'raised by',
  'raised on',
  'source',
  'claim',
  'assessment',
  'response',
  ...CSV_COLUMNS,
] as const;

export interface CsvOptions {
  /** Start with a UTF-8 byte order mark, so Excel reads the file as UTF-8. Default true. */
  readonly bom?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One field: neutralised with a leading `'` when a spreadsheet would read it as a formula, then
 * quoted (quotes doubled) when it holds a comma, a quote or a line break.
 */
export function csvField(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Rows as RFC 4180 text: fields by {@link csvField}, lines ended by CRLF. */
export function toCsv(rows: readonly (readonly string[])[], options: CsvOptions = {}): string {
  const body = rows.map((row) => `${row.map(csvField).join(',')}\r\n`).join('');
  return (options.bom ?? true) ? `\uFEFF${body}` : body;
}

type LinkCells = [lawId: string, lawCitation: string, status: string, origin: string];
const NO_LINK: LinkCells = ['', '', '', ''];

function verdictCells(verdict: MemoVerdict | null): string[] {
  if (verdict === null) return ['', '', '', '', '', '', '', '', ''];
  return [
    verdict.stance ?? '',
    verdict.relationship ?? '',
    verdict.rationaleType ?? '',
    verdict.strength === null ? '' : String(verdict.strength),
    verdict.rationale,
    verdict.tags.join('; '),
    verdict.status,
    verdict.author,
    verdict.updatedAt,
  ];
}

/** One row per verdict, or one empty row when there is none: a second reviewer is never dropped. */
function rowsFor(unit: MemoUnit, link: LinkCells, verdicts: readonly MemoVerdict[]): string[][] {
  const list = verdicts.length > 0 ? verdicts : [null];
  return list.map((verdict) => [unit.id, unit.citation, ...link, ...verdictCells(verdict)]);
}

function linkCells(link: MemoLink): LinkCells {
  const status = link.label === null ? link.status : `${link.status} (${link.label})`;
  return [link.target, link.citation, status, link.origin];
}

function unitRows(unit: MemoUnit): string[][] {
  return [
    ...rowsFor(unit, NO_LINK, unit.verdicts),
    ...unit.links.flatMap((link) => rowsFor(unit, linkCells(link), link.verdicts)),
    ...unit.points.flatMap(unitRows),
  ];
}

/**
 * The memo as CSV with {@link CSV_COLUMNS}. Each code unit has a row of its own (law columns empty)
 * carrying its verdict, then a row per link carrying that link's verdict; a unit or link with two
 * reviewers' verdicts has a row for each.
 */
export function renderCsv(memo: Memo, options: CsvOptions = {}): string {
  if (memo.template === 'response') {
    const rows: string[][] = [[...RESPONSE_CSV_COLUMNS]];
    for (const o of memo.objections) {
      const head = [o.id, o.title, o.raisedBy, o.raisedOn, o.source, o.claim, o.assessment ?? '', o.response];
      const units = o.units.flatMap(unitRows);
      // An objection attached to nothing still gets its row.
      if (units.length === 0) rows.push([...head, ...CSV_COLUMNS.map(() => '')]);
      for (const row of units) rows.push([...head, ...row]);
    }
    return toCsv(rows, options);
  }
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const section of memo.sections) {
    if (section.commitment !== null) rows.push(...unitRows(section.commitment));
    for (const measure of section.measures) rows.push(...unitRows(measure));
  }
  return toCsv(rows, options);
}
