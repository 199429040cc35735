import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_TEXT,
  buildMemo,
  renderCsv,
  renderHtml,
  renderMarkdown,
  RESPONSE_CSV_COLUMNS,
} from '../../src/export/index';
import { renderDocx } from '../../src/export/docx';
import { paragraphs, unzip } from '../support/zip';
import { INPUT, objection, OBJECTIONS, OPTIONS } from './fixtures';

const RESPONSE = { ...OPTIONS, template: 'response' as const };

describe('the response memo', () => {
  it('lists each objection with the provisions it concerns, their verdicts and the response', () => {
    const memo = buildMemo(INPUT, RESPONSE);
    expect(memo.title).toBe('Response memo: GPAI Code v. AI Act');
    expect(memo.sections).toEqual([]);
    expect(memo.objections.map((o) => o.id)).toEqual(['o1', 'o2']);
    const [first, second] = memo.objections;
    expect(first?.units.map((u) => u.id)).toEqual(['msr_9.3']);
    expect(first?.units[0]?.links.map((l) => l.citation)).toEqual(['Article 55(1), point (c)']);
    expect(first?.units[0]?.links[0]?.quote).toContain('serious incidents');
    expect(first?.units[0]?.verdicts.map((v) => v.stance)).toEqual(['clarifies']);
    expect(first?.assessmentText).toBe(ASSESSMENT_TEXT.founded);
    expect(second?.units.map((u) => u.id)).toEqual(['msr_6.2', 'cmt_6']);
    expect(second?.assessmentText).toBe(ASSESSMENT_TEXT.unfounded);
    // Its appendix lists the unreviewed units among those concerned, not the whole code's.
    expect(memo.appendix.unreviewed.map((u) => u.id)).toEqual(['cmt_6', 'msr_6.2']);
  });

  it('keeps the order asked for, skips unknown ids, and reports units missing from the code', () => {
    const input = { ...INPUT, objections: [...OBJECTIONS, objection('o3', ['msr_99.1', 'msr_9.3'])] };
    const memo = buildMemo(input, { ...RESPONSE, objections: ['o3', 'nope', 'o1'] });
    expect(memo.objections.map((o) => o.id)).toEqual(['o3', 'o1']);
    expect(memo.objections[0]?.missing).toEqual(['msr_99.1']);
    expect(memo.filters).toEqual(['Objections: Incident deadlines; Incident deadlines']);
    expect(renderMarkdown(memo)).toContain('Not in this version of the code: msr\\_99.1.');
  });

  it('leaves out other projects’ objections, and the comparison memo shows none', () => {
    const input = {
      ...INPUT,
      objections: [...OBJECTIONS, objection('o9', ['msr_9.3'], { projectId: 'p2' })],
    };
    expect(buildMemo(input, RESPONSE).objections.map((o) => o.id)).toEqual(['o1', 'o2']);
    expect(buildMemo(input, OPTIONS).objections).toEqual([]);
    expect(renderMarkdown(buildMemo(input, OPTIONS))).not.toContain('Objection');
  });

  it('in Markdown: both objections, their claims, provisions quoted and responses (snapshot)', async () => {
    const md = renderMarkdown(buildMemo(INPUT, RESPONSE));
    expect(md).toContain('## Objection 1 — Incident deadlines');
    expect(md).toContain('## Objection 2 — Security scope');
    expect(md).toContain('Raised by Industry Association on 2025-08-14 in Letter to the AI Office, p. 3.');
    expect(md).toContain('> The two-day reporting deadline has no basis in the AI Act.');
    expect(md).toContain(`**Assessment:** ${ASSESSMENT_TEXT.founded.replace(':', ':')}`);
    expect(md).toContain('#### Measure 9.3');
    expect(md).toContain('##### Article 55(1), point (c) · accepted');
    expect(md).toContain('Article 55(1)(c) requires reporting *without undue delay*');
    expect(md).toContain('| 2 | Security scope | Cloud Providers Forum |  | Measure 6.2, Commitment 6 |');
    await expect(md).toMatchFileSnapshot('__snapshots__/response-memo.md');
  });

  it('in HTML and DOCX: the objections table, each objection and its provisions', async () => {
    const memo = buildMemo(INPUT, RESPONSE);
    const html = renderHtml(memo);
    expect(html.match(/<section class="objection">/g)).toHaveLength(2);
    expect(html).toContain('<blockquote class="claim">The two-day reporting deadline');
    expect(html).toContain('<em>without undue delay</em>');
    expect(html).toContain('<span class="citation">Article 55(1), point (c)</span>');

    const files = await unzip(await renderDocx(memo));
    const xml = files.get('word/document.xml') ?? '';
    const text = paragraphs(xml);
    expect(text).toContain('Objection 1 — Incident deadlines');
    expect(text).toContain('Objection 2 — Security scope');
    expect(text).toContain('Assessment: Unfounded: the commitments concerned clarify the law');
    expect(text.some((p) => p.startsWith('Article 55(1), point (c) · accepted'))).toBe(true);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(text).toContain('Cloud Providers Forum');
  });

  it('in CSV: a row per objection × unit × link, with the objection’s columns first', () => {
    const lines = renderCsv(buildMemo(INPUT, RESPONSE), { bom: false }).trimEnd().split('\r\n');
    expect(lines[0]).toBe(RESPONSE_CSV_COLUMNS.join(','));
    expect(lines.filter((l) => l.startsWith('o1,')).length).toBeGreaterThanOrEqual(2);
    expect(lines.some((l) => l.startsWith('o2,Security scope,Cloud Providers Forum,,'))).toBe(true);
    const lonely = buildMemo(
      { ...INPUT, objections: [objection('o5', [], { title: '=HYPERLINK()' })] },
      RESPONSE,
    );
    const rows = renderCsv(lonely, { bom: false }).trimEnd().split('\r\n');
    expect(rows[1]).toMatch(/^o5,'=HYPERLINK\(\),/);
  });
});
