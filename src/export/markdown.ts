/**
 * The memo as Markdown. Everything in a memo that came from a person or a PDF (names, tags,
 * rationales, headings, law and code text) may hold markup; a memo is opened in viewers that turn
 * Markdown into HTML, so none of it may become HTML or a link. Rationales are Markdown by design
 * and keep their formatting, but never their HTML.
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

/** `<`, `>` and `&` as entities: text that can hold no HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Plain text for a Markdown line: HTML escaped, and the characters that make emphasis, code spans,
 * links or images escaped too, so a heading or a tag reads as typed. Line breaks become spaces.
 */
export function escapeInline(text: string): string {
  return escapeHtml(text.replace(/\s+/g, ' ').trim()).replace(/[\\`*_[\]!|~]/g, (c) => `\\${c}`);
}

/** A table cell: inline text, with `|` escaped (done by {@link escapeInline}). */
function cell(text: string): string {
  return escapeInline(text);
}

/** Plain text that starts a line: a leading `#`, `>`, `-`, `+`, `=` or `1.` must not become a block. */
function escapeLineStart(text: string): string {
  return text.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_, space: string, marker: string) => {
    const at = marker.length - 1;
    return /\d/.test(marker) ? `${space}${marker.slice(0, at)}\\${marker.slice(at)}` : `${space}\\${marker}`;
  });
}

/** Law or code text as a blockquote: every line quoted, nothing in it taken as markup. */
function blockquote(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines
    .map((line) => (line.trim() === '' ? '>' : `> ${escapeLineStart(escapeInline(line))}`))
    .join('\n');
}

/**
 * Link destinations that run code or embed content when a viewer follows them. Most viewers refuse
 * them already; a memo is passed around and opened in viewers we do not know.
 */
const UNSAFE_DESTINATION = /(\]\(\s*|\[[^\]\n]*\]:\s*)(javascript|vbscript|data|file)\s*:/gi;

/**
 * A rationale keeps its Markdown (lists, emphasis, links, paragraphs) but no HTML, and a link in it
 * cannot point at `javascript:`, `vbscript:`, `data:` or `file:` URLs.
 */
