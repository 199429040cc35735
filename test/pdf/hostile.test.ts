/**
 * A PDF that asks its reader to run JavaScript, launch a program, open web addresses and an
 * embedded script (fixtures/hostile/actions.pdf, made by scripts/make-hostile.mjs) is read for
 * its text only: the same clauses as the plain act, no script run, nothing opened. And the one
 * adapter over pdf.js asks pdf.js for nothing that could run code or fetch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { parsePdf } from '../../src/parse';
import { extractRuns } from '../../src/pdf/extract';
import type { PdfJsGetDocumentParams, PdfJsLib } from '../../src/pdf/pdfjs';
import { pdfjs, standardFontDataUrl } from '../support/pdfjs-node';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');
const hostile = (): Uint8Array => new Uint8Array(readFileSync(join(FIXTURES, 'hostile', 'actions.pdf')));

describe('fixtures/hostile/actions.pdf', () => {
  it('really carries JavaScript, Launch, URI and SubmitForm actions and an embedded file', async () => {
    // Read with pdf.js's full API (as a viewer would), to show the fixture is what it claims.
    const doc = await getDocument({ data: hostile(), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const js = await doc.getJSActions();
      expect(JSON.stringify(js)).toMatch(/app\.launchURL/);
      expect(JSON.stringify(js)).toMatch(/exportDataObject/);
      const attachments = (await doc.getAttachments()) as Record<string, { filename: string }>;
      expect(Object.values(attachments).map((a) => a.filename)).toContain('run-me.sh');
      const page = await doc.getPage(1);
      const annotations = (await page.getAnnotations()) as {
        subtype: string;
        url?: string;
        unsafeUrl?: string;
        action?: string;
      }[];
      expect(annotations.map((a) => a.subtype).sort()).toEqual([
        'FileAttachment',
        'Link',
        'Link',
        'Link',
        'Link',
      ]);
      expect(annotations.some((a) => (a.url ?? a.unsafeUrl ?? '').startsWith('http://198.51.100.7/'))).toBe(
        true,
      );
      expect(JSON.stringify(await page.getJSActions())).toMatch(/launchURL/);
    } finally {
      await doc.destroy();
    }
  });

  it('parses to exactly the clauses of the plain act, and runs none of its script', async () => {
    const flag = 'crosswalkHostileScriptRan';
    const tree = await parsePdf(pdfjs, hostile(), { standardFontDataUrl });
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'act.expected.json'), 'utf8')) as {
      document: { kind: string; pages: number };
      units: { id: string; text: string }[];
    };
    expect(tree.document).toMatchObject(expected.document);
    expect(tree.units.map((u) => [u.id, u.text])).toEqual(expected.units.map((u) => [u.id, u.text]));
    // The document script sets this global first thing: had anything evaluated it, it would be set.
    expect(flag in globalThis).toBe(false);
    // Nor does the script's text leak into the clauses.
    expect(JSON.stringify(tree)).not.toMatch(/launchURL|exportDataObject|run-me\.sh|198\.51\.100/);
  });
});

describe('the pdf.js adapter', () => {
  it('asks pdf.js for no eval, no font fetching, no system fonts and no scripting or XFA', async () => {
    const seen: PdfJsGetDocumentParams[] = [];
    const spy: PdfJsLib = {
      getDocument(params) {
        seen.push(params);
        return pdfjs.getDocument(params);
      },
    };
    await extractRuns(spy, hostile(), { standardFontDataUrl });
    expect(seen).toHaveLength(1);
    const params = seen[0] as unknown as Record<string, unknown>;
    expect(params['isEvalSupported']).toBe(false);
    expect(params['disableFontFace']).toBe(true);
    expect(params['useSystemFonts']).toBe(false);
    // Everything pdf.js would need to run a document's scripts or forms is left at its default (off),
    // and nothing points it at a remote resource.
    for (const key of ['enableScripting', 'enableXfa', 'url', 'cMapUrl', 'docBaseUrl', 'httpHeaders'])
      expect(params[key], key).toBeUndefined();
  });
});
