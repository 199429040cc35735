import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type * as platform from '../../renderer/platform/types';
import {
  bridgeEvents,
  bridgeMethods,
  decodeBundleText,
  EVENT_CHANNELS,
  INVOKE_CHANNELS,
  isEventChannel,
  isInvokeChannel,
  MAX_BUNDLE_BYTES,
  MAX_PDF_BYTES,
  MAX_SAVE_BYTES,
  MAX_SAVE_TEXT_LENGTH,
  parseEventPayload,
  parseInvokeArgs,
  parseInvokeValue,
  saveNameSchema,
  toDisplayFileName,
  toSafeFileName,
  type HostCommand,
  type ImportRole,
  type InvokeChannel,
  type PdfFile,
  type TextFile,
} from '../../src/ipc/contract';

const pdf = (name: string, bytes: unknown = new Uint8Array([0x25, 0x50, 0x44, 0x46])) => ({ name, bytes });
const save = (overrides: Record<string, unknown> = {}) => ({
  suggestedName: 'Crosswalk memo.md',
  contents: '# Memo\n',
  mimeType: 'text/markdown; charset=utf-8',
  ...overrides,
});

/** A valid argument list for each channel, to show that only the hostile part is refused. */
const validArgs: { readonly [C in InvokeChannel]: unknown[] } = {
  'pdf:open-dialog': ['law'],
  'bundle:open-dialog': [],
  'file:save': [save()],
  'memo:save-pdf': [{ suggestedName: 'memo.pdf', html: '<!DOCTYPE html><p>memo</p>' }],
  'theme:set': [true],
  'app:info': [],
  'backup:write': [{ projectId: 'p-1', text: '{}' }],
  'backup:list': [],
  'backup:read': [{ projectId: 'p-1', name: '2026-11-29T05-20-32-123Z.crosswalk.json' }],
};

/** An array whose every property access throws: what a hostile renderer could construct. */
function trap(): unknown {
  return new Proxy([], {
    get() {
      throw new Error('boom');
    },
    getPrototypeOf() {
      throw new Error('boom');
    },
    ownKeys() {
      throw new Error('boom');
    },
  });
}

/** An object with a getter that throws. */
function throwingGetter(key: string, base: Record<string, unknown> = {}): unknown {
  const value = { ...base };
  Object.defineProperty(value, key, {
    enumerable: true,
    get() {
      throw new Error('boom');
    },
  });
  return value;
}

// The renderer's types and the contract's must describe the same messages (both directions).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameTypes: [
  Same<HostCommand, platform.HostCommand>,
  Same<PdfFile, platform.PdfFile>,
  Same<TextFile, platform.TextFile>,
  Same<ImportRole, platform.ImportRole>,
] = [true, true, true, true];

describe('IPC contract: channels', () => {
  it('declares the channels main handles and the preload exposes', () => {
    expect([...INVOKE_CHANNELS].sort()).toEqual([
      'app:info',
      'backup:list',
      'backup:read',
      'backup:write',
      'bundle:open-dialog',
      'file:save',
      'memo:save-pdf',
      'pdf:open-dialog',
      'theme:set',
    ]);
    expect(EVENT_CHANNELS).toEqual(['host:command']);
    expect(Object.values(bridgeMethods).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.values(bridgeEvents)).toEqual([...EVENT_CHANNELS]);
    expect(sameTypes).toEqual([true, true, true, true]);
  });

  it.each([
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'pdf:open',
    'pdf:opened',
    '',
    42,
    null,
    undefined,
    {},
  ])('does not mistake %j for a channel', (name) => {
    expect(isInvokeChannel(name)).toBe(false);
    expect(isEventChannel(name)).toBe(false);
    expect(parseInvokeArgs(name as InvokeChannel, []).ok).toBe(false);
    expect(parseInvokeValue(name as InvokeChannel, null).ok).toBe(false);
    expect(parseEventPayload(name as 'host:command', { kind: 'about' }).ok).toBe(false);
  });
});

