import { describe, expect, it } from 'vitest';
import { buildMemo, MACHINE_SUGGESTION_LABEL } from '../../src/export/index';
import { renderDocx } from '../../src/export/docx';
import { annotation, INPUT, OPTIONS } from './fixtures';

const SCRIPT = '<script>alert(1)</script>';

/** The files of a ZIP archive, read from its central directory (stored or deflated entries). */
async function unzip(bytes: Uint8Array): Promise<Map<string, string>> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end -= 1;
  if (end < 0) throw new Error('no end of central directory');
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i += 1) {
    if (view.getUint32(at, true) !== 0x02014b50) throw new Error('bad central directory entry');
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const data = bytes.subarray(start, start + size);
    let content: Uint8Array;
    if (method === 0) content = data;
    else if (method === 8) {
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
      content = new Uint8Array(await new Response(stream).arrayBuffer());
    } else throw new Error(`unsupported compression ${method}`);
    files.set(name, decoder.decode(content));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return files;
}

/** The text of a document.xml, paragraph by paragraph. */
function paragraphs(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
  );
}

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
