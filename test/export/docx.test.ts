import { describe, expect, it } from 'vitest';
import { buildMemo, MACHINE_SUGGESTION_LABEL } from '../../src/export/index';
import { renderDocx } from '../../src/export/docx';
import { paragraphs, unzip } from '../support/zip';
import { annotation, INPUT, OPTIONS } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';

async function render(patch: Partial<typeof INPUT> = {}, options: Partial<typeof OPTIONS> = {}) {
  const bytes = await renderDocx(buildMemo({ ...INPUT, ...patch }, { ...OPTIONS, ...options }));
  return { bytes, files: await unzip(bytes) };
}

describe('renderDocx', () => {
  it('writes a ZIP package with the parts of a Word document', async () => {
    const { bytes, files } = await render();
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(files.has('word/document.xml')).toBe(true);
    expect(files.has('word/styles.xml')).toBe(true);
  });

  it('has the title, headings, citations, stances, rationales and the summary table', async () => {
    const { files } = await render();
    const xml = files.get('word/document.xml') ?? '';
    const text = paragraphs(xml);
    expect(text).toContain('Review memo: GPAI Code v. AI Act');
    expect(text).toContain('Prepared by Alice Example on 2025-03-04.');
    expect(text.some((p) => p.startsWith('Commitment 9'))).toBe(true);
    expect(text).toContain('Measure 9.3 — Reporting timelines');
    expect(text).toContain('Article 55(1), point (c) · accepted');
    expect(xml).toContain('>expands<');
    expect(text.some((p) => p.includes('NIST relationship: subset-of'))).toBe(true);
    expect(text).toContain('Two days is stricter than “without undue delay”.');
    expect(
      text.some((p) => p.startsWith('In addition to the obligations listed in Articles 53 and 54')),
    ).toBe(true);
    expect(text.some((p) => p.includes('actact'))).toBe(true);
    for (const h of ['Documents', 'Summary', 'Appendix', 'Method', 'Not yet reviewed'])
      expect(text).toContain(h);
    expect(xml).toContain('<w:pStyle w:val="Title"/>');
    expect(xml).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?Commitment 9/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?Measure 9\.3/);
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?Article 55\(1\), point \(c\)/);
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    expect(text).toContain('no stance');
    expect(text).toContain('1 of 4');
    // Each commitment (and the appendix) starts a page.
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3);
  });

  it('sets the document properties', async () => {
    const { files } = await render();
    const core = files.get('docProps/core.xml') ?? '';
    expect(core).toContain('<dc:title>Review memo: GPAI Code v. AI Act</dc:title>');
    expect(core).toContain('<dc:creator>Alice Example</dc:creator>');
  });

  it('labels machine suggestions', async () => {
    const { files } = await render({}, { includeSuggestions: true });
    const text = paragraphs(files.get('word/document.xml') ?? '');
    expect(text).toContain(`Article 53(1), point (a) · ${MACHINE_SUGGESTION_LABEL}`);
    expect(text.some((p) => p.startsWith(`Suggested stance (${MACHINE_SUGGESTION_LABEL}): expands`))).toBe(
      true,
    );
  });

  it('escapes user text as XML and keeps rationale emphasis as runs', async () => {
    const hostile = annotation('h1', 'msr_6.2', null, {
      rationale: `**Bold** ${SCRIPT} & more\u0001\n\n- item`,
      tags: [SCRIPT],
      author: 'Eve',
    });
    const { files } = await render({
      annotations: [hostile],
      project: { ...INPUT.project, name: `A & B ${SCRIPT}` },
    });
    const xml = files.get('word/document.xml') ?? '';
    expect(xml).not.toContain('<script');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}>Bold<\/w:t>/);
    expect(xml).not.toContain('\u0001');
    expect(paragraphs(xml)).toContain('item');
    expect(files.get('docProps/core.xml')).toContain('Review memo: A &amp; B &lt;script&gt;');
  });
});