describe('IPC contract: arguments arriving in main', () => {
  it.each(INVOKE_CHANNELS)('%s accepts its well-formed argument list', (channel) => {
    expect(parseInvokeArgs(channel, validArgs[channel])).toEqual({ ok: true, value: validArgs[channel] });
  });

  const everyChannel: [string, (channel: InvokeChannel) => unknown][] = [
    ['an extra argument', (channel) => [...validArgs[channel], '/etc/passwd']],
    ['a path smuggled as an object', () => [{ path: '/etc/passwd' }]],
    ['a non-array', () => '/etc/passwd'],
    ['null', () => null],
    ['undefined', () => undefined],
    ['an array-like object', () => ({ length: 0 })],
    ['a huge array', () => new Array<number>(100_000).fill(0)],
    ['a prototype-pollution payload', () => [JSON.parse('{"__proto__": {"polluted": true}}') as unknown]],
    ['an array whose every access throws', () => trap()],
    ['a throwing getter in the list', () => throwingGetter('0', {})],
  ];
  it.each(everyChannel)(
    'refuses %s on every channel, with a plain error, without throwing',
    (_label, make) => {
      for (const channel of INVOKE_CHANNELS) {
        const result = parseInvokeArgs(channel, make(channel));
        expect(result.ok, channel).toBe(false);
        if (!result.ok)
          expect(result.error).toMatch(/^The request to .+ (was not in the expected form|could not be read)/);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    },
  );

  it.each([
    ['no role', []],
    ['an unknown role', ['treaty']],
    ['a role in capitals', ['LAW']],
    ['a path instead of a role', ['/etc/passwd']],
    ['two roles', ['law', 'code']],
    ['a role object', [{ role: 'law' }]],
    ['a boxed string', [Object('law')]],
  ])('pdf:open-dialog refuses %s', (_label, args) => {
    expect(parseInvokeArgs('pdf:open-dialog', args).ok).toBe(false);
  });

  it.each([
    ['no argument', []],
    ['a string', ['dark']],
    ['a number', [1]],
    ['null', [null]],
    ['a boxed boolean', [Object(true)]],
    ['two arguments', [true, false]],
  ])('theme:set refuses %s', (_label, args) => {
    expect(parseInvokeArgs('theme:set', args).ok).toBe(false);
  });

  it('bundle:open-dialog and app:info take nothing', () => {
    expect(parseInvokeArgs('bundle:open-dialog', ['/home/me/x.json']).ok).toBe(false);
    expect(parseInvokeArgs('app:info', [{}]).ok).toBe(false);
  });

  it.each([
    ['a POSIX path', save({ suggestedName: '/home/user/.bashrc' })],
    ['a relative path', save({ suggestedName: '../x.pdf' })],
    ['a Windows path', save({ suggestedName: 'C:\\x' })],
    ['a drive-relative Windows path', save({ suggestedName: 'C:x.md' })],
    ['a UNC path', save({ suggestedName: '\\\\server\\share\\x.md' })],
    ['an NTFS stream', save({ suggestedName: 'memo.md:hidden' })],
    ['a dot name', save({ suggestedName: '..' })],
    ['a trailing dot', save({ suggestedName: 'memo.' })],
    ['a trailing space', save({ suggestedName: 'memo.md ' })],
    ['a device name', save({ suggestedName: 'CON' })],
    ['a device name with an extension', save({ suggestedName: 'nul.md' })],
    ['an empty name', save({ suggestedName: '' })],
    ['a NUL', save({ suggestedName: 'a\u0000.md' })],
    ['a newline', save({ suggestedName: 'a\n.md' })],
    ['a C1 control', save({ suggestedName: 'a\u0085.md' })],
    ['a right-to-left override', save({ suggestedName: 'memo\u202Edm.exe' })],
    ['a lone surrogate', save({ suggestedName: 'a\uD800.md' })],
    ['wildcards', save({ suggestedName: 'memo*.md' })],
    ['an absurdly long name', save({ suggestedName: `${'a'.repeat(300)}.md` })],
    ['a name that is not a string', save({ suggestedName: ['memo.md'] })],
    ['contents as a plain array', save({ contents: [1, 2, 3] })],
    ['contents as an ArrayBuffer', save({ contents: new ArrayBuffer(4) })],
    ['contents as an object', save({ contents: { toString: () => 'x' } })],
    ['missing contents', { suggestedName: 'a.md', mimeType: 'text/plain' }],
    ['a MIME type with a newline', save({ mimeType: 'text/html\r\nX-Evil: 1' })],
    ['a MIME type without a subtype', save({ mimeType: 'text' })],
    ['a MIME type that is not a string', save({ mimeType: 42 })],
    ['an over-long MIME type', save({ mimeType: `text/${'x'.repeat(300)}` })],
    ['an extra path field', save({ path: '/home/user/memo.md' })],
    ['an extra directory field', save({ directory: '/etc' })],
    [
      'a __proto__ key',
      JSON.parse('{"suggestedName":"a.md","contents":"x","mimeType":"text/plain","__proto__":{"x":1}}'),
    ],
    ['a throwing getter', throwingGetter('contents', { suggestedName: 'a.md', mimeType: 'text/plain' })],
    ['a proxy whose accesses throw', trap()],
    ['a string instead of an object', 'memo.md'],
  ])('file:save refuses %s', (_label, request) => {
    const result = parseInvokeArgs('file:save', [request]);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['x']).toBeUndefined();
  });

  it('file:save takes bytes as well as text', () => {
    expect(parseInvokeArgs('file:save', [save({ contents: new Uint8Array([80, 75]) })]).ok).toBe(true);
    expect(parseInvokeArgs('file:save', [save({ contents: Buffer.from('PK') })]).ok).toBe(true);
    expect(
      parseInvokeArgs('file:save', [
        save({
          suggestedName: 'Memo (AI Act × GPAI Code) – 2025.docx',
          contents: new Uint8Array(0),
          mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        }),
      ]).ok,
    ).toBe(true);
  });

  it('file:save refuses contents over the size limit, bytes or text, without copying them', () => {
    const tooBig = new Uint8Array(new ArrayBuffer(MAX_SAVE_BYTES + 1));
    expect(parseInvokeArgs('file:save', [save({ contents: tooBig })]).ok).toBe(false);
    const atLimit = new Uint8Array(new ArrayBuffer(MAX_SAVE_BYTES));
    expect(parseInvokeArgs('file:save', [save({ contents: atLimit })]).ok).toBe(true);
    const longText = 'a'.repeat(MAX_SAVE_TEXT_LENGTH + 1);
    expect(parseInvokeArgs('file:save', [save({ contents: longText })]).ok).toBe(false);
    // Text at the limit is at most MAX_SAVE_BYTES once written as UTF-8.
    expect(MAX_SAVE_TEXT_LENGTH * 3).toBeLessThanOrEqual(MAX_SAVE_BYTES);
  });
});

