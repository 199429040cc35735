import { describe, expect, it } from 'vitest';
import { buildMemo, MACHINE_SUGGESTION_LABEL } from '../../src/export/index';
import { parseRationale, renderHtml } from '../../src/export/html';
import { annotation, ANNOTATIONS, INPUT, OPTIONS, T2 } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';

function render(patch: Partial<typeof INPUT> = {}, options: Partial<typeof OPTIONS> = {}): string {
  return renderHtml(buildMemo({ ...INPUT, ...patch }, { ...OPTIONS, ...options }));
}

describe('renderHtml', () => {
  it('writes one HTML5 document with every section of the memo, in order', () => {
    const html = render();
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const marks = [
      '<h1>Review memo: GPAI Code v. AI Act</h1>',
      'Project: GPAI Code v. AI Act',
      'Prepared by Alice Example on <time>2025-03-04</time>.',
      '<h2>Documents</h2>',
      'Law: Mini AI Act',
      'SHA-256 <span class="fingerprint">actact',
      '<h2>Summary</h2>',
      '<th scope="row">Commitment 6 — Security mitigations</th>',
      '<h2>Commitment 9',
      '<h3>Measure 9.3 — Reporting timelines</h3>',
      '<span class="citation">Article 55(1), point (c)</span> · accepted',
      '<strong class="stance">expands</strong>',
      'NIST relationship: <span class="relationship">subset-of</span>',
      'status: <span class="status">reviewed</span>',
      '<span class="tag">stricter</span>',
      'Two days is stricter than “without undue delay”.',
      '<h2>Appendix</h2>',
      '<h3>Method</h3>',
      '<h3>Not yet reviewed</h3>',
    ];
    let at = -1;
    for (const mark of marks) {
      const next = html.indexOf(mark, at + 1);
      expect(next, mark).toBeGreaterThan(at);
      at = next;
    }
    expect(html).toContain('<blockquote>In addition to the obligations listed in Articles 53 and 54');
    expect(html).toContain('<li>Commitment 6 — Security mitigations</li>');
  });

  it('has the summary table with a header row, one row per commitment and a total', () => {
    const html = render();
    const table = html.slice(html.indexOf('<table>'), html.indexOf('</table>'));
    expect(table).toContain(
      '<thead><tr><th scope="col">Commitment</th><th scope="col" class="n">clarifies</th>',
    );
    expect(table).toContain(
      '<th scope="col" class="n">no stance</th><th scope="col" class="n">Reviewed</th>',
    );
    expect(table).toMatch(
      /<tfoot><tr><th scope="row">Total<\/th>(<td class="n">\d+<\/td>){8}<td class="n">1 of 4<\/td>/,
    );
  });

  it('is self-contained: a strict CSP, inline style, no script and no external resource', () => {
    const html = render({}, { includeSuggestions: true });
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toContain('<style>');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\b(src|href|srcset|action)\s*=/i);
    expect(html).not.toMatch(/url\(|@import/i);
  });

  it('prints on A4, a commitment per page, no break inside a quote, in a serif face', () => {
    const html = render();
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(
      /section\.commitment, section\.objection \{ break-before: page; page-break-before: always; \}/,
    );
    expect(html).toMatch(/blockquote \{[^}]*break-inside: avoid; page-break-inside: avoid;/);
    expect(html).toMatch(/body \{ font-family: [^;]*serif;/);
    expect(html.match(/<section class="commitment">/g)).toHaveLength(2);
  });

  it('labels machine suggestions, and shows them only when asked', () => {
    const html = render({}, { includeSuggestions: true });
    expect(html).toContain(
      `<span class="citation">Article 53(1), point (a)</span> · <span class="machine">${MACHINE_SUGGESTION_LABEL}</span>`,
    );
    expect(html).toContain(
      `Suggested stance (<span class="machine">${MACHINE_SUGGESTION_LABEL}</span>): expands`,
    );
    expect(html).toContain('<li>shares key terms: document, report</li>');
    const without = render();
    expect(without).not.toContain('Article 53(1), point (a)');
    expect(without).toContain('Only links a reviewer accepted are shown.');
  });

  it('keeps both reviewers’ verdicts when they disagree', () => {
    const bob = annotation('b1', 'msr_9.3', null, { author: 'Bob', stance: 'conflicts', updatedAt: T2 });
    const html = render({ annotations: [...ANNOTATIONS, bob] });
    expect(html).toContain('Reviewers disagree on this measure: 2 verdicts, all kept.');
    expect(html).toMatch(/<strong class="stance">conflicts<\/strong>.* — Bob, /);
  });

  it('escapes every piece of user text: rationale, tags, author, names, law text', () => {
    const hostile = annotation('h1', 'msr_6.2', null, {
      rationale: `See ${SCRIPT} and ${IMG} & "quotes" 'too'`,
      tags: [SCRIPT, `x" onerror="alert(1)`, IMG],
      author: SCRIPT,
    });
    const html = render(
      {
        project: { ...INPUT.project, name: SCRIPT },
        lawDocument: { ...INPUT.lawDocument, title: IMG, fileName: `${SCRIPT}.pdf` },
        annotations: [hostile],
      },
      { author: `${SCRIPT}"'` },
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<[^>]*\sonerror\s*=/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&amp; &quot;quotes&quot; &#39;too&#39;');
    expect(html).toContain('<span class="tag">x&quot; onerror=&quot;alert(1)</span>');
    expect(html).toContain('<meta name="author" content="&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;">');
  });

  it('renders a rationale’s paragraphs, lists, bold, italic and code, and nothing else', () => {
    const rationale =
      '**Stricter** than the *Act*:\nsee `Art. 55`.\n\n- two days\n- [see](javascript:alert(1))\n\n<b>raw</b> # not a heading';
    const html = render({ annotations: [annotation('r1', 'msr_6.2', null, { rationale })] });
    expect(html).toContain(
      '<div class="rationale"><p><strong>Stricter</strong> than the <em>Act</em>: see <code>Art. 55</code>.</p>',
    );
    expect(html).toContain('<ul><li>two days</li><li>[see](javascript:alert(1))</li></ul>');
    expect(html).toContain('<p>&lt;b&gt;raw&lt;/b&gt; # not a heading</p>');
    expect(html).not.toMatch(/<a\b/);
  });

  it('parses rationale Markdown into blocks', () => {
    expect(parseRationale('a **b *c* e** d\n\n* one\n  more\n* two')).toEqual([
      {
        kind: 'paragraph',
        spans: [
          { text: 'a ', bold: false, italic: false, code: false },
          { text: 'b ', bold: true, italic: false, code: false },
          { text: 'c', bold: true, italic: true, code: false },
          { text: ' e', bold: true, italic: false, code: false },
          { text: ' d', bold: false, italic: false, code: false },
        ],
      },
      {
        kind: 'list',
        items: [
          [{ text: 'one more', bold: false, italic: false, code: false }],
          [{ text: 'two', bold: false, italic: false, code: false }],
        ],
      },
    ]);
    expect(parseRationale('snake_case_name and 2 * 3 * 4')).toEqual([
      {
        kind: 'paragraph',
        spans: [{ text: 'snake_case_name and 2 * 3 * 4', bold: false, italic: false, code: false }],
      },
    ]);
    expect(parseRationale('  \n ')).toEqual([]);
  });
});
