/**
 * The worker's request handler, run in Node with pdf.js's legacy build (the browser build runs it
 * in the real worker): the replies the page would receive, in the order it would receive them.
 */
import { describe, expect, it } from 'vitest';
import actPdf from '../../../fixtures/act.pdf?inline';
import actExpected from '../../../fixtures/act.expected.json';
import emptyPdf from '../../../fixtures/broken/empty.pdf?inline';
import encryptedPdf from '../../../fixtures/broken/encrypted.pdf?inline';
import encryptedNoUserPdf from '../../../fixtures/broken/encrypted-nouser.pdf?inline';
import hostilePdf from '../../../fixtures/hostile/actions.pdf?inline';
import headerOnlyPdf from '../../../fixtures/broken/header-only.pdf?inline';
import notAPdf from '../../../fixtures/broken/not-a-pdf.pdf?inline';
import scannedPdf from '../../../fixtures/broken/scanned.pdf?inline';
import truncatedPdf from '../../../fixtures/broken/truncated.pdf?inline';
import codePdf from '../../../fixtures/code.pdf?inline';
import codeExpected from '../../../fixtures/code.expected.json';
import { suggestLinks, withStances } from '../../../src/linking/index';
import type { ClauseTree } from '../../../src/model/clause';
import { handleRequest, INTERNAL_MESSAGES, type HandlerDeps } from '../../../renderer/worker/handler';
import {
  isPipelineReply,
  type FailedReply,
  type PipelineReply,
  type PipelineRequest,
} from '../../../renderer/worker/protocol';
import { dataUrlBytes } from '../../../renderer/sample';
import { pdfjs, standardFontDataUrl } from './node-pdfjs';

/** Runs one request and returns every reply it posted, in order. */
async function run(request: PipelineRequest, deps: Partial<HandlerDeps> = {}): Promise<PipelineReply[]> {
  const replies: PipelineReply[] = [];
  await handleRequest(request, { pdfjs, post: (reply) => replies.push(reply), ...deps });
  return replies;
}

let nextId = 1;
function parseRequest(dataUrl: string, password?: string): PipelineRequest {
  return {
    type: 'parse',
    id: nextId++,
    bytes: dataUrlBytes(dataUrl),
    standardFontDataUrl,
    ...(password !== undefined ? { password } : {}),
  };
}

async function parsed(dataUrl: string): Promise<ClauseTree> {
  const replies = await run(parseRequest(dataUrl));
  const last = replies.at(-1);
  if (last?.type !== 'parsed') throw new Error(`not parsed: ${JSON.stringify(last)}`);
  return last.tree;
}

describe('parse requests', () => {
  it('read the synthetic act page by page, then post its clause tree', async () => {
    const request = parseRequest(actPdf);
    const replies = await run(request);
    const progress = replies.slice(0, -1);
    expect(progress).toEqual(
      Array.from({ length: actExpected.document.pages }, (_, i) => ({
        type: 'progress',
        id: request.id,
        done: i + 1,
        total: actExpected.document.pages,
      })),
    );
    const last = replies.at(-1);
    expect(last?.type).toBe('parsed');
    if (last?.type !== 'parsed') return;
    expect(last.id).toBe(request.id);
    expect(last.tree.document).toMatchObject(actExpected.document);
    expect(last.tree.units.map((u) => u.id)).toEqual(actExpected.units.map((u) => u.id));
    for (const reply of replies) expect(isPipelineReply(reply)).toBe(true);
  });

  it('read the synthetic code of practice into its commitments and measures', async () => {
    const tree = await parsed(codePdf);
    expect(tree.document).toMatchObject(codeExpected.document);
    expect(tree.units.map((u) => u.id)).toEqual(codeExpected.units.map((u) => u.id));
  });

  it('open an encrypted PDF with its password', async () => {
    const replies = await run(parseRequest(encryptedPdf, 'secret'));
    expect(replies.at(-1)?.type).toBe('parsed');
  });

  it('open a PDF encrypted without a user password, asking for none', async () => {
    expect((await parsed(encryptedNoUserPdf)).document.kind).toBe('other');
  });

  it('read a PDF full of JavaScript, Launch and URI actions and attachments for its text alone', async () => {
    const tree = await parsed(hostilePdf);
    expect(tree.document).toMatchObject(actExpected.document);
    expect(tree.units.map((u) => u.id)).toEqual(actExpected.units.map((u) => u.id));
    expect('crosswalkHostileScriptRan' in globalThis).toBe(false);
  });
});