describe('IPC contract: what main sends back', () => {
  it('accepts a chosen PDF and a cancelled dialog', () => {
    expect(parseInvokeValue('pdf:open-dialog', pdf('Regulation 2024-1689.pdf')).ok).toBe(true);
    expect(parseInvokeValue('pdf:open-dialog', null)).toEqual({ ok: true, value: null });
  });

  const badNames: [string, string][] = [
    ['a POSIX path', '/home/user/secret.pdf'],
    ['a Windows path', 'C:\\Users\\me\\secret.pdf'],
    ['a relative path', '../secret.pdf'],
    ['a dot name', '..'],
    ['an empty name', ''],
    ['a name with a NUL', 'a\u0000.pdf'],
    ['a name with a newline', 'a\n.pdf'],
    ['an absurdly long name', 'a'.repeat(300)],
  ];

  it.each([
    ...badNames.map(([label, name]): [string, unknown] => [label, pdf(name)]),
    ['bytes as a plain array', pdf('a.pdf', [1, 2, 3])],
    ['bytes as an ArrayBuffer', pdf('a.pdf', new ArrayBuffer(4))],
    ['bytes as a string', pdf('a.pdf', '%PDF-1.7')],
    ['an extra path field', { ...pdf('a.pdf'), path: '/home/user/a.pdf' }],
    ['a missing bytes field', { name: 'a.pdf' }],
    ['undefined', undefined],
  ])('refuses to hand the renderer a PDF with %s', (_label, value) => {
    expect(parseInvokeValue('pdf:open-dialog', value).ok).toBe(false);
    expect(parseEventPayload('host:command', { kind: 'import-pdf', role: 'law', file: value }).ok).toBe(
      false,
    );
  });

  it('refuses PDF bytes over the size limit without copying them', () => {
    const tooBig = new Uint8Array(new ArrayBuffer(MAX_PDF_BYTES + 1));
    expect(parseInvokeValue('pdf:open-dialog', pdf('big.pdf', tooBig)).ok).toBe(false);
  });

  it('accepts a Node Buffer (a Uint8Array) as bytes', () => {
    expect(parseInvokeValue('pdf:open-dialog', pdf('a.pdf', Buffer.from('%PDF-1.7'))).ok).toBe(true);
  });

  it('checks bundle:open-dialog', () => {
    expect(parseInvokeValue('bundle:open-dialog', { name: 'project.json', text: '{}' }).ok).toBe(true);
    expect(parseInvokeValue('bundle:open-dialog', null).ok).toBe(true);
    for (const [, name] of badNames) {
      expect(parseInvokeValue('bundle:open-dialog', { name, text: '{}' }).ok, name).toBe(false);
    }
    expect(parseInvokeValue('bundle:open-dialog', { name: 'a.json', text: new Uint8Array(2) }).ok).toBe(
      false,
    );
    expect(parseInvokeValue('bundle:open-dialog', { name: 'a.json', text: '{}', path: '/x' }).ok).toBe(false);
    const tooLong = 'x'.repeat(MAX_BUNDLE_BYTES + 1);
    expect(parseInvokeValue('bundle:open-dialog', { name: 'a.json', text: tooLong }).ok).toBe(false);
  });

  it('checks file:save, theme:set and app:info', () => {
    expect(parseInvokeValue('file:save', true).ok).toBe(true);
    expect(parseInvokeValue('file:save', false).ok).toBe(true);
    expect(parseInvokeValue('file:save', '/home/me/memo.md').ok).toBe(false);
    expect(parseInvokeValue('theme:set', null).ok).toBe(true);
    expect(parseInvokeValue('theme:set', 'dark').ok).toBe(false);
    expect(parseInvokeValue('app:info', { version: '0.1.0', platform: 'linux' }).ok).toBe(true);
    expect(parseInvokeValue('app:info', { version: '<script>', platform: 'linux' }).ok).toBe(false);
    expect(parseInvokeValue('app:info', { version: '0.1.0', platform: 'linux', extra: 1 }).ok).toBe(false);
    expect(parseInvokeValue('app:info', { version: 1, platform: 'linux' }).ok).toBe(false);
  });
});

