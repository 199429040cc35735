import { describe, expect, it } from 'vitest';
import {
  FAILURE_CODES,
  isClauseTreeShape,
  isFailureCode,
  isPipelineReply,
  isPipelineRequest,
  type PipelineReply,
  type PipelineRequest,
} from '../../../renderer/worker/protocol';
import { MINI_CODE, MINI_LAW } from '../../support/trees';

const parse: PipelineRequest = {
  type: 'parse',
  id: 1,
  bytes: new Uint8Array([37, 80, 68, 70, 45]),
  standardFontDataUrl: 'http://127.0.0.1/pdfjs/standard_fonts/',
};
const link: PipelineRequest = { type: 'link', id: 2, law: MINI_LAW, code: MINI_CODE };

const replies: PipelineReply[] = [
  { type: 'progress', id: 1, done: 3, total: 144 },
  { type: 'parsed', id: 1, tree: MINI_LAW },
  { type: 'linked', id: 2, report: { links: [], unresolved: [] } },
  { type: 'failed', id: 3, code: 'password-required', message: 'The PDF is encrypted with a password.' },
  { type: 'failed', id: 4, code: 'internal', message: 'Something went wrong.' },
];

describe('pipeline requests', () => {
  it('accepts a parse request, with or without a password, and a link request', () => {
    expect(isPipelineRequest(parse)).toBe(true);
    expect(isPipelineRequest({ ...parse, password: 'secret' })).toBe(true);
    expect(isPipelineRequest(link)).toBe(true);
  });

  it('survives a structured clone (what postMessage does) unchanged', () => {
    for (const request of [parse, link]) expect(isPipelineRequest(structuredClone(request))).toBe(true);
  });

  it.each([
    ['null', null],
    ['a string', 'parse'],
    ['an array', [parse]],
    ['no id', { ...parse, id: undefined }],
    ['id 0', { ...parse, id: 0 }],
    ['a fractional id', { ...parse, id: 1.5 }],
    ['a string id', { ...parse, id: '1' }],
    ['an unknown type', { ...parse, type: 'render' }],
    ['bytes as a plain array', { ...parse, bytes: [37, 80] }],
    ['bytes as an ArrayBuffer', { ...parse, bytes: new ArrayBuffer(4) }],
    ['a numeric password', { ...parse, password: 1234 }],
    ['no font URL', { ...parse, standardFontDataUrl: undefined }],
    ['an empty font URL', { ...parse, standardFontDataUrl: '' }],
    ['a link without a code', { ...link, code: undefined }],
    ['a link with a tree without units', { ...link, law: { document: MINI_LAW.document } }],
    [
      'a link with an unknown document kind',
      { ...link, law: { ...MINI_LAW, document: { ...MINI_LAW.document, kind: 'novel' } } },
    ],
    // pdf.js's own worker handler talks on the same scope.
    ['a pdf.js message', { sourceName: 'worker', targetName: 'main', action: 'ready', data: null }],
  ])('rejects %s', (_name, value) => {
    expect(isPipelineRequest(value)).toBe(false);
  });
});

describe('pipeline replies', () => {
  it('accepts every kind of reply, also after a structured clone', () => {
    for (const reply of replies) {
      expect(isPipelineReply(reply)).toBe(true);
      expect(isPipelineReply(structuredClone(reply))).toBe(true);
    }
  });

  it.each([
    [
      'pdf.js announcing its in-thread handler',
      { sourceName: 'worker', targetName: 'main', action: 'ready', data: null },
    ],
    ['progress past the end', { type: 'progress', id: 1, done: 5, total: 4 }],
    ['negative progress', { type: 'progress', id: 1, done: -1, total: 4 }],
    ['a parsed reply without a tree', { type: 'parsed', id: 1 }],
    ['a linked reply without links', { type: 'linked', id: 1, report: { unresolved: [] } }],
    ['an unknown failure code', { type: 'failed', id: 1, code: 'ENOENT', message: 'No such file.' }],
    ['a failure without a message', { type: 'failed', id: 1, code: 'damaged', message: '  ' }],
    ['a reply to no request', { type: 'parsed', id: 0, tree: MINI_LAW }],
  ])('ignores %s', (_name, value) => {
    expect(isPipelineReply(value)).toBe(false);
  });

  it('knows every code the parser can fail with, and internal', () => {
    for (const code of [
      'empty',
      'not-pdf',
      'damaged',
      'password-required',
      'password-wrong',
      'no-text',
      'too-large',
      'cancelled',
      'internal',
    ]) {
      expect(isFailureCode(code)).toBe(true);
    }
    expect(FAILURE_CODES).toHaveLength(9);
    expect(isFailureCode('toString')).toBe(false);
  });

  it('checks a clause tree by its outline only', () => {
    expect(isClauseTreeShape(MINI_CODE)).toBe(true);
    expect(isClauseTreeShape({ ...MINI_CODE, document: { ...MINI_CODE.document, pages: -1 } })).toBe(false);
  });
});