export function escapeRationale(text: string): string {
  return (
    escapeHtml(text.replace(/\r\n?/g, '\n').trim())
      .replace(
        UNSAFE_DESTINATION,
        (_, lead: string, scheme: string) => `${lead}blocked-${scheme.toLowerCase()}:`,
      )
      // An image would be fetched by the viewer the moment the memo is opened (a tracking pixel, a
      // request off the reader's machine); as an escaped `!` it stays a plain link to click or not.
      .replace(/!\[/g, '\\![')
      .split('\n')
      .map(escapeBlockStart)
      .join('\n')
  );
}

/**
 * A rationale line that would open a block of the memo's own kind — a heading (`# …`, or a line of
 * `=`/`-` under a paragraph), a code fence, a thematic break or a table — is escaped: a note may
 * not add to the memo's outline or swallow the rest of it into a code block. Lists, emphasis and
 * links stay. `|` is escaped everywhere, since `a|b` over `-|-` makes a table.
 */
function escapeBlockStart(line: string): string {
  return line
    .replace(/\|/g, '\\|')
    .replace(/^(\s*)(#{1,6})(?=\s|$)/, '$1\\$2')
    .replace(/^(\s*)(`{3,}|~{3,})/, '$1\\$2')
    .replace(/^(\s*)(=+|-+)(\s*)$/, '$1\\$2$3')
    .replace(/^(\s*)([*_])((?:\s*\2){2,}\s*)$/, '$1\\$2$3');
}

function verdictLine(verdict: MemoVerdict): string {
  const parts: string[] = [];
  parts.push(verdict.stance === null ? 'no stance' : `**${verdict.stance}**`);
  if (verdict.relationship !== null) parts.push(`relationship: ${verdict.relationship}`);
  if (verdict.rationaleType !== null) parts.push(`rationale type: ${verdict.rationaleType}`);
  if (verdict.strength !== null) parts.push(`strength: ${verdict.strength}/10`);
  parts.push(`status: ${verdict.status}`);
  if (verdict.fromSuggestion) parts.push('adopted from a machine suggestion');
  const who = verdict.author.trim() === '' ? 'unnamed reviewer' : escapeInline(verdict.author);
  return `${parts.join(' · ')} — ${who}, ${escapeInline(verdict.updatedAt)}`;
}

function verdictBlocks(verdicts: readonly MemoVerdict[], what: string, disagreement: boolean): string[] {
  const out: string[] = [];
  if (verdicts.length === 0) return out;
  if (disagreement)
    out.push(`**Reviewers disagree** on this ${what}: ${verdicts.length} verdicts, all kept.`);
  for (const verdict of verdicts) {
    const lines = [`- Verdict: ${verdictLine(verdict)}`];
    if (verdict.tags.length > 0) lines.push(`  Tags: ${verdict.tags.map(escapeInline).join(', ')}`);
    const rationale = escapeRationale(verdict.rationale);
    if (rationale !== '')
      lines.push('', ...rationale.split('\n').map((line) => (line === '' ? '' : `  ${line}`)));
    out.push(lines.join('\n'));
  }
  return out;
}

function linkBlock(link: MemoLink, level: number): string {
  const status = link.label === null ? 'accepted' : `_${link.label}_`;
  const out = [`${'#'.repeat(Math.min(level, 6))} ${escapeInline(link.citation)} · ${status}`];
  if (link.heading !== null) out.push(`_${escapeInline(link.heading)}_`);
  if (!link.found) out.push('Not found in the law as imported: the link was made against another version.');
  else if (link.quote !== '') out.push(blockquote(link.quote));
  if (link.label !== null) {
    if (link.basis.length > 0) out.push(`Basis: ${link.basis.map(escapeInline).join(', ')}`);
    if (link.evidence.length > 0)
      out.push(['Evidence:', ...link.evidence.map((e) => `- ${escapeInline(e)}`)].join('\n'));
    if (link.suggestedStance !== null)
      out.push(
        `Suggested stance (${MACHINE_SUGGESTION_LABEL}): ${escapeInline(link.suggestedStance.stance)}, ` +
          `confidence ${link.suggestedStance.confidence.toFixed(2)}`,
      );
  }
  out.push(...verdictBlocks(link.verdicts, 'link', false));
  return out.join('\n\n');
}

function unitBlock(unit: MemoUnit, level: number): string {
  const title = unit.heading ? `${unit.citation} — ${unit.heading}` : unit.citation;
  const out = [`${'#'.repeat(level)} ${escapeInline(title)}`];
  if (unit.text !== '') out.push(blockquote(unit.text));
  if (unit.verdicts.length === 0) out.push('_No verdict yet._');
  out.push(...verdictBlocks(unit.verdicts, unit.type, unit.disagreement));
  if (unit.links.length > 0) out.push(...unit.links.map((link) => linkBlock(link, level + 1)));
  else out.push('_No accepted links._');
  for (const point of unit.points) out.push(unitBlock(point, Math.min(level + 1, 6)));
  return out.join('\n\n');
}

function summaryRow(row: MemoSummaryRow, bold: boolean): string {
  const title = bold ? `**${cell(row.title)}**` : cell(row.title);
  const counts = SUMMARY_COLUMNS.map((column) => String(row.counts[column]));
  return `| ${[title, ...counts, `${row.reviewed} of ${row.total}`].join(' | ')} |`;
}

/** Renders a memo as GitHub-flavoured Markdown. */
export function renderMarkdown(memo: Memo): string {
  const out: string[] = [];
  out.push(`# ${escapeInline(memo.title)}`);
  const author = memo.author.trim() === '' ? '' : ` by ${escapeInline(memo.author)}`;
  out.push(`Prepared${author} on ${escapeInline(memo.date)}.`);

  out.push('## Documents');
  out.push(
    memo.documents
      .map(
        (d) =>
          `- **${d.role === 'law' ? 'Law' : 'Code'}:** ${escapeInline(d.title)} ` +
          `(${d.pages} ${d.pages === 1 ? 'page' : 'pages'}), ` +
          `file ${escapeInline(d.fileName)}, SHA-256 ${escapeInline(d.fingerprint)}`,
      )
      .join('\n'),
  );
  if (memo.filters.length > 0)
    out.push(['**This memo is filtered.**', ...memo.filters.map((f) => `- ${escapeInline(f)}`)].join('\n'));
  out.push(
    memo.includesSuggestions
      ? `Machine suggestions nobody has decided on are included, each marked “${MACHINE_SUGGESTION_LABEL}”.`
      : 'Only links a reviewer accepted are shown.',
  );
  if (memo.warnings.length > 0)
    out.push(['**Warnings**', ...memo.warnings.map((w) => `- ${escapeInline(w)}`)].join('\n'));

  if (memo.template === 'response') out.push(...responseBlocks(memo));
  else out.push(...comparisonBlocks(memo));

  out.push('## Appendix');
  out.push('### Method');
  out.push(escapeHtml(memo.appendix.method));
  out.push('### Not yet reviewed');
  const scope = memo.template === 'response' ? 'concerned by these objections' : 'in this memo';
  out.push(
    memo.appendix.unreviewed.length === 0
      ? `Every commitment and measure ${scope} has been reviewed.`
      : memo.appendix.unreviewed
          .map((u) => `- ${escapeInline(u.heading ? `${u.citation} — ${u.heading}` : u.citation)}`)
          .join('\n'),
  );
  return `${out.join('\n\n')}\n`;
}

/** The objections of a response memo: a table, then each objection with its units and response. */
function responseBlocks(memo: Memo): string[] {
  const out: string[] = ['## Objections'];
  if (memo.objections.length === 0) {
    out.push('_No objections recorded._');
    return out;
  }
  const header = ['#', 'Objection', 'Raised by', 'Date', 'Concerns', 'Assessment'];
  out.push(
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map((_, i) => (i === 0 ? '---:' : '---')).join(' | ')} |`,
      ...memo.objections.map(
        (o, i) =>
          `| ${[
            String(i + 1),
            cell(o.title || 'Untitled objection'),
            cell(o.raisedBy),
            cell(o.raisedOn),
            cell(o.units.map((u) => u.citation).join(', ')),
            cell(o.assessmentText),
          ].join(' | ')} |`,
      ),
    ].join('\n'),
  );
  memo.objections.forEach((objection, i) => {
    out.push(`## Objection ${i + 1} — ${escapeInline(objection.title || 'Untitled objection')}`);
    out.push(escapeInline(objectionOrigin(objection)));
    out.push(objection.claim.trim() === '' ? '_The claim was not recorded._' : blockquote(objection.claim));
    out.push(`**Assessment:** ${escapeInline(objection.assessmentText)}`);
    out.push('### Response');
    const response = escapeRationale(objection.response);
    const who = objection.author.trim() === '' ? 'unnamed reviewer' : escapeInline(objection.author);
    out.push(response === '' ? '_No response written yet._' : response);
    out.push(`_Response by ${who}, ${escapeInline(objection.updatedAt)}._`);
    out.push('### Provisions concerned');
    if (objection.units.length === 0 && objection.missing.length === 0)
      out.push('_The objection is not attached to any commitment or measure._');
    for (const unit of objection.units) out.push(unitBlock(unit, 4));
    if (objection.missing.length > 0)
      out.push(
        `Not in this version of the code: ${objection.missing.map((id) => escapeInline(id)).join(', ')}.`,
      );
  });
  return out;
}

/** The comparison memo's body: the summary table, then one section per commitment. */
function comparisonBlocks(memo: Memo): string[] {
  const out: string[] = [];
  out.push('## Summary');
  const header = ['Commitment', ...SUMMARY_COLUMNS, 'Reviewed'];
  out.push(
    [
      `| ${header.join(' | ')} |`,
      `| ${header.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
      ...memo.summary.map((row) => summaryRow(row, false)),
      summaryRow(memo.total, true),
    ].join('\n'),
  );

  for (const section of memo.sections) {
    out.push(`## ${escapeInline(section.title)}`);
    if (section.commitment !== null) {
      const { commitment } = section;
      // The commitment's own entry sits under the section heading; its links one level below measures.
      if (commitment.text !== '') out.push(blockquote(commitment.text));
      if (commitment.verdicts.length === 0) out.push('_No verdict yet._');
      out.push(...verdictBlocks(commitment.verdicts, 'commitment', commitment.disagreement));
      out.push(...commitment.links.map((link) => linkBlock(link, 4)));
      for (const point of commitment.points) out.push(unitBlock(point, 4));
    }
    for (const measure of section.measures) out.push(unitBlock(measure, 3));
  }
  return out;
}
