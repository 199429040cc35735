/**
 * What `crosswalk link` and `crosswalk compare` print. The JSON shapes are a
 * documented contract (README): exactly these keys, in this order.
 */
import { formatCitation } from '../citations/index';
import type { Comparison } from '../compare/index';
import type { LinkReport } from '../linking/index';
import type { ClauseTree, Unit } from '../model/clause';

export function linkJson(law: ClauseTree, code: ClauseTree, report: LinkReport): unknown {
  return {
    law: { fingerprint: law.document.fingerprint, title: law.document.title },
    code: { fingerprint: code.document.fingerprint, title: code.document.title },
    links: report.links.map((link) => ({
      source: link.source,
      target: link.target,
      rank: link.rank,
      score: link.score,
      basis: link.basis,
      evidence: link.evidence,
      suggestedStance: link.suggestedStance && {
        stance: link.suggestedStance.stance,
        confidence: link.suggestedStance.confidence,
        evidence: link.suggestedStance.evidence,
      },
    })),
    unresolved: report.unresolved.map((u) => ({ source: u.source, text: u.text, reason: u.reason })),
  };
}

/** One row per link, grouped by source unit, columns padded for a terminal. */
export function linkTable(report: LinkReport): string {
  const rows: string[][] = [['source', 'rank', 'target', 'provision', 'score', 'basis', 'suggested stance']];
  for (const link of report.links) {
    const stance = link.suggestedStance
      ? `${link.suggestedStance.stance} (${link.suggestedStance.confidence.toFixed(2)})`
      : '';
    rows.push([
      link.rank === 1 ? link.source : '',
      String(link.rank),
      link.target,
      formatCitation(link.target),
      link.score.toFixed(3),
      link.basis.join('+'),
      stance,
    ]);
  }
  const widths = rows[0]?.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length))) ?? [];
  const lines = rows.map((row) =>
    row
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
  if (report.unresolved.length > 0) {
    lines.push('', 'Unresolved references:');
    for (const u of report.unresolved) lines.push(`  ${u.source}: “${u.text}” — ${u.reason}`);
  }
  return lines.join('\n') + '\n';
}

export function compareJson(code: Unit, law: Unit, comparison: Comparison): unknown {
  return { code: { id: code.id }, law: { id: law.id, citation: formatCitation(law.id) }, ...comparison };
}

/** The comparison for a reader: aligned wording (code-only in {+ +}, law-only in [- -]), obligations, differences, stance. */
export function compareText(code: Unit, law: Unit, comparison: Comparison): string {
  const { alignment, delta, suggestedStance } = comparison;
  const out: string[] = [];
  out.push(`Code  ${code.id}  ${[code.num, code.heading].filter(Boolean).join(' ')}`.trimEnd());
  out.push(`Law   ${law.id}  ${formatCitation(law.id)}`);
  out.push('', 'Aligned wording ({+code only+}  [-law only-]):');
  out.push(
    wrap(
      alignment.segments
        .map((s) =>
          s.kind === 'shared' ? s.text : s.kind === 'code' ? `{+${s.text.trim()}+}` : `[-${s.text.trim()}-]`,
        )
        .join(' ')
        .replace(/\s+/g, ' '),
    ),
  );
  out.push(
    '',
    `Shared phrases (${Math.round(alignment.overlap * 100)} % of the code's words also in the law):`,
  );
  for (const phrase of alignment.sharedPhrases.slice(0, 10)) out.push(`  “${phrase}”`);
  const obligationLines = (label: string, list: Comparison['delta']['code']): void => {
    out.push('', `${label}:`);
    if (list.length === 0) out.push('  (none found)');
    for (const o of list)
      out.push(
        `  ${o.actor ?? '(no actor)'} — ${o.modality} — ${o.action}${o.object ? ` — ${o.object}` : ''}`,
      );
  };
  obligationLines('Obligations in the code', delta.code);
  obligationLines('Obligations in the law', delta.law);
  out.push('', 'What the code adds:');
  if (delta.adds.length === 0) out.push('  (nothing found)');
  for (const a of delta.adds) out.push(`  ${a.kind}: “${a.text}”`);
  out.push('', 'What the code leaves out:');
  if (delta.omits.length === 0) out.push('  (nothing found)');
  for (const a of delta.omits) out.push(`  ${a.kind}: “${a.text}”`);
  if (delta.softens.length > 0) {
    out.push('', 'Where the code softens the law:');
    for (const s of delta.softens) out.push(`  ${s.note}`);
  }
  out.push(
    '',
    `Suggested stance: ${suggestedStance.stance} (confidence ${suggestedStance.confidence.toFixed(2)}) — a suggestion, not a verdict`,
  );
  for (const e of suggestedStance.evidence) out.push(`  - ${e}`);
  return out.join('\n') + '\n';
}

function wrap(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line.length + word.length + 1 > width && line.length > 0) {
      lines.push(`  ${line}`);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(`  ${line}`);
  return lines.join('\n');
}