describe('IPC contract: host commands', () => {
  const file = pdf('AI Act.pdf');

  it.each([
    { kind: 'import-pdf', role: 'law', file },
    { kind: 'import-pdf', role: 'code', file },
    { kind: 'open-sample' },
    { kind: 'import-bundle', file: { name: 'project.json', text: '{"version":1}' } },
    { kind: 'export-memo' },
    { kind: 'toggle-dark-mode' },
    { kind: 'about' },
  ])('passes $kind', (command) => {
    expect(parseEventPayload('host:command', command)).toEqual({ ok: true, value: command });
  });

  it.each([
    ['an unknown kind', { kind: 'run-script', script: 'rm -rf ~' }],
    ['no kind', { role: 'law', file }],
    ['an import without a file', { kind: 'import-pdf', role: 'law' }],
    ['an import with an unknown role', { kind: 'import-pdf', role: 'treaty', file }],
    ['a PDF handed over as a path', { kind: 'import-pdf', role: 'law', file: '/home/me/a.pdf' }],
    ['a bundle with a path for a name', { kind: 'import-bundle', file: { name: '../a.json', text: '{}' } }],
    ['a bundle given as bytes', { kind: 'import-bundle', file: { name: 'a.json', text: new Uint8Array(1) } }],
    ['an extra field', { kind: 'about', url: 'https://evil.example/' }],
    ['a __proto__ key', JSON.parse('{"kind":"about","__proto__":{"polluted":true}}')],
    ['a throwing getter', throwingGetter('kind')],
    ['a proxy whose accesses throw', trap()],
    ['a string', 'about'],
    ['null', null],
  ])('drops %s', (_label, payload) => {
    const result = parseEventPayload('host:command', payload);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('file names', () => {
  it.each([
    ['Memo: AI Act / GPAI Code.md', 'Memo- AI Act - GPAI Code.md'],
    ['C:\\Users\\me\\memo.md', 'C--Users-me-memo.md'],
    ['../x.pdf', 'untitled..-x.pdf'],
    ['memo...', 'memo'],
    ['  memo.md  ', 'memo.md'],
    ['con.md', '_con.md'],
    ['LPT1', '_LPT1'],
    ['a\u0000b\nc\u202E.md', 'abc.md'],
    ['.md', 'untitled.md'],
    ['', 'untitled'],
    ['...', 'untitled'],
    ['Crosswalk memo – Article 53(1)(a).docx', 'Crosswalk memo – Article 53(1)(a).docx'],
  ])('toSafeFileName(%j) is %j', (title, name) => {
    expect(toSafeFileName(title)).toBe(name);
  });

  it('shortens an over-long title before its extension', () => {
    const name = toSafeFileName(`${'ä'.repeat(400)}.docx`);
    expect(name.length).toBeLessThanOrEqual(255);
    expect(name.endsWith('.docx')).toBe(true);
    const emoji = toSafeFileName(`${'😀'.repeat(200)}.md`);
    expect(saveNameSchema.safeParse(emoji).success).toBe(true);
  });

  it('always yields a name main accepts, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (title) => {
        expect(saveNameSchema.safeParse(toSafeFileName(title)).success).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('makes any picked file name displayable', () => {
    expect(toDisplayFileName('a\\b\n.pdf')).toBe('a_b_.pdf');
    expect(toDisplayFileName('')).toBe('untitled');
    expect(toDisplayFileName('x'.repeat(400))).toHaveLength(255);
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 600 }), (name) => {
        const shown = toDisplayFileName(name);
        expect(parseInvokeValue('bundle:open-dialog', { name: shown, text: '' }).ok).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('decodeBundleText', () => {
  it('decodes UTF-8 and drops a byte-order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('{"t":"Artikel – ü"}')]);
    expect(decodeBundleText(bytes, 'a.json')).toEqual({ ok: true, value: '{"t":"Artikel – ü"}' });
  });

  it.each([
    ['Latin-1', new Uint8Array([0x7b, 0xe4, 0x7d])],
    ['UTF-16', new Uint8Array([0xff, 0xfe, 0x7b, 0x00])],
    ['a truncated sequence', new Uint8Array([0x7b, 0xe2, 0x80])],
  ])('refuses %s with a plain message', (_label, bytes) => {
    expect(decodeBundleText(bytes, 'old.json')).toEqual({
      ok: false,
      error: '"old.json" is not UTF-8 text, so Crosswalk cannot read it as a bundle.',
    });
  });
});