// corrupted.pdf is left out here: pdf.js leaves a rejected promise behind on it, after the request
// has failed as it should, and Vitest counts that as an error of the run. The CLI's tests read it in
// a child process, and the worker (which quietens such leftovers) was checked on it in Chromium.
describe('a PDF that cannot be read', () => {
  it.each([
    ['empty.pdf', emptyPdf, undefined, 'empty', /empty/],
    ['not-a-pdf.pdf', notAPdf, undefined, 'not-pdf', /not a PDF/],
    ['header-only.pdf', headerOnlyPdf, undefined, 'damaged', /damaged or incomplete/],
    ['truncated.pdf', truncatedPdf, undefined, 'damaged', /damaged or incomplete/],
    ['encrypted.pdf', encryptedPdf, undefined, 'password-required', /encrypted with a password/],
    ['encrypted.pdf, wrong password', encryptedPdf, 'nope', 'password-wrong', /password .* not correct/],
    ['scanned.pdf', scannedPdf, undefined, 'no-text', /no text layer.*OCR/],
  ])(
    '%s gets one failed reply with its code and a plain sentence',
    async (_name, pdf, password, code, message) => {
      const request = parseRequest(pdf, password);
      const internal: unknown[] = [];
      const replies = await run(request, { onInternalError: (error) => internal.push(error) });
      const last = replies.at(-1) as FailedReply;
      expect(last).toMatchObject({ type: 'failed', id: request.id, code });
      expect(last.message).toMatch(message);
      expect(last.message).not.toMatch(/\n\s+at |Exception|\[object/);
      expect(replies.slice(0, -1).every((reply) => reply.type === 'progress')).toBe(true);
      expect(isPipelineReply(last)).toBe(true);
      expect(internal).toEqual([]);
    },
  );
});

describe('link requests', () => {
  it('post the same report as the core linker, stances included', async () => {
    const [law, code] = await Promise.all([parsed(actPdf), parsed(codePdf)]);
    const replies = await run({ type: 'link', id: 7, law, code });
    expect(replies).toHaveLength(1);
    const reply = replies[0];
    expect(reply?.type).toBe('linked');
    if (reply?.type !== 'linked') return;
    expect(reply.id).toBe(7);
    expect(reply.report).toEqual(withStances(law, code, suggestLinks(law, code)));
    expect(reply.report.links.length).toBeGreaterThan(0);
    expect(reply.report.links.some((link) => link.suggestedStance !== null)).toBe(true);
    expect(isPipelineReply(reply)).toBe(true);
  });

  it('turn a bug into a generic sentence, and hand the error to whoever logs it', async () => {
    const internal: unknown[] = [];
    // Units that are not units: the linker throws a TypeError.
    const broken = { ...(await parsed(codePdf)), units: [null] } as unknown as ClauseTree;
    const law = await parsed(actPdf);
    const replies = await run(
      { type: 'link', id: 8, law, code: broken },
      { onInternalError: (error) => internal.push(error) },
    );
    expect(replies).toEqual([{ type: 'failed', id: 8, code: 'internal', message: INTERNAL_MESSAGES.link }]);
    expect(internal).toHaveLength(1);
    expect(internal[0]).toBeInstanceOf(TypeError);
  });
});

describe('a parse that fails for a reason other than the PDF', () => {
  it('says so in a generic sentence with code internal', async () => {
    const failing = {
      getDocument: () => {
        throw new RangeError('pdf.js blew up');
      },
    };
    const replies = await run(parseRequest(actPdf), { pdfjs: failing });
    expect(replies).toEqual([
      expect.objectContaining({ type: 'failed', code: 'internal', message: INTERNAL_MESSAGES.parse }),
    ]);
  });
});
