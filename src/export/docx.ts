/**
 * The memo as a Word document (.docx), with what the Markdown and HTML memos say, in the same
 * order. It uses Word's own styles (Title, Heading 1–3) so the navigation pane and a table of
 * contents work, a real table for the summary, indented paragraphs for quoted law and code text,
 * and starts each commitment on a new page. Rationales keep paragraphs, bullet lists, bold, italic
 * and code (see {@link parseRationale}); nothing else in them has any effect.
 *
 * Pure: the `docx` package builds the file in memory and hands back its bytes; no Node Buffer.
 */
import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  TableLayoutType,
  type ParagraphChild,
} from 'docx';
import { parseRationale, type RationaleSpan } from './html';
import {
  MACHINE_SUGGESTION_LABEL,
  objectionOrigin,
  SUMMARY_COLUMNS,
  type Memo,
  type MemoLink,
  type MemoSummaryRow,
  type MemoUnit,
  type MemoVerdict,
} from './memo';

type Block = Paragraph | Table;

/** Characters XML 1.0 cannot hold at all: a PDF or a paste can bring them in. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const BULLETS = 'memo-bullets';
const QUOTE_INDENT = { left: 567, right: 284 } as const; // 1 cm, 0.5 cm
const MONO = 'Courier New';

function run(text: string, options: { bold?: boolean; italics?: boolean; font?: string } = {}): TextRun {
  return new TextRun({ text: clean(text), ...options });
}

function para(children: ParagraphChild[] | string, options: { style?: string } = {}): Paragraph {
  return new Paragraph({ children: typeof children === 'string' ? [run(children)] : children, ...options });
}

function note(text: string): Paragraph {
  return para([run(text, { italics: true })]);
}

function machineLabel(): TextRun {
  return run(MACHINE_SUGGESTION_LABEL, { italics: true, bold: true });
}

/** Law or code text: an indented quote, one paragraph per line, kept together on one page. */
function quote(text: string): Paragraph[] {
  const lines = clean(text)
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '');
  return lines.map(
    (line, i) =>
      new Paragraph({
        children: [run(line)],
        indent: QUOTE_INDENT,
        keepLines: true,
        keepNext: i < lines.length - 1,
        border: { left: { style: 'single', size: 12, color: '888888', space: 8 } },
        spacing: { before: i === 0 ? 80 : 0, after: i === lines.length - 1 ? 160 : 0 },
      }),
  );
}

function heading(level: 1 | 2 | 3, children: ParagraphChild[] | string, pageBreakBefore = false): Paragraph {
  const headingLevel =
    level === 1 ? HeadingLevel.HEADING_1 : level === 2 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3;
  return new Paragraph({
    heading: headingLevel,
    children: typeof children === 'string' ? [run(children)] : children,
    pageBreakBefore,
  });
}

function spanRuns(spans: readonly RationaleSpan[]): TextRun[] {
  return spans.map((span) =>
    run(span.text, { bold: span.bold, italics: span.italic, ...(span.code ? { font: MONO } : {}) }),
  );
}

function rationale(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  for (const block of parseRationale(text)) {
    if (block.kind === 'paragraph')
      out.push(new Paragraph({ children: spanRuns(block.spans), indent: { left: 284 } }));
    else
      for (const item of block.items)
        out.push(new Paragraph({ children: spanRuns(item), numbering: { reference: BULLETS, level: 0 } }));
  }
  return out;
}

function verdictBlocks(verdict: MemoVerdict): Paragraph[] {
  const children: ParagraphChild[] = [run('Verdict: ')];
  children.push(verdict.stance === null ? run('no stance') : run(verdict.stance, { bold: true }));
  const parts: string[] = [];
  if (verdict.relationship !== null) parts.push(`NIST relationship: ${verdict.relationship}`);
  if (verdict.rationaleType !== null) parts.push(`rationale type: ${verdict.rationaleType}`);
  if (verdict.strength !== null) parts.push(`strength: ${verdict.strength}/10`);
  parts.push(`status: ${verdict.status}`);
  if (verdict.fromSuggestion) parts.push('adopted from a machine suggestion');
  const who = verdict.author.trim() === '' ? 'unnamed reviewer' : verdict.author;
  children.push(run(` · ${parts.join(' · ')} — ${who}, ${verdict.updatedAt}`));
  const out = [para(children)];
  if (verdict.tags.length > 0) out.push(para([run('Tags: ', { bold: true }), run(verdict.tags.join(', '))]));
  out.push(...rationale(verdict.rationale));
  return out;
}

function verdictsBlocks(verdicts: readonly MemoVerdict[], what: string, disagreement: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  if (verdicts.length === 0) return out;
  if (disagreement)
    out.push(
      para([
        run('Reviewers disagree', { bold: true }),
        run(` on this ${what}: ${verdicts.length} verdicts, all kept.`),
      ]),
    );
  for (const verdict of verdicts) out.push(...verdictBlocks(verdict));
  return out;
}

