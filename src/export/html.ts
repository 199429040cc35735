/**
 * The memo as one self-contained HTML5 document: inline styles, no script, no external resource,
 * and a Content-Security-Policy that forbids both should anything slip through. It says what the
 * Markdown memo says, in the same order, and prints as an A4 report (each commitment on a new page).
 *
 * Everything that came from a person or a PDF is escaped. Rationales keep a small, safe part of
 * their Markdown (paragraphs, bullet lists, **bold**, *italic*, `code`): it is parsed into
 * {@link RationaleBlock}s, never passed through, so no HTML and no link in a rationale survives.
 */
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

/** A run of rationale text with the emphasis it carries. */
export interface RationaleSpan {
  readonly text: string;
  readonly bold: boolean;
  readonly italic: boolean;
  readonly code: boolean;
}

/** A paragraph (lines joined by spaces) or a bullet list of a rationale. */
export type RationaleBlock =
  | { readonly kind: 'paragraph'; readonly spans: readonly RationaleSpan[] }
  | { readonly kind: 'list'; readonly items: readonly (readonly RationaleSpan[])[] };

/** `<`, `>`, `&`, `"` and `'` as entities: safe in element content and in quoted attributes. */
export function escapeHtmlText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** `code`, **bold**, *italic* or _italic_ (not inside a word for `_`). */
const INLINE =
  /`([^`\n]+)`|\*\*(?=\S)((?:[^*\n]|\*(?!\*))*?\S)\*\*|\*(?=[^\s*])([^*\n]*?[^\s*])\*|(?<![\p{L}\p{N}])_(?=\S)([^_\n]*?\S)_(?![\p{L}\p{N}])/gu;

/** Inline Markdown of one paragraph or list item as spans; anything else stays literal text. */
export function parseInline(text: string, bold = false, italic = false): RationaleSpan[] {
  const spans: RationaleSpan[] = [];
  const plain = (value: string, b: boolean, i: boolean, code: boolean): void => {
    if (value === '') return;
    const last = spans[spans.length - 1];
    if (last && last.bold === b && last.italic === i && last.code === code)
      spans[spans.length - 1] = { ...last, text: last.text + value };
    else spans.push({ text: value, bold: b, italic: i, code });
  };
  let at = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    plain(text.slice(at, index), bold, italic, false);
    const [, code, strong, em1, em2] = match;
    if (code !== undefined) plain(code, bold, italic, true);
    else if (strong !== undefined)
      for (const span of parseInline(strong, true, italic))
        plain(span.text, span.bold, span.italic, span.code);
    else
      for (const span of parseInline(em1 ?? em2 ?? '', bold, true))
        plain(span.text, span.bold, span.italic, span.code);
    at = index + match[0].length;
  }
  plain(text.slice(at), bold, italic, false);
  return spans;
}

const BULLET = /^\s{0,3}[-*+]\s+/;

/** A rationale's Markdown as paragraphs and bullet lists. */
export function parseRationale(text: string): RationaleBlock[] {
  const blocks: RationaleBlock[] = [];
  const lines = text.replace(/\r\n?/g, '\n').trim().split('\n');
  let paragraph: string[] = [];
  let items: string[] | null = null;
  const flush = (): void => {
    if (paragraph.length > 0)
      blocks.push({ kind: 'paragraph', spans: parseInline(paragraph.map((l) => l.trim()).join(' ')) });
    if (items !== null && items.length > 0)
      blocks.push({ kind: 'list', items: items.map((item) => parseInline(item.trim())) });
    paragraph = [];
    items = null;
  };
  for (const line of lines) {
    if (line.trim() === '') flush();
    else if (BULLET.test(line)) {
      if (paragraph.length > 0) flush();
      items ??= [];
      items.push(line.replace(BULLET, ''));
    } else if (items !== null && items.length > 0 && /^\s/.test(line)) {
      // A continuation line of the last item.
      items[items.length - 1] = `${items[items.length - 1] ?? ''} ${line.trim()}`;
    } else {
      if (items !== null) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function spansHtml(spans: readonly RationaleSpan[]): string {
  return spans
    .map((span) => {
      let out = escapeHtmlText(span.text);
      if (span.code) out = `<code>${out}</code>`;
      if (span.italic) out = `<em>${out}</em>`;
      if (span.bold) out = `<strong>${out}</strong>`;
      return out;
    })
    .join('');
}

function rationaleHtml(text: string): string {
  return parseRationale(text)
    .map((block) =>
      block.kind === 'paragraph'
        ? `<p>${spansHtml(block.spans)}</p>`
        : `<ul>${block.items.map((item) => `<li>${spansHtml(item)}</li>`).join('')}</ul>`,
    )
    .join('\n');
}

const e = escapeHtmlText;

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
:root { color-scheme: light; }
body { font-family: Georgia, Cambria, "Times New Roman", Times, serif; font-size: 11pt; line-height: 1.45;
  color: #111; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1, h2, h3, h4, h5, h6 { font-family: "Helvetica Neue", Arial, sans-serif; line-height: 1.2; break-after: avoid; page-break-after: avoid; }
h1 { font-size: 1.9em; margin: 0 0 .4em; }
h2 { font-size: 1.45em; margin-top: 1.6em; }
h3 { font-size: 1.2em; margin-top: 1.4em; }
h4, h5, h6 { font-size: 1.02em; margin-top: 1.1em; }
.title-page { margin-bottom: 2em; }
.documents dt { font-weight: bold; margin-top: .5em; }
.documents dd { margin-left: 1.2em; }
.fingerprint { font-family: "Courier New", monospace; font-size: .85em; word-break: break-all; }
blockquote { margin: .6em 0 .8em; padding: .4em .9em; border-left: 3px solid #888; background: #f6f6f6;
  white-space: pre-line; break-inside: avoid; page-break-inside: avoid; }
table { border-collapse: collapse; width: 100%; font-size: .9em; margin: .6em 0 1em; }
th, td { border: 1px solid #999; padding: .25em .45em; }
th { background: #eee; text-align: left; }
td.n, th.n { text-align: right; }
tfoot td { font-weight: bold; }
tr { break-inside: avoid; page-break-inside: avoid; }
section.commitment, section.objection { break-before: page; page-break-before: always; }
blockquote.claim { border-left-color: #8a1c1c; font-style: italic; }
.verdict { margin: .5em 0 .8em; padding-left: .8em; border-left: 2px solid #ccc; }
.verdict-line { margin: .2em 0; }
.rationale p, .rationale ul { margin: .3em 0; }
.tags .tag { display: inline-block; border: 1px solid #aaa; border-radius: 3px; padding: 0 .3em; margin-right: .3em; font-size: .85em; }
.machine { font-style: italic; color: #7a3e00; border: 1px dashed #c07a2c; padding: 0 .3em; border-radius: 3px; }
.note, .provision-heading { font-style: italic; }
.disagree { font-weight: bold; color: #8a1c1c; }
.warnings { border: 1px solid #c99; background: #fff4f4; padding: .4em .9em; }
code { font-family: "Courier New", monospace; font-size: .9em; }
@media print { body { max-width: none; margin: 0; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const CSP = `default-src 'none'; style-src 'unsafe-inline'`;

function machineLabel(): string {
  return `<span class="machine">${e(MACHINE_SUGGESTION_LABEL)}</span>`;
}

function quote(text: string): string {
  return `<blockquote>${e(text)}</blockquote>`;
}

function heading(level: number, text: string, extra = ''): string {
  const h = Math.min(Math.max(level, 1), 6);
  return `<h${h}>${text}${extra}</h${h}>`;
}

function verdictHtml(verdict: MemoVerdict): string {
  const parts: string[] = [];
  parts.push(verdict.stance === null ? 'no stance' : `<strong class="stance">${e(verdict.stance)}</strong>`);
  if (verdict.relationship !== null)
    parts.push(`NIST relationship: <span class="relationship">${e(verdict.relationship)}</span>`);
  if (verdict.rationaleType !== null) parts.push(`rationale type: ${e(verdict.rationaleType)}`);
  if (verdict.strength !== null) parts.push(`strength: ${verdict.strength}/10`);
  parts.push(`status: <span class="status">${e(verdict.status)}</span>`);
  if (verdict.fromSuggestion) parts.push('adopted from a machine suggestion');
  const who = verdict.author.trim() === '' ? 'unnamed reviewer' : e(verdict.author);
  const out = [`<p class="verdict-line">Verdict: ${parts.join(' · ')} — ${who}, ${e(verdict.updatedAt)}</p>`];
  if (verdict.tags.length > 0)
    out.push(
      `<p class="tags">Tags: ${verdict.tags.map((tag) => `<span class="tag">${e(tag)}</span>`).join(' ')}</p>`,
    );
  const rationale = rationaleHtml(verdict.rationale);
  if (rationale !== '') out.push(`<div class="rationale">${rationale}</div>`);
  return `<div class="verdict">${out.join('\n')}</div>`;
}

function verdictsHtml(verdicts: readonly MemoVerdict[], what: string, disagreement: boolean): string[] {
  const out: string[] = [];
  if (verdicts.length === 0) return out;
  if (disagreement)
    out.push(
      `<p class="disagree">Reviewers disagree on this ${e(what)}: ${verdicts.length} verdicts, all kept.</p>`,
    );
  for (const verdict of verdicts) out.push(verdictHtml(verdict));
  return out;
}

function linkHtml(link: MemoLink, level: number): string {
  const status = link.label === null ? 'accepted' : machineLabel();
  const out = [heading(level, `<span class="citation">${e(link.citation)}</span> · ${status}`)];
  if (link.heading !== null) out.push(`<p class="provision-heading">${e(link.heading)}</p>`);
  if (!link.found)
    out.push(
      '<p class="note">Not found in the law as imported: the link was made against another version.</p>',
    );
  else if (link.quote !== '') out.push(quote(link.quote));
  if (link.label !== null) {
    if (link.basis.length > 0) out.push(`<p>Basis: ${link.basis.map(e).join(', ')}</p>`);
    if (link.evidence.length > 0)
      out.push(`<p>Evidence:</p><ul>${link.evidence.map((item) => `<li>${e(item)}</li>`).join('')}</ul>`);
    if (link.suggestedStance !== null)
      out.push(
        `<p>Suggested stance (${machineLabel()}): ${e(link.suggestedStance.stance)}, ` +
          `confidence ${link.suggestedStance.confidence.toFixed(2)}</p>`,
      );
  }
  out.push(...verdictsHtml(link.verdicts, 'link', false));
  return `<div class="link">\n${out.join('\n')}\n</div>`;
}

function unitBody(unit: MemoUnit, linkLevel: number): string[] {
  const out: string[] = [];
  if (unit.text !== '') out.push(quote(unit.text));
  if (unit.verdicts.length === 0) out.push('<p class="note">No verdict yet.</p>');
  out.push(...verdictsHtml(unit.verdicts, unit.type, unit.disagreement));
  return out.concat(unit.links.map((link) => linkHtml(link, linkLevel)));
}

function unitHtml(unit: MemoUnit, level: number): string {
  const title = unit.heading ? `${unit.citation} — ${unit.heading}` : unit.citation;
  const out = [heading(level, e(title)), ...unitBody(unit, level + 1)];
  if (unit.links.length === 0) out.push('<p class="note">No accepted links.</p>');
  for (const point of unit.points) out.push(unitHtml(point, level + 1));
  return `<article class="unit ${e(unit.type)}">\n${out.join('\n')}\n</article>`;
}

function summaryRow(row: MemoSummaryRow): string {
  const counts = SUMMARY_COLUMNS.map((column) => `<td class="n">${row.counts[column]}</td>`);
  return `<tr><th scope="row">${e(row.title)}</th>${counts.join('')}<td class="n">${row.reviewed} of ${row.total}</td></tr>`;
}

/** Renders a memo as a self-contained, printable HTML5 document. */
export function renderHtml(memo: Memo): string {
  const out: string[] = [];
  const author = memo.author.trim() === '' ? '' : ` by ${e(memo.author)}`;
  out.push('<header class="title-page">');
  out.push(`<h1>${e(memo.title)}</h1>`);
  out.push(`<p class="project">Project: ${e(memo.projectName)}</p>`);
  out.push(`<p class="prepared">Prepared${author} on <time>${e(memo.date)}</time>.</p>`);
  out.push('<h2>Documents</h2>');
  out.push('<dl class="documents">');
  for (const d of memo.documents) {
    out.push(`<dt>${d.role === 'law' ? 'Law' : 'Code'}: ${e(d.title)}</dt>`);
    out.push(
      `<dd>${d.pages} ${d.pages === 1 ? 'page' : 'pages'}, file ${e(d.fileName)}<br>` +
        `SHA-256 <span class="fingerprint">${e(d.fingerprint)}</span></dd>`,
    );
  }
  out.push('</dl>');
  if (memo.filters.length > 0)
    out.push(
      `<p><strong>This memo is filtered.</strong></p><ul class="filters">${memo.filters
        .map((f) => `<li>${e(f)}</li>`)
        .join('')}</ul>`,
    );
  out.push(
    memo.includesSuggestions
      ? `<p>Machine suggestions nobody has decided on are included, each marked ${machineLabel()}.</p>`
      : '<p>Only links a reviewer accepted are shown.</p>',
  );
  if (memo.warnings.length > 0)
    out.push(
      `<div class="warnings"><p><strong>Warnings</strong></p><ul>${memo.warnings
        .map((w) => `<li>${e(w)}</li>`)
        .join('')}</ul></div>`,
    );
  out.push('</header>');

  if (memo.template === 'response') out.push(...responseHtml(memo));
  else out.push(...comparisonHtml(memo));

  out.push('<section class="appendix">');
  out.push('<h2>Appendix</h2>');
  out.push('<h3>Method</h3>');
  out.push(`<p>${e(memo.appendix.method)}</p>`);
  out.push('<h3>Not yet reviewed</h3>');
  const scope = memo.template === 'response' ? 'concerned by these objections' : 'in this memo';
  out.push(
    memo.appendix.unreviewed.length === 0
      ? `<p>Every commitment and measure ${scope} has been reviewed.</p>`
      : `<ul class="unreviewed">\n${memo.appendix.unreviewed
          .map((u) => `<li>${e(u.heading ? `${u.citation} — ${u.heading}` : u.citation)}</li>`)
          .join('\n')}\n</ul>`,
  );
  out.push('</section>');

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta name="author" content="${e(memo.author)}">`,
    `<title>${e(memo.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...out,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The objections: a table, then each objection with its claim, response and provisions. */
function responseHtml(memo: Memo): string[] {
  const out: string[] = ['<section class="objections-summary">', '<h2>Objections</h2>'];
  if (memo.objections.length === 0) {
    out.push('<p class="note">No objections recorded.</p>', '</section>');
    return out;
  }
  out.push('<table>');
  out.push(
    '<thead><tr><th scope="col" class="n">#</th><th scope="col">Objection</th><th scope="col">Raised by</th>' +
      '<th scope="col">Date</th><th scope="col">Concerns</th><th scope="col">Assessment</th></tr></thead>',
  );
  out.push('<tbody>');
  memo.objections.forEach((o, i) => {
    out.push(
      `<tr><td class="n">${i + 1}</td><th scope="row">${e(o.title || 'Untitled objection')}</th>` +
        `<td>${e(o.raisedBy)}</td><td>${e(o.raisedOn)}</td>` +
        `<td>${e(o.units.map((u) => u.citation).join(', '))}</td><td>${e(o.assessmentText)}</td></tr>`,
    );
  });
  out.push('</tbody>', '</table>', '</section>');
  memo.objections.forEach((objection, i) => {
    out.push('<section class="objection">');
    out.push(`<h2>Objection ${i + 1} — ${e(objection.title || 'Untitled objection')}</h2>`);
    out.push(`<p class="origin">${e(objectionOrigin(objection))}</p>`);
    out.push(
      objection.claim.trim() === ''
        ? '<p class="note">The claim was not recorded.</p>'
        : `<blockquote class="claim">${e(objection.claim)}</blockquote>`,
    );
    out.push(`<p class="assessment"><strong>Assessment:</strong> ${e(objection.assessmentText)}</p>`);
    out.push('<h3>Response</h3>');
    const response = rationaleHtml(objection.response);
    out.push(
      response === ''
        ? '<p class="note">No response written yet.</p>'
        : `<div class="rationale response">${response}</div>`,
    );
    const who = objection.author.trim() === '' ? 'unnamed reviewer' : e(objection.author);
    out.push(`<p class="note">Response by ${who}, ${e(objection.updatedAt)}.</p>`);
    out.push('<h3>Provisions concerned</h3>');
    if (objection.units.length === 0 && objection.missing.length === 0)
      out.push('<p class="note">The objection is not attached to any commitment or measure.</p>');
    for (const unit of objection.units) out.push(unitHtml(unit, 4));
    if (objection.missing.length > 0)
      out.push(`<p class="note">Not in this version of the code: ${e(objection.missing.join(', '))}.</p>`);
    out.push('</section>');
  });
  return out;
}

/** The comparison memo's body: the summary table, then one section per commitment. */
function comparisonHtml(memo: Memo): string[] {
  const out: string[] = [];
  out.push('<section class="summary">');
  out.push('<h2>Summary</h2>');
  out.push('<table>');
  const header = SUMMARY_COLUMNS.map((column) => `<th scope="col" class="n">${e(column)}</th>`);
  out.push(
    `<thead><tr><th scope="col">Commitment</th>${header.join('')}<th scope="col" class="n">Reviewed</th></tr></thead>`,
  );
  out.push(`<tbody>\n${memo.summary.map(summaryRow).join('\n')}\n</tbody>`);
  out.push(`<tfoot>${summaryRow(memo.total)}</tfoot>`);
  out.push('</table>');
  out.push('</section>');

  for (const section of memo.sections) {
    out.push('<section class="commitment">');
    out.push(`<h2>${e(section.title)}</h2>`);
    if (section.commitment !== null) {
      const { commitment } = section;
      out.push(...unitBody(commitment, 4));
      for (const point of commitment.points) out.push(unitHtml(point, 4));
    }
    for (const measure of section.measures) out.push(unitHtml(measure, 3));
    out.push('</section>');
  }
  return out;
}
