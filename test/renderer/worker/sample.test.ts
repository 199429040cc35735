/**
 * The sample project's documents (renderer/sample.ts): the fixtures, embedded in the bundle, that
 * the worker reads as an act and a code of practice. (Here rather than under test/renderer/ because
 * they exist to be fed to the pipeline.)
 */
import { describe, expect, it } from 'vitest';
import actExpected from '../../../fixtures/act.expected.json';
import codeExpected from '../../../fixtures/code.expected.json';
import { dataUrlBytes, loadSampleFiles } from '../../../renderer/sample';
import { handleRequest } from '../../../renderer/worker/handler';
import type { PipelineReply } from '../../../renderer/worker/protocol';
import { pdfjs, standardFontDataUrl } from './node-pdfjs';

const latin1 = (bytes: Uint8Array, end = 5): string => String.fromCharCode(...bytes.subarray(0, end));

describe('the sample files', () => {
  it('are two named PDFs', async () => {
    const { law, code } = await loadSampleFiles();
    for (const file of [law, code]) {
      expect(file.name).toMatch(/\.pdf$/);
      expect(latin1(file.bytes)).toBe('%PDF-');
      expect(latin1(file.bytes.subarray(-6), 6)).toMatch(/%%EOF/);
    }
    expect(law.name).not.toBe(code.name);
  });

  it('parse in the worker’s handler as the synthetic act and code', async () => {
    const { law, code } = await loadSampleFiles();
    const expected = [actExpected, codeExpected];
    for (const [index, file] of [law, code].entries()) {
      const replies: PipelineReply[] = [];
      await handleRequest(
        { type: 'parse', id: 1, bytes: file.bytes, standardFontDataUrl },
        { pdfjs, post: (reply) => replies.push(reply) },
      );
      const last = replies.at(-1);
      expect(last?.type).toBe('parsed');
      if (last?.type !== 'parsed') return;
      expect(last.tree.document).toMatchObject(expected[index]?.document ?? {});
      expect(last.tree.units).toHaveLength(expected[index]?.units.length ?? -1);
    }
  });

  it('come as fresh arrays on every call, so one caller cannot spoil them for the next', async () => {
    const first = await loadSampleFiles();
    first.law.bytes.fill(0);
    const second = await loadSampleFiles();
    expect(latin1(second.law.bytes)).toBe('%PDF-');
  });
});

describe('dataUrlBytes', () => {
  it('decodes base64 data URLs, empty ones included', () => {
    expect([...dataUrlBytes('data:application/pdf;base64,JVBERi0=')]).toEqual([37, 80, 68, 70, 45]);
    expect(dataUrlBytes('data:application/pdf;base64,')).toHaveLength(0);
  });

  it('refuses anything else, rather than returning text as bytes', () => {
    expect(() => dataUrlBytes('data:text/plain,%25PDF-')).toThrow(/base64/);
    expect(() => dataUrlBytes('/assets/act.pdf')).toThrow(/base64/);
  });
});