function linkBlocks(link: MemoLink): Paragraph[] {
  const title: ParagraphChild[] = [run(`${link.citation} · `)];
  title.push(link.label === null ? run('accepted') : machineLabel());
  const out = [heading(3, title)];
  if (link.heading !== null) out.push(note(link.heading));
  if (!link.found)
    out.push(note('Not found in the law as imported: the link was made against another version.'));
  else if (link.quote !== '') out.push(...quote(link.quote));
  if (link.label !== null) {
    if (link.basis.length > 0) out.push(para(`Basis: ${link.basis.join(', ')}`));
    if (link.evidence.length > 0) {
      out.push(para('Evidence:'));
      for (const item of link.evidence)
        out.push(new Paragraph({ children: [run(item)], numbering: { reference: BULLETS, level: 0 } }));
    }
    if (link.suggestedStance !== null)
      out.push(
        para([
          run('Suggested stance ('),
          machineLabel(),
          run(`): ${link.suggestedStance.stance}, confidence ${link.suggestedStance.confidence.toFixed(2)}`),
        ]),
      );
  }
  out.push(...verdictsBlocks(link.verdicts, 'link', false));
  return out;
}

function unitBody(unit: MemoUnit): Paragraph[] {
  const out: Paragraph[] = [];
  if (unit.text !== '') out.push(...quote(unit.text));
  if (unit.verdicts.length === 0) out.push(note('No verdict yet.'));
  out.push(...verdictsBlocks(unit.verdicts, unit.type, unit.disagreement));
  for (const link of unit.links) out.push(...linkBlocks(link));
  return out;
}

function unitBlocks(unit: MemoUnit, level: 2 | 3): Paragraph[] {
  const title = unit.heading ? `${unit.citation} — ${unit.heading}` : unit.citation;
  const out = [heading(level, title), ...unitBody(unit)];
  if (unit.links.length === 0) out.push(note('No accepted links.'));
  for (const point of unit.points) out.push(...unitBlocks(point, 3));
  return out;
}

function cell(text: string, options: { bold?: boolean; right?: boolean } = {}): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        children: [run(text, { bold: options.bold ?? false })],
        alignment: options.right ? AlignmentType.RIGHT : AlignmentType.LEFT,
      }),
    ],
  });
}

/** A4 (11,906 twips) less the two 2 cm (1,134-twip) margins set below: the width tables can use. */
const TEXT_WIDTH_TWIPS = 11_906 - 2 * 1_134;

function summaryRow(row: MemoSummaryRow, bold: boolean): TableRow {
  return new TableRow({
    cantSplit: true,
    children: [
      cell(row.title, { bold }),
      ...SUMMARY_COLUMNS.map((column) => cell(String(row.counts[column]), { bold, right: true })),
      cell(`${row.reviewed} of ${row.total}`, { bold, right: true }),
    ],
  });
}

function summaryTable(memo: Memo): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      cell('Commitment', { bold: true }),
      ...SUMMARY_COLUMNS.map((column) => cell(column, { bold: true, right: true })),
      cell('Reviewed', { bold: true, right: true }),
    ],
  });
  // A fixed grid: the commitment's title gets a third of the width, the counts share the rest
  // (with equal automatic columns, word processors squeezed the titles into a letter per line).
  const counts = SUMMARY_COLUMNS.length + 1;
  const first = Math.round(TEXT_WIDTH_TWIPS * 0.34);
  const other = Math.floor((TEXT_WIDTH_TWIPS - first) / counts);
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: [first, ...Array.from({ length: counts }, () => other)],
    rows: [header, ...memo.summary.map((row) => summaryRow(row, false)), summaryRow(memo.total, true)],
  });
}

/** The objections table of a response memo: number, objection, raised by, date, concerns, assessment. */
function objectionsTable(memo: Memo): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: ['#', 'Objection', 'Raised by', 'Date', 'Concerns', 'Assessment'].map((text, i) =>
      cell(text, { bold: true, right: i === 0 }),
    ),
  });
  const shares = [0.05, 0.25, 0.18, 0.12, 0.16, 0.24];
  return new Table({
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    columnWidths: shares.map((share) => Math.floor(TEXT_WIDTH_TWIPS * share)),
    rows: [
      header,
      ...memo.objections.map(
        (o, i) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell(String(i + 1), { right: true }),
              cell(o.title || 'Untitled objection', { bold: true }),
              cell(o.raisedBy),
              cell(o.raisedOn),
              cell(o.units.map((u) => u.citation).join(', ')),
              cell(o.assessmentText),
            ],
          }),
      ),
    ],
  });
}

