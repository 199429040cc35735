import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMemo, escapeRationale, MACHINE_SUGGESTION_LABEL, renderMarkdown } from '../../src/export/index';
import { tree } from '../support/trees';
import { annotation, ANNOTATIONS, INPUT, OPTIONS, T2 } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';

function render(patch: Partial<typeof INPUT> = {}, options: Partial<typeof OPTIONS> = {}): string {
  return renderMarkdown(buildMemo({ ...INPUT, ...patch }, { ...OPTIONS, ...options }));
}

/** Table rows of the summary: cells split on unescaped `|`. */
function tableRows(md: string): string[][] {
  const start = md.indexOf('## Summary');
  const block = md.slice(start).split('\n\n')[1] ?? '';
  return block.split('\n').map((row) =>
    row
      .replace(/^\| | \|$/g, '')
      .split(/(?<!\\)\|/)
      .map((cell) => cell.trim()),
  );
}

describe('renderMarkdown', () => {
  it('writes the title, documents, summary table, sections and appendix', () => {
    const md = render();
    expect(md).toMatch(/^# Review memo: GPAI Code v\. AI Act\n\nPrepared by Alice Example on 2025-03-04\./);
    expect(md).toContain('- **Law:** Mini AI Act (1 page), file ai-act.pdf, SHA-256 actact');
    const rows = tableRows(md);
    expect(rows[0]).toEqual([
      'Commitment',
      'clarifies',
      'expands',
      'restates',
      'narrows',
      'conflicts',
      'unclear',
      'mixed',
      'no stance',
      'Reviewed',
    ]);
    expect(rows[2]).toEqual([
      'Commitment 6 — Security mitigations',
      '0',
      '0',
      '0',
      '1',
      '0',
      '0',
      '0',
      '1',
      '0 of 2',
    ]);
    expect(rows[4]).toEqual(['**Total**', '1', '0', '0', '1', '0', '0', '0', '2', '1 of 4']);
    expect(md).toContain('### Measure 9.3 — Reporting timelines');
    expect(md).toContain('#### Article 55(1), point (c) · accepted');
    expect(md).toContain('## Appendix\n\n### Method');
    expect(md).toContain('### Not yet reviewed\n\n- Commitment 6 — Security mitigations\n- Measure 6.2');
  });

  it('quotes law text as a blockquote', () => {
    expect(render()).toContain(
      '> In addition to the obligations listed in Articles 53 and 54, providers of general-purpose AI models with systemic risk shall: keep track of',
    );
  });

  it('labels machine suggestions wherever they appear, and only when included', () => {
    const withSuggestions = render({}, { includeSuggestions: true });
    expect(withSuggestions).toContain(`#### Article 53(1), point (a) · _${MACHINE_SUGGESTION_LABEL}_`);
    expect(withSuggestions).toContain(`Suggested stance (${MACHINE_SUGGESTION_LABEL}): expands`);
    expect(withSuggestions).toContain('- shares key terms: document, report');
    const without = render();
    expect(without).not.toContain('Article 53(1), point (a)');
    expect(without).toContain('Only links a reviewer accepted are shown.');
  });

  it('lists both reviewers’ verdicts when they disagree', () => {
    const bob = annotation('b1', 'msr_9.3', null, { author: 'Bob', stance: 'conflicts', updatedAt: T2 });
    const md = render({ annotations: [...ANNOTATIONS, bob] });
    expect(md).toContain('**Reviewers disagree** on this measure: 2 verdicts, all kept.');
    expect(md).toMatch(/- Verdict: \*\*clarifies\*\*.* — Alice, /);
    expect(md).toMatch(/- Verdict: \*\*conflicts\*\*.* — Bob, /);
  });

  it('never lets user text become HTML: rationale, tags, author, project name, law text', () => {
    const hostile = annotation('h1', 'msr_6.2', null, {
      rationale: `See ${SCRIPT} and <img src=x onerror=alert(1)> & more`,
      tags: [SCRIPT],
      author: SCRIPT,
    });
    const law = tree('act', SCRIPT, [['art_1', 'article', '1', SCRIPT, `Providers ${SCRIPT} shall`, null]]);
    const md = renderMarkdown(
      buildMemo(
        {
          ...INPUT,
          law,
          project: { ...INPUT.project, name: SCRIPT },
          lawDocument: { ...INPUT.lawDocument, title: SCRIPT, fileName: `${SCRIPT}.pdf` },
          annotations: [hostile],
          links: [{ ...INPUT.links[0]!, source: 'msr_6.2', target: 'art_1' }],
        },
        { ...OPTIONS, author: SCRIPT },
      ),
    );
    expect(md).not.toContain('<script');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md).toContain('&amp; more');
  });

  it('keeps a rationale’s Markdown but not javascript: links', () => {
    const rationale =
      '**Stricter** than the Act:\n\n- two days\n- [see](javascript:alert(1))\n\n[ref]: data:text/html,x';
    const md = render({ annotations: [annotation('r1', 'msr_6.2', null, { rationale })] });
    expect(md).toContain('  **Stricter** than the Act:');
    expect(md).toContain('  - two days');
    expect(md).not.toMatch(/\]\(\s*javascript:/i);
    expect(md).toContain('[see](blocked-javascript:alert(1))');
    expect(md).not.toMatch(/\]:\s*data:/i);
    expect(escapeRationale('[a](https://example.org)')).toBe('[a](https://example.org)');
  });

  it('escapes `|` in table cells so a heading cannot add columns', () => {
    const code = tree('code', 'Code', [
      ['cmt_1', 'commitment', '1', 'Safety | security', 'Signatories commit.', null],
      ['msr_1.1', 'measure', '1.1', null, 'Signatories will.', 'cmt_1'],
    ]);
    const md = render({ code, links: [], annotations: [] });
    const rows = tableRows(md);
    expect(rows[2]?.[0]).toBe('Commitment 1 — Safety \\| security');
    for (const row of rows) expect(row).toHaveLength(10);
  });

  it('does not let law text start Markdown blocks or links inside its quote', () => {
    const law = tree('act', 'Act', [
      ['art_1', 'article', '1', null, '# Heading [x](http://e.org) *bold*', null],
    ]);
    const md = render({ law, links: [{ ...INPUT.links[0]!, source: 'msr_6.2', target: 'art_1' }] });
    expect(md).toContain('> \\# Heading \\[x\\](http://e.org) \\*bold\\*');
  });

  it('writes no angle bracket but blockquote markers, whatever the user typed', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string(),
        fc.array(fc.string(), { maxLength: 3 }),
        (rationale, author, tags) => {
          const md = render(
            { annotations: [annotation('f1', 'msr_6.2', null, { rationale, author, tags })] },
            { author },
          );
          expect(md.replace(/^>( |$)/gm, '')).not.toMatch(/[<>]/);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('renderMarkdown snapshot', () => {
  it('renders the comparison memo of the fixture review exactly as committed', async () => {
    // A change in layout shows up here as a diff to review, not as a surprise in a colleague's memo.
    await expect(render({}, { includeSuggestions: true })).toMatchFileSnapshot(
      '__snapshots__/comparison-memo.md',
    );
  });
});

describe('images in rationales', () => {
  it('become plain links: a viewer fetches nothing when the memo is opened', () => {
    expect(
      escapeRationale(
        'See ![pixel](https://tracker.example/p.gif) and [the Act](https://eur-lex.europa.eu).',
      ),
    ).toBe('See \\![pixel](https://tracker.example/p.gif) and [the Act](https://eur-lex.europa.eu).');
  });
});

describe('link definitions in rationales', () => {
  it('blocks a javascript: definition inside a list item too', () => {
    const out = escapeRationale('- [x]: javascript:alert(document.domain)\n\nSee [the evidence][x].');
    expect(out).not.toMatch(/\]:\s*javascript:/i);
    expect(out).toContain('blocked-javascript:');
  });
});