/** A response memo's body: the objections table, then each objection with its response and units. */
function responseBlocks(memo: Memo): Block[] {
  const out: Block[] = [heading(1, 'Objections')];
  if (memo.objections.length === 0) {
    out.push(note('No objections recorded.'));
    return out;
  }
  out.push(objectionsTable(memo));
  memo.objections.forEach((objection, i) => {
    out.push(heading(1, `Objection ${i + 1} — ${objection.title || 'Untitled objection'}`, true));
    out.push(para(objectionOrigin(objection)));
    if (objection.claim.trim() === '') out.push(note('The claim was not recorded.'));
    else out.push(...quote(objection.claim));
    out.push(para([run('Assessment: ', { bold: true }), run(objection.assessmentText)]));
    out.push(heading(2, 'Response'));
    const response = rationale(objection.response);
    if (response.length === 0) out.push(note('No response written yet.'));
    else out.push(...response);
    const who = objection.author.trim() === '' ? 'unnamed reviewer' : objection.author;
    out.push(note(`Response by ${who}, ${objection.updatedAt}.`));
    out.push(heading(2, 'Provisions concerned'));
    if (objection.units.length === 0 && objection.missing.length === 0)
      out.push(note('The objection is not attached to any commitment or measure.'));
    for (const unit of objection.units) out.push(...unitBlocks(unit, 3));
    if (objection.missing.length > 0)
      out.push(note(`Not in this version of the code: ${objection.missing.join(', ')}.`));
  });
  return out;
}

function body(memo: Memo): Block[] {
  const out: Block[] = [];
  out.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(memo.title)] }));
  out.push(para(`Project: ${memo.projectName}`));
  const author = memo.author.trim() === '' ? '' : ` by ${memo.author}`;
  out.push(para(`Prepared${author} on ${memo.date}.`));

  out.push(heading(1, 'Documents'));
  for (const d of memo.documents) {
    out.push(
      para([
        run(`${d.role === 'law' ? 'Law' : 'Code'}: `, { bold: true }),
        run(`${d.title} (${d.pages} ${d.pages === 1 ? 'page' : 'pages'}), file ${d.fileName}`),
      ]),
    );
    out.push(
      new Paragraph({
        children: [run('SHA-256 '), run(d.fingerprint, { font: MONO })],
        indent: { left: 284 },
      }),
    );
  }
  if (memo.filters.length > 0) {
    out.push(para([run('This memo is filtered.', { bold: true })]));
    for (const f of memo.filters)
      out.push(new Paragraph({ children: [run(f)], numbering: { reference: BULLETS, level: 0 } }));
  }
  out.push(
    memo.includesSuggestions
      ? para([
          run('Machine suggestions nobody has decided on are included, each marked “'),
          machineLabel(),
          run('”.'),
        ])
      : para('Only links a reviewer accepted are shown.'),
  );
  if (memo.warnings.length > 0) {
    out.push(para([run('Warnings', { bold: true })]));
    for (const w of memo.warnings)
      out.push(new Paragraph({ children: [run(w)], numbering: { reference: BULLETS, level: 0 } }));
  }

  if (memo.template === 'response') out.push(...responseBlocks(memo));
  else {
    out.push(heading(1, 'Summary'));
    out.push(summaryTable(memo));
    for (const section of memo.sections) {
      out.push(heading(1, section.title, true));
      if (section.commitment !== null) {
        out.push(...unitBody(section.commitment));
        for (const point of section.commitment.points) out.push(...unitBlocks(point, 3));
      }
      for (const measure of section.measures) out.push(...unitBlocks(measure, 2));
    }
  }

  out.push(heading(1, 'Appendix', true));
  out.push(heading(2, 'Method'));
  out.push(para(memo.appendix.method));
  out.push(heading(2, 'Not yet reviewed'));
  const scope = memo.template === 'response' ? 'concerned by these objections' : 'in this memo';
  if (memo.appendix.unreviewed.length === 0)
    out.push(para(`Every commitment and measure ${scope} has been reviewed.`));
  for (const u of memo.appendix.unreviewed)
    out.push(
      new Paragraph({
        children: [run(u.heading ? `${u.citation} — ${u.heading}` : u.citation)],
        numbering: { reference: BULLETS, level: 0 },
      }),
    );
  return out;
}

/** Builds the Word document of a memo (not yet packed): exposed for tests and other packers. */
export function memoDocument(memo: Memo): Document {
  return new Document({
    title: clean(memo.title),
    creator: clean(memo.author.trim() === '' ? 'Crosswalk' : memo.author),
    description: clean(
      `${memo.template === 'response' ? 'Response memo' : 'Review memo'} of ${memo.projectName}, ${memo.date}`,
    ),
    styles: {
      default: {
        document: { run: { font: 'Cambria', size: 22 } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [
            {
              level: 0,
              format: LevelFormat.BULLET,
              text: '•',
              alignment: AlignmentType.LEFT,
              style: { paragraph: { indent: { left: 567, hanging: 283 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            // A4, 2 cm margins (twips).
            size: { width: 11906, height: 16838 },
            margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 },
          },
        },
        children: body(memo),
      },
    ],
  });
}

/** Renders a memo as a .docx file: the bytes of its ZIP package. */
export async function renderDocx(memo: Memo): Promise<Uint8Array> {
  return Packer.pack(memoDocument(memo), 'uint8array');
}
